import { describe, expect, it } from 'vitest';
import { batchSizeSection } from '../../../src/cli/demo/batch-size.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section batch-size', async () => {
  const result = await batchSizeSection.build({ quick: true });
  const rows = result.table!.rows;
  const col = (name: string) => result.table!.columns.indexOf(name);

  it('names its seed: lecture 4 (000), types of gradient descent', () => {
    expectSeed(batchSizeSection, result, '000_1765f82dc8c352f6.txt');
    expect(batchSizeSection.id).toBe('batch-size');
    expect(result.seed).toContain('batch_size');
    expect(result.text).toContain('000_1765f82dc8c352f6.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 4);
  });

  it('batch sizes 1, 32 and N = 314 training cars (80% of 392) take 314, 10 and 1 steps an epoch', () => {
    expect(rows.map((r) => r[0])).toEqual([1, 32, 314]);
    expect(rows.map((r) => r[1])).toEqual(['stochastic', 'mini-batch', 'batch']);
    expect(rows.map((r) => r[col('steps / epoch')])).toEqual([314, 10, 1]);
    // Full-batch GD on a convex quadratic with lr 0.1 < 2/λmax never raises the loss.
    expect(rows[2][col('steps where the loss rose')]).toBe('0%');
  });

  it('every run approaches the least-squares loss from above', () => {
    const config = result.config as { optimum: number };
    // ½ MSE of the best line through (horsepower, weight) → mpg: rmse √(2·9.58) ≈ 4.4 mpg.
    expect(config.optimum).toBeGreaterThan(8);
    expect(config.optimum).toBeLessThan(11);
    for (const r of rows) expect(Number(r[col('L − L* after epoch 20')])).toBeGreaterThan(0);
  });

  it('draws the per-epoch and per-step curves with the section’s prefix', () => {
    expectFigures(result, 'batch-size', ['batch-size-loss.png', 'batch-size-validation.png', 'batch-size-steps.png']);
  });
});
