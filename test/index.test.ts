/** The public names that DESIGN.md fixes and outside checks rely on. */
import { describe, expect, it } from 'vitest';
import * as descent from '../src/index.js';

const names = [
  'Parameter', 'Optimizer', 'SGD', 'Adam', 'AdamW', 'Adagrad', 'RMSprop', 'Adadelta', 'Adamax', 'NAdam', 'RAdam', 'ASGD',
  'Rprop', 'LBFGS', 'Lion', 'clipGradNorm', 'clipGradValue', 'StepLR', 'MultiStepLR', 'ExponentialLR', 'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts', 'LinearLR', 'ConstantLR', 'PolynomialLR', 'OneCycleLR', 'CyclicLR', 'LambdaLR',
  'MultiplicativeLR', 'SequentialLR', 'ChainedScheduler', 'ReduceLROnPlateau', 'EarlyStopping', 'optimizers', 'schedulers',
  'lrAt', 'compile', 'numericGradient', 'gradCheck',
];

describe('the package exports', () => {
  it.each(names)('%s', (name) => {
    expect((descent as Record<string, unknown>)[name], name).toBeDefined();
  });

  it('every registered optimizer and scheduler is exported under its name', () => {
    for (const entry of [...descent.optimizers, ...descent.schedulers]) {
      expect(typeof (descent as Record<string, unknown>)[entry.name], entry.name).toBe('function');
    }
  });
});
