/**
 * One Adamax, NAdam, RAdam or Lion step of one parameter through the WebAssembly kernels (adamax.wat, nadam.wat,
 * radam.wat, lion.wat): place the buffers (src/wasm/place.ts), stage θ and g when they are not in WebAssembly
 * memory, call the kernel of the parameter's precision. The optimizers call these when the kernel backend is wasm
 * (src/optim/backend.ts); the TypeScript kernels in src/optim/ are the reference. The per-step scalars (bias
 * corrections, NAdam's momentum schedule, RAdam's rectification) are computed by the optimizer, in float64, as
 * for its TypeScript kernel. No allocation once placed.
 */
import type { FloatArray } from '../core/float-array.js';
import type { AdamaxStepScalars } from '../optim/adamax.js';
import type { RAdamStepScalars } from '../optim/radam.js';
import { place } from './place.js';
import { scalarBlock, SCALARS, stageIn, stageOut } from './steps.js';

const is32 = (a: FloatArray): boolean => a instanceof Float32Array;

/** The moments of Adamax, NAdam and RAdam (m and u, or m and v); they move into the arena. */
export interface MomentBuffers {
  expAvg: FloatArray;
}

/** The options the Adam-family kernels read. */
export interface AdamFamilyScalars {
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
}

/** Adamax with `s.clr` = γ/(1 − β₁ᵗ); `state.expAvg` and `state.expInf` move into the arena. */
export function adamaxStepWasm(
  theta: FloatArray, grad: FloatArray, state: MomentBuffers & { expInf: FloatArray }, s: AdamaxStepScalars, o: AdamFamilyScalars & { maximize: boolean },
): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.expAvg, state.expInf, null);
  state.expAvg = pl.s0!;
  state.expInf = pl.s1!;
  stageIn(pl, theta, grad);
  const flags = (o.maximize ? 1 : 0) | (o.weightDecay !== 0 ? 2 : 0);
  const k = pl.arena.kernels('adamax');
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const b = scalarBlock(pl, is32(theta));
  b[0] = beta1; b[1] = 1 - beta1; b[2] = beta2; b[3] = o.eps; b[4] = o.weightDecay; b[5] = -s.clr;
  (is32(theta) ? k.adamax_s_f32 : k.adamax_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}

/** NAdam with the step's weights (src/optim/nadam.ts `NAdamStepScalars`); m and v move into the arena. */
export function nadamStepWasm(
  theta: FloatArray, grad: FloatArray, state: MomentBuffers & { expAvgSq: FloatArray },
  s: { gradWeight: number; momentumWeight: number; bc2: number }, o: AdamFamilyScalars,
): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.expAvg, state.expAvgSq, null);
  state.expAvg = pl.s0!;
  state.expAvgSq = pl.s1!;
  stageIn(pl, theta, grad);
  const k = pl.arena.kernels('nadam');
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const b = scalarBlock(pl, is32(theta));
  b[0] = beta1; b[1] = 1 - beta1; b[2] = beta2; b[3] = 1 - beta2; b[4] = o.eps; b[5] = o.weightDecay; b[6] = s.bc2; b[7] = -s.gradWeight; b[8] = -s.momentumWeight;
  (is32(theta) ? k.nadam_s_f32 : k.nadam_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset, pl.end, SCALARS, o.weightDecay !== 0 ? 2 : 0);
  stageOut(pl, theta);
}

/** RAdam with the step's scalars (src/optim/radam.ts `RAdamStepScalars`); m and v move into the arena. */
export function radamStepWasm(
  theta: FloatArray, grad: FloatArray, state: MomentBuffers & { expAvgSq: FloatArray },
  s: RAdamStepScalars, o: AdamFamilyScalars & { lr: number },
): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.expAvg, state.expAvgSq, null);
  state.expAvg = pl.s0!;
  state.expAvgSq = pl.s1!;
  stageIn(pl, theta, grad);
  const flags = (o.weightDecay !== 0 ? 2 : 0) | (s.rectified ? 4 : 0);
  const k = pl.arena.kernels('radam');
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const b = scalarBlock(pl, is32(theta));
  b[0] = beta1; b[1] = 1 - beta1; b[2] = beta2; b[3] = 1 - beta2; b[4] = o.eps; b[5] = o.weightDecay; b[6] = s.bc1; b[7] = o.lr; b[8] = s.bc2Sqrt; b[9] = s.rect;
  (is32(theta) ? k.radam_s_f32 : k.radam_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}

/** Lion; `state.expAvg` moves into the arena. */
export function lionStepWasm(
  theta: FloatArray, grad: FloatArray, state: MomentBuffers, o: { lr: number; betas: readonly [number, number]; weightDecay: number; maximize: boolean },
): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.expAvg, null, null);
  state.expAvg = pl.s0!;
  stageIn(pl, theta, grad);
  const shrink = 1 - o.lr * o.weightDecay;
  const flags = (o.maximize ? 1 : 0) | (shrink !== 1 ? 8 : 0);
  const k = pl.arena.kernels('lion');
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const b = scalarBlock(pl, is32(theta));
  b[0] = beta1; b[1] = 1 - beta1; b[2] = beta2; b[3] = 1 - beta2; b[4] = shrink; b[5] = -o.lr;
  (is32(theta) ? k.lion_s_f32 : k.lion_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}
