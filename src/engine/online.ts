/**
 * Online optimization: at each round t = 1, 2, … the learner plays a point x_t, a loss f_t is revealed, and the
 * optimizer steps on ∇f_t(x_t), followed by projection onto the feasible box F (Zinkevich 2003; the setting of
 * Reddi, Kale & Kumar 2018, "On the Convergence of Adam and Beyond"). `minimize` descends one fixed objective;
 * here the objective changes with the round, and what is measured is the regret against the best fixed point:
 *
 *   R_T = Σ_{t=1}^{T} f_t(x_t) − Σ_{t=1}^{T} f_t(x*)
 *
 * The optimizer and schedule are the library's, built from their registries, so this is the same Adam that
 * `minimize` runs.
 */
import { fail, show } from '../core/errors.js';
import { Parameter } from '../core/parameter.js';
import { getOptimizer } from '../optim/registry.js';
import { createScheduler, type SchedulerSpec } from '../schedule/registry.js';
import type { Scheduler } from '../schedule/scheduler.js';
import type { OptimizerSpec, Trace } from './minimize.js';
import { allFinite, checkBounds, checkStart, projectOnto, startTrace } from './trace-recorder.js';

/** A sequence of losses f_1, f_2, …: the round t (from 1) selects the loss. */
export interface OnlineProblem {
  readonly dim: number;
  /** f_t(x), writing ∇f_t(x) into `grad` (length dim). */
  valueAndGrad(t: number, x: ArrayLike<number>, grad: Float64Array): number;
}

export interface OnlineOptions {
  optimizer: OptimizerSpec;
  /** Advanced once per round, after the step (e.g. LambdaLR with λ(k) = 1/√(k + 1) for α_t = α/√t). */
  schedule?: SchedulerSpec;
  /** Rounds T. */
  rounds: number;
  /** The feasible box F, [low, high] per coordinate; each step is followed by projection onto it. */
  bounds?: ReadonlyArray<readonly [number, number]>;
}

/**
 * Plays `rounds` rounds from x_1 = x0. The trace holds x_1 … x_{T+1} in `points` and, aligned with them,
 * `values[k]` = f_{k+1}(x_{k+1}), the loss of round k + 1 (the last one, f_{T+1}(x_{T+1}), is the loss the next round
 * would suffer and is not part of R_T); `lrs[k]` is α of round k + 1. A non-finite point or loss ends the run as
 * 'diverged'.
 */
export function runOnline(problem: OnlineProblem, x0: ArrayLike<number>, options: OnlineOptions): Trace {
  const { rounds, bounds } = options;
  checkStart('runOnline', problem.dim, x0, 'problem');
  if (!(Number.isInteger(rounds) && rounds >= 0)) fail('runOnline', `rounds must be an integer >= 0, got ${show(rounds)}`);
  checkBounds('runOnline', problem.dim, bounds, 'problem');
  const started = performance.now();
  const { name, ...optimizerOptions } = options.optimizer;
  const entry = getOptimizer(name);
  if (entry.needsClosure) fail('runOnline', `${entry.name} re-evaluates a fixed objective through a closure; an online loss changes every round`);
  const p = new Parameter(Float64Array.from(x0));
  const x = p.data as Float64Array;
  const grad = p.grad as Float64Array;
  const optimizer = entry.create([p], optimizerOptions);
  const scheduler = options.schedule && (createScheduler(optimizer, options.schedule) as Scheduler & { step(): void });
  if (scheduler?.name === 'ReduceLROnPlateau') fail('runOnline', 'ReduceLROnPlateau steps on a validation metric, which an online run does not have');

  let evaluations = 1;
  let value = problem.valueAndGrad(1, x, grad);
  const recorder = startTrace(x, value, grad, started);
  const { trace } = recorder;
  const finish = (status: Trace['status'], stoppedAt: number): Trace => recorder.finish(status, stoppedAt, evaluations);
  if (!Number.isFinite(value)) return finish('diverged', 0);

  for (let t = 1; t <= rounds; t++) {
    // grad holds ∇f_t(x_t); the step and the projection give x_{t+1} = Π_F(x_t − α_t · update).
    trace.lrs.push(optimizer.paramGroups[0].lr);
    optimizer.step();
    if (bounds) projectOnto(x, bounds);
    scheduler?.step();
    evaluations += 1;
    value = problem.valueAndGrad(t + 1, x, grad);
    if (!Number.isFinite(value) || !allFinite(x)) return finish('diverged', t);
    recorder.record(x, value, grad);
  }
  return finish('max-steps', rounds);
}

/**
 * The average regret R_t / t after each round t = 1 … T of a run, against the fixed point `comparator` (x*, the best
 * point in hindsight, which the caller knows: for linear losses on a box it is a corner).
 */
export function averageRegret(problem: OnlineProblem, trace: Pick<Trace, 'points' | 'values' | 'stoppedAt'>, comparator: ArrayLike<number>): number[] {
  if (comparator.length !== problem.dim) fail('averageRegret', `the comparator has ${comparator.length} coordinates, the problem has ${problem.dim}`);
  const scratch = new Float64Array(problem.dim);
  const rounds = Math.min(trace.stoppedAt, trace.values.length);
  const average = new Array<number>(rounds);
  let regret = 0;
  for (let t = 1; t <= rounds; t++) {
    regret += trace.values[t - 1] - problem.valueAndGrad(t, comparator, scratch);
    average[t - 1] = regret / t;
  }
  return average;
}
