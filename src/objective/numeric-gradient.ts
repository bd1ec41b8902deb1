/**
 * The numeric gradient of lecture notes 004: finite differences, slow (n or 2n evaluations of f) and approximate,
 * but needing nothing but f. Used to check analytic gradients and by the numeric-gradient baseline.
 */
import { fail, show } from '../core/errors.js';
import type { Objective } from './objective.js';

export interface NumericGradientOptions {
  /** Step h relative to max(1, |x_i|); default 1e-5 (central) or √ε ≈ 1.5e-8 (forward). */
  h?: number;
  scheme?: 'central' | 'forward';
}

/**
 * ∂f/∂x_i ≈ (f(x + h_i e_i) − f(x − h_i e_i)) / (2 h_i)   (central, error O(h²))
 *          ≈ (f(x + h_i e_i) − f(x)) / h_i                (forward, error O(h))
 * with h_i = h · max(1, |x_i|), so that the step stays meaningful for large coordinates; h_i is rounded to a
 * number exactly representable as (x_i + h_i) − x_i, which removes one source of error.
 */
export function numericGradient(objective: Objective, x: ArrayLike<number>, options: NumericGradientOptions = {}, out?: Float64Array): Float64Array {
  const scheme = options.scheme ?? 'central';
  if (scheme !== 'central' && scheme !== 'forward') fail('numericGradient', `scheme must be "central" or "forward", got ${show(scheme)}`);
  const h = options.h ?? (scheme === 'central' ? 1e-5 : 1.4901161193847656e-8);
  if (!(h > 0 && Number.isFinite(h))) fail('numericGradient', `h must be a finite number > 0, got ${show(h)}`);
  if (x.length !== objective.dim) fail('numericGradient', `x has length ${x.length}, the objective has dimension ${objective.dim}`);
  const grad = out ?? new Float64Array(objective.dim);
  const point = Float64Array.from(x);
  const f0 = scheme === 'forward' ? objective.value(point) : 0;
  for (let i = 0; i < point.length; i++) {
    const xi = point[i];
    const step = (xi + h * Math.max(1, Math.abs(xi))) - xi;
    point[i] = xi + step;
    const fPlus = objective.value(point);
    if (scheme === 'central') {
      point[i] = xi - step;
      grad[i] = (fPlus - objective.value(point)) / (2 * step);
    } else {
      grad[i] = (fPlus - f0) / step;
    }
    point[i] = xi;
  }
  return grad;
}
