/**
 * Gradient checking, the lecture's "numeric vs analytic gradient": compares an objective's analytic gradient with
 * central differences and reports the worst relative error.
 */
import { numericGradient, type NumericGradientOptions } from './numeric-gradient.js';
import type { Objective } from './objective.js';

export interface GradCheckResult {
  /** max_i |a_i − n_i| / max(|a_i|, |n_i|, floor): the worst relative error over the coordinates. */
  maxRelativeError: number;
  /** The coordinate where it occurs. */
  worstIndex: number;
  analytic: Float64Array;
  numeric: Float64Array;
  /** Whether maxRelativeError <= tolerance. */
  ok: boolean;
}

export interface GradCheckOptions extends NumericGradientOptions {
  /** Relative error accepted as agreement; default 1e-6. */
  tolerance?: number;
  /**
   * Magnitude below which a gradient coordinate counts as zero (the relative error is then measured against it);
   * default 1e-8, so that a true zero is not failed by the O(h²) noise of the difference quotient.
   */
  floor?: number;
}

export function gradCheck(objective: Objective, x: ArrayLike<number>, options: GradCheckOptions = {}): GradCheckResult {
  const { tolerance = 1e-6, floor = 1e-8 } = options;
  const analytic = new Float64Array(objective.dim);
  objective.valueAndGrad(x, analytic);
  const numeric = numericGradient(objective, x, options);
  let maxRelativeError = 0;
  let worstIndex = -1;
  for (let i = 0; i < analytic.length; i++) {
    const a = analytic[i];
    const n = numeric[i];
    const error = Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), floor);
    // NaN (a gradient that is not a number) is the worst possible error.
    if (!(error <= maxRelativeError)) {
      maxRelativeError = Number.isNaN(error) ? Infinity : error;
      worstIndex = i;
      if (maxRelativeError === Infinity) break;
    }
  }
  return { maxRelativeError, worstIndex, analytic, numeric, ok: maxRelativeError <= tolerance };
}
