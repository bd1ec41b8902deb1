/**
 * One RMSprop, Adagrad or Adadelta step of one parameter through the WebAssembly kernels (rmsprop.wat,
 * adagrad.wat, adadelta.wat): place the buffers (src/wasm/place.ts), stage θ and g when they are not in
 * WebAssembly memory, call the kernel of the parameter's precision. The optimizers call these when the kernel
 * backend is wasm (src/optim/backend.ts); the TypeScript kernels in src/optim/ are the reference.
 * The state buffers move into the arena on the first call: the state object's fields are replaced by the arena's
 * views (same values). No allocation once placed.
 */
import type { FloatArray } from '../core/float-array.js';
import type { AdagradStepScalars } from '../optim/adagrad.js';
import { place } from './place.js';
import { scalarBlock, SCALARS, stageIn, stageOut } from './steps.js';

const is32 = (a: FloatArray): boolean => a instanceof Float32Array;

/** The options of one RMSprop step (the fields of `RMSpropOptions` that the kernel reads). */
export interface RMSpropScalars {
  lr: number;
  alpha: number;
  eps: number;
  epsRoot: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

/** The buffers of RMSprop's state; those in use (v; g̅ when centered; b with momentum) move into the arena. */
export interface RMSpropBuffers {
  squareAvg: FloatArray;
  gradAvg?: FloatArray;
  momentumBuffer?: FloatArray;
}

export function rmspropStepWasm(theta: FloatArray, grad: FloatArray, state: RMSpropBuffers, o: RMSpropScalars): void {
  if (theta.length === 0) return;
  const hasMomentum = o.momentum > 0;
  const pl = place(state, theta, grad, state.squareAvg, o.centered ? state.gradAvg : null, hasMomentum ? state.momentumBuffer : null);
  state.squareAvg = pl.s0!;
  if (o.centered) state.gradAvg = pl.s1!;
  if (hasMomentum) state.momentumBuffer = pl.s2!;
  stageIn(pl, theta, grad);
  const flags = (o.maximize ? 1 : 0) | (o.weightDecay !== 0 ? 2 : 0) | (o.centered ? 4 : 0) | (hasMomentum ? 8 : 0) | (o.epsRoot !== 0 ? 16 : 0);
  const k = pl.arena.kernels('rmsprop');
  const b = scalarBlock(pl, is32(theta));
  b[0] = o.alpha; b[1] = 1 - o.alpha; b[2] = o.eps; b[3] = o.epsRoot; b[4] = o.weightDecay; b[5] = o.momentum; b[6] = -o.lr;
  (is32(theta) ? k.rmsprop_s_f32 : k.rmsprop_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1?.byteOffset ?? 0, pl.s2?.byteOffset ?? 0, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}

/** The options of one Adagrad step that the kernel reads; the decayed rate γ̃ comes separately. */
export interface AdagradScalars {
  eps: number;
  epsRoot: number;
  weightDecay: number;
  maximize: boolean;
}

/** Adagrad with the decayed rate `s.clr` = γ / (1 + (t − 1)η); `state.sum` moves into the arena. */
export function adagradStepWasm(theta: FloatArray, grad: FloatArray, state: { sum: FloatArray }, s: AdagradStepScalars, o: AdagradScalars): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.sum, null, null);
  state.sum = pl.s0!;
  stageIn(pl, theta, grad);
  const flags = (o.maximize ? 1 : 0) | (o.weightDecay !== 0 ? 2 : 0) | (o.epsRoot !== 0 ? 4 : 0);
  const k = pl.arena.kernels('adagrad');
  const b = scalarBlock(pl, is32(theta));
  b[0] = o.eps; b[1] = o.epsRoot; b[2] = o.weightDecay; b[3] = -s.clr;
  (is32(theta) ? k.adagrad_s_f32 : k.adagrad_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}

/** The options of one Adadelta step (the fields of `AdadeltaOptions` that the kernel reads). */
export interface AdadeltaScalars {
  lr: number;
  rho: number;
  eps: number;
  weightDecay: number;
  maximize: boolean;
}

/** Adadelta; `state.squareAvg` and `state.accDelta` move into the arena. */
export function adadeltaStepWasm(theta: FloatArray, grad: FloatArray, state: { squareAvg: FloatArray; accDelta: FloatArray }, o: AdadeltaScalars): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.squareAvg, state.accDelta, null);
  state.squareAvg = pl.s0!;
  state.accDelta = pl.s1!;
  stageIn(pl, theta, grad);
  const flags = (o.maximize ? 1 : 0) | (o.weightDecay !== 0 ? 2 : 0);
  const k = pl.arena.kernels('adadelta');
  const b = scalarBlock(pl, is32(theta));
  b[0] = o.rho; b[1] = 1 - o.rho; b[2] = o.eps; b[3] = o.weightDecay; b[4] = -o.lr;
  (is32(theta) ? k.adadelta_s_f32 : k.adadelta_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}
