/**
 * Cosine annealing (Loshchilov & Hutter, 2017, "SGDR"): CosineAnnealingLR and CosineAnnealingWarmRestarts
 * (torch.optim.lr_scheduler, 1.13).
 */
import { fail, show } from '../core/errors.js';
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { correctlyRoundedLog } from '../core/exact-log.js';
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

export const cosineAnnealingWarmRestartsSchema = {
  t0: { kind: 'number', default: 10, min: 1, integer: true, description: 'T₀: steps until the first restart' },
  tMult: { kind: 'number', default: 1, min: 1, integer: true, description: 'T_mult: each period is this many times longer than the one before' },
  etaMin: { kind: 'number', default: 0, min: 0, description: 'the lowest lr, η_min' },
} as const;

/**
 * CosineAnnealingWarmRestarts (SGDR): η_t = η_min + (η₀ − η_min)(1 + cos(π T_cur / T_i))/2, where T_cur counts
 * the steps since the last restart and the period T_i starts at T₀ and is multiplied by T_mult at each restart.
 * torch requires T_0; here it defaults to 10.
 *
 * Convention: as in torch, `step(epoch)` accepts a fractional epoch (e.g. `epoch + batch / batchesPerEpoch`) and
 * derives T_cur and T_i from it in closed form: with T_mult > 1 the period index is
 * n = ⌊log_{T_mult}(epoch/T₀ · (T_mult − 1) + 1)⌋; lastEpoch becomes ⌊epoch⌋. `step()` adds 1 to T_cur and
 * restarts at most once, so after resuming at lastEpoch k > T₀ it continues from T_cur = k + 1 − T₀, not from
 * k's place in the cycle. torch's own step() does not count steps, so stepCount stays 0. The logarithms are
 * rounded as glibc rounds them (see exact-log.ts): at an epoch exactly on a restart, torch's truncated ratio
 * of logs may land one period early, giving η_min rather than η₀, and we land with it.
 */
export class CosineAnnealingWarmRestarts extends LRScheduler<typeof cosineAnnealingWarmRestartsSchema> {
  /** T_i: the length of the current period. */
  private tI: number;
  /** T_cur: steps since the last restart (fractional after step(epoch) with a fractional epoch). */
  private tCur: number;

  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof cosineAnnealingWarmRestartsSchema>) {
    super('CosineAnnealingWarmRestarts', cosineAnnealingWarmRestartsSchema, optimizer, options);
    this.tI = this.options.t0;
    this.tCur = this.lastEpoch;
    this.initialStep();
  }

  protected getLr(): number[] {
    const { etaMin } = this.options;
    return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }

  override step(epoch?: number): void {
    const { t0, tMult } = this.options;
    if (epoch === undefined && this.lastEpoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= tMult;
      }
    } else if (!(typeof epoch === 'number' && epoch >= 0 && Number.isFinite(epoch))) {
      fail(this.name, `epoch must be a finite number >= 0, got ${show(epoch)}`);
    } else if (epoch < t0) {
      this.tI = t0;
      this.tCur = epoch;
    } else if (tMult === 1) {
      this.tCur = epoch % t0;
    } else {
      const n = Math.trunc(correctlyRoundedLog((epoch / t0) * (tMult - 1) + 1) / correctlyRoundedLog(tMult));
      this.tCur = epoch - (t0 * (tMult ** n - 1)) / (tMult - 1);
      this.tI = t0 * tMult ** n;
    }
    this.lastEpoch = Math.floor(epoch);
    const values = this.getLr();
    this.groups.forEach((group, i) => {
      group.lr = values[i];
    });
    this.lastLr = this.currentLrs();
  }

  protected override saveState(): Record<string, unknown> {
    return { tI: this.tI, tCur: this.tCur };
  }

  protected override loadState(state: Record<string, unknown>): void {
    const { tI, tCur } = state;
    if (typeof tI !== 'number' || typeof tCur !== 'number') {
      fail(`${this.name}.loadStateDict`, `state must hold numbers tI and tCur, got ${show(state)}`);
    }
    this.tI = tI;
    this.tCur = tCur;
  }
}

export type CosineAnnealingWarmRestartsOptions = OptionsOf<typeof cosineAnnealingWarmRestartsSchema>;
