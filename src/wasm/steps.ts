/**
 * One optimizer step of one parameter through the WebAssembly kernels: place the buffers (src/wasm/place.ts),
 * stage θ and g if they are not in WebAssembly memory, call the kernel of the parameter's precision.
 * The optimizers (src/optim/adam.ts, sgd.ts) call these when the kernel backend is wasm (src/optim/backend.ts);
 * the math is in src/wasm/adam.wat and sgd.wat, the reference in the TypeScript kernels.
 */
import type { FloatArray } from '../core/float-array.js';
import type { AdamStepScalars } from '../optim/adam.js';
import { place, type Placement } from './place.js';

/** The per-step scalars of Adam: src/optim/adam.ts's, less lr (folded into stepSize and shrink). */
export type AdamScalars = Omit<AdamStepScalars, 'lr'>;

/** The buffers of Adam's state that live in WebAssembly memory; the step replaces them by their arena views. */
export interface AdamBuffers {
  expAvg: FloatArray;
  expAvgSq: FloatArray;
  maxExpAvgSq?: FloatArray;
}

/** Byte offset of the arena's scalar block (src/wasm/memory.ts), the `_s_` kernels' scalars argument. */
export const SCALARS = 0;

/**
 * The scalar block in the kernel's precision: the step writes its scalars there, in the kernel's parameter order,
 * and calls the `_s_` twin (float arguments from JavaScript would each be boxed: an allocation per step).
 */
export function scalarBlock(pl: Placement, f32: boolean): Float32Array | Float64Array {
  return f32 ? pl.arena.scalars32 : pl.arena.scalars64;
}

/** Copies θ and g into the staging buffers (staged placements only). */
export function stageIn(pl: Placement, theta: FloatArray, grad: FloatArray): void {
  if (pl.stageTheta === null) return;
  pl.stageTheta.set(theta);
  pl.stageGrad!.set(grad);
}

/** Copies the stepped θ back out of its staging buffer (staged placements only). */
export function stageOut(pl: Placement, theta: FloatArray): void {
  if (pl.stageTheta !== null) theta.set(pl.stageTheta);
}

/** Adam / AdamW on one parameter; `state` is the optimizer's state object (its buffers move into the arena). */
export function adamStepWasm(theta: FloatArray, grad: FloatArray, state: AdamBuffers, amsgrad: boolean, s: AdamScalars): void {
  if (theta.length === 0) return;
  const vMax = amsgrad ? state.maxExpAvgSq : undefined;
  const pl = place(state, theta, grad, state.expAvg, state.expAvgSq, vMax);
  state.expAvg = pl.s0!;
  state.expAvgSq = pl.s1!;
  if (amsgrad) state.maxExpAvgSq = pl.s2!;
  stageIn(pl, theta, grad);
  const flags = (s.maximize ? 1 : 0) | (amsgrad ? 2 : 0) | (s.l2 !== 0 ? 4 : 0) | (s.shrink !== 1 ? 8 : 0) | (s.epsRoot !== 0 ? 16 : 0);
  const f32 = theta instanceof Float32Array;
  const k = pl.arena.kernels('core');
  const b = scalarBlock(pl, f32);
  b[0] = s.beta1; b[1] = 1 - s.beta1; b[2] = s.beta2; b[3] = 1 - s.beta2; b[4] = s.eps; b[5] = s.epsRoot;
  b[6] = s.l2; b[7] = s.shrink; b[8] = -s.stepSize; b[9] = s.bc2; b[10] = s.bc2Sqrt;
  (f32 ? k.adam_s_f32 : k.adam_s_f64)(
    (pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset,
    pl.s2?.byteOffset ?? 0, pl.end, SCALARS, flags,
  );
  stageOut(pl, theta);
}

/** The options of one SGD step (the fields of `SGDOptions` in src/optim/sgd.ts that the kernel reads). */
export interface SGDScalars {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  maximize: boolean;
}

/** SGD on one parameter; `state.momentumBuffer` (null without momentum) moves into the arena. */
export function sgdStepWasm(theta: FloatArray, grad: FloatArray, state: { momentumBuffer: FloatArray | null }, first: boolean, o: SGDScalars): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.momentumBuffer, null, null);
  if (state.momentumBuffer !== null) state.momentumBuffer = pl.s0;
  stageIn(pl, theta, grad);
  const hasBuffer = o.momentum !== 0 && pl.s0 !== null;
  const flags = (o.maximize ? 1 : 0) | (hasBuffer ? 2 : 0) | (first ? 4 : 0) | (o.nesterov ? 8 : 0) | (o.weightDecay !== 0 ? 16 : 0);
  const f32 = theta instanceof Float32Array;
  const k = pl.arena.kernels('core');
  const b = scalarBlock(pl, f32);
  b[0] = -o.lr; b[1] = o.momentum; b[2] = 1 - o.dampening; b[3] = o.weightDecay;
  (f32 ? k.sgd_s_f32 : k.sgd_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0?.byteOffset ?? 0, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}
