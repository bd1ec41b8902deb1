import { describe, expect, it } from 'vitest';
import { baselinesSection } from '../../../src/cli/demo/baselines.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section baselines', async () => {
  const result = await baselinesSection.build({ quick: true });
  const col = (name: string) => result.table!.columns.indexOf(name);
  const row = (method: string) => result.table!.rows.find((r) => r[0] === method)!;

  it('names its seed: notes 004', () => {
    expectSeed(baselinesSection, result, '004_7f63b3a9c51eadea.txt');
    expect(baselinesSection.id).toBe('baselines');
    expect(result.text).toContain('004_7f63b3a9c51eadea.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 4);
  });

  it('counts evaluations: 1 per step analytic, 2d + 1 = 5 per step numeric, 2·1000 + 1 for one wide gradient', () => {
    const evaluations = col('evaluations of f');
    expect(row('GD, analytic gradient')[evaluations]).toBe(20_001);
    expect(row('GD, numeric gradient')[evaluations]).toBe(20_001 * 5);
    expect(row('one gradient in 1000 variables, numeric')[evaluations]).toBe(2001);
    expect(row('random search, 1000000 samples')[evaluations]).toBe(1_000_000);
  });

  it('accuracy: both descents reach f < 1e-7 near (1, 1); random search, even with 50× the evaluations, does not', () => {
    const f = col('best f');
    const d = col('distance to (1, 1)');
    const analytic = row('GD, analytic gradient');
    const numeric = row('GD, numeric gradient');
    expect(analytic[f] as number).toBeLessThan(1e-7);
    expect(analytic[d] as number).toBeLessThan(1e-3);
    // Central differences with h = 1e-5 err by O(h²) relative: the two runs agree to many digits.
    expect(Math.abs((numeric[f] as number) - (analytic[f] as number))).toBeLessThan(1e-3 * (analytic[f] as number));
    const sameBudget = row('random search, 20001 samples');
    const all = row('random search, 1000000 samples');
    expect(sameBudget[f] as number).toBeGreaterThan(100 * (analytic[f] as number));
    expect(all[f] as number).toBeGreaterThan(analytic[f] as number);
    // The best-so-far never gets worse with more samples.
    expect(all[f] as number).toBeLessThanOrEqual(row('random search, 100005 samples')[f] as number);
    expect(result.table!.rows).toHaveLength(7);
  });

  it('draws the cost chart and the paths with the section’s prefix', () => {
    expectFigures(result, 'baselines', ['baselines-cost.png', 'baselines-rosenbrock-contour.png', 'baselines-rosenbrock-race.gif']);
  });
});
