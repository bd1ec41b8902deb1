/**
 * The learning-rate scheduler base, torch.optim.lr_scheduler._LRScheduler in 1.13's semantics.
 *
 * A scheduler owns a counter `lastEpoch` (the number of `step()` calls so far; -1 before the first) and writes
 * each param group's `lr`. The constructor records each group's `initialLr` (torch's `initial_lr`) and performs
 * the first step, so the optimizer already holds the lr for step 0. Subclasses give the chainable form `getLr()`
 * (new lr from the group's current lr, torch's recursions, kept for bit-level parity) and, where one exists,
 * `closedFormLr()` (lr as a function of `lastEpoch` alone, used by `step(epoch)` and by SequentialLR).
 */
import { fail, show } from '../core/errors.js';
import { resolveOptions, type OptionSchema, type OptionsOf } from '../core/options.js';
import type { GroupView, OptimizerLike } from '../optim/optimizer.js';

/** Anything that moves a learning rate: every LRScheduler, and ReduceLROnPlateau. */
export interface Scheduler {
  readonly name: string;
  getLastLr(): number[];
  stateDict(): SchedulerStateDict;
  loadStateDict(dict: SchedulerStateDict): void;
}

/** JSON form of a scheduler: its counters, its (function-free) options and any state of its own. */
export interface SchedulerStateDict {
  name: string;
  lastEpoch: number;
  stepCount: number;
  baseLrs: number[];
  lastLr: number[];
  options: Record<string, unknown>;
  state: Record<string, unknown>;
  schedulers?: SchedulerStateDict[];
}

export type SchedulerOptionsInput<S extends OptionSchema> = Partial<OptionsOf<S>> & {
  /** Resume at this step: the groups must already carry `initialLr` (torch's last_epoch). Default -1, a fresh start. */
  lastEpoch?: number;
};

export abstract class LRScheduler<S extends OptionSchema = OptionSchema> implements Scheduler {
  readonly name: string;
  readonly optimizer: OptimizerLike;
  readonly schema: S;
  readonly options: OptionsOf<S>;
  /** Each group's initialLr: the lr the schedule is relative to. */
  baseLrs: number[];
  /** Number of steps taken; -1 before the constructor's initial step. */
  lastEpoch: number;
  /** Calls of step(), the initial one included (torch's _step_count). */
  protected stepCount = 0;
  protected lastLr: number[] = [];

  protected constructor(name: string, schema: S, optimizer: OptimizerLike, options: SchedulerOptionsInput<S> | undefined) {
    this.name = name;
    this.schema = schema;
    const { lastEpoch = -1, ...rest } = options ?? {};
    this.options = resolveOptions(name, schema, rest);
    if (!isOptimizer(optimizer)) fail(name, `the first argument must be an optimizer, got ${show(optimizer)}`);
    this.optimizer = optimizer;
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1) fail(name, `lastEpoch must be an integer >= -1, got ${show(lastEpoch)}`);
    optimizer.paramGroups.forEach((group, i) => {
      if (lastEpoch === -1) group.initialLr ??= group.lr;
      else if (group.initialLr === undefined) {
        fail(name, `param group ${i} has no initialLr, which resuming at lastEpoch ${lastEpoch} needs`);
      }
    });
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr!);
    this.lastEpoch = lastEpoch;
  }

  /** The chainable form: the lr of each group for step `lastEpoch`, from the groups' current lr. */
  protected abstract getLr(): number[];

  /** The closed form, lr as a function of `lastEpoch`; schedulers without one fall back to `getLr`, as torch does. */
  protected closedFormLr(): number[] {
    return this.getLr();
  }

  /**
   * Subclasses call this last in their constructor: it sets the lr of step 0 (torch's `_initial_step`).
   * SequentialLR calls it again on its first scheduler, as torch does.
   */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  protected get groups(): readonly GroupView[] {
    return this.optimizer.paramGroups;
  }

  /** The groups' current learning rates. */
  protected currentLrs(): number[] {
    return this.groups.map((g) => g.lr);
  }

  /**
   * Advances the schedule by one step and writes the new lr into every group. With `epoch` (deprecated in torch,
   * used by SequentialLR) it jumps to that step through the closed form.
   */
  step(epoch?: number): void {
    this.stepCount += 1;
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch += 1;
      values = this.getLr();
    } else {
      this.lastEpoch = epoch;
      values = this.closedFormLr();
    }
    this.groups.forEach((group, i) => {
      group.lr = values[i];
    });
    this.lastLr = this.currentLrs();
  }

  /** The lr of each group set by the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** Own mutable state beyond the counters (e.g. CosineAnnealingWarmRestarts' position in its cycle). */
  protected saveState(): Record<string, unknown> {
    return {};
  }

  protected loadState(_state: Record<string, unknown>): void {}

  stateDict(): SchedulerStateDict {
    const options = Object.fromEntries(Object.entries(this.options).filter(([, v]) => typeof v !== 'function' && !(Array.isArray(v) && v.some((f) => typeof f === 'function'))));
    return {
      name: this.name,
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: [...this.baseLrs],
      lastLr: [...this.lastLr],
      options: structuredClone(options),
      state: structuredClone(this.saveState()),
    };
  }

  /**
   * Restores a state dict of a scheduler of the same kind. Function-valued options (lrLambda) come from the
   * constructor, as in torch's LambdaLR.
   */
  loadStateDict(dict: SchedulerStateDict): void {
    const owner = `${this.name}.loadStateDict`;
    if (dict === null || typeof dict !== 'object' || dict.name !== this.name) {
      fail(owner, `expected the state dict of a ${this.name}, got ${show(dict?.name ?? dict)}`);
    }
    if (!Array.isArray(dict.baseLrs) || dict.baseLrs.length !== this.groups.length) {
      fail(owner, `the state dict has ${show(dict.baseLrs?.length)} base lrs, the optimizer has ${this.groups.length} groups`);
    }
    if (!Array.isArray(dict.lastLr) || dict.lastLr.length !== this.groups.length) {
      fail(owner, `the state dict has ${show(dict.lastLr?.length)} last lrs, the optimizer has ${this.groups.length} groups`);
    }
    // Function-valued options (lrLambda) cannot travel in JSON: they stay as the constructor set them.
    const schema = Object.fromEntries(Object.entries(this.schema).filter(([, spec]) => spec.kind !== 'function'));
    const options = resolveOptions(owner, schema, dict.options);
    Object.assign(this.options as object, options);
    this.lastEpoch = dict.lastEpoch;
    this.stepCount = dict.stepCount;
    this.baseLrs = [...dict.baseLrs];
    this.lastLr = [...dict.lastLr];
    this.loadState(dict.state ?? {});
    // Beyond torch: put the saved lr back into the groups, so that resuming works whether the optimizer's state
    // was loaded before or after this scheduler was built (building it runs a first step that rewrites the lr).
    this.groups.forEach((group, i) => {
      group.lr = this.lastLr[i];
    });
  }
}

function isOptimizer(value: unknown): value is OptimizerLike {
  return typeof value === 'object' && value !== null && Array.isArray((value as OptimizerLike).paramGroups);
}

/** Python's a % b for b > 0: never negative (torch's cosine recursion relies on it). */
export function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
