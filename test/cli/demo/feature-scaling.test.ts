import { describe, expect, it } from 'vitest';
import { featureScalingSection } from '../../../src/cli/demo/feature-scaling.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section feature-scaling', async () => {
  const result = await featureScalingSection.build({ quick: true });
  const [scaled, raw] = result.table!.rows;
  const col = (name: string) => result.table!.columns.indexOf(name);

  it('names its seeds: lecture 4 (000) and notes 003', () => {
    expectSeed(featureScalingSection, result, '000_1765f82dc8c352f6.txt');
    expect(result.seed).toContain('003_673ddad77e31dcee.txt');
    expect(featureScalingSection.id).toBe('feature-scaling');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 5);
  });

  it('the Hessian’s spectrum: standardised H has trace 3 (unit-variance columns and the bias 1), raw λmax ≈ mean(weight²)', () => {
    expect(scaled[0]).toBe('standardised');
    // Standardised: eigenvalues 1 and 1 ± ρ with ρ the horsepower–weight correlation (≈ 0.86): κ = (1 + ρ)/(1 − ρ).
    const kappa = Number(scaled[col('κ(H)')]);
    const rho = (kappa - 1) / (kappa + 1);
    expect(rho).toBeGreaterThan(0.8);
    expect(rho).toBeLessThan(0.9);
    expect(Number(scaled[col('λmax')])).toBeCloseTo(1 + rho, 3);
    // Raw: cars weigh ≈ 3000 lb, so λmax ≈ E[weight²] ≈ 1e7 and 2/λmax ≈ 2e-7.
    expect(Number(raw[col('λmax')])).toBeGreaterThan(5e6);
    expect(Number(raw[col('λmax')])).toBeLessThan(2e7);
    expect(raw[col('lr 0.001')]).toBe('diverged (epoch 2)');
  });

  it('draws the loss curves and both contour pictures with the section’s prefix', () => {
    expectFigures(result, 'feature-scaling', ['feature-scaling-loss.png', 'feature-scaling-standardised-contour.png', 'feature-scaling-raw-contour.png']);
  });
});
