/** PolynomialLR (torch.optim.lr_scheduler, 1.13). */
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

export const polynomialLRSchema = {
  totalIters: { kind: 'number', default: 5, min: 1, integer: true, description: 'steps over which the lr decays to 0' },
  power: { kind: 'number', default: 1, min: 0, description: 'power p of the polynomial' },
} as const;

/** PolynomialLR: η_t = η₀ (1 − min(t, T)/T)^p, reaching 0 at T and staying there. */
export class PolynomialLR extends LRScheduler<typeof polynomialLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof polynomialLRSchema>) {
    super('PolynomialLR', polynomialLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { totalIters: T, power } = this.options;
    const t = this.lastEpoch;
    if (t === 0 || t > T) return this.currentLrs();
    const decay = ((1.0 - t / T) / (1.0 - (t - 1) / T)) ** power;
    return this.currentLrs().map((lr) => lr * decay);
  }

  protected override closedFormLr(): number[] {
    const { totalIters: T, power } = this.options;
    return this.baseLrs.map((lr) => lr * (1.0 - Math.min(T, this.lastEpoch) / T) ** power);
  }
}

export type PolynomialLROptions = OptionsOf<typeof polynomialLRSchema>;
