import { describe, expect, it } from 'vitest';
import { lossCurves } from '../../src/viz/curves.js';

const run = (label: string, values: number[]) => ({ label, trace: { points: values.map(() => [0, 0]), values } });

describe('lossCurves', () => {
  it('draws f on a log axis when every value is positive', () => {
    expect(lossCurves([run('a', [10, 1, 0.1])])).toContain('f(x) (log scale)</text>');
  });

  it('keeps the log axis when a run reaches f* exactly, drawing those points a decade under the smallest positive value', () => {
    const svg = lossCurves([run('exact', [1, 1e-3, 0, 0]), run('slow', [1, 0.5, 0.25, 0.125])], { reference: 0 });
    expect(svg).toContain('f(x) − f* (log scale; f = f* drawn at 1e-4)</text>');
  });

  it('treats a value below f* by rounding only (−1e-15) as at the minimum', () => {
    expect(lossCurves([run('r', [2, -0.99, -1 - 1e-15])], { reference: -1 })).toContain('(log scale; f = f* drawn at 1e-3)');
  });

  it('falls back to linear when a run is truly below the reference, or without one a value is negative', () => {
    expect(lossCurves([run('below', [1, -0.5])], { reference: 0 })).not.toContain('log scale');
    expect(lossCurves([run('negative', [1, -3])])).not.toContain('log scale');
  });
});
