import { beforeAll, describe, expect, it } from 'vitest';
import { parabolaRuns, parabolaSection, parabolaTableSteps } from '../../../src/cli/demo/parabola.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

/** Gradient descent on (θ − 5)² from 0: θ_t = 5 − 5 (1 − 2α)^t. */
const exact = (alpha: number, t: number) => 5 - 5 * (1 - 2 * alpha) ** t;

describe('demo section: parabola (notes 003)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await parabolaSection.build({ quick: true });
  });

  it('names notes 003', () => {
    expectSeed(parabolaSection, result, '003_673ddad77e31dcee.txt');
    expect(result.text).toContain('Notes 003');
  });

  it('follows θ_t = 5 − 5(1 − 2α)^t for all three step sizes', () => {
    const { runs } = parabolaRuns();
    expect(runs.map((r) => r.alpha)).toEqual([0.1, 0.9, 1.2]);
    for (const { alpha, trace } of runs) {
      expect(trace.points).toHaveLength(26);
      // 25 steps of rounding, relative to the size of θ.
      trace.points.forEach(([theta], t) => expect(Math.abs(theta - exact(alpha, t))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exact(alpha, t)))));
    }
    // Within 25 steps α = 1.2 stays under the engine's divergence threshold: f₂₅ = 25·1.96²⁵ ≈ 5.1e8 < 1e12·25.
    expect(runs[2].trace.status).toBe('max-steps');
    expect(runs[2].trace.points[25][0]).toBeCloseTo(exact(1.2, 25), 6);
  });

  it('α = 1.2 continued is stopped as diverged at the first step with 1.96^t > 1e12, t = 42', () => {
    const { continued } = parabolaRuns();
    expect(continued.status).toBe('diverged');
    expect(continued.stoppedAt).toBe(Math.floor((12 * Math.log(10)) / Math.log(1.96)) + 1);
    expect(continued.stoppedAt).toBe(42);
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 3);
    expect(result.claims[2].evidence).toContain('step 42');
  });

  it('tabulates θ_t at the chosen steps', () => {
    const { columns, rows } = result.table!;
    expect(columns).toEqual(['t', 'θ_t, α = 0.1', 'θ_t, α = 0.9', 'θ_t, α = 1.2']);
    expect(rows.map((r) => r[0])).toEqual([...parabolaTableSteps]);
    for (const row of rows) {
      const t = row[0] as number;
      [0.1, 0.9, 1.2].forEach((alpha, k) => expect(row[k + 1] as number).toBeCloseTo(exact(alpha, t), 6));
    }
  });

  it('draws the function plot, the race, the loss and θ_t', () => {
    expectFigures(result, 'parabola', ['parabola-function.png', 'parabola-race.gif', 'parabola-loss.png', 'parabola-theta.png']);
  });
});
