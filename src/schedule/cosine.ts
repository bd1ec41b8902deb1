/** Cosine annealing (Loshchilov & Hutter, 2017, "SGDR"): CosineAnnealingLR (torch.optim.lr_scheduler, 1.13). */
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, pyMod, type SchedulerOptionsInput } from './scheduler.js';

export const cosineAnnealingLRSchema = {
  tMax: { kind: 'number', default: 10, min: 1, integer: true, description: 'half-period T_max: steps from η₀ down to etaMin' },
  etaMin: { kind: 'number', default: 0, min: 0, description: 'the lowest lr, η_min' },
} as const;

/**
 * CosineAnnealingLR: η_t = η_min + (η₀ − η_min)(1 + cos(π t / T_max))/2.
 *
 * Convention: torch steps the recursive form
 *   η_t = η_min + (η_{t-1} − η_min) · (1 + cos(π t/T_max)) / (1 + cos(π (t−1)/T_max)),
 * which, unlike the closed form, also follows any change made to the lr by someone else. Past T_max it does not
 * restart: the lr climbs back up along the cosine, reaching η₀ again at 2·T_max (a special case handles the
 * step where the ratio would divide by zero).
 */
export class CosineAnnealingLR extends LRScheduler<typeof cosineAnnealingLRSchema> {
  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof cosineAnnealingLRSchema>) {
    super('CosineAnnealingLR', cosineAnnealingLRSchema, optimizer, options);
    this.initialStep();
  }

  protected getLr(): number[] {
    const { tMax, etaMin } = this.options;
    const t = this.lastEpoch;
    if (t === 0) return this.currentLrs();
    if (this.stepCount === 1 && t > 0) {
      return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((t * Math.PI) / tMax))) / 2);
    }
    if (pyMod(t - 1 - tMax, 2 * tMax) === 0) {
      return this.groups.map((g, i) => g.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2);
    }
    return this.currentLrs().map(
      (lr) => ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) * (lr - etaMin) + etaMin,
    );
  }

  protected override closedFormLr(): number[] {
    const { tMax, etaMin } = this.options;
    return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / tMax))) / 2);
  }
}

export type CosineAnnealingLROptions = OptionsOf<typeof cosineAnnealingLRSchema>;
