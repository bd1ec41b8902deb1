/**
 * One trajectory: an optimizer (and optionally a schedule) descending an objective from a start point.
 *
 * The loop evaluates f and ∇f at the current point, lets the optimizer step, projects onto the box bounds if
 * any, advances the schedule, and records the new point. It stops on convergence (notes 003: |f_t − f_{t−1}| < tol,
 * or ‖∇f‖ < tol), at maxSteps, or on divergence: a value or point that is not finite, or a value beyond
 * `divergeAbove`. Divergence is a result, not an exception: the trace keeps every finite point up to it.
 */
import { fail, show } from '../core/errors.js';
import { Parameter } from '../core/parameter.js';
import type { Objective } from '../objective/objective.js';
import { getOptimizer } from '../optim/registry.js';
import { createScheduler, type SchedulerSpec } from '../schedule/registry.js';
import type { Scheduler } from '../schedule/scheduler.js';
import { allFinite, checkBounds, checkStart, projectOnto, startTrace } from './trace-recorder.js';

/** An optimizer as data: its registry name (any case) and its options. */
export type OptimizerSpec = { name: string } & Record<string, unknown>;

export interface MinimizeOptions {
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  /** Most optimizer steps. */
  maxSteps: number;
  /** Convergence tolerance; unset: run exactly maxSteps steps (unless the run diverges). */
  tol?: number;
  /** What tol applies to: the change of f between steps (notes 003) or the gradient norm. */
  stop?: 'value-change' | 'grad-norm';
  /** A box [low, high] per coordinate; each step is followed by projection onto it. */
  bounds?: ReadonlyArray<readonly [number, number]>;
  /** A value above this counts as divergence; default 1e12 · max(1, |f(x₀)|). */
  divergeAbove?: number;
  /** Called after each step with the number of steps taken, e.g. for a progress bar. */
  onStep?: (step: number) => void;
}

export type RunStatus = 'converged' | 'max-steps' | 'diverged';

export interface Trace {
  /** x₀ first, then the point after each step. */
  points: number[][];
  /** f at each point. */
  values: number[];
  /** ‖∇f‖₂ at each point. */
  gradNorms: number[];
  /** The learning rate (of the first param group) used by each step. */
  lrs: number[];
  status: RunStatus;
  /** Steps taken when the run ended (for 'diverged': the step that produced the non-finite or exploding value). */
  stoppedAt: number;
  /** Calls of valueAndGrad, the start included (LBFGS makes several per step). */
  evaluations: number;
  timeMs: number;
}

function checkOptions(objective: Objective, x0: ArrayLike<number>, o: MinimizeOptions): void {
  checkStart('minimize', objective.dim, x0);
  if (!(Number.isInteger(o.maxSteps) && o.maxSteps >= 0)) fail('minimize', `maxSteps must be an integer >= 0, got ${show(o.maxSteps)}`);
  if (o.tol !== undefined && !(o.tol >= 0)) fail('minimize', `tol must be >= 0, got ${show(o.tol)}`);
  if (o.stop !== undefined && o.stop !== 'value-change' && o.stop !== 'grad-norm') {
    fail('minimize', `stop must be "value-change" or "grad-norm", got ${show(o.stop)}`);
  }
  checkBounds('minimize', objective.dim, o.bounds);
}

export function minimize(objective: Objective, x0: ArrayLike<number>, options: MinimizeOptions): Trace {
  checkOptions(objective, x0, options);
  const started = performance.now();
  const { optimizer: optimizerSpec, schedule, maxSteps, tol, stop = 'value-change', bounds } = options;
  const { name, ...optimizerOptions } = optimizerSpec ?? ({} as OptimizerSpec);
  const p = new Parameter(Float64Array.from(x0));
  const x = p.data as Float64Array;
  const grad = p.grad as Float64Array;
  const entry = getOptimizer(name);
  const optimizer = entry.create([p], optimizerOptions);
  const scheduler: (Scheduler & { step(): void }) | undefined = schedule && (createScheduler(optimizer, schedule) as Scheduler & { step(): void });
  if (scheduler?.name === 'ReduceLROnPlateau') fail('minimize', 'ReduceLROnPlateau steps on a validation metric; use it with fit, not minimize');

  let evaluations = 0;
  let value = NaN;
  const evaluate = (): number => {
    evaluations += 1;
    value = objective.valueAndGrad(x, grad);
    return value;
  };
  evaluate();
  const recorder = startTrace(x, value, grad, started);
  const { trace } = recorder;
  const divergeAbove = options.divergeAbove ?? 1e12 * Math.max(1, Math.abs(value));
  const finish = (status: RunStatus, stoppedAt: number): Trace => recorder.finish(status, stoppedAt, evaluations);
  if (!Number.isFinite(value)) return finish('diverged', 0);

  for (let t = 0; t < maxSteps; t++) {
    if (tol !== undefined && stop === 'grad-norm' && trace.gradNorms[t] < tol) return finish('converged', t);
    trace.lrs.push(optimizer.paramGroups[0].lr);
    // The optimizer reads p.grad, which holds ∇f at x; LBFGS re-evaluates through the closure (the others
    // would call a closure once more at the same point, so they get none).
    if (entry.needsClosure) optimizer.step(evaluate);
    else optimizer.step();
    if (bounds) projectOnto(x, bounds);
    scheduler?.step();
    evaluate();
    if (!Number.isFinite(value) || !allFinite(x) || Math.abs(value) > divergeAbove) return finish('diverged', t + 1);
    recorder.record(x, value, grad);
    if (tol !== undefined && stop === 'value-change' && Math.abs(value - trace.values[t]) < tol) return finish('converged', t + 1);
    options.onStep?.(t + 1);
  }
  return finish('max-steps', maxSteps);
}
