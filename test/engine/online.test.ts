import { describe, expect, it } from 'vitest';
import { averageRegret, runOnline, type OnlineProblem } from '../../src/engine/online.js';

// f_t(x) = x on odd rounds, −x on even ones: the round number must reach the loss.
const alternating: OnlineProblem = {
  dim: 1,
  valueAndGrad: (t, x, g) => {
    const s = t % 2 === 1 ? 1 : -1;
    g[0] = s;
    return s * x[0];
  },
};

describe('runOnline', () => {
  it('steps on the gradient of round t at x_t, then projects (worked by hand)', () => {
    const trace = runOnline(alternating, [0.5], { optimizer: { name: 'SGD', lr: 0.25 }, rounds: 4, bounds: [[-1, 1]] });
    // Gradients +1, −1, +1, −1: x = 0.5, 0.25, 0.5, 0.25, 0.5.
    expect(trace.points).toEqual([[0.5], [0.25], [0.5], [0.25], [0.5]]);
    // values[k] = f_{k+1}(x_{k+1}): 0.5, −0.25, 0.5, −0.25, then f_5(x_5) = 0.5.
    expect(trace.values).toEqual([0.5, -0.25, 0.5, -0.25, 0.5]);
    expect(trace.lrs).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(trace.evaluations).toBe(5);
    expect(trace.stoppedAt).toBe(4);
  });

  it('projects onto the box and runs the schedule once per round', () => {
    const trace = runOnline(alternating, [0.9], {
      optimizer: { name: 'SGD', lr: 1 },
      schedule: { name: 'LambdaLR', lrLambda: (k: number) => 1 / Math.sqrt(k + 1) },
      rounds: 3,
      bounds: [[-1, 1]],
    });
    expect(trace.lrs).toEqual([1, 1 / Math.sqrt(2), 1 / Math.sqrt(3)]);
    // 0.9 − 1 = −0.1; −0.1 + 1/√2 = 0.607…; 0.607… − 1/√3 = 0.0298…
    expect(trace.points[1][0]).toBeCloseTo(-0.1, 15);
    expect(trace.points[2][0]).toBeCloseTo(-0.1 + Math.SQRT1_2, 15);
    const clipped = runOnline(alternating, [0.9], { optimizer: { name: 'SGD', lr: 5 }, rounds: 2, bounds: [[-1, 1]] });
    expect(clipped.points).toEqual([[0.9], [-1], [1]]);
  });

  it('averageRegret sums f_t(x_t) − f_t(x*) over the rounds played', () => {
    const trace = runOnline(alternating, [0.5], { optimizer: { name: 'SGD', lr: 0.25 }, rounds: 4 });
    // Against x* = 0 every f_t(x*) = 0, so R_t is the running sum of 0.5, −0.25, 0.5, −0.25.
    expect(averageRegret(alternating, trace, [0])).toEqual([0.5, 0.25 / 2, 0.75 / 3, 0.5 / 4]);
    // Against x* = 1: f_t(1) = ±1, so each pair of rounds adds 0.25 − 0 to the sum.
    expect(averageRegret(alternating, trace, [1]).at(-1)).toBeCloseTo((0.5 - 1 + (-0.25 + 1) + (0.5 - 1) + (-0.25 + 1)) / 4, 15);
  });

  it('refuses bad input, naming it', () => {
    expect(() => runOnline(alternating, [0, 0], { optimizer: { name: 'SGD' }, rounds: 1 })).toThrow(/start point has 2 coordinates, the problem has 1/);
    expect(() => runOnline(alternating, [0], { optimizer: { name: 'SGD' }, rounds: -1 })).toThrow(/rounds must be an integer >= 0, got -1/);
    expect(() => runOnline(alternating, [0], { optimizer: { name: 'SGD' }, rounds: 1, bounds: [[1, -1]] })).toThrow(/bounds\[0\] must be \[low, high\]/);
    expect(() => runOnline(alternating, [0], { optimizer: { name: 'LBFGS' }, rounds: 1 })).toThrow(/LBFGS re-evaluates/);
    expect(() => averageRegret(alternating, runOnline(alternating, [0], { optimizer: { name: 'SGD' }, rounds: 1 }), [0, 1])).toThrow(/comparator has 2 coordinates/);
  });
});
