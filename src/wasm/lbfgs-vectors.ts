/**
 * LBFGS's vectors in one WebAssembly memory, and its vector operations run there (lbfgs.wat, lbfgs-axpy.wat):
 * the `VectorOps` of src/optim/flat.ts that LBFGS picks for a step when the kernel backend is wasm.
 *
 * Memory: one Arena (src/wasm/memory.ts: fixed size, never grows, so its views stay valid) per LBFGS optimizer,
 * made at its first wasm step with room for 2m + EXTRA_VECTORS vectors of the flat length n (m = historySize,
 * or the history's length if longer), plus a staging vector for θ. The history (s, y), the direction d, the last
 * gradient, the current gradient, x₀ and the line search's gradients all live there, so one kernel call can address
 * any two of them. Vectors are handed out lazily (the memory's untouched pages cost nothing) and recycled: at the
 * start of each step every vector the state no longer holds is free again, and the state's vectors that live
 * elsewhere (a loaded state dict, a step taken on the js backend after an arena was rebuilt) are copied in.
 * The parameters stay the user's arrays: the gradient is gathered into an arena vector, and θ ← θ + t·d copies θ
 * into the staging vector, steps it there and copies it back (two memcpys around the kernel).
 *
 * No arena (the TypeScript loops run instead) when the arena would exceed `arenaLimit` (2 GiB: a wasm32 memory
 * holds at most 4, and a runtime may refuse much less), when the runtime refuses the memory, or when the state's
 * vectors do not match the parameters (the TypeScript path reports that). An operand that is not one of the
 * arena's vectors (the arena ran out: a history that outgrew it within a step) makes that one operation run in
 * TypeScript, with the same result.
 */
import { dtypeOf, type DType, type FloatArray } from '../core/float-array.js';
import { jsVectorOps, type FlatParams, type VectorOps } from '../optim/flat.js';
import type { LBFGSState } from '../optim/lbfgs.js';
import { Arena, paddedBytes, SCALAR_BLOCK_BYTES } from './memory.js';
import type { LBFGSExports } from './module.js';

/**
 * Vectors beyond the history's 2m: a new (y, s) pair before the oldest is dropped (2), d, the last gradient, x₀,
 * the gradient gathered at the step's start, and the line search's gradients (at most 5: it holds 4 at once, see
 * `BufferPool`), 12 in all.
 */
export const EXTRA_VECTORS = 12;

/** Largest arena LBFGS makes, in bytes; beyond it the TypeScript loops run. */
let arenaLimit = 2 ** 31;

/** Sets the largest arena LBFGS makes (for tests of the fallback); returns the previous limit. */
export function setLBFGSArenaLimit(bytes: number): number {
  const previous = arenaLimit;
  arenaLimit = bytes;
  return previous;
}

/** The state's vectors, in the order `adopt` visits them. */
function stateVectors(state: LBFGSState): FloatArray[] {
  const found: FloatArray[] = [];
  if (state.d !== undefined) found.push(state.d);
  if (state.prevFlatGrad !== undefined) found.push(state.prevFlatGrad);
  found.push(...(state.oldDirs ?? []), ...(state.oldStps ?? []));
  return found;
}

export class LBFGSVectors implements VectorOps {
  readonly arena: Arena;
  private readonly kernels: LBFGSExports;
  private readonly f32: boolean;
  /** Byte length of one vector, rounded up to whole 16-byte vectors: the maps' `end`. */
  private readonly end: number;
  /** θ's copy for addScaled. */
  private readonly stage: FloatArray;
  /** Every vector handed out so far, and those free now. */
  private readonly made: FloatArray[] = [];
  private free: FloatArray[] = [];

  constructor(
    readonly n: number,
    readonly dtype: DType,
    /** Vectors the arena holds, the staging vector aside. */
    readonly count: number,
  ) {
    this.end = paddedBytes(n, dtype);
    this.arena = new Arena((count + 1) * this.end);
    this.kernels = this.arena.kernels('lbfgs');
    this.f32 = dtype === 'float32';
    this.stage = this.arena.alloc(dtype, n)!;
  }

  /** Whether this arena serves n elements of `dtype` and at least `count` vectors. */
  fits(n: number, dtype: DType, count: number): boolean {
    return n === this.n && dtype === this.dtype && count <= this.count;
  }

  /** A free vector of the arena, or null when it is full. */
  private take(): FloatArray | null {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const fresh = this.arena.alloc(this.dtype, this.n);
    if (fresh !== null) this.made.push(fresh);
    return fresh;
  }

