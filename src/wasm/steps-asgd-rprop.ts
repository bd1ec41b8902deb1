/**
 * One ASGD or Rprop step of one parameter through the WebAssembly kernels (asgd.wat, rprop.wat): place the
 * buffers (src/wasm/place.ts), stage θ and g when they are not in WebAssembly memory, call the kernel of the
 * parameter's precision. The optimizers call these when the kernel backend is wasm (src/optim/backend.ts); the
 * TypeScript kernels in src/optim/asgd.ts and rprop.ts are the reference. The state buffers (ASGD's averaged
 * iterate θ̄; Rprop's previous gradient and step sizes) move into the arena on the first call: the state object's
 * fields are replaced by the arena's views (same values). No allocation once placed.
 */
import type { FloatArray } from '../core/float-array.js';
import type { ASGDStepScalars } from '../optim/asgd.js';
import { place } from './place.js';
import { scalarBlock, SCALARS, stageIn, stageOut } from './steps.js';

const is32 = (a: FloatArray): boolean => a instanceof Float32Array;

/** ASGD with this step's η and μ (`state.eta`, `state.mu`, before the optimizer updates them); `state.ax` moves into the arena. */
export function asgdStepWasm(
  theta: FloatArray, grad: FloatArray, state: { ax: FloatArray } & ASGDStepScalars,
  o: { lambd: number; weightDecay: number; maximize: boolean },
): void {
  if (theta.length === 0) return;
  const eta = state.eta;
  const mu = state.mu;
  const pl = place(state, theta, grad, state.ax, null, null);
  state.ax = pl.s0!;
  stageIn(pl, theta, grad);
  const flags = (o.maximize ? 1 : 0) | (o.weightDecay !== 0 ? 2 : 0) | (mu !== 1 ? 4 : 0);
  const k = pl.arena.kernels('asgd');
  const b = scalarBlock(pl, is32(theta));
  // the shrink 1 − λη in float64, as the TypeScript loop forms it
  b[0] = o.weightDecay; b[1] = 1 - o.lambd * eta; b[2] = -eta; b[3] = mu;
  (is32(theta) ? k.asgd_s_f32 : k.asgd_s_f64)((pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.end, SCALARS, flags);
  stageOut(pl, theta);
}

/** Rprop; `state.prev` and `state.stepSize` move into the arena. */
export function rpropStepWasm(
  theta: FloatArray, grad: FloatArray, state: { prev: FloatArray; stepSize: FloatArray },
  o: { etas: readonly [number, number]; stepSizes: readonly [number, number]; maximize: boolean },
): void {
  if (theta.length === 0) return;
  const pl = place(state, theta, grad, state.prev, state.stepSize, null);
  state.prev = pl.s0!;
  state.stepSize = pl.s1!;
  stageIn(pl, theta, grad);
  const k = pl.arena.kernels('rprop');
  const b = scalarBlock(pl, is32(theta));
  b[0] = o.etas[0]; b[1] = o.etas[1]; b[2] = o.stepSizes[0]; b[3] = o.stepSizes[1];
  (is32(theta) ? k.rprop_s_f32 : k.rprop_s_f64)(
    (pl.stageTheta ?? theta).byteOffset, (pl.stageGrad ?? grad).byteOffset, pl.s0!.byteOffset, pl.s1!.byteOffset, pl.end, SCALARS, o.maximize ? 1 : 0,
  );
  stageOut(pl, theta);
}
