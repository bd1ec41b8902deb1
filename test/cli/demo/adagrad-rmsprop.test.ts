import { beforeAll, describe, expect, it } from 'vitest';
import { adagradRmspropSection, adaptiveRuns, adaptiveSteps } from '../../../src/cli/demo/adagrad-rmsprop.js';
import type { DemoSectionResult } from '../../../src/cli/demo/section.js';
import { expectClaimsHold, expectFigures, expectSeed } from './section-checks.js';

describe('demo section: adagrad-rmsprop (lectures 000/001, notes 004)', () => {
  let result: DemoSectionResult;
  beforeAll(async () => {
    result = await adagradRmspropSection.build({ quick: true });
  });
  const { adagrad, rmsprop } = adaptiveRuns();
  // ∇f of Rosenbrock at (−1.2, 1): (−2(1 − x) − 400x(y − x²), 200(y − x²)) = (−215.6, −88).
  const g1 = [215.6, 88];

  it('names lecture 6, notes 004 and lecture 4', () => {
    expectSeed(adagradRmspropSection, result, '001_25e225063cee466c.txt');
    expect(adagradRmspropSection.seed).toContain('004_7f63b3a9c51eadea.txt');
    expect(adagradRmspropSection.seed).toContain('000_1765f82dc8c352f6.txt');
  });

  it('the first effective steps are lr / |g₁| for Adagrad and lr / √(0.01 g₁²) = 10 lr / |g₁| for RMSProp', () => {
    g1.forEach((g, i) => {
      expect(adagrad.effective[0][i]).toBeCloseTo(0.01 / (g + 1e-10), 12);
      expect(rmsprop.effective[0][i] / (0.1 / (g + 1e-7))).toBeCloseTo(1, 9);
    });
  });

  it('Adagrad’s effective step equals lr / (√G_t + ε), G_t the running sum of squared gradients along its path', () => {
    const G = [0, 0];
    const grad = new Float64Array(2);
    const { f } = adaptiveRuns();
    for (let t = 0; t < adaptiveSteps; t += 1) {
      f.valueAndGrad(adagrad.trace.points[t], grad);
      for (let i = 0; i < 2; i++) {
        G[i] += grad[i] ** 2;
        if (t % 97 === 0) expect(adagrad.effective[t][i] / (0.01 / (Math.sqrt(G[i]) + 1e-10))).toBeCloseTo(1, 8);
      }
    }
  });

  it('every claim holds', () => {
    expectClaimsHold(result, 3);
    expect(adagrad.distances[0]).toBeCloseTo(2.2, 12);
    expect(adagrad.distances[2]).toBeGreaterThan(2);
    expect(rmsprop.distances[2]).toBeLessThan(0.2);
  });

  it('tabulates both runs', () => {
    const rows = result.table!.rows;
    expect(rows.map((r) => r[0])).toEqual(['Adagrad', 'RMSProp']);
    expect(rows[0][3]).toBeCloseTo(2.2, 12);
    expect(rows[1][5]).toBe(rmsprop.distances[2]);
  });

  it('draws the contour plot, the race, the loss and the effective steps', () => {
    expectFigures(result, 'adagrad-rmsprop', ['adagrad-rmsprop-contour.png', 'adagrad-rmsprop-race.gif', 'adagrad-rmsprop-loss.png', 'adagrad-rmsprop-steps.png']);
  });
});
