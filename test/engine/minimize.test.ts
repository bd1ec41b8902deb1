import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/engine/minimize.js';
import type { Objective } from '../../src/objective/objective.js';

/** A 1-D or n-D objective from a value function and its gradient. */
function objective(dim: number, f: (x: ArrayLike<number>) => number, df: (x: ArrayLike<number>, g: Float64Array) => void): Objective {
  return { dim, value: f, valueAndGrad: (x, g) => (df(x, g), f(x)) };
}

const parabola = objective(1, (x) => (x[0] - 5) ** 2, (x, g) => void (g[0] = 2 * (x[0] - 5)));
const notebookComplex = objective(
  2,
  (x) => (x[0] - 3) ** 2 + 8 * (x[1] - 5) ** 4 + Math.sqrt(x[0]) + Math.sin(x[0] * x[1]),
  (x, g) => {
    g[0] = 2 * (x[0] - 3) + 0.5 * x[0] ** -0.5 + x[1] * Math.cos(x[0] * x[1]);
    g[1] = 32 * (x[1] - 5) ** 3 + x[0] * Math.cos(x[0] * x[1]);
  },
);
const notebookQuadratic = objective(2, (x) => 5 * x[0] ** 2 + x[1] ** 2, (x, g) => void ((g[0] = 10 * x[0]), (g[1] = 2 * x[1])));

describe('minimize(objective, x0, options)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/seeds/notebook.json', import.meta.url), 'utf8'));
  const functions: Record<string, Objective> = { square_sum: notebookQuadratic, complex_sum: notebookComplex };
  for (const [fn, { start, runs }] of Object.entries(fixture) as [string, { start: number[]; runs: { label: string; optimizer: string; options: Record<string, unknown>; points: number[][] }[] }][]) {
    for (const run of runs) {
      it(`reproduces the notebook's ${run.label} on ${fn} to 1e-9 relative`, () => {
        const trace = minimize(functions[fn], start, { optimizer: { name: run.optimizer, ...run.options }, maxSteps: 100 });
        expect(trace.status).toBe('max-steps');
        expect(trace.points).toHaveLength(101);
        trace.points.forEach((p, t) =>
          p.forEach((c, i) => {
            const expected = run.points[t][i];
            expect(Math.abs(c - expected), `step ${t} coordinate ${i}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-3));
          }),
        );
      });
    }
  }

  it("notes 003: (θ−5)² from 0 with α = 0.1 converges, with α = 1.2 diverges", () => {
    const small = minimize(parabola, [0], { optimizer: { name: 'sgd', lr: 0.1 }, maxSteps: 25 });
    expect(small.status).toBe('max-steps');
    expect(Math.abs(small.points[25][0] - 5)).toBeLessThan(0.02); // |θ − 5| shrinks by 0.8 a step: 5 · 0.8²⁵
    const large = minimize(parabola, [0], { optimizer: { name: 'sgd', lr: 1.2 }, maxSteps: 200 });
    expect(large.status).toBe('diverged'); // |θ − 5| grows by 1.4 a step until f passes 1e12 · f(θ₀)
    const last = large.points.length - 1;
    expect(large.stoppedAt).toBe(last + 1);
    expect(Number.isFinite(large.values[last])).toBe(true);
    expect(Math.abs(large.points[last][0] - 5)).toBeCloseTo(5 * 1.4 ** last, -Math.log10(5 * 1.4 ** last) + 9);
  });

  it('stops on |f_t − f_{t−1}| < tol, or on ‖∇f‖ < tol', () => {
    const byValue = minimize(parabola, [0], { optimizer: { name: 'SGD', lr: 0.1 }, maxSteps: 1000, tol: 1e-10 });
    expect(byValue.status).toBe('converged');
    const t = byValue.stoppedAt;
    expect(Math.abs(byValue.values[t] - byValue.values[t - 1])).toBeLessThan(1e-10);
    expect(Math.abs(byValue.values[t - 1] - byValue.values[t - 2])).toBeGreaterThanOrEqual(1e-10);
    const byGrad = minimize(parabola, [0], { optimizer: { name: 'SGD', lr: 0.1 }, maxSteps: 1000, tol: 1e-6, stop: 'grad-norm' });
    expect(byGrad.status).toBe('converged');
    expect(byGrad.gradNorms[byGrad.stoppedAt]).toBeLessThan(1e-6);
    expect(byGrad.gradNorms[byGrad.stoppedAt - 1]).toBeGreaterThanOrEqual(1e-6);
  });

  it('a NaN value (sqrt of a negative x) is reported as divergence, keeping the finite points', () => {
    const trace = minimize(notebookComplex, [5, -2], { optimizer: { name: 'SGD', lr: 0.05 }, maxSteps: 100 });
    expect(trace.status).toBe('diverged');
    expect(trace.values.every(Number.isFinite)).toBe(true);
    expect(trace.points).toHaveLength(trace.stoppedAt);
  });

  it('projects onto box bounds after each step', () => {
    const linear = objective(1, (x) => x[0], (_x, g) => void (g[0] = 1));
    const trace = minimize(linear, [0.5], { optimizer: { name: 'adam', lr: 0.1 }, maxSteps: 50, bounds: [[-1, 1]] });
    expect(trace.points[50][0]).toBe(-1);
  });

  it('records the lr of each step, following a schedule', () => {
    const trace = minimize(parabola, [0], { optimizer: { name: 'SGD', lr: 0.1 }, schedule: { name: 'StepLR', stepSize: 5, gamma: 0.5 }, maxSteps: 12 });
    expect(trace.lrs).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025]);
  });

  it('runs LBFGS through its closure and counts the evaluations', () => {
    const rosenbrock = objective(
      2,
      (x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2,
      (x, g) => {
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
        g[1] = 200 * (x[1] - x[0] ** 2);
      },
    );
    const trace = minimize(rosenbrock, [-1.5, 2], { optimizer: { name: 'LBFGS', lineSearchFn: 'strong_wolfe' }, maxSteps: 10 });
    const end = trace.points[trace.points.length - 1];
    expect(Math.abs(end[0] - 1) + Math.abs(end[1] - 1)).toBeLessThan(1e-4);
    expect(trace.evaluations).toBeGreaterThan(trace.points.length);
  });

  it('refuses bad input, naming it', () => {
    expect(() => minimize(parabola, [0, 1], { optimizer: { name: 'SGD' }, maxSteps: 1 })).toThrow(/start point has 2 coordinates, the objective has 1/);
    expect(() => minimize(parabola, [NaN], { optimizer: { name: 'SGD' }, maxSteps: 1 })).toThrow(/start point must be finite/);
    expect(() => minimize(parabola, [0], { optimizer: { name: 'SGD' }, maxSteps: -1 })).toThrow(/maxSteps must be an integer >= 0, got -1/);
    expect(() => minimize(parabola, [0], { optimizer: { name: 'nope' }, maxSteps: 1 })).toThrow(/unknown optimizer "nope"/);
    expect(() => minimize(parabola, [0], { optimizer: { name: 'SGD', lr: -1 }, maxSteps: 1 })).toThrow(/SGD: lr must be >= 0, got -1/);
    expect(() => minimize(parabola, [0], { optimizer: { name: 'SGD' }, maxSteps: 1, bounds: [[1, 0]] })).toThrow(/bounds\[0\] must be \[low, high\]/);
  });
});
