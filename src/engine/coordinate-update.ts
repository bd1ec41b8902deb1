/**
 * The update notes 003 warn against: changing the parameters one at a time, each with the derivative taken at the
 * point the previous ones have already moved (cyclic coordinate descent with gradient steps, a Gauss–Seidel sweep).
 * It is not gradient descent: its path goes "in steps", along one axis at a time, where gradient descent moves all
 * parameters at once along −∇f computed at the old point. It lives here, beside `minimize`, so that a report can
 * draw both paths from the same kind of trace.
 *
 * The trace records the point after every single-coordinate update, so a sweep over n parameters adds n points.
 */
import { fail, show } from '../core/errors.js';
import type { Objective } from '../objective/objective.js';
import type { Trace } from './minimize.js';
import { checkStart, startTrace } from './trace-recorder.js';

export interface CoordinateUpdateOptions {
  /** The step α of every coordinate update. */
  lr: number;
  /** Sweeps over all coordinates; each adds `dim` updates (and points) to the trace. */
  sweeps: number;
  /** A value above this counts as divergence; default 1e12 · max(1, |f(x₀)|), as in minimize. */
  divergeAbove?: number;
}

/**
 * Coordinate-wise updates, sweeping j = 0, 1, …, n − 1 in order:
 *
 *   θ_j ← θ_j − α ∂f/∂θ_j (θ)      with θ holding the coordinates already updated in this sweep
 *
 * (gradient descent would take every ∂f/∂θ_j at the sweep's starting point). `stoppedAt` counts single-coordinate
 * updates; `evaluations` counts calls of valueAndGrad (one per update, the start included).
 */
export function coordinateUpdate(objective: Objective, x0: ArrayLike<number>, options: CoordinateUpdateOptions): Trace {
  const { lr, sweeps } = options;
  checkStart('coordinateUpdate', objective.dim, x0);
  if (!(Number.isFinite(lr) && lr >= 0)) fail('coordinateUpdate', `lr must be a finite number >= 0, got ${show(lr)}`);
  if (!(Number.isInteger(sweeps) && sweeps >= 0)) fail('coordinateUpdate', `sweeps must be an integer >= 0, got ${show(sweeps)}`);
  const started = performance.now();
  const n = objective.dim;
  const x = Float64Array.from(x0);
  const grad = new Float64Array(n);
  let evaluations = 1;
  let value = objective.valueAndGrad(x, grad);
  const recorder = startTrace(x, value, grad, started);
  const { trace } = recorder;
  const divergeAbove = options.divergeAbove ?? 1e12 * Math.max(1, Math.abs(value));
  const finish = (status: Trace['status'], stoppedAt: number): Trace => recorder.finish(status, stoppedAt, evaluations);
  if (!Number.isFinite(value)) return finish('diverged', 0);

  for (let k = 0; k < n * sweeps; k++) {
    const j = k % n;
    trace.lrs.push(lr);
    // Only coordinate j moves, with the partial derivative at the current, partly updated point.
    x[j] -= lr * grad[j];
    evaluations += 1;
    value = objective.valueAndGrad(x, grad);
    if (!Number.isFinite(value) || !Number.isFinite(x[j]) || Math.abs(value) > divergeAbove) return finish('diverged', k + 1);
    recorder.record(x, value, grad);
  }
  return finish('max-steps', n * sweeps);
}
