/** Schedulers made of schedulers: SequentialLR (one after another) and ChainedScheduler (all at once), torch 1.13. */
import { fail, show } from '../core/errors.js';
import { resolveOptions, type OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { LRScheduler, type Scheduler, type SchedulerStateDict } from './scheduler.js';

/** What a ChainedScheduler can step: any scheduler stepped without a metric. */
export type ChainableScheduler = LRScheduler | SequentialLR | ChainedScheduler;

function isChainable(s: unknown): s is ChainableScheduler {
  return s instanceof LRScheduler || s instanceof SequentialLR || s instanceof ChainedScheduler;
}

/** Checks the children: a non-empty list of `accepts`, all stepping `optimizer` (default: the first's). */
function checkChildren<T extends ChainableScheduler>(owner: string, schedulers: unknown, accepts: (s: unknown) => s is T, what: string, optimizer?: OptimizerLike): T[] {
  if (!Array.isArray(schedulers) || schedulers.length === 0) fail(owner, `schedulers must be a non-empty list of schedulers, got ${show(schedulers)}`);
  schedulers.forEach((s, i) => {
    if (!accepts(s)) fail(owner, `schedulers[${i}] must be ${what}, got ${show((s as Scheduler | null)?.name ?? s)}`);
  });
  const target = optimizer ?? (schedulers[0] as T).optimizer;
  (schedulers as T[]).forEach((s, i) => {
    if (s.optimizer !== target) fail(owner, `all schedulers must step the same optimizer, but schedulers[${i}] steps another one`);
  });
  return [...(schedulers as T[])];
}

/**
 * Loads the children's state dicts (after checking that there is one per child), then puts the composite's own
 * last lr back into the groups: each child writes its last lr on loading, and an idle child's is stale.
 */
function loadChildren(owner: string, optimizer: OptimizerLike, children: readonly Scheduler[], dict: SchedulerStateDict): void {
  const dicts = dict.schedulers;
  if (!Array.isArray(dicts) || dicts.length !== children.length) {
    fail(owner, `expected ${children.length} scheduler state dicts, got ${show(Array.isArray(dicts) ? dicts.length : dicts)}`);
  }
  if (!Array.isArray(dict.lastLr) || dict.lastLr.length !== optimizer.paramGroups.length) {
    fail(owner, `the state dict has ${show(dict.lastLr?.length)} last lrs, the optimizer has ${optimizer.paramGroups.length} groups`);
  }
  children.forEach((s, i) => s.loadStateDict(dicts[i]));
  optimizer.paramGroups.forEach((group, i) => {
    group.lr = dict.lastLr[i];
  });
}

export const sequentialLRSchema = {
  milestones: { kind: 'list', default: [], item: { min: 1, integer: true }, increasing: true, description: 'steps at which the next scheduler takes over (one fewer than schedulers)' },
} as const;

export type SequentialLROptions = OptionsOf<typeof sequentialLRSchema> & { schedulers: LRScheduler[] };

/**
 * SequentialLR: scheduler k drives the lr from milestone k − 1 (0 for the first) until milestone k. Typical use
 * is a warm-up followed by a decay: `new SequentialLR(opt, { schedulers: [warmup, decay], milestones: [5] })`.
 *
 * Convention: torch 1.13's construction and hand-over are quirky, and we follow them: the constructor puts every
 * group's lr back to its initialLr, takes one off each child's lastEpoch (undoing their constructors' steps) and
 * runs the first child's initial step again; at its milestone a child is stepped with `step(0)`, i.e. restarted
 * through its closed form (its getLr where it has none) from the groups' initialLr, whatever the lr was before.
 * Between milestones, each child continues its own counter. torch does not check milestones; we require them
 * increasing and >= 1.
 */
export class SequentialLR implements Scheduler {
  readonly name = 'SequentialLR';
  readonly optimizer: OptimizerLike;
  readonly options: OptionsOf<typeof sequentialLRSchema>;
  readonly schedulers: LRScheduler[];
  /** Steps taken: 0 after construction (torch's last_epoch + 1). */
  lastEpoch: number;
  /** Calls of step(). */
  private stepCount = 0;
  private lastLr: number[];

  constructor(optimizer: OptimizerLike, options: Partial<SequentialLROptions> & { lastEpoch?: number }) {
    const { schedulers, lastEpoch = -1, ...rest } = options ?? {};
    this.options = resolveOptions(this.name, sequentialLRSchema, rest);
    this.schedulers = checkChildren(this.name, schedulers, (s): s is LRScheduler => s instanceof LRScheduler, 'an LRScheduler (not a composite, not ReduceLROnPlateau)', optimizer);
    const { milestones } = this.options;
    if (milestones.length !== this.schedulers.length - 1) {
      fail(this.name, `expects one milestone fewer than schedulers, got ${this.schedulers.length} schedulers and milestones ${show(milestones)}`);
    }
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1) fail(this.name, `lastEpoch must be an integer >= -1, got ${show(lastEpoch)}`);
    this.optimizer = optimizer;
    this.lastEpoch = lastEpoch + 1;
    for (const group of optimizer.paramGroups) group.lr = group.initialLr!;
    for (const s of this.schedulers) s.lastEpoch -= 1;
    this.schedulers[0].initialStep();
    this.lastLr = this.schedulers[0].getLastLr();
  }

  step(): void {
    this.stepCount += 1;
    this.lastEpoch += 1;
    const { milestones } = this.options;
    // bisect_right: the number of milestones <= lastEpoch picks the child.
    const index = milestones.filter((m) => m <= this.lastEpoch).length;
    const scheduler = this.schedulers[index];
    if (index > 0 && milestones[index - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): SchedulerStateDict {
    return {
      name: this.name,
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: this.optimizer.paramGroups.map((g) => g.initialLr!),
      lastLr: [...this.lastLr],
      options: structuredClone(this.options),
      state: {},
      schedulers: this.schedulers.map((s) => s.stateDict()),
    };
  }

  loadStateDict(dict: SchedulerStateDict): void {
    const owner = `${this.name}.loadStateDict`;
    if (dict === null || typeof dict !== 'object' || dict.name !== this.name) {
      fail(owner, `expected the state dict of a ${this.name}, got ${show(dict?.name ?? dict)}`);
    }
    const options = resolveOptions(owner, sequentialLRSchema, dict.options);
    if (options.milestones.length !== this.schedulers.length - 1) {
      fail(owner, `the state dict has milestones ${show(options.milestones)} for ${this.schedulers.length} schedulers`);
    }
    loadChildren(owner, this.optimizer, this.schedulers, dict);
    Object.assign(this.options, options);
    this.lastEpoch = dict.lastEpoch;
    this.stepCount = dict.stepCount;
    this.lastLr = [...dict.lastLr];
  }
}

export const chainedSchedulerSchema = {} as const;

export interface ChainedSchedulerOptions {
  schedulers: ChainableScheduler[];
}

/**
 * ChainedScheduler: each step() steps every child in order, so their chainable forms compose (e.g. ConstantLR
 * and ExponentialLR give η₀ · factor · γᵗ). Construction steps nothing: each child has already taken its
 * initial step on the shared optimizer.
 *
 *   new ChainedScheduler([s1, s2])   // as torch
 *   new ChainedScheduler(optimizer, { schedulers: [s1, s2] })   // as the registry builds it
 */
export class ChainedScheduler implements Scheduler {
  readonly name = 'ChainedScheduler';
  readonly optimizer: OptimizerLike;
  readonly schedulers: ChainableScheduler[];
  /** Calls of step() (torch keeps no counter here). */
  lastEpoch = 0;
  private lastLr: number[];

  constructor(schedulers: ChainableScheduler[] | ChainedSchedulerOptions);
  constructor(optimizer: OptimizerLike, options: ChainedSchedulerOptions);
  constructor(first: ChainableScheduler[] | ChainedSchedulerOptions | OptimizerLike, second?: ChainedSchedulerOptions) {
    const [optimizer, options] = Array.isArray(first)
      ? [undefined, { schedulers: first }]
      : second === undefined
        ? [undefined, first as ChainedSchedulerOptions]
        : [first as OptimizerLike, second];
    const { schedulers, ...rest } = (options ?? {}) as Partial<ChainedSchedulerOptions>;
    resolveOptions(this.name, chainedSchedulerSchema, rest);
    this.schedulers = checkChildren(this.name, schedulers, isChainable, 'a scheduler stepped without a metric (not ReduceLROnPlateau)', optimizer);
    this.optimizer = this.schedulers[0].optimizer;
    this.lastLr = this.currentLrs();
  }

  private currentLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  step(): void {
    for (const s of this.schedulers) s.step();
    this.lastEpoch += 1;
    this.lastLr = this.currentLrs();
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): SchedulerStateDict {
    return {
      name: this.name,
      lastEpoch: this.lastEpoch,
      stepCount: this.lastEpoch,
      baseLrs: this.optimizer.paramGroups.map((g) => g.initialLr ?? g.lr),
      lastLr: [...this.lastLr],
      options: {},
      state: {},
      schedulers: this.schedulers.map((s) => s.stateDict()),
    };
  }

  loadStateDict(dict: SchedulerStateDict): void {
    const owner = `${this.name}.loadStateDict`;
    if (dict === null || typeof dict !== 'object' || dict.name !== this.name) {
      fail(owner, `expected the state dict of a ${this.name}, got ${show(dict?.name ?? dict)}`);
    }
    loadChildren(owner, this.optimizer, this.schedulers, dict);
    this.lastEpoch = dict.lastEpoch;
    this.lastLr = [...dict.lastLr];
  }
}
