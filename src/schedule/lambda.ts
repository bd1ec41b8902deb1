/** LambdaLR and MultiplicativeLR: schedules given as functions of the step (torch.optim.lr_scheduler, 1.13). */
import { fail } from '../core/errors.js';
import type { OptionsOf, StepFunction } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

export const lambdaLRSchema = {
  lrLambda: { kind: 'function', default: null, description: 'λ(t), the factor of the initial lr at step t (one function, or one per group)' },
} as const;

/** One function per group, from one function or a list of them. */
function perGroup(owner: string, lrLambda: StepFunction | StepFunction[], groups: number): StepFunction[] {
  if (!Array.isArray(lrLambda)) return Array.from({ length: groups }, () => lrLambda);
  if (lrLambda.length !== groups) fail(owner, `expected ${groups} lrLambda functions (one per param group), got ${lrLambda.length}`);
  return lrLambda;
}

/** LambdaLR: η_t = η₀ · λ(t). */
export class LambdaLR extends LRScheduler<typeof lambdaLRSchema> {
  private readonly lambdas: StepFunction[];

  constructor(optimizer: OptimizerLike, options: SchedulerOptionsInput<typeof lambdaLRSchema>) {
    super('LambdaLR', lambdaLRSchema, optimizer, options);
    this.lambdas = perGroup(this.name, this.options.lrLambda, this.groups.length);
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((lr, i) => lr * this.lambdas[i](this.lastEpoch));
  }
}

export const multiplicativeLRSchema = {
  lrLambda: { kind: 'function', default: null, description: 'λ(t), the factor applied to the current lr at step t (one function, or one per group)' },
} as const;

/** MultiplicativeLR: η_t = η_{t-1} · λ(t) for t > 0. */
export class MultiplicativeLR extends LRScheduler<typeof multiplicativeLRSchema> {
  private readonly lambdas: StepFunction[];

  constructor(optimizer: OptimizerLike, options: SchedulerOptionsInput<typeof multiplicativeLRSchema>) {
    super('MultiplicativeLR', multiplicativeLRSchema, optimizer, options);
    this.lambdas = perGroup(this.name, this.options.lrLambda, this.groups.length);
    this.initialStep();
  }

  protected getLr(): number[] {
    if (this.lastEpoch <= 0) return this.currentLrs();
    return this.currentLrs().map((lr, i) => lr * this.lambdas[i](this.lastEpoch));
  }
}

export type LambdaLROptions = OptionsOf<typeof lambdaLRSchema>;
export type MultiplicativeLROptions = OptionsOf<typeof multiplicativeLRSchema>;
