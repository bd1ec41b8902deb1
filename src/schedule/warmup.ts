/** Warm-up schedules: ConstantLR and LinearLR (torch.optim.lr_scheduler, 1.13). */
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

const totalIters = { kind: 'number', default: 5, min: 0, integer: true, description: 'steps until the factor is lifted' } as const;
const factor = (fallback: number, description: string) => ({ kind: 'number', default: fallback, min: 0, max: 1, description }) as const;
// torch allows factor 0, which turns the lr into 0 · (1/0) = NaN at totalIters; we require factor > 0.
const positiveFactor = (fallback: number, description: string) => ({ ...factor(fallback, description), minExclusive: true }) as const;

export const constantLRSchema = {
  factor: positiveFactor(1 / 3, 'the lr is multiplied by this factor until totalIters'),
  totalIters,
} as const;

/** ConstantLR: η_t = η₀ · factor for t < totalIters, then η₀. */
export class ConstantLR extends LRScheduler<typeof constantLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof constantLRSchema>) {
    super('ConstantLR', constantLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { factor, totalIters } = this.options;
    if (this.lastEpoch === 0) return this.currentLrs().map((lr) => lr * factor);
    if (this.lastEpoch !== totalIters) return this.currentLrs();
    return this.currentLrs().map((lr) => lr * (1.0 / factor));
  }

  protected override closedFormLr(): number[] {
    const { factor, totalIters } = this.options;
    return this.baseLrs.map((lr) => lr * (factor + (this.lastEpoch >= totalIters ? 1 : 0) * (1 - factor)));
  }
}

export const linearLRSchema = {
  startFactor: positiveFactor(1 / 3, 'factor of the lr at step 0'),
  endFactor: factor(1, 'factor of the lr from totalIters on'),
  totalIters,
} as const;

/**
 * LinearLR, the usual warm-up: the factor moves linearly from startFactor to endFactor over totalIters steps,
 * η_t = η₀ (s + (e − s) · min(t, T)/T). torch allows startFactor 0, which makes the recursion divide
 * 0 by 0 at step 1 when T = 0 and leaves the lr at 0 for good; we require startFactor > 0.
 */
export class LinearLR extends LRScheduler<typeof linearLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof linearLRSchema>) {
    super('LinearLR', linearLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: T } = this.options;
    if (this.lastEpoch === 0) return this.currentLrs().map((lr) => lr * s);
    if (this.lastEpoch > T) return this.currentLrs();
    return this.currentLrs().map((lr) => lr * (1 + (e - s) / (T * s + (this.lastEpoch - 1) * (e - s))));
  }

  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: T } = this.options;
    return this.baseLrs.map((lr) => lr * (s + ((e - s) * Math.min(T, this.lastEpoch)) / T));
  }
}

export type ConstantLROptions = OptionsOf<typeof constantLRSchema>;
export type LinearLROptions = OptionsOf<typeof linearLRSchema>;
