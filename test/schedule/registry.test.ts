/** The scheduler table and the public names: every torch scheduler is registered and exported under its name. */
import { describe, expect, it } from 'vitest';
import * as descent from '../../src/index.js';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { createScheduler, getScheduler, schedulers } from '../../src/schedule/registry.js';

const TORCH_NAMES = [
  'StepLR', 'MultiStepLR', 'ExponentialLR', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts', 'LinearLR', 'ConstantLR', 'PolynomialLR',
  'OneCycleLR', 'CyclicLR', 'LambdaLR', 'MultiplicativeLR', 'SequentialLR', 'ChainedScheduler', 'ReduceLROnPlateau',
];

describe('schedulers', () => {
  it('lists every torch scheduler once, and the package exports each class by that name', () => {
    expect([...schedulers.map((s) => s.name)].sort()).toEqual([...TORCH_NAMES].sort());
    for (const name of TORCH_NAMES) expect(typeof (descent as Record<string, unknown>)[name], name).toBe('function');
    expect(descent.schedulers).toBe(schedulers);
  });

  it('marks the composites, whose specs nest scheduler specs under `schedulers`', () => {
    expect(schedulers.filter((s) => s.children === 'schedulers').map((s) => s.name)).toEqual(['SequentialLR', 'ChainedScheduler']);
  });

  it('getScheduler(name) ignores case; createScheduler builds the class named', () => {
    expect(getScheduler('onecyclelr').name).toBe('OneCycleLR');
    const opt = new SGD([new Parameter(new Float64Array(1))], { lr: 0.1, momentum: 0.9 });
    expect(createScheduler(opt, { name: 'cycliclr', stepSizeUp: 4 })).toBeInstanceOf(descent.CyclicLR);
    expect(() => createScheduler(opt, { name: 'SequentialLR', schedulers: [], milestones: [] })).toThrow(/^SequentialLR: schedulers must be a non-empty list of scheduler specs, got \[\]$/);
  });
});
