import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/engine/minimize.js';
import { ascents, distance, effectiveSteps, overshoot, stepLengths, stepsToReach } from '../../src/engine/trace-stats.js';
import { getFunction } from '../../src/objective/zoo/registry.js';

const parabola = getFunction('parabola');

/** Gradient descent on (θ − 5)² from 0: θ_t − 5 = −5 (1 − 2α)^t. */
function descend(lr: number, steps: number) {
  return minimize(parabola, [0], { optimizer: { name: 'SGD', lr }, maxSteps: steps });
}

describe('trace statistics', () => {
  it('distance is the Euclidean norm and checks the dimensions', () => {
    expect(distance([0, 0], [3, 4])).toBe(5);
    expect(() => distance([0], [1, 2])).toThrow(/distance: the points have 1 and 2 coordinates/);
  });

  it('step lengths of gradient descent on a parabola shrink by |1 − 2α| each step', () => {
    const lengths = stepLengths(descend(0.1, 5));
    expect(lengths).toHaveLength(5);
    expect(lengths[0]).toBeCloseTo(1, 12); // 0.1 · |2 · (0 − 5)|
    for (let t = 1; t < 5; t++) expect(lengths[t] / lengths[t - 1]).toBeCloseTo(0.8, 12);
  });

  it('stepsToReach counts until the value stays below the threshold', () => {
    expect(stepsToReach({ values: [5, 1, 0.5, 2, 0.4, 0.3] }, 1)).toBe(4);
    expect(stepsToReach({ values: [0.5, 0.4] }, 1)).toBe(0);
    expect(stepsToReach({ values: [5, 0.5, 2] }, 1)).toBeUndefined();
    // f_t = 25 · 0.64^t ≤ 1e-6 first at t = ⌈ln(4e-8) / ln 0.64⌉ = 39.
    expect(stepsToReach(descend(0.1, 60), 1e-6)).toBe(Math.ceil(Math.log(4e-8) / Math.log(0.64)));
  });

  it('overshoot is 0 from one side and the largest swing past the target otherwise', () => {
    expect(overshoot(descend(0.1, 25), [5], 0)).toBe(0);
    // α = 0.9: θ_1 − 5 = −5 · (−0.8) = 4, a swing of 0.8 of the starting offset.
    expect(overshoot(descend(0.9, 25), [5], 0)).toBeCloseTo(0.8, 12);
    expect(overshoot({ points: [[5], [6]] }, [5], 0)).toBe(0);
    expect(() => overshoot({ points: [[0]] }, [5], 1)).toThrow(/overshoot: axis must be an index below 1, got 1/);
  });

  it('ascents count the steps that went up', () => {
    expect(ascents({ values: [3, 2, 4, 1, 1, 5] })).toBe(2);
    expect(ascents(descend(1.2, 10))).toBe(10);
  });

  it('effective steps are lr for SGD and lr / sqrt(G_t + eps) for Adagrad', () => {
    const sgd = effectiveSteps(parabola, descend(0.1, 10));
    expect(sgd).toHaveLength(10);
    for (const [s] of sgd) expect(s).toBeCloseTo(0.1, 12);
    const trace = minimize(parabola, [0], { optimizer: { name: 'Adagrad', lr: 0.5, eps: 0, epsRoot: 1e-6 }, maxSteps: 8 });
    const steps = effectiveSteps(parabola, trace);
    let G = 0;
    trace.points.slice(0, -1).forEach(([theta], t) => {
      G += (2 * (theta - 5)) ** 2;
      expect(steps[t][0]).toBeCloseTo(0.5 / Math.sqrt(G + 1e-6), 12);
    });
  });

  it('effective steps are NaN where the gradient is zero', () => {
    expect(effectiveSteps(parabola, { points: [[5], [5]] })[0][0]).toBeNaN();
  });
});
