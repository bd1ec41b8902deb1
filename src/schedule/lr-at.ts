/**
 * A schedule as a curve, without a real optimizer: for plotting, for the command line and for the playground.
 * The curve is computed by the scheduler classes themselves, driving a stand-in optimizer with one group.
 */
import { fail, show } from '../core/errors.js';
import type { Closure, GroupView, OptimizerLike, OptimizerStateDict } from '../optim/optimizer.js';
import { createScheduler, type SchedulerSpec } from './registry.js';
import type { Scheduler } from './scheduler.js';

/** One param group and nothing to update: all a scheduler touches. */
class CurveOptimizer implements OptimizerLike {
  readonly name = 'curve';
  readonly paramGroups: GroupView[];

  constructor(lr: number) {
    // A momentum key lets cycling schedules (OneCycleLR, CyclicLR) run as they would on SGD with momentum.
    this.paramGroups = [{ params: [], lr, momentum: 0 }];
  }

  step(_closure?: Closure): undefined {
    return undefined;
  }

  zeroGrad(): void {}

  stateDict(): OptimizerStateDict {
    return { state: {}, paramGroups: this.paramGroups.map(({ params: _params, ...group }) => ({ ...group, params: [] })) };
  }

  loadStateDict(): void {}
}

/** ReduceLROnPlateau steps on a metric; every other scheduler steps without one. */
function takesMetric(scheduler: Scheduler): scheduler is Scheduler & { step(metric: number): void } {
  return scheduler.name === 'ReduceLROnPlateau';
}

export interface CurveOptions {
  /** The metric fed to ReduceLROnPlateau at each step (one per step). */
  metrics?: readonly number[];
}

/**
 * The learning rate used at each of `steps` steps, lr[t] for t = 0 … steps − 1, starting from `baseLr`:
 * `lrAt({ name: 'StepLR', stepSize: 5, gamma: 0.5 }, 0.1, 20)`.
 */
export function lrAt(spec: SchedulerSpec, baseLr: number, steps: number, options: CurveOptions = {}): number[] {
  if (!(Number.isFinite(baseLr) && baseLr >= 0)) fail('lrAt', `baseLr must be a finite number >= 0, got ${show(baseLr)}`);
  if (!(Number.isInteger(steps) && steps >= 0)) fail('lrAt', `steps must be an integer >= 0, got ${show(steps)}`);
  const optimizer = new CurveOptimizer(baseLr);
  const scheduler = createScheduler(optimizer, spec);
  const { metrics } = options;
  if (takesMetric(scheduler) && (metrics === undefined || metrics.length < steps)) {
    fail('lrAt', `ReduceLROnPlateau needs one metric per step: ${steps} steps, got ${metrics?.length ?? 0} metrics`);
  }
  const lrs = new Array<number>(steps);
  for (let t = 0; t < steps; t++) {
    lrs[t] = optimizer.paramGroups[0].lr;
    if (t === steps - 1) break; // no step past the last one (OneCycleLR refuses to step past totalSteps)
    if (takesMetric(scheduler)) scheduler.step(metrics![t]);
    else (scheduler as Scheduler & { step(): void }).step();
  }
  return lrs;
}
