import { beforeAll, describe, expect, it } from 'vitest';
import { momentumRuns, momentumSection, momentumStart, momentumSteps } from '../../../src/cli/demo/momentum.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

/**
 * One coordinate of torch's SGD on ½λz²: b₁ = g₁, b_t = μb_{t−1} + g_t; the step is lr·b_t, or lr·(g_t + μb_t)
 * with Nesterov. The valley's coordinates are independent, so this is the whole run, written out separately.
 */
function coordinate(z0: number, lambda: number, mu: number, nesterov: boolean, steps: number): number[] {
  const z = [z0];
  let b = 0;
  for (let t = 0; t < steps; t++) {
    const g = lambda * z[t];
    b = t === 0 ? g : mu * b + g;
    z.push(z[t] - 0.008 * (nesterov ? g + mu * b : b));
  }
  return z;
}

describe('demo section: momentum (lecture 4, notes 004)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await momentumSection.build({ quick: true });
  });
  const { runs } = momentumRuns();

  it('names lecture 4 and notes 004', () => {
    expectSeed(momentumSection, result, '000_1765f82dc8c352f6.txt');
    expect(momentumSection.seed).toContain('004_7f63b3a9c51eadea.txt');
  });

  it('each run follows the coordinate-wise recurrence of its method on ½(x² + 100y²)', () => {
    const settings: Array<[number, boolean]> = [[0, false], [0.9, false], [0.9, true]];
    runs.forEach((run, k) => {
      const [mu, nesterov] = settings[k];
      const xs = coordinate(momentumStart[0], 1, mu, nesterov, momentumSteps);
      const ys = coordinate(momentumStart[1], 100, mu, nesterov, momentumSteps);
      expect(run.trace.points).toHaveLength(momentumSteps + 1);
      run.trace.points.forEach(([x, y], t) => {
        expect(Math.abs(x - xs[t])).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(xs[t]), 1e-30));
        expect(Math.abs(y - ys[t])).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(ys[t]), 1e-30));
      });
    });
  });

  it('plain SGD reaches f ≤ 1e-6 at the first t with ½·1.8²·0.992^(2t) + 50·0.6²·0.2^(2t) ≤ 1e-6', () => {
    let t = 0;
    while (0.5 * 1.8 ** 2 * 0.992 ** (2 * t) + 50 * 0.6 ** 2 * 0.2 ** (2 * t) > 1e-6) t++;
    expect(runs[0].reach).toBe(t);
    expect(runs[0].overshootX).toBe(0);
    expect(runs[0].overshootY).toBe(0);
  });

  it('Nesterov’s first step (1 + μ)·lr·g takes y to 0.6·(1 − 1.9·0.8): its overshoot across is 0.52', () => {
    expect(runs[2].overshootY).toBeCloseTo(0.52, 12);
    expect(runs[2].trace.points[1][1]).toBeCloseTo(0.6 * (1 - 1.9 * 0.8), 12);
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 3);
    const [plain, heavy, nesterov] = runs;
    expect(heavy.reach! * 3).toBeLessThan(plain.reach!);
    expect(nesterov.reach!).toBeLessThan(heavy.reach!);
  });

  it('tabulates the three runs', () => {
    const rows = result.table!.rows;
    expect(rows.map((r) => r[0])).toEqual(['SGD', 'SGD momentum 0.9', 'SGD Nesterov 0.9']);
    expect(rows.map((r) => r[1])).toEqual(runs.map((r) => r.reach));
  });

  it('draws the contour plot, the race and the loss', () => {
    expectFigures(result, 'momentum', ['momentum-contour.png', 'momentum-race.gif', 'momentum-loss.png']);
  });
});
