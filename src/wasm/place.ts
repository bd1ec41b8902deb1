/**
 * Placement: where one parameter's step runs in WebAssembly memory, decided once and reused every step.
 *
 * Given θ, g and up to three state buffers (Adam's m, v, v̂max; SGD's momentum buffer), a placement is either
 * - in place: θ and g were allocated by an arena (`wasmParameter`), and the state buffers are moved into the same
 *   arena (copied once); a step is one kernel call, or
 * - staged: an arena of the placement's own holds the state and two staging buffers; a step copies θ and g in and
 *   θ out around the kernel call.
 * Either way the optimizer's state fields are replaced by the arena's views (same values), so the state dict and
 * everything that reads state keep working. A placement is rebuilt when θ, g or a state buffer is replaced
 * (a user's new array, a loaded state dict, amsgrad switched on) and is otherwise reused with no allocation.
 */
import type { DType, FloatArray } from '../core/float-array.js';
import { Arena, arenaOf, paddedBytes } from './memory.js';

export class Placement {
  constructor(
    readonly arena: Arena,
    /** Staging buffers for θ and g; null when θ and g live in `arena` themselves. */
    readonly stageTheta: FloatArray | null,
    readonly stageGrad: FloatArray | null,
    /** The state buffers' views in `arena` (null where the optimizer has no such buffer). */
    readonly s0: FloatArray | null,
    readonly s1: FloatArray | null,
    readonly s2: FloatArray | null,
    /** θ and g this placement was made for. */
    readonly theta: FloatArray,
    readonly grad: FloatArray,
    /** Byte length of each buffer, rounded up to whole vectors: the kernels' `end`. */
    readonly end: number,
  ) {}

  /** Whether this placement still fits the buffers the optimizer holds now. */
  fits(theta: FloatArray, grad: FloatArray, s0: FloatArray | null, s1: FloatArray | null, s2: FloatArray | null): boolean {
    if (s0 !== this.s0 || s1 !== this.s1 || s2 !== this.s2) return false;
    if (this.stageTheta === null) return theta === this.theta && grad === this.grad;
    // Staging works for any arrays of the right length; a new θ that could step in place earns a new placement.
    if (theta.length !== this.stageTheta.length) return false;
    return theta === this.theta || !(arenaOf(theta)?.owns(grad) ?? false);
  }
}

/** Placements by optimizer state object: a new state object (e.g. from a loaded state dict) gets a new one. */
const placements = new WeakMap<object, Placement>();

const dtypeOfArray = (a: FloatArray): DType => (a instanceof Float32Array ? 'float32' : 'float64');

/** Copies `source` into a fresh buffer of `arena`. */
function adopt(arena: Arena, source: FloatArray | null | undefined): FloatArray | null {
  if (source == null) return null;
  if (arena.owns(source)) return source;
  const view = arena.alloc(dtypeOfArray(source), source.length)!;
  view.set(source);
  return view;
}

/**
 * The placement for `key`'s state, reused when it still fits, else made anew (state copied into the arena).
 * The caller stores the returned `s0`, `s1`, `s2` back into its state object.
 */
export function place(
  key: object,
  theta: FloatArray,
  grad: FloatArray,
  s0: FloatArray | null | undefined,
  s1: FloatArray | null | undefined,
  s2: FloatArray | null | undefined,
): Placement {
  const b0 = s0 ?? null;
  const b1 = s1 ?? null;
  const b2 = s2 ?? null;
  const current = placements.get(key);
  if (current !== undefined && current.fits(theta, grad, b0, b1, b2)) return current;

  const placement = newPlacement(theta, grad, b0, b1, b2);
  placements.set(key, placement);
  return placement;
}

/**
 * A new placement: in θ's own arena when θ and g live in one with room for the state, else in a staging arena.
 * Kept out of `place` because its closures would make V8 allocate a context on every call of `place`, the fast
 * path included, until the optimizing compiler removes it (40 bytes a step in V8's baseline tiers).
 */
function newPlacement(theta: FloatArray, grad: FloatArray, b0: FloatArray | null, b1: FloatArray | null, b2: FloatArray | null): Placement {
  const dtype = dtypeOfArray(theta);
  const size = paddedBytes(theta.length, dtype);
  const own = arenaOf(theta);
  const needed = [b0, b1, b2].filter((b) => b !== null && !(own?.owns(b) ?? false)).length * size;
  if (own !== undefined && own.owns(grad) && own.free >= needed) {
    return new Placement(own, null, null, adopt(own, b0), adopt(own, b1), adopt(own, b2), theta, grad, size);
  }
  const count = 2 + [b0, b1, b2].filter((b) => b !== null).length;
  const arena = new Arena(count * size);
  const stageTheta = arena.alloc(dtype, theta.length)!;
  const stageGrad = arena.alloc(dtype, theta.length)!;
  return new Placement(arena, stageTheta, stageGrad, adopt(arena, b0), adopt(arena, b1), adopt(arena, b2), theta, grad, size);
}
