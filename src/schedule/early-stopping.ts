/**
 * Early stopping on a validation metric (lecture 4: stop when the validation loss stops improving, and keep the
 * best weights). Used by the training loop and usable on its own:
 *
 *   const stopper = new EarlyStopping({ patience: 5, restoreBest: true });
 *   for (const epoch of epochs) { train(); if (stopper.update(validationLoss(), params)) break; }
 *   stopper.restore(params);
 *
 * Relation to the experiment engine's convergence test (notes 003: stop when |S_t − S_{t-1}| < ε): that test
 * looks at the change of the training objective between two steps; this one looks at whether a held-out metric
 * has beaten its best by more than `minDelta` within the last `patience` updates.
 */
import { fail } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import { resolveOptions, type OptionsOf } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';

export const earlyStoppingSchema = {
  patience: { kind: 'number', default: 10, min: 1, integer: true, description: 'stop after this many updates in a row without improvement' },
  minDelta: { kind: 'number', default: 0, min: 0, description: 'an improvement must beat the best by more than this' },
  mode: { kind: 'choice', values: ['min', 'max'], default: 'min', description: "'min' for a loss, 'max' for an accuracy" },
  restoreBest: { kind: 'boolean', default: false, description: 'keep a copy of the parameters at the best metric, for restore()' },
} as const;

export type EarlyStoppingOptions = OptionsOf<typeof earlyStoppingSchema>;

export class EarlyStopping {
  readonly options: EarlyStoppingOptions;
  /** The best metric so far (±Infinity before the first update). */
  best: number;
  /** Index of the update that gave the best metric (-1 before any). */
  bestEpoch = -1;
  /** Updates since the last improvement. */
  wait = 0;
  /** Number of updates so far. */
  epoch = 0;
  /** Whether the last update asked to stop. */
  stopped = false;
  private bestParams: FloatArray[] | null = null;

  constructor(options?: Partial<EarlyStoppingOptions>) {
    this.options = resolveOptions('EarlyStopping', earlyStoppingSchema, options);
    this.best = this.options.mode === 'min' ? Infinity : -Infinity;
  }

  /** Whether `metric` beats the best so far by more than minDelta. A NaN metric never improves. */
  isImprovement(metric: number): boolean {
    const { mode, minDelta } = this.options;
    return mode === 'min' ? metric < this.best - minDelta : metric > this.best + minDelta;
  }

  /**
   * Records one metric (one epoch's validation loss, say) and returns true when training should stop: the last
   * `patience` updates in a row have not improved on the best (as Keras and Lightning count it). With restoreBest, pass the parameters so the best can be kept.
   */
  update(metric: number, params?: readonly Parameter[]): boolean {
    if (typeof metric !== 'number') fail('EarlyStopping', `update needs a number, got ${String(metric)}`);
    if (this.options.restoreBest && params === undefined) fail('EarlyStopping', 'restoreBest needs the parameters in update(metric, params)');
    if (this.isImprovement(metric)) {
      this.best = metric;
      this.bestEpoch = this.epoch;
      this.wait = 0;
      if (this.options.restoreBest && params) this.bestParams = params.map((p) => p.data.slice());
    } else {
      this.wait += 1;
    }
    this.epoch += 1;
    this.stopped = this.wait >= this.options.patience;
    return this.stopped;
  }

  /** Copies the best parameters back into `params` (the same list as given to update); false if none were kept. */
  restore(params: readonly Parameter[]): boolean {
    if (!this.options.restoreBest) fail('EarlyStopping', 'restore() needs the option restoreBest: true');
    const saved = this.bestParams;
    if (saved === null) return false;
    if (saved.length !== params.length || saved.some((s, i) => s.length !== params[i].data.length)) {
      fail('EarlyStopping', 'restore() got parameters of other shapes than those given to update()');
    }
    params.forEach((p, i) => p.data.set(saved[i]));
    return true;
  }
}
