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
import type { Parameter } from '../core/parameter.js';
import { clipMapWasm, clipReduceWasm, clipScalars } from '../wasm/clip.js';
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
 * Where we depart: the norm and the coefficient are computed in float64 for float32 gradients too (torch keeps
 * them in float32), so rescaled float32 gradients can differ from torch's by an ulp; torch's ∞-norm fails on an
 * empty gradient, which reads as 0 here. test/optim/clip-parity.test.ts measures both against torch 1.13.
 */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number, normType = 2): number {
  if (!(maxNorm >= 0)) fail('clipGradNorm', `maxNorm must be >= 0, got ${maxNorm}`);
  if (!(normType > 0)) fail('clipGradNorm', `normType must be > 0 (or Infinity), got ${normType}`);
  // Indexed loops written out here, no helper returning a number: V8 boxes a number returned from a call it does
  // not inline, and clipping runs every step. Only the returned norm may be boxed.
  const wasm = wasmKernels();
  let seen = 0;
  let total = 0;
  for (let k = 0; k < params.length; k++) {
    const g = params[k].grad;
    if (g === null) continue;
    seen += 1;
    // torch computes each tensor's norm, then the norm of those norms (for ∞: the max of the maxima).
    let norm = 0;
    if (wasm && (normType === Infinity || normType === 2 || normType === 1)) {
      clipReduceWasm(g, normType === Infinity ? 'maxabs' : normType === 2 ? 'sumsq' : 'sumabs');
      norm = normType === 2 ? Math.sqrt(clipScalars[0]) : clipScalars[0];
    } else if (normType === Infinity) {
      for (let i = 0; i < g.length; i++) norm = Math.max(norm, Math.abs(g[i]));
    } else if (normType === 2) {
      for (let i = 0; i < g.length; i++) norm += g[i] * g[i];
      norm = Math.sqrt(norm);
    } else if (normType === 1) {
      for (let i = 0; i < g.length; i++) norm += Math.abs(g[i]);
    } else {
      for (let i = 0; i < g.length; i++) norm += Math.abs(g[i]) ** normType;
      norm = norm ** (1 / normType);
    }
    // Math.max propagates NaN, as torch's max does (and so does the kernels' max).
    if (normType === Infinity) total = Math.max(total, norm);
    else total += norm ** normType;
  }
  if (seen === 0) return 0;
  if (normType !== Infinity) total = total ** (1 / normType);
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1 || Number.isNaN(coef)) {
    for (let k = 0; k < params.length; k++) {
      const g = params[k].grad;
      if (g === null) continue;
      clipScalars[1] = coef;
      if (wasm) clipMapWasm(g, 'scale');
      else for (let i = 0; i < g.length; i++) g[i] *= coef;
    }
  }
  return total;
}

/** Clamps every gradient coordinate into [−clipValue, clipValue]. */
export function clipGradValue(params: readonly Parameter[], clipValue: number): void {
  if (!(clipValue >= 0)) fail('clipGradValue', `clipValue must be >= 0, got ${clipValue}`);
  const wasm = wasmKernels();
  for (let k = 0; k < params.length; k++) {
    const g = params[k].grad;
    if (g === null) continue;
    clipScalars[1] = clipValue;
    if (wasm) clipMapWasm(g, 'clamp');
    else for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -clipValue), clipValue);
  }
}
