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
  if (x0.length !== objective.dim) fail('minimize', `the start point has ${x0.length} coordinates, the objective has ${objective.dim}`);
  if (!Array.from(x0).every(Number.isFinite)) fail('minimize', `the start point must be finite, got ${show(Array.from(x0))}`);
  if (!(Number.isInteger(o.maxSteps) && o.maxSteps >= 0)) fail('minimize', `maxSteps must be an integer >= 0, got ${show(o.maxSteps)}`);
  if (o.tol !== undefined && !(o.tol >= 0)) fail('minimize', `tol must be >= 0, got ${show(o.tol)}`);
  if (o.stop !== undefined && o.stop !== 'value-change' && o.stop !== 'grad-norm') {
    fail('minimize', `stop must be "value-change" or "grad-norm", got ${show(o.stop)}`);
  }
  if (o.bounds !== undefined) {
    if (o.bounds.length !== objective.dim) fail('minimize', `bounds has ${o.bounds.length} boxes, the objective has ${objective.dim} coordinates`);
    o.bounds.forEach(([low, high], i) => {
      if (!(low <= high)) fail('minimize', `bounds[${i}] must be [low, high] with low <= high, got ${show([low, high])}`);
    });
  }
}

function norm(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

function project(x: Float64Array, bounds: ReadonlyArray<readonly [number, number]>): void {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(Math.max(x[i], bounds[i][0]), bounds[i][1]);
}

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
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
  const trace: Trace = { points: [Array.from(x)], values: [value], gradNorms: [norm(grad)], lrs: [], status: 'max-steps', stoppedAt: maxSteps, evaluations: 0, timeMs: 0 };
  const divergeAbove = options.divergeAbove ?? 1e12 * Math.max(1, Math.abs(value));
  const finish = (status: RunStatus, stoppedAt: number): Trace => {
    trace.status = status;
    trace.stoppedAt = stoppedAt;
    trace.evaluations = evaluations;
    trace.timeMs = performance.now() - started;
    return trace;
  };
  if (!Number.isFinite(value)) return finish('diverged', 0);

  for (let t = 0; t < maxSteps; t++) {
    if (tol !== undefined && stop === 'grad-norm' && trace.gradNorms[t] < tol) return finish('converged', t);
    trace.lrs.push(optimizer.paramGroups[0].lr);
    // The optimizer reads p.grad, which holds ∇f at x; LBFGS re-evaluates through the closure (the others
    // would call a closure once more at the same point, so they get none).
    if (entry.needsClosure) optimizer.step(evaluate);
    else optimizer.step();
    if (bounds) project(x, bounds);
    scheduler?.step();
    evaluate();
    if (!Number.isFinite(value) || !allFinite(x) || Math.abs(value) > divergeAbove) return finish('diverged', t + 1);
    trace.points.push(Array.from(x));
    trace.values.push(value);
    trace.gradNorms.push(norm(grad));
    if (tol !== undefined && stop === 'value-change' && Math.abs(value - trace.values[t]) < tol) return finish('converged', t + 1);
    options.onStep?.(t + 1);
  }
  return finish('max-steps', maxSteps);
}
