/** Step decays: StepLR, MultiStepLR and ExponentialLR (torch.optim.lr_scheduler, 1.13). */
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

const gamma = (fallback: number) =>
  ({ kind: 'number', default: fallback, min: 0, minExclusive: true, description: 'multiplicative factor γ of each decay' }) as const;

export const stepLRSchema = {
  stepSize: { kind: 'number', default: 5, min: 1, integer: true, description: 'decay every stepSize steps (the lecture uses 5)' },
  gamma: gamma(0.1),
} as const;

/**
 * StepLR: η_t = η₀ · γ^⌊t / stepSize⌋. The lecture's example is StepLR(stepSize 5, gamma 0.5): halve every 5 epochs.
 * torch requires step_size; here it defaults to the lecture's 5.
 */
export class StepLR extends LRScheduler<typeof stepLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof stepLRSchema>) {
    super('StepLR', stepLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { stepSize, gamma } = this.options;
    if (this.lastEpoch === 0 || this.lastEpoch % stepSize !== 0) return this.currentLrs();
    return this.currentLrs().map((lr) => lr * gamma);
  }

  protected override closedFormLr(): number[] {
    const { stepSize, gamma } = this.options;
    return this.baseLrs.map((lr) => lr * gamma ** Math.floor(this.lastEpoch / stepSize));
  }
}

export const multiStepLRSchema = {
  milestones: { kind: 'list', default: [], item: { min: 0, integer: true }, increasing: true, description: 'steps at which the lr is multiplied by γ' },
  gamma: gamma(0.1),
} as const;

/** MultiStepLR: η_t = η₀ · γ^(number of milestones ≤ t). */
export class MultiStepLR extends LRScheduler<typeof multiStepLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof multiStepLRSchema>) {
    super('MultiStepLR', multiStepLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    if (!this.options.milestones.includes(this.lastEpoch)) return this.currentLrs();
    return this.currentLrs().map((lr) => lr * this.options.gamma);
  }

  protected override closedFormLr(): number[] {
    const passed = this.options.milestones.filter((m) => m <= this.lastEpoch).length;
    return this.baseLrs.map((lr) => lr * this.options.gamma ** passed);
  }
}

export const exponentialLRSchema = {
  gamma: gamma(0.95),
} as const;

/** ExponentialLR: η_t = η₀ · γᵗ. torch requires gamma; here it defaults to 0.95. */
export class ExponentialLR extends LRScheduler<typeof exponentialLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof exponentialLRSchema>) {
    super('ExponentialLR', exponentialLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch === 0) return this.currentLrs();
    return this.currentLrs().map((lr) => lr * this.options.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((lr) => lr * this.options.gamma ** this.lastEpoch);
  }
}

export type StepLROptions = OptionsOf<typeof stepLRSchema>;
export type MultiStepLROptions = OptionsOf<typeof multiStepLRSchema>;
export type ExponentialLROptions = OptionsOf<typeof exponentialLRSchema>;
