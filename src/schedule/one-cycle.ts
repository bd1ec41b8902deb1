/** The 1cycle policy (Smith & Topin, 2017, "Super-Convergence"): OneCycleLR (torch.optim.lr_scheduler, 1.13). */
import { fail, show } from '../core/errors.js';
import type { OptionsOf } from '../core/options.js';
import type { GroupView, OptimizerLike, SchedulerKeys } from '../optim/optimizer.js';
import { perGroup } from './per-group.js';
import { LRScheduler, type SchedulerOptionsInput } from './scheduler.js';

const steps = (description: string) => ({ kind: 'nullable-number', default: null, min: 1, integer: true, description }) as const;
const momentum = (fallback: number, description: string) =>
  ({ kind: 'list', default: fallback, item: { min: 0, max: 1 }, acceptScalar: true, description }) as const;

export const oneCycleLRSchema = {
  maxLr: { kind: 'list', default: 0.1, item: { min: 0 }, acceptScalar: true, description: 'peak lr η_max (one number, or one per group)' },
  totalSteps: steps('steps in the cycle (else epochs · stepsPerEpoch)'),
  epochs: steps('epochs in the cycle, with stepsPerEpoch, when totalSteps is null'),
  stepsPerEpoch: steps('steps per epoch, with epochs, when totalSteps is null'),
  pctStart: { kind: 'number', default: 0.3, min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'fraction of the cycle spent raising the lr' },
  annealStrategy: { kind: 'choice', values: ['cos', 'linear'], default: 'cos', description: 'shape of each phase: half a cosine or a straight line' },
  cycleMomentum: { kind: 'boolean', default: true, description: "cycle the momentum (SGD's momentum, Adam's β₁) inversely to the lr" },
  baseMomentum: momentum(0.85, 'momentum at the peak of the lr (one number, or one per group)'),
  maxMomentum: momentum(0.95, 'momentum at the start and end of the cycle (one number, or one per group)'),
  divFactor: { kind: 'number', default: 25, min: 0, minExclusive: true, description: 'the cycle starts at η_max / divFactor' },
  finalDivFactor: { kind: 'number', default: 1e4, min: 0, minExclusive: true, description: 'the cycle ends at the starting lr / finalDivFactor' },
  threePhase: { kind: 'boolean', default: false, description: "the paper's three phases (up, down to the start, annihilate) instead of fastai's two" },
} as const;

type GroupKey = keyof SchedulerKeys;

/** A phase runs from the end of the one before to `endStep`, annealing the named group keys. */
interface Phase {
  endStep: number;
  startLr: GroupKey;
  endLr: GroupKey;
  startMomentum: GroupKey;
  endMomentum: GroupKey;
}

/** Half a cosine from `start` (pct 0) to `end` (pct 1). */
function annealCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/** A straight line from `start` (pct 0) to `end` (pct 1). */
function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/**
 * OneCycleLR: with T = totalSteps and η₀ = η_max / divFactor, the lr rises from η₀ to η_max over the first
 * pctStart · T steps, then falls to η₀ / finalDivFactor at step T − 1 (threePhase: falls back to η₀ at
 * 2 · pctStart · T, then to η₀ / finalDivFactor). Each phase anneals from a to b as a + (b − a)(1 − cos(π p))/2
 * ('cos') or a + (b − a) p ('linear'), p the fraction of the phase done. With cycleMomentum the momentum
 * moves the opposite way, between maxMomentum and baseMomentum. torch requires max_lr; here it defaults to 0.1.
 *
 * The groups carry the schedule, as in torch: the constructor writes initialLr, maxLr and minLr (and maxMomentum,
 * baseMomentum) into each group, and every step reads them from there.
 *
 * Convention: torch lets the schedule run one step past its end (step T, where the last phase extrapolates
 * beyond the final lr) and fails at the next. It prefers β₁ over momentum when an optimizer has both, and sets
 * the momentum of step 0 to maxMomentum. torch accepts pctStart 0 and 1, which give empty phases; we require
 * 0 < pctStart < 1.
 */
export class OneCycleLR extends LRScheduler<typeof oneCycleLRSchema> {
  /** Whether the cycled momentum is Adam-style betas[0] rather than SGD-style momentum. */
  private readonly useBeta1: boolean;
  /** The momentum each group was given by the last step (empty without cycleMomentum), for the state dict. */
  private lastMomentum: number[] = [];

