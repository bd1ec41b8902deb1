import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { lrAt } from '../../src/schedule/lr-at.js';
import { StepLR } from '../../src/schedule/step.js';

describe('lrAt(spec, baseLr, steps)', () => {
  it("gives the lecture's StepLR curve: halve every 5 steps", () => {
    const expected = Array.from({ length: 30 }, (_, t) => 0.1 * 0.5 ** Math.floor(t / 5));
    const curve = lrAt({ name: 'StepLR', stepSize: 5, gamma: 0.5 }, 0.1, 30);
    curve.forEach((lr, t) => expect(lr).toBeCloseTo(expected[t], 15));
  });

  it('matches a scheduler driving a real optimizer, value for value', () => {
    const optimizer = new SGD([new Parameter(new Float64Array(1))], { lr: 0.3 });
    const scheduler = new StepLR(optimizer, { stepSize: 3, gamma: 0.7 });
    const real: number[] = [];
    for (let t = 0; t < 20; t++) {
      real.push(optimizer.paramGroups[0].lr);
      optimizer.step();
      scheduler.step();
    }
    expect(lrAt({ name: 'steplr', stepSize: 3, gamma: 0.7 }, 0.3, 20)).toEqual(real);
  });

  it('refuses bad arguments with a clear message', () => {
    expect(() => lrAt({ name: 'StepLR' }, -1, 10)).toThrow(/^lrAt: baseLr must be a finite number >= 0, got -1$/);
    expect(() => lrAt({ name: 'StepLR' }, 0.1, 2.5)).toThrow(/^lrAt: steps must be an integer >= 0, got 2.5$/);
    expect(() => lrAt({ name: 'Step' }, 0.1, 10)).toThrow(/unknown scheduler "Step"/);
    expect(() => lrAt({ name: 'StepLR', gamma: 0 }, 0.1, 10)).toThrow(/^StepLR: gamma must be > 0, got 0$/);
    expect(() => lrAt({ name: 'MultiStepLR', milestones: [5, 3] }, 0.1, 10)).toThrow(/^MultiStepLR: milestones must be increasing, got \[5,3\]$/);
    expect(() => lrAt({ name: 'CosineAnnealingLR', tMax: 0 }, 0.1, 10)).toThrow(/^CosineAnnealingLR: tMax must be an integer >= 1, got 0$/);
    expect(() => lrAt({ name: 'StepLR', stepSize: 0.5 }, 0.1, 10)).toThrow(/^StepLR: stepSize must be an integer >= 1, got 0.5$/);
    expect(() => lrAt({ name: 'StepLR', step_size: 5 }, 0.1, 10)).toThrow(/^StepLR: unknown option "step_size"/);
  });
});
