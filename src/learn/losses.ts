/**
 * The losses of the learning layer, each on a model's raw outputs (a prediction or logits) and each with its
 * gradient with respect to those outputs in the same pass, plus the regulariser λR(W) (lecture notes 004):
 *
 *   L(W) = (1/N) Σᵢ Lᵢ(xᵢ, yᵢ, W) + λ R(W)
 *
 * The classification losses take logits, never probabilities, so that they stay finite and exact for logits of
 * any size: log σ(z) and log softmax(z) are computed through softplus and log-sum-exp, never as the log of a
 * probability that has already rounded to 0 or 1.
 */
import { fail, show } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import type { Parameter } from '../core/parameter.js';
import type { Task } from './types.js';

/** Each task's loss: regression → mean squared error, binary → binary cross-entropy, multiclass → cross-entropy. */
export const lossOfTask = { regression: 'mse', binary: 'binary-cross-entropy', multiclass: 'cross-entropy' } as const satisfies Record<Task, string>;

/** log(1 + eˣ), without overflow for large x or loss of digits for very negative x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(x) = 1 / (1 + e⁻ˣ), evaluated on the side where the exponential cannot overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Mean squared error with the ½ of least squares, so that its gradient is the plain residual:
 *
 *   L = (1/N) Σᵢ ½ (ŷᵢ − yᵢ)²,   ∂L/∂ŷᵢ = (ŷᵢ − yᵢ) / N
 *
 * (torch's MSELoss has no ½: this loss is half of it, and leastSquares minimises exactly this one.)
 * `grad`, when given, receives ∂L/∂ŷ (N values).
 */
export function meanSquaredError(pred: FloatArray, y: FloatArray, rows: number, grad: FloatArray | null): number {
  const scale = 1 / rows;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const r = pred[i] - y[i];
    sum += r * r;
    if (grad !== null) grad[i] = r * scale;
  }
  return 0.5 * sum * scale;
}

/**
 * Binary cross-entropy from logits z (one per row), y ∈ {0, 1}:
 *
 *   Lᵢ = −yᵢ log σ(zᵢ) − (1 − yᵢ) log(1 − σ(zᵢ)) = softplus(zᵢ) − yᵢ zᵢ,   ∂L/∂zᵢ = (σ(zᵢ) − yᵢ) / N
 *
 * softplus(z) = max(z, 0) + log1p(e^−|z|) is exact for any z, where log(σ(z)) would give −∞ at z = −1000.
 */
export function binaryCrossEntropy(z: FloatArray, y: FloatArray, rows: number, grad: FloatArray | null): number {
  const scale = 1 / rows;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const t = y[i];
    if (t !== 0 && t !== 1) fail('binary cross-entropy', `the target of row ${i} must be 0 or 1, got ${show(t)}`);
    const zi = z[i];
    sum += softplus(zi) - t * zi;
    if (grad !== null) grad[i] = (sigmoid(zi) - t) * scale;
  }
  return sum * scale;
}

/**
 * Cross-entropy of the softmax of k logits per row (rows × k, row-major) against class ids y ∈ {0 … k−1}:
 *
 *   Lᵢ = −log softmax(zᵢ)_{yᵢ} = log Σⱼ e^{zᵢⱼ} − zᵢ,yᵢ,   ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / N
 *
 * log-sum-exp shifted by the row's maximum m: log Σⱼ e^{zⱼ} = m + log Σⱼ e^{zⱼ − m}, every exponent ≤ 0.
 * `grad`, when given, receives ∂L/∂z (rows × k) and may be the same array as z.
 */
export function crossEntropy(z: FloatArray, y: FloatArray, rows: number, k: number, grad: FloatArray | null): number {
  const scale = 1 / rows;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const t = y[i];
    if (!(Number.isInteger(t) && t >= 0 && t < k)) fail('cross-entropy', `the target of row ${i} must be a class id in 0 … ${k - 1}, got ${show(t)}`);
    const at = i * k;
    let m = -Infinity;
    for (let j = 0; j < k; j++) if (z[at + j] > m) m = z[at + j];
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(z[at + j] - m);
    const logSum = m + Math.log(s);
    sum += logSum - z[at + t];
    if (grad !== null) {
      for (let j = 0; j < k; j++) grad[at + j] = Math.exp(z[at + j] - logSum) * scale;
      grad[at + t] -= scale;
    }
  }
  return sum * scale;
}

/** The loss of a task on raw outputs z (rows × outputs), with ∂L/∂z into `grad` when given. */
export function taskLoss(task: Task, z: FloatArray, y: FloatArray, rows: number, outputs: number, grad: FloatArray | null): number {
  if (task === 'regression') return meanSquaredError(z, y, rows, grad);
  if (task === 'binary') return binaryCrossEntropy(z, y, rows, grad);
  return crossEntropy(z, y, rows, outputs, grad);
}

/**
 * The prediction a task reads off raw outputs z (rows × outputs) into `out`: z itself (regression), σ(z) = P(y = 1)
 * (binary), softmax(z) row by row (multiclass, each row summing to 1). `out` may be z.
 */
export function outputHead(task: Task, z: FloatArray, rows: number, outputs: number, out: FloatArray): void {
  if (task === 'regression') {
    for (let i = 0; i < rows; i++) out[i] = z[i];
  } else if (task === 'binary') {
    for (let i = 0; i < rows; i++) out[i] = sigmoid(z[i]);
  } else {
    for (let i = 0; i < rows; i++) {
      const at = i * outputs;
      let m = -Infinity;
      for (let j = 0; j < outputs; j++) if (z[at + j] > m) m = z[at + j];
      let s = 0;
      for (let j = 0; j < outputs; j++) s += Math.exp(z[at + j] - m);
      const logSum = m + Math.log(s);
      for (let j = 0; j < outputs; j++) out[at + j] = Math.exp(z[at + j] - logSum);
    }
  }
}

/**
 * The regulariser λR(W) over the given weights (the models pass their weight matrices only: biases are not
 * penalised, as in the usual weight decay), adding its gradient to each weight's grad when `withGrad`:
 *
 *   λR(W) = (λ₂/2) Σ w² + λ₁ Σ |w|,   ∂/∂w = λ₂ w + λ₁ sign(w)   (sign(0) = 0: the subgradient at the kink)
 *
 * The ½ makes λ₂ the same λ as an optimizer's `weightDecay` (g ← g + λθ).
 */
export function penalty(weights: readonly Parameter[], l1: number, l2: number, withGrad: boolean): number {
  if (l1 === 0 && l2 === 0) return 0;
  let squares = 0;
  let absolutes = 0;
  for (const p of weights) {
    const w = p.data;
    const g = p.grad;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      squares += wi * wi;
      absolutes += Math.abs(wi);
      if (withGrad && g !== null) g[i] += l2 * wi + l1 * Math.sign(wi);
    }
  }
  return 0.5 * l2 * squares + l1 * absolutes;
}
