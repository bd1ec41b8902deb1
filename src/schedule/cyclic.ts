/** Cyclical learning rates (Smith, 2017, "Cyclical Learning Rates for Training Neural Networks"): CyclicLR (torch 1.13). */
import { fail, show } from '../core/errors.js';
import type { OptionsOf } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { perGroup } from './per-group.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

const perGroupOption = (fallback: number, max: number | undefined, description: string) =>
  ({ kind: 'list', default: fallback, item: { min: 0, max }, acceptScalar: true, description }) as const;

export const cyclicLRSchema = {
  baseLr: perGroupOption(0.001, undefined, 'lower lr of the cycle (one number, or one per group)'),
  maxLr: perGroupOption(0.006, undefined, 'upper lr of the cycle, reached at the peak when the scale is 1 (one number, or one per group)'),
  stepSizeUp: { kind: 'number', default: 2000, min: 0, minExclusive: true, description: 'steps of the rising half of a cycle' },
  stepSizeDown: { kind: 'nullable-number', default: null, min: 0, minExclusive: true, description: 'steps of the falling half (null: stepSizeUp)' },
  mode: { kind: 'choice', values: ['triangular', 'triangular2', 'exp_range'], default: 'triangular', description: 'amplitude policy: constant, halved each cycle, or γ^step' },
  gamma: { kind: 'number', default: 1, min: 0, minExclusive: true, description: "γ of 'exp_range': the amplitude is scaled by γ^step" },
  scaleMode: { kind: 'choice', values: ['cycle', 'iterations'], default: 'cycle', description: 'whether scaleFn takes the cycle number or the step (only with scaleFn)' },
  cycleMomentum: { kind: 'boolean', default: true, description: 'cycle the momentum inversely to the lr' },
  baseMomentum: perGroupOption(0.8, 1, 'momentum at the peak of the lr (one number, or one per group)'),
  maxMomentum: perGroupOption(0.9, 1, 'momentum at the start of a cycle (one number, or one per group)'),
} as const;

/** The amplitude scale as a function of the cycle number or of the step, in [0, 1]. */
export type ScaleFunction = (x: number) => number;

export type CyclicLROptionsInput = SchedulerOptionsInput<typeof cyclicLRSchema> & {
  /** A custom amplitude scale; when given, `mode` is ignored and `scaleMode` says what it takes. */
  scaleFn?: ScaleFunction;
};

/** The groups' view before the base constructor runs (which validates the optimizer): empty for junk input. */
function groupsOf(optimizer: unknown): { initialLr?: number }[] {
  const groups = (optimizer as OptimizerLike | null)?.paramGroups;
  return Array.isArray(groups) ? groups : [];
}

/**
 * CyclicLR: with a cycle of S = stepSizeUp + stepSizeDown steps and r = stepSizeUp / S, at step t
 *   c = ⌊1 + t/S⌋,  x = 1 + t/S − c,  s = x/r if x ≤ r else (x − 1)/(r − 1),
 *   η_t = η_base + (η_max − η_base) · s · scale,
 * where scale is 1 ('triangular'), 1/2^(c−1) ('triangular2'), γᵗ ('exp_range') or scaleFn(c or t).
 * With cycleMomentum the group's momentum goes the other way: m_t = m_max − (m_max − m_base) · s · scale.
 * torch requires base_lr and max_lr; here they default to 0.001 and 0.006, the defaults of bckenstler/CLR,
 * the Keras implementation torch adapted.
 *
 * Convention: torch 1.13 overwrites each group's lr with baseLr (and momentum with baseMomentum) at
 * construction, then records initialLr only where a group has none: a group that already has one (from an
 * earlier scheduler) starts step 0 at that initialLr, and from step 1 on follows baseLr. When resuming
 * (lastEpoch ≥ 0) the lower momentum is the group's current momentum, not baseMomentum. Cycling the momentum
 * needs SGD-style `momentum`: torch 1.13's CyclicLR does not drive Adam's betas (OneCycleLR does).
 */
export class CyclicLR extends LRScheduler<typeof cyclicLRSchema> {
  private readonly scaleFn: ScaleFunction | undefined;
  /** The lower momentum of each group, read from the groups at construction as torch does. */
  private baseMomentums: number[] = [];
  /** The momentum each group was given by the last step (empty without cycleMomentum), for the state dict. */
  private lastMomentum: number[] = [];

