/** ReduceLROnPlateau: lower the lr when a metric stops improving (torch.optim.lr_scheduler, 1.13). */
import { fail, show } from '../core/errors.js';
import { decodeNumber, encodeNumber } from '../core/json-number.js';
import { resolveOptions, type OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { perGroup } from './per-group.js';
import type { Scheduler, SchedulerStateDict } from './scheduler.js';

export const reduceLROnPlateauSchema = {
  mode: { kind: 'choice', values: ['min', 'max'], default: 'min', description: "'min' for a metric that should fall (a loss), 'max' for one that should rise" },
  factor: { kind: 'number', default: 0.1, min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'each reduction multiplies the lr by this factor' },
  patience: { kind: 'number', default: 10, min: 0, integer: true, description: 'steps without improvement tolerated before a reduction' },
  threshold: { kind: 'number', default: 1e-4, min: 0, description: 'how much a metric must beat the best by to count as an improvement' },
  thresholdMode: { kind: 'choice', values: ['rel', 'abs'], default: 'rel', description: "'rel': beat best · (1 ∓ threshold); 'abs': beat best ∓ threshold" },
  cooldown: { kind: 'number', default: 0, min: 0, integer: true, description: 'steps after a reduction during which bad steps are not counted' },
  minLr: { kind: 'list', default: 0, item: { min: 0 }, acceptScalar: true, description: 'lower bound of the lr (one number, or one per group)' },
  eps: { kind: 'number', default: 1e-8, min: 0, description: 'a reduction smaller than eps is skipped' },
} as const;

export type ReduceLROnPlateauOptions = OptionsOf<typeof reduceLROnPlateauSchema>;

/** Python's max(a, b): the first unless the second is greater (so a NaN first argument wins, unlike Math.max). */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/**
 * ReduceLROnPlateau: after each `step(metric)`, a metric is an improvement when it beats the best so far by the
 * threshold (mode 'min', 'rel': metric < best · (1 − threshold); 'abs': metric < best − threshold; 'max'
 * mirrors both). After more than `patience` steps in a row without improvement, every group's lr becomes
 * max(lr · factor, minLr), unless that lowers it by eps or less, and `cooldown` steps follow in which bad steps
 * are not counted.
 *
 * Convention: as in torch, the comparisons are plain floating-point ones: a NaN metric is never an improvement
 * (it counts as a bad step), and in 'rel' mode a negative best makes the bar best · (1 − threshold) easier,
 * not harder, to clear. It is not an LRScheduler in torch either: no initial step, no initialLr, and lastEpoch
 * counts the metrics seen (0 before the first).
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly name = 'ReduceLROnPlateau';
  readonly optimizer: OptimizerLike;
  readonly options: ReduceLROnPlateauOptions;
  /** Metrics seen so far. */
  lastEpoch = 0;
  /** The best metric so far: +Infinity (mode 'min') or −Infinity ('max') before the first. */
  best: number;
  /** Steps in a row without improvement, outside cooldowns. */
  numBadEpochs = 0;
  /** Steps of cooldown left. */
  cooldownCounter = 0;
  /** Each group's lr at construction, kept for the state dict (there is no initialLr here). */
  private baseLrs: number[];
  private minLrs: number[];
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options?: Partial<ReduceLROnPlateauOptions>) {
    this.options = resolveOptions(this.name, reduceLROnPlateauSchema, options);
    if (typeof optimizer !== 'object' || optimizer === null || !Array.isArray(optimizer.paramGroups)) {
      fail(this.name, `the first argument must be an optimizer, got ${show(optimizer)}`);
    }
    this.optimizer = optimizer;
    this.minLrs = perGroup(this.name, 'minLr', this.options.minLr, optimizer.paramGroups.length);
    this.best = this.worst();
    this.baseLrs = this.currentLrs();
    this.lastLr = this.currentLrs();
  }

  /** The best of an empty history. */
  private worst(): number {
    return this.options.mode === 'min' ? Infinity : -Infinity;
  }

  private currentLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** Whether `metric` beats `best` by the threshold. */
  isBetter(metric: number, best: number): boolean {
    const { mode, threshold, thresholdMode } = this.options;
    if (mode === 'min' && thresholdMode === 'rel') return metric < best * (1.0 - threshold);
    if (mode === 'min') return metric < best - threshold;
    if (thresholdMode === 'rel') return metric > best * (threshold + 1.0);
    return metric > best + threshold;
  }

  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Records one metric (e.g. the validation loss of an epoch) and lowers the lr when it has stopped improving. */
  step(metric: number): void {
    if (typeof metric !== 'number') fail(this.name, `step needs a number (the metric), got ${show(metric)}`);
    this.lastEpoch += 1;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.options.patience) {
      this.reduceLr();
      this.cooldownCounter = this.options.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.currentLrs();
  }

  private reduceLr(): void {
    const { factor, eps } = this.options;
    this.optimizer.paramGroups.forEach((group, i) => {
      const oldLr = group.lr;
      const newLr = pyMax(oldLr * factor, this.minLrs[i]);
      if (oldLr - newLr > eps) group.lr = newLr;
    });
  }

  /** The lr of each group after the last step (before any step: at construction). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): SchedulerStateDict {
    return {
      name: this.name,
      lastEpoch: this.lastEpoch,
      stepCount: this.lastEpoch,
      baseLrs: [...this.baseLrs],
      lastLr: [...this.lastLr],
      options: structuredClone(this.options),
      state: { best: encodeNumber(this.best), numBadEpochs: this.numBadEpochs, cooldownCounter: this.cooldownCounter },
    };
  }

  loadStateDict(dict: SchedulerStateDict): void {
    const owner = `${this.name}.loadStateDict`;
    if (dict === null || typeof dict !== 'object' || dict.name !== this.name) {
      fail(owner, `expected the state dict of a ${this.name}, got ${show(dict?.name ?? dict)}`);
    }
    const options = resolveOptions(owner, reduceLROnPlateauSchema, dict.options);
    const minLrs = perGroup(owner, 'minLr', options.minLr, this.optimizer.paramGroups.length);
    const state = dict.state ?? {};
    const best = decodeNumber(state.best);
    const groups = this.optimizer.paramGroups;
    if (!Array.isArray(dict.lastLr) || dict.lastLr.length !== groups.length) {
      fail(owner, `the state dict has ${show(dict.lastLr?.length)} last lrs, the optimizer has ${groups.length} groups`);
    }
    const counters = [dict.lastEpoch, state.numBadEpochs, state.cooldownCounter];
    if (best === undefined || !counters.every((n) => Number.isInteger(n) && (n as number) >= 0)) {
      fail(owner, `expected a best metric and counters lastEpoch, numBadEpochs, cooldownCounter (integers >= 0), got ${show({ lastEpoch: dict.lastEpoch, ...state })}`);
    }
    Object.assign(this.options, options);
    this.minLrs = minLrs;
    if (Array.isArray(dict.baseLrs)) this.baseLrs = [...dict.baseLrs];
    this.best = best;
    [this.lastEpoch, this.numBadEpochs, this.cooldownCounter] = counters as number[];
    this.lastLr = [...dict.lastLr];
    // As LRScheduler does: the saved lr goes back into the groups, whichever of optimizer and scheduler loads first.
    groups.forEach((group, i) => {
      group.lr = this.lastLr[i];
    });
  }
}
