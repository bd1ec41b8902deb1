/**
 * Gradient clipping, torch.nn.utils.clip_grad_norm_ and clip_grad_value_: applied to the gradients between
 * backward and step, so an occasional huge gradient cannot throw the parameters far away.
 *
 * The loops here are the reference; where the kernel backend is wasm (src/optim/backend.ts) the 1-, 2- and
 * ∞-norms, the rescaling and the clamp run in WebAssembly SIMD (src/wasm/clip.ts, clip.wat). Those give the
 * same bits, except the sums of the 1- and 2-norms, which add in SIMD lanes and so in another order (a relative
 * difference of order 1e-16; see clip.wat). Other p-norms (|g|^p) stay in TypeScript on both backends.
 */
import { fail } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import type { Parameter } from '../core/parameter.js';
import { clipMapWasm, clipReduceWasm } from '../wasm/clip.js';
import { wasmKernels } from './backend.js';

/**
 * Rescales all gradients together so that their joint norm is at most `maxNorm`, and returns the norm they had.
 *
 *   ‖g‖_p = (Σ_i |g_i|^p)^{1/p} over every coordinate of every parameter (p = ∞: max |g_i|)
 *   g ← g · min(1, maxNorm / (‖g‖_p + 1e-6))
 *
 * Convention (torch 1.13): the 1e-6 guards against division by zero, so a gradient exactly at the limit is
 * scaled by slightly less than 1; parameters whose grad is null are ignored. A non-finite norm is returned
 * as it is and the gradients are scaled by it (NaN), as torch does without `error_if_nonfinite`.
 */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number, normType = 2): number {
  if (!(maxNorm >= 0)) fail('clipGradNorm', `maxNorm must be >= 0, got ${maxNorm}`);
  if (!(normType > 0)) fail('clipGradNorm', `normType must be > 0 (or Infinity), got ${normType}`);
  const grads = params.flatMap((p) => (p.grad === null ? [] : [p.grad]));
  if (grads.length === 0) return 0;
  const wasm = wasmKernels();
  let total = 0;
  if (normType === Infinity) {
    // Math.max propagates NaN, as torch's max does (and so does the kernels' max).
    if (wasm) for (const g of grads) total = Math.max(total, clipReduceWasm(g, 'maxabs'));
    else for (const g of grads) for (let i = 0; i < g.length; i++) total = Math.max(total, Math.abs(g[i]));
  } else {
    // torch computes each tensor's norm, then the norm of those norms.
    for (const g of grads) total += (wasm && (normType === 2 || normType === 1) ? vectorNormWasm(g, normType) : vectorNorm(g, normType)) ** normType;
    total = total ** (1 / normType);
  }
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1 || Number.isNaN(coef)) {
    if (wasm) for (const g of grads) clipMapWasm(g, 'scale', coef);
    else for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= coef;
  }
  return total;
}

/** The 2-norm (√Σ g²) or 1-norm (Σ |g|) of one gradient through the WebAssembly reductions. */
function vectorNormWasm(g: FloatArray, p: 1 | 2): number {
  return p === 2 ? Math.sqrt(clipReduceWasm(g, 'sumsq')) : clipReduceWasm(g, 'sumabs');
}

function vectorNorm(g: ArrayLike<number>, p: number): number {
  let s = 0;
  if (p === 2) {
    for (let i = 0; i < g.length; i++) s += g[i] * g[i];
    return Math.sqrt(s);
  }
  if (p === 1) {
    for (let i = 0; i < g.length; i++) s += Math.abs(g[i]);
    return s;
  }
  for (let i = 0; i < g.length; i++) s += Math.abs(g[i]) ** p;
  return s ** (1 / p);
}

/** Clamps every gradient coordinate into [−clipValue, clipValue]. */
export function clipGradValue(params: readonly Parameter[], clipValue: number): void {
  if (!(clipValue >= 0)) fail('clipGradValue', `clipValue must be >= 0, got ${clipValue}`);
  const wasm = wasmKernels();
  for (const p of params) {
    const g = p.grad;
    if (g === null) continue;
    if (wasm) clipMapWasm(g, 'clamp', clipValue);
    else for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -clipValue), clipValue);
  }
}