  /**
   * Starts a step: every vector the state does not hold is free, and the state's vectors from elsewhere are copied
   * into the arena (the state then holds the copies: the same values).
   */
  adopt(state: LBFGSState): void {
    const held = new Set(stateVectors(state).filter((v) => this.arena.owns(v)));
    this.free = this.made.filter((v) => !held.has(v));
    const own = (v: FloatArray): FloatArray => {
      if (this.arena.owns(v)) return v;
      const copy = this.take();
      if (copy === null) return v;
      copy.set(v);
      return copy;
    };
    if (state.d !== undefined) state.d = own(state.d);
    if (state.prevFlatGrad !== undefined) state.prevFlatGrad = own(state.prevFlatGrad);
    for (const list of [state.oldDirs, state.oldStps]) {
      if (list !== undefined) for (let i = 0; i < list.length; i++) list[i] = own(list[i]);
    }
  }

  vector(flat: FlatParams): FloatArray {
    return this.take() ?? flat.zeros();
  }

  /** The float64 the last reduction left in the scalar block. */
  private get result(): number {
    return this.arena.scalars64[0];
  }

  dot(a: FloatArray, b: FloatArray): number {
    if (!(this.arena.owns(a) && this.arena.owns(b))) return jsVectorOps.dot(a, b);
    (this.f32 ? this.kernels.dot_f32 : this.kernels.dot_f64)(a.byteOffset, b.byteOffset, this.n, 0);
    return this.result;
  }

  absMax(a: FloatArray): number {
    if (!this.arena.owns(a)) return jsVectorOps.absMax(a);
    this.arena.scalars64[0] = 1; // |1·aᵢ| = |aᵢ|, NaN included
    (this.f32 ? this.kernels.absmax_f32 : this.kernels.absmax_f64)(a.byteOffset, this.n, 0);
    return this.result;
  }

  absSum(a: FloatArray): number {
    if (!this.arena.owns(a)) return jsVectorOps.absSum(a);
    (this.f32 ? this.kernels.abssum_f32 : this.kernels.abssum_f64)(a.byteOffset, this.n, 0);
    return this.result;
  }

  scaledAbsMax(t: number, d: FloatArray): number {
    if (!this.arena.owns(d)) return jsVectorOps.scaledAbsMax(t, d);
    this.arena.scalars64[0] = t; // the float32 kernel rounds it to float32, as castTo does
    (this.f32 ? this.kernels.absmax_f32 : this.kernels.absmax_f64)(d.byteOffset, this.n, 0);
    return this.result;
  }

  axpy(y: FloatArray, alpha: number, x: FloatArray): void {
    if (!(this.arena.owns(y) && this.arena.owns(x))) return jsVectorOps.axpy(y, alpha, x);
    this.arena.scalars64[0] = alpha;
    (this.f32 ? this.kernels.axpy_f32 : this.kernels.axpy_f64)(y.byteOffset, x.byteOffset, this.end, 0);
  }

  scaleInto(out: FloatArray, alpha: number, x: FloatArray): void {
    if (!(this.arena.owns(out) && this.arena.owns(x))) return jsVectorOps.scaleInto(out, alpha, x);
    this.arena.scalars64[0] = alpha;
    (this.f32 ? this.kernels.scale_f32 : this.kernels.scale_f64)(out.byteOffset, x.byteOffset, this.end, 0);
  }

  subInto(out: FloatArray, a: FloatArray, b: FloatArray): void {
    if (!(this.arena.owns(out) && this.arena.owns(a) && this.arena.owns(b))) return jsVectorOps.subInto(out, a, b);
    (this.f32 ? this.kernels.sub_f32 : this.kernels.sub_f64)(out.byteOffset, a.byteOffset, b.byteOffset, this.end);
  }

  /** θ ← θ + t·d: θ copied into the staging vector, stepped there by the fused kernel, copied back. */
  addScaled(flat: FlatParams, t: number, d: FloatArray): void {
    if (!this.arena.owns(d)) return jsVectorOps.addScaled(flat, t, d);
    flat.read(this.stage);
    this.axpy(this.stage, t, d);
    flat.write(this.stage);
  }
}

/**
 * The arena for this step of an LBFGS run: `current` when it still fits (same length and type, room for the
 * history), else a new one; undefined where the TypeScript loops must run (see the file's comment). The state's
 * vectors are adopted into it.
 */
export function lbfgsVectors(current: LBFGSVectors | undefined, flat: FlatParams, state: LBFGSState, historySize: number): LBFGSVectors | undefined {
  const n = flat.numel;
  const dtype = dtypeOf(flat.params[0].data);
  if (n === 0) return undefined;
  if (stateVectors(state).some((v) => v.length !== n || dtypeOf(v) !== dtype)) return undefined;
  const count = 2 * Math.max(historySize, state.oldDirs?.length ?? 0) + EXTRA_VECTORS;
  let vectors = current;
  if (vectors === undefined || !vectors.fits(n, dtype, count)) {
    if (SCALAR_BLOCK_BYTES + (count + 1) * paddedBytes(n, dtype) > arenaLimit) return undefined;
    try {
      vectors = new LBFGSVectors(n, dtype, count);
    } catch (error) {
      if (error instanceof RangeError) return undefined; // the runtime could not reserve the memory
      throw error;
    }
  }
  vectors.adopt(state);
  return vectors;
}
