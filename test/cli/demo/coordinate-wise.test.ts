import { describe, expect, it } from 'vitest';
import { coordinateWiseSection } from '../../../src/cli/demo/coordinate-wise.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

// The data of the section: J = 1/10 Σ (θ₀ + θ₁x_i − y_i)², ∂J/∂θ₀ = 1/5 Σ r_i, ∂J/∂θ₁ = 1/5 Σ r_i x_i.
const xs = [0, 1, 2, 3, 4];
const ys = [1.2, 2.8, 5.1, 7.2, 8.7];
const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;

describe('demo section coordinate-wise', async () => {
  const result = await coordinateWiseSection.build({ quick: true });
  const col = (prefix: string) => result.table!.columns.findIndex((c) => c.startsWith(prefix));
  const row = (update: string) => result.table!.rows.find((r) => r[0] === update)!;
  const parse = (cell: unknown) => String(cell).replace(/[()]/g, '').split(', ').map(Number);

  it('names its seed: notes 003', () => {
    expectSeed(coordinateWiseSection, result, '003_673ddad77e31dcee.txt');
    expect(coordinateWiseSection.id).toBe('coordinate-wise');
    expect(result.text).toContain('003_673ddad77e31dcee.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 4);
  });

  it('first updates, by hand: GD takes both derivatives at (0, 0), the other takes ∂J/∂θ₁ at the new θ₀', () => {
    const g0 = -mean(ys); // ∂J/∂θ₀ at 0
    const g1 = -mean(ys.map((y, i) => y * xs[i])); // ∂J/∂θ₁ at 0
    const theta0 = -0.1 * g0;
    const g1After = mean(xs.map((x, i) => (theta0 - ys[i]) * x));
    const gd = parse(row('gradient descent (simultaneous)')[col('θ after 1')]);
    const cw = parse(row('one parameter at a time')[col('θ after 1')]);
    expect(gd[0]).toBeCloseTo(theta0, 4);
    expect(gd[1]).toBeCloseTo(-0.1 * g1, 4);
    expect(cw[0]).toBeCloseTo(theta0, 4);
    expect(cw[1]).toBeCloseTo(-0.1 * g1After, 4);
    expect(Math.abs(gd[1] - cw[1])).toBeGreaterThan(0.05);
  });

  it('the staircase: every one-at-a-time move is along one axis, no GD step is', () => {
    expect(row('one parameter at a time')[col('moves along one axis')]).toBe('400 of 400');
    expect(row('gradient descent (simultaneous)')[col('moves along one axis')]).toBe('0 of 200');
  });

  it('both end near the least-squares fit θ₁ = Sxy/Sxx, θ₀ = ȳ − θ₁x̄', () => {
    const slope = xs.reduce((s, x, i) => s + (x - 2) * (ys[i] - 5), 0) / 10;
    expect(parse(row('least squares (normal equations)')[col('θ after 200')])).toEqual([Number((5 - 2 * slope).toFixed(4)), Number(slope.toFixed(4))]);
    // GD's slowest mode decays by 1 − αλ_min a step, λ_min = (7 − √41)/2 ≈ 0.298: after 200 steps ≈ 0.0025 of the start's distance 2.2.
    const bound = 2.5 * (1 - 0.1 * (7 - Math.sqrt(41)) / 2) ** 200;
    expect(row('gradient descent (simultaneous)')[col('distance')] as number).toBeLessThan(bound);
    // A sweep maps the error e by M = [[1 − αH₀₀, −αH₀₁], [−αH₁₀(1 − αH₀₀), α²H₁₀H₀₁ + 1 − αH₁₁]] with H = [[1, 2], [2, 6]]:
    // its spectral radius is below GD's 1 − αλ_min, so the same bound holds with room to spare.
    const m = [[1 - 0.1 * 1, -0.1 * 2], [-0.1 * 2 * (1 - 0.1 * 1), 0.1 * 0.1 * 2 * 2 + 1 - 0.1 * 6]];
    const tr = m[0][0] + m[1][1];
    const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    expect((tr + Math.sqrt(tr * tr - 4 * det)) / 2).toBeLessThan(1 - 0.1 * (7 - Math.sqrt(41)) / 2);
    expect(row('one parameter at a time')[col('distance')] as number).toBeLessThan(bound);
    expect(result.table!.rows).toHaveLength(3);
  });

  it('draws the paths with the section’s prefix', () => {
    expectFigures(result, 'coordinate-wise', ['coordinate-wise-contour.png', 'coordinate-wise-race.gif', 'coordinate-wise-loss.png']);
  });
});
