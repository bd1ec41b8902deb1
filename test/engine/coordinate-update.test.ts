import { describe, expect, it } from 'vitest';
import { coordinateUpdate } from '../../src/engine/coordinate-update.js';
import { minimize } from '../../src/engine/minimize.js';
import type { Objective } from '../../src/objective/objective.js';

// f = x² + xy + y², ∇f = (2x + y, x + 2y): coupled, so the order of the updates matters.
const coupled: Objective = {
  dim: 2,
  value: (p) => p[0] ** 2 + p[0] * p[1] + p[1] ** 2,
  valueAndGrad: (p, g) => ((g[0] = 2 * p[0] + p[1]), (g[1] = p[0] + 2 * p[1]), p[0] ** 2 + p[0] * p[1] + p[1] ** 2),
};
// f = x² + 4y²: separable, so each partial derivative ignores the other coordinate.
const separable: Objective = {
  dim: 2,
  value: (p) => p[0] ** 2 + 4 * p[1] ** 2,
  valueAndGrad: (p, g) => ((g[0] = 2 * p[0]), (g[1] = 8 * p[1]), p[0] ** 2 + 4 * p[1] ** 2),
};

describe('coordinateUpdate', () => {
  it('takes each partial derivative at the partly updated point (worked by hand)', () => {
    const trace = coordinateUpdate(coupled, [1, 1], { lr: 0.25, sweeps: 1 });
    // x ← 1 − 0.25 · (2 + 1) = 0.25; then y ← 1 − 0.25 · (0.25 + 2) = 0.4375 (with the old x it would be 0.25).
    expect(trace.points).toEqual([[1, 1], [0.25, 1], [0.25, 0.4375]]);
    expect(trace.values[2]).toBeCloseTo(0.25 ** 2 + 0.25 * 0.4375 + 0.4375 ** 2, 15);
    expect(trace.lrs).toEqual([0.25, 0.25]);
    expect(trace.stoppedAt).toBe(2);
    expect(trace.evaluations).toBe(3);
    expect(trace.status).toBe('max-steps');
  });

  it('moves one coordinate per update, and converges on a convex quadratic', () => {
    const trace = coordinateUpdate(coupled, [3, -2], { lr: 0.3, sweeps: 60 });
    expect(trace.points).toHaveLength(121);
    for (let k = 1; k < trace.points.length; k++) {
      // Update k changes coordinate (k − 1) mod 2 only.
      const other = k % 2;
      expect(trace.points[k][other]).toBe(trace.points[k - 1][other]);
      expect(trace.points[k][1 - other]).not.toBe(trace.points[k - 1][1 - other]);
    }
    expect(Math.hypot(...trace.points[120])).toBeLessThan(1e-6);
  });

  it('on a separable function each sweep lands where one gradient-descent step does', () => {
    const sweeps = coordinateUpdate(separable, [2, 1], { lr: 0.1, sweeps: 10 });
    const gd = minimize(separable, [2, 1], { optimizer: { name: 'SGD', lr: 0.1 }, maxSteps: 10 });
    for (let k = 0; k <= 10; k++) for (let i = 0; i < 2; i++) expect(sweeps.points[2 * k][i]).toBeCloseTo(gd.points[k][i], 14);
  });

  it('reports divergence as a result', () => {
    // x ← x − 1.5 · 2x = −2x: |x| doubles every sweep until f passes 1e12 · f(x₀).
    const trace = coordinateUpdate(separable, [1, 0], { lr: 1.5, sweeps: 100 });
    expect(trace.status).toBe('diverged');
    expect(trace.points.length - 1).toBeLessThan(trace.stoppedAt);
    expect(trace.values.every(Number.isFinite)).toBe(true);
  });

  it('refuses bad input, naming it', () => {
    expect(() => coordinateUpdate(coupled, [1], { lr: 0.1, sweeps: 1 })).toThrow(/start point has 1 coordinates, the objective has 2/);
    expect(() => coordinateUpdate(coupled, [1, 1], { lr: -1, sweeps: 1 })).toThrow(/lr must be a finite number >= 0, got -1/);
    expect(() => coordinateUpdate(coupled, [1, 1], { lr: 0.1, sweeps: 1.5 })).toThrow(/sweeps must be an integer >= 0, got 1.5/);
  });
});
