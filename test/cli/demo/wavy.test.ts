import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { wavyRuns, wavySection, wavySweep } from '../../../src/cli/demo/wavy.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section: wavy (notes 003)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await wavySection.build({ quick: true });
  });
  const w = wavyRuns();
  const global = w.f.meta.minima.find((m) => m.kind === 'global')!;

  it('names notes 003 and its bad function', () => {
    expectSeed(wavySection, result, '003_673ddad77e31dcee.txt');
    expect(wavySection.seed).toContain('50 sin(x)');
  });

  it('α = 0.01 from x₀ = 2 ends on the global minimum, where f′ = 2(x − 5) + 50 cos x = 0', () => {
    const x = w.finds.trace.points[200][0];
    expect(Math.abs(x - global.x[0])).toBeLessThan(1e-9);
    expect(Math.abs(2 * (x - 5) + 50 * Math.cos(x))).toBeLessThan(1e-8);
    expect(w.finds.endsAt?.kind).toBe('global');
  });

  it('α = 0.1 never settles: no minimum of f can hold it, since |1 − 0.1·(2 − 50 sin m)| > 1 at each', () => {
    expect(w.wanders.endsAt).toBeUndefined();
    expect(w.wanders.spread).toBeGreaterThan(2 * Math.PI);
    expect(w.wanders.trace.status).toBe('max-steps');
    // Bounded: |f′(x)| ≤ 2|x − 5| + 50, so a step moves at most 0.1 of that; the iterates stay in [−20, 30].
    for (const [x] of w.wanders.trace.points) expect(Math.abs(x - 5)).toBeLessThan(25);
  });

  it('the curvature at x* is 2 − 50 sin x* ≈ 52, so descent there is stable for α < 2/52', () => {
    expect(w.curvature).toBeCloseTo(2 - 50 * Math.sin(global.x[0]), 12);
    expect(w.curvature).toBeGreaterThan(51.9);
    expect(w.curvature).toBeLessThan(52);
    expect(w.stableBelow).toBeCloseTo(2 / w.curvature, 12);
    // Every α of the sweep that ended on a minimum ended on the global one, and lies below 2 / f″(x*).
    expect(w.sweep).toHaveLength(wavySweep.length);
    for (const r of w.sweep) {
      expect(r.endsAt?.kind).not.toBe('local');
      if (r.endsAt) expect(r.alpha).toBeLessThan(w.stableBelow);
    }
  });

  it('α = 0.01 from x₀ = 0 stops in the local minimum near −1.315', () => {
    expect(w.unlucky.endsAt?.kind).toBe('local');
    expect(w.unlucky.trace.points[200][0]).toBeCloseTo(-1.3154128, 6);
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 5);
  });

  it('tabulates the three runs and the sweep’s two bands', () => {
    const rows = result.table!.rows;
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 3).map((r) => r[5])).toEqual(['no minimum', 'global minimum', 'local minimum']);
    expect(rows[3][1]).toBe('0.001 … 0.037');
    expect(rows[4][1]).toBe('0.038 … 0.1');
  });

  it('draws the function plot, the race, the loss and the sweep', () => {
    expectFigures(result, 'wavy', ['wavy-function.png', 'wavy-race.gif', 'wavy-loss.png', 'wavy-sweep.png']);
  });
});