  constructor(optimizer: OptimizerLike, options?: SchedulerOptionsInput<typeof oneCycleLRSchema>) {
    super('OneCycleLR', oneCycleLRSchema, optimizer, options);
    const { maxLr, divFactor, finalDivFactor, cycleMomentum, maxMomentum, baseMomentum } = this.options;
    this.checkTotalSteps();
    const fresh = this.lastEpoch === -1;
    const count = this.groups.length;
    const maxLrs = perGroup(this.name, 'maxLr', maxLr, count);
    if (fresh) {
      this.groups.forEach((group, i) => {
        group.initialLr = maxLrs[i] / divFactor;
        group.maxLr = maxLrs[i];
        group.minLr = group.initialLr / finalDivFactor;
      });
      this.baseLrs = this.groups.map((g) => g.initialLr!);
    }
    this.useBeta1 = this.groups.every((g) => g.betas !== undefined);
    if (cycleMomentum) {
      if (!this.useBeta1 && !this.groups.every((g) => g.momentum !== undefined)) {
        fail(this.name, `cycleMomentum needs an optimizer with momentum or betas (SGD, RMSprop, Adam, ...), got ${show(optimizer.name)}; pass cycleMomentum: false`);
      }
      const maxMomentums = perGroup(this.name, 'maxMomentum', maxMomentum, count);
      const baseMomentums = perGroup(this.name, 'baseMomentum', baseMomentum, count);
      if (fresh) {
        this.groups.forEach((group, i) => {
          this.setMomentum(group, maxMomentums[i]);
          group.maxMomentum = maxMomentums[i];
          group.baseMomentum = baseMomentums[i];
        });
      }
    }
    if (!fresh) {
      const keys: GroupKey[] = cycleMomentum ? ['maxLr', 'minLr', 'maxMomentum', 'baseMomentum'] : ['maxLr', 'minLr'];
      this.groups.forEach((group, i) => {
        const missing = keys.find((key) => group[key] === undefined);
        if (missing) fail(this.name, `param group ${i} has no ${missing}, which resuming at lastEpoch ${this.lastEpoch} needs`);
      });
    }
    this.initialStep();
  }

  /** T, from totalSteps or else epochs · stepsPerEpoch. */
  get totalSteps(): number {
    const { totalSteps, epochs, stepsPerEpoch } = this.options;
    return totalSteps ?? epochs! * stepsPerEpoch!;
  }

  private checkTotalSteps(): void {
    const { totalSteps, epochs, stepsPerEpoch } = this.options;
    if (totalSteps === null && (epochs === null || stepsPerEpoch === null)) {
      fail(this.name, `needs totalSteps, or epochs and stepsPerEpoch; got totalSteps ${show(totalSteps)}, epochs ${show(epochs)}, stepsPerEpoch ${show(stepsPerEpoch)}`);
    }
  }

  private phases(): Phase[] {
    const { pctStart, threePhase } = this.options;
    const T = this.totalSteps;
    const up: Phase = { endStep: pctStart * T - 1, startLr: 'initialLr', endLr: 'maxLr', startMomentum: 'maxMomentum', endMomentum: 'baseMomentum' };
    if (!threePhase) {
      return [up, { endStep: T - 1, startLr: 'maxLr', endLr: 'minLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' }];
    }
    return [
      up,
      { endStep: 2 * pctStart * T - 2, startLr: 'maxLr', endLr: 'initialLr', startMomentum: 'baseMomentum', endMomentum: 'maxMomentum' },
      { endStep: T - 1, startLr: 'initialLr', endLr: 'minLr', startMomentum: 'maxMomentum', endMomentum: 'maxMomentum' },
    ];
  }

  private setMomentum(group: GroupView, value: number): void {
    if (this.useBeta1) group.betas = [value, group.betas![1]];
    else group.momentum = value;
  }

  /** The cycled momentum of each group as the last step left it. */
  private momenta(): number[] {
    return this.options.cycleMomentum ? this.groups.map((g) => (this.useBeta1 ? g.betas![0] : g.momentum!)) : [];
  }

  override step(epoch?: number): void {
    super.step(epoch);
    this.lastMomentum = this.momenta();
  }

  /**
   * Beyond torch, like the lr in LRScheduler.loadStateDict: the momentum of the last step goes back into the
   * groups, since building the scheduler before loading rewrites it.
   */
  protected override saveState(): Record<string, unknown> {
    return { lastMomentum: [...this.lastMomentum] };
  }

  protected override loadState(state: Record<string, unknown>): void {
    const { lastMomentum } = state;
    const expected = this.options.cycleMomentum ? this.groups.length : 0;
    if (!Array.isArray(lastMomentum) || lastMomentum.length !== expected || !lastMomentum.every((m) => typeof m === 'number')) {
      fail(`${this.name}.loadStateDict`, `state.lastMomentum must be a list of ${expected} numbers, got ${show(lastMomentum)}`);
    }
    this.lastMomentum = [...lastMomentum];
    this.lastMomentum.forEach((m, i) => this.setMomentum(this.groups[i], m));
  }

  /** Not chainable: the lr of step t depends on t and the group's keys only. */
  protected getLr(): number[] {
    const t = this.lastEpoch;
    const T = this.totalSteps;
    if (t > T) fail(this.name, `tried to step ${t + 1} times, but totalSteps is ${T}`);
    const anneal = this.options.annealStrategy === 'cos' ? annealCos : annealLinear;
    const phases = this.phases();
    return this.groups.map((group) => {
      let startStep = 0;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i];
        if (t <= phase.endStep || i === phases.length - 1) {
          const pct = (t - startStep) / (phase.endStep - startStep);
          if (this.options.cycleMomentum) {
            this.setMomentum(group, anneal(group[phase.startMomentum]!, group[phase.endMomentum]!, pct));
          }
          return anneal(group[phase.startLr]!, group[phase.endLr]!, pct);
        }
        startStep = phase.endStep;
      }
      throw new Error('unreachable: the last phase always matches');
    });
  }
}

export type OneCycleLROptions = OptionsOf<typeof oneCycleLRSchema>;