  constructor(optimizer: OptimizerLike, options?: CyclicLROptionsInput) {
    const { scaleFn, ...rest } = options ?? {};
    const hadInitialLr = groupsOf(optimizer).map((g) => g.initialLr !== undefined);
    super('CyclicLR', cyclicLRSchema, optimizer, rest);
    if (scaleFn !== undefined && typeof scaleFn !== 'function') fail(this.name, `scaleFn must be a function of the cycle or the step, got ${show(scaleFn)}`);
    this.scaleFn = scaleFn;
    const count = this.groups.length;
    const baseLrs = perGroup(this.name, 'baseLr', this.options.baseLr, count);
    perGroup(this.name, 'maxLr', this.options.maxLr, count);
    if (this.lastEpoch === -1) {
      this.groups.forEach((group, i) => {
        group.lr = baseLrs[i];
        if (!hadInitialLr[i]) group.initialLr = baseLrs[i];
      });
      this.baseLrs = this.groups.map((g) => g.initialLr!);
    }
    if (this.options.cycleMomentum) {
      if (!this.groups.every((g) => g.momentum !== undefined)) {
        fail(this.name, `cycleMomentum needs an optimizer with a momentum option (SGD, RMSprop), got ${show(optimizer.name)}; pass cycleMomentum: false`);
      }
      const baseMomentums = perGroup(this.name, 'baseMomentum', this.options.baseMomentum, count);
      perGroup(this.name, 'maxMomentum', this.options.maxMomentum, count);
      if (this.lastEpoch === -1) this.groups.forEach((group, i) => (group.momentum = baseMomentums[i]));
      this.baseMomentums = this.groups.map((g) => g.momentum!);
    }
    this.initialStep();
    this.baseLrs = baseLrs;
  }

  /** The amplitude scale and whether it takes the cycle number (else the step). */
  private scale(): { fn: ScaleFunction; byCycle: boolean } {
    if (this.scaleFn) return { fn: this.scaleFn, byCycle: this.options.scaleMode === 'cycle' };
    const { mode, gamma } = this.options;
    if (mode === 'triangular') return { fn: () => 1.0, byCycle: true };
    if (mode === 'triangular2') return { fn: (c) => 1 / 2.0 ** (c - 1), byCycle: true };
    return { fn: (t) => gamma ** t, byCycle: false };
  }

  /** Not chainable: the lr of step t is a function of t. Writes the groups' momentum as a side effect, as torch does. */
  protected getLr(): number[] {
    const { stepSizeUp, stepSizeDown, maxLr, maxMomentum, cycleMomentum } = this.options;
    const t = this.lastEpoch;
    const totalSize = stepSizeUp + (stepSizeDown ?? stepSizeUp);
    const stepRatio = stepSizeUp / totalSize;
    const cycle = Math.floor(1 + t / totalSize);
    const x = 1.0 + t / totalSize - cycle;
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    const { fn, byCycle } = this.scale();
    const count = this.groups.length;
    const maxLrs = perGroup(this.name, 'maxLr', maxLr, count);
    const lrs = this.baseLrs.map((baseLr, i) => baseLr + (maxLrs[i] - baseLr) * scaleFactor * fn(byCycle ? cycle : t));
    if (cycleMomentum) {
      const maxMomentums = perGroup(this.name, 'maxMomentum', maxMomentum, count);
      this.groups.forEach((group, i) => {
        group.momentum = maxMomentums[i] - (maxMomentums[i] - this.baseMomentums[i]) * scaleFactor * fn(byCycle ? cycle : t);
      });
    }
    return lrs;
  }

  override step(epoch?: number): void {
    super.step(epoch);
    this.lastMomentum = this.options.cycleMomentum ? this.groups.map((g) => g.momentum!) : [];
  }

  /**
   * Beyond torch, like the lr in LRScheduler.loadStateDict: the momentum of the last step goes back into the
   * groups, since building the scheduler before loading rewrites it.
   */
  protected override saveState(): Record<string, unknown> {
    return { baseMomentums: [...this.baseMomentums], lastMomentum: [...this.lastMomentum] };
  }

  protected override loadState(state: Record<string, unknown>): void {
    const expected = this.options.cycleMomentum ? this.groups.length : 0;
    const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.length === expected && x.every((m) => typeof m === 'number');
    const { baseMomentums, lastMomentum } = state;
    if (!numbers(baseMomentums) || !numbers(lastMomentum)) {
      fail(`${this.name}.loadStateDict`, `state.baseMomentums and state.lastMomentum must be lists of ${expected} numbers, got ${show(state)}`);
    }
    this.baseMomentums = [...baseMomentums];
    this.lastMomentum = [...lastMomentum];
    this.lastMomentum.forEach((m, i) => (this.groups[i].momentum = m));
  }
}

export type CyclicLROptions = OptionsOf<typeof cyclicLRSchema>;
