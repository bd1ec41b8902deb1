/**
 * Least-squares linear regression in closed form: the normal equations, solved by a Cholesky factorisation in
 * float64. It minimises exactly the loss LinearRegression trains on, so the two can be checked against each other:
 *
 *   L(w, b) = (1/N) Σᵢ ½ (w·xᵢ + b − yᵢ)² + (λ/2)‖w‖²
 *
 * With the bias column, θ = (w, b) and A = [X 1], setting ∇L = 0 gives (AᵀA + Nλ diag(1, …, 1, 0)) θ = Aᵀy.
 * Eliminating the bias row first is the same system, better conditioned: with the columns centred
 * (X̄ = X − 1x̄ᵀ, ȳ the mean target),
 *
 *   (X̄ᵀX̄ + NλI) w = X̄ᵀ(y − ȳ),   b = ȳ − w·x̄
 *
 * which is what is solved here (centring removes the large entries a feature's mean puts into AᵀA).
 */
import { fail, show } from '../../core/errors.js';
import type { FloatArray } from '../../core/float-array.js';

export interface LeastSquaresOptions {
  /** λ of the ridge penalty (λ/2)‖w‖² (not on the bias), as LinearRegression's `l2`; default 0. */
  l2?: number;
}

export interface LeastSquaresSolution {
  weight: Float64Array;
  bias: number;
  /** The loss L(w, b) above at the solution. */
  loss: number;
}

type Rows = { x: FloatArray; y: FloatArray; rows: number; features: number };

/** The least-squares fit of y on the columns of x (rows × features) plus a bias. */
export function leastSquares(data: Rows, options?: LeastSquaresOptions): LeastSquaresSolution;
/** The same for a row-major x and its targets y; the number of features is x.length / y.length. */
export function leastSquares(x: FloatArray, y: FloatArray, options?: LeastSquaresOptions): LeastSquaresSolution;
export function leastSquares(first: Rows | FloatArray, second?: FloatArray | LeastSquaresOptions, third?: LeastSquaresOptions): LeastSquaresSolution {
  let data: Rows;
  let options: LeastSquaresOptions;
  if (first instanceof Float32Array || first instanceof Float64Array) {
    const y = second as FloatArray;
    if (!(y instanceof Float32Array || y instanceof Float64Array) || y.length === 0) fail('leastSquares', `y must be a non-empty Float32Array or Float64Array, got ${show(y)}`);
    const features = first.length / y.length;
    if (!Number.isInteger(features) || features < 1) fail('leastSquares', `x holds ${first.length} values, not a whole number (>= 1) of features for ${y.length} rows`);
    data = { x: first, y, rows: y.length, features };
    options = third ?? {};
  } else {
    data = first;
    options = (second as LeastSquaresOptions | undefined) ?? {};
  }
  const { x, y, rows: n, features: d } = data;
  const l2 = options.l2 ?? 0;
  if (!(l2 >= 0 && Number.isFinite(l2))) fail('leastSquares', `l2 must be a finite number >= 0, got ${show(l2)}`);
  if (!(n >= 1) || x.length < n * d || y.length < n) fail('leastSquares', `needs ${n} rows × ${d} features, got x of ${x.length} and y of ${y.length} values`);

  const mean = new Float64Array(d);
  let yMean = 0;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) mean[j] += x[r * d + j];
    yMean += y[r];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  yMean /= n;

  // G = X̄ᵀX̄ + NλI (lower triangle), h = X̄ᵀ(y − ȳ).
  const g = new Float64Array(d * d);
  const h = new Float64Array(d);
  const row = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) row[j] = x[r * d + j] - mean[j];
    const t = y[r] - yMean;
    for (let i = 0; i < d; i++) {
      const v = row[i];
      h[i] += v * t;
      for (let j = 0; j <= i; j++) g[i * d + j] += v * row[j];
    }
  }
  for (let i = 0; i < d; i++) g[i * d + i] += n * l2;

  const w = choleskySolve(g, h, d);
  let bias = yMean;
  for (let j = 0; j < d; j++) bias -= w[j] * mean[j];

  let loss = 0;
  for (let r = 0; r < n; r++) {
    let p = bias;
    for (let j = 0; j < d; j++) p += w[j] * x[r * d + j];
    loss += 0.5 * (p - y[r]) ** 2;
  }
  let squares = 0;
  for (let j = 0; j < d; j++) squares += w[j] * w[j];
  return { weight: w, bias, loss: loss / n + 0.5 * l2 * squares };
}

/**
 * Solves G w = h for a symmetric positive definite G (its lower triangle, d × d) by G = LLᵀ (Cholesky), then
 * L u = h and Lᵀ w = u. A pivot that is not clearly positive means the columns are (nearly) dependent.
 */
function choleskySolve(g: Float64Array, h: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  let largest = 0;
  for (let i = 0; i < d; i++) largest = Math.max(largest, g[i * d + i]);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = g[i * d + j];
      for (let p = 0; p < j; p++) s -= L[i * d + p] * L[j * d + p];
      if (i === j) {
        if (!(s > 1e-12 * largest)) {
          fail('leastSquares', `XᵀX is singular: feature ${i} is constant or a combination of the others (pivot ${show(s)}); drop it or use l2 > 0`);
        }
        L[i * d + i] = Math.sqrt(s);
      } else {
        L[i * d + j] = s / L[j * d + j];
      }
    }
  }
  const u = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = h[i];
    for (let p = 0; p < i; p++) s -= L[i * d + p] * u[p];
    u[i] = s / L[i * d + i];
  }
  const w = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = u[i];
    for (let p = i + 1; p < d; p++) s -= L[p * d + i] * w[p];
    w[i] = s / L[i * d + i];
  }
  return w;
}
