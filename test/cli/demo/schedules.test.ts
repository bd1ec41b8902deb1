import { describe, expect, it } from 'vitest';
import { schedulesSection } from '../../../src/cli/demo/schedules.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section schedules', async () => {
  const result = await schedulesSection.build({ quick: true });
  const row = (prefix: string) => result.table!.rows.find((r) => String(r[0]).startsWith(prefix))!;
  const col = (epoch: number) => result.table!.columns.indexOf(`epoch ${epoch}`);

  it('names its seed: lecture 4 (000)', () => {
    expectSeed(schedulesSection, result, '000_1765f82dc8c352f6.txt');
    expect(schedulesSection.id).toBe('schedules');
    expect(result.seed).toContain('StepLR(step_size=5, gamma=0.5)');
    expect(result.text).toContain('000_1765f82dc8c352f6.txt');
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 7);
  });

  it('tabulates the lecture’s schedules at chosen epochs', () => {
    expect(result.table!.rows).toHaveLength(6);
    // StepLR(5, 0.5): 0.1 until epoch 4, then halved at 5, 10, …, 30.
    expect([0, 4, 5, 9, 10, 30].map((t) => row('StepLR')[col(t)])).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.1 / 64]);
    expect(row('ExponentialLR')[col(10)] as number).toBeCloseTo(0.1 * 0.9 ** 10, 15);
    expect(row('CosineAnnealingLR')[col(15)] as number).toBeCloseTo(0.05, 15);
    expect(row('CosineAnnealingLR')[col(30)] as number).toBeCloseTo(0, 15);
    expect(row('warm-up: LinearLR')[col(0)] as number).toBeCloseTo(0.01, 15);
    expect(row('warm-up: LinearLR')[col(5)]).toBe(0.1);
    expect(row('warm-up, then cosine')[col(5)]).toBe(0.1);
    // After warm-up, half a cosine over 25 epochs: at epoch 15 it is 10/25 of the way down.
    expect(row('warm-up, then cosine')[col(15)] as number).toBeCloseTo(0.05 * (1 + Math.cos((Math.PI * 10) / 25)), 12);
  });

  it('the experiment: constant lr 0.2 = 2/L_x bounces x between ±5, a schedule converges', () => {
    const bounce = result.claims.find((c) => c.claim.includes('jumps over the minimum'))!;
    // x_{t+1} = (1 − 0.2 · 10) x_t = −x_t: exactly ±5, so f = 125 + y² ≥ 125 at every step.
    expect(bounce.evidence).toContain('x after steps 1, 2, 99, 100: -5, 5, -5, 5');
    expect(result.text).toMatch(/f stays at 125\b/);
  });

  it('draws the curves and the experiment with the section’s prefix', () => {
    expectFigures(result, 'schedules', ['schedules-curves.png', 'schedules-sgd-contour.png', 'schedules-sgd-race.gif', 'schedules-sgd-loss.png', 'schedules-sgd-lr.png']);
  });
});
