import { describe, expect, it } from 'vitest';
import { randomSearch, withNumericGradient } from '../../src/engine/baselines.js';
import { minimize } from '../../src/engine/minimize.js';
import type { Objective } from '../../src/objective/objective.js';

const quadratic: Objective = {
  dim: 2,
  value: (x) => 5 * x[0] ** 2 + x[1] ** 2,
  valueAndGrad: (x, g) => ((g[0] = 10 * x[0]), (g[1] = 2 * x[1]), 5 * x[0] ** 2 + x[1] ** 2),
};
const domain: [number, number][] = [[-7, 7], [-7, 7]];

describe('randomSearch', () => {
  it('keeps the best point: values never increase, and it gets somewhere', () => {
    const trace = randomSearch(quadratic, { domain, samples: 2000, seed: 1 });
    expect(trace.evaluations).toBe(2000);
    expect(trace.values).toHaveLength(2000);
    for (let k = 1; k < trace.values.length; k++) expect(trace.values[k]).toBeLessThanOrEqual(trace.values[k - 1]);
    expect(trace.values[1999]).toBeLessThan(0.5);
    expect(quadratic.value(trace.points[1999])).toBe(trace.values[1999]);
  });

  it('is reproducible by seed', () => {
    const a = randomSearch(quadratic, { domain, samples: 100, seed: 7, mode: 'local', start: [5, 5] });
    const b = randomSearch(quadratic, { domain, samples: 100, seed: 7, mode: 'local', start: [5, 5] });
    expect(a.points).toEqual(b.points);
    expect(randomSearch(quadratic, { domain, samples: 100, seed: 8, mode: 'local', start: [5, 5] }).points).not.toEqual(a.points);
  });

  it('the local version beats the uniform one on a narrow budget around a good start', () => {
    const local = randomSearch(quadratic, { domain, samples: 300, seed: 3, mode: 'local', start: [1, 1], scale: 0.02 });
    const uniform = randomSearch(quadratic, { domain, samples: 300, seed: 3 });
    expect(local.values[299]).toBeLessThan(uniform.values[299]);
  });

  it('refuses bad options', () => {
    expect(() => randomSearch(quadratic, { domain: [[0, 1]], samples: 10, seed: 1 })).toThrow(/domain needs one \[low, high\] per coordinate \(2\)/);
    expect(() => randomSearch(quadratic, { domain, samples: 0, seed: 1 })).toThrow(/samples must be an integer >= 1, got 0/);
  });
});

describe('gradient descent on the numeric gradient', () => {
  it('follows the analytic run closely, at 2n + 1 evaluations of f per step', () => {
    const numeric = withNumericGradient(quadratic);
    const approx = minimize(numeric, [5, 5], { optimizer: { name: 'SGD', lr: 0.01 }, maxSteps: 100 });
    const exact = minimize(quadratic, [5, 5], { optimizer: { name: 'SGD', lr: 0.01 }, maxSteps: 100 });
    for (let t = 0; t <= 100; t++) for (let i = 0; i < 2; i++) expect(Math.abs(approx.points[t][i] - exact.points[t][i])).toBeLessThan(1e-7);
    expect(numeric.evaluations).toBe(101 * (2 * 2 + 1));
    expect(exact.evaluations).toBe(101);
  });
});
