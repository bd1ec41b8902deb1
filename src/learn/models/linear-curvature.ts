/**
 * The curvature of linear regression's loss L(w, b) = (1/N) Σ ½(w·xᵢ + b − yᵢ)²: a quadratic whose Hessian is the
 * same everywhere, H = AᵀA / N with A = [X 1] (the features and a column of ones for the bias). Its eigenvalues
 * decide how gradient descent behaves on the data (notes 003, lecture 4 "feature scale"): full-batch GD with step
 * η is stable exactly when η < 2/λmax, and the slowest direction shrinks by (1 − ηλmin) per step, so the
 * condition number κ = λmax/λmin counts the steps. Scaling the features changes H, and with it κ.
 */
import { fail } from '../../core/errors.js';
import { symmetricEigenvalues } from '../../core/symmetric-eigen.js';
import type { Dataset } from '../types.js';

export interface LinearCurvature {
  /** H = AᵀA/N, (features + 1)², row-major; the last row and column belong to the bias. */
  hessian: Float64Array;
  /** Eigenvalues of H, ascending. */
  eigenvalues: Float64Array;
  /** λmax / λmin (Infinity when λmin ≤ 0: a feature is a combination of the others). */
  condition: number;
  /** 2/λmax: full-batch gradient descent diverges at any larger step. */
  largestStableLr: number;
}

export function linearCurvature(data: Pick<Dataset, 'x' | 'rows' | 'features'>): LinearCurvature {
  const { x, rows: n, features: d } = data;
  if (!(n >= 1 && x.length === n * d)) fail('linearCurvature', `x must hold rows × features = ${n} × ${d} values, got ${x.length}`);
  const size = d + 1;
  const h = new Float64Array(size * size);
  // Σᵢ aᵢaᵢᵀ with aᵢ = (xᵢ, 1), accumulated in the upper triangle, then mirrored and divided by N.
  const a = new Float64Array(size);
  a[d] = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) a[j] = x[i * d + j];
    for (let r = 0; r < size; r++) for (let c = r; c < size; c++) h[r * size + c] += a[r] * a[c];
  }
  for (let r = 0; r < size; r++) {
    for (let c = r; c < size; c++) {
      h[r * size + c] /= n;
      h[c * size + r] = h[r * size + c];
    }
  }
  const eigenvalues = symmetricEigenvalues(h, size);
  const low = eigenvalues[0];
  const high = eigenvalues[size - 1];
  return { hessian: h, eigenvalues, condition: low > 0 ? high / low : Infinity, largestStableLr: 2 / high };
}
