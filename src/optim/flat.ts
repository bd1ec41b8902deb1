/**
 * All parameters seen as one flat vector, as torch's LBFGS sees them (`_gather_flat_grad`, `_add_grad`), and the
 * few vector operations it needs, each a single loop.
 *
 * Convention: arithmetic follows torch 1.13's CPU kernels in the arrays' own type. A reduction accumulates in order
 * in that type and returns a scalar of it (a 0-dim tensor in torch; BLAS `dot` is sequential); a scalar multiplier
 * is cast to that type first, as torch casts a Python number; `y + αx` is fused (see core/fma.ts). For Float64Array
 * the casts are no-ops; for Float32Array they are `Math.fround`.
 */
import { fail } from '../core/errors.js';
import { dtypeOf, type FloatArray } from '../core/float-array.js';
import { fmaInto } from '../core/fma.js';
import { checkGradient, type Parameter } from '../core/parameter.js';

/** x cast to the type of `like`'s elements. */
export function castTo(like: FloatArray, x: number): number {
  return like instanceof Float32Array ? Math.fround(x) : x;
}

/** aᵀb, summed in order (as the reference BLAS `dot` behind this torch build does). */
export function dot(a: FloatArray, b: FloatArray): number {
  let sum = 0;
  if (a instanceof Float32Array) {
    for (let i = 0; i < a.length; i++) sum = Math.fround(sum + Math.fround(a[i] * b[i]));
  } else {
    for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  }
  return sum;
}

/** ‖a‖_∞ = max |aᵢ|; NaN if any element is NaN, as torch's `max` propagates it. */
export function absMax(a: FloatArray): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** ‖a‖₁ = Σ |aᵢ|. */
export function absSum(a: FloatArray): number {
  let sum = 0;
  if (a instanceof Float32Array) {
    for (let i = 0; i < a.length; i++) sum = Math.fround(sum + Math.abs(a[i]));
  } else {
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]);
  }
  // torch's vectorised `sum` adds lanes in another order from 5 elements on, so this can differ from it in the last
  // bit; it only sets the run's first trial step.
  return sum;
}

/** y ← y + αx, fused. */
export function axpy(y: FloatArray, alpha: number, x: FloatArray): void {
  fmaInto(y, alpha, x);
}

/** out ← αx. */
export function scaleInto(out: FloatArray, alpha: number, x: FloatArray): void {
  const a = castTo(out, alpha);
  for (let i = 0; i < out.length; i++) out[i] = x[i] * a;
}

/** out ← a − b. */
export function subInto(out: FloatArray, a: FloatArray, b: FloatArray): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] - b[i];
}

/** ‖t d‖_∞ = max |tdᵢ|, t cast to d's type and each product rounded to it (LBFGS's last coordinate move). */
export function scaledAbsMax(t: number, d: FloatArray): number {
  const a = castTo(d, t);
  let m = 0;
  for (let i = 0; i < d.length; i++) m = Math.max(m, Math.abs(castTo(d, d[i] * a)));
  return m;
}

/**
 * The vector operations of one LBFGS step, on vectors of the flat length: these TypeScript loops (`jsVectorOps`),
 * or the same operations in WebAssembly on vectors that live in one arena (src/wasm/lbfgs-vectors.ts), chosen once
 * per step. Both give the same bits.
 */
export interface VectorOps {
  /** A vector of the flat length for the caller to fill before reading it (zeros here; a recycled one there). */
  vector(flat: FlatParams): FloatArray;
  dot(a: FloatArray, b: FloatArray): number;
  absMax(a: FloatArray): number;
  absSum(a: FloatArray): number;
  scaledAbsMax(t: number, d: FloatArray): number;
  axpy(y: FloatArray, alpha: number, x: FloatArray): void;
  scaleInto(out: FloatArray, alpha: number, x: FloatArray): void;
  subInto(out: FloatArray, a: FloatArray, b: FloatArray): void;
  /** θ ← θ + t·d over every parameter, fused. */
  addScaled(flat: FlatParams, t: number, d: FloatArray): void;
}

export const jsVectorOps: VectorOps = {
  vector: (flat) => flat.zeros(),
  dot,
  absMax,
  absSum,
  scaledAbsMax,
  axpy,
  scaleInto,
  subInto,
  addScaled: (flat, t, d) => flat.addScaled(t, d),
};

/**
 * The parameters of one group as a single vector of n = Σ numel(p) elements, in the parameters' shared type.
 * Built at each step, so a parameter whose `data` array was replaced between steps is seen as it is now.
 */
export class FlatParams {
  readonly params: readonly Parameter[];
  readonly numel: number;

  constructor(params: readonly Parameter[], owner: string) {
    const dtype = dtypeOf(params[0].data);
    for (const p of params) {
      if (dtypeOf(p.data) !== dtype) {
        fail(owner, `all parameters must share one dtype (they form one flat vector), got ${dtype} and ${dtypeOf(p.data)}`);
      }
    }
    this.params = params;
    this.numel = params.reduce((n, p) => n + p.data.length, 0);
  }

  /** A zero vector of the flat length, in the parameters' type. */
  zeros(): FloatArray {
    return this.params[0].data instanceof Float32Array ? new Float32Array(this.numel) : new Float64Array(this.numel);
  }

  /** out ← the gradients laid end to end; a null gradient reads as zeros. */
  gatherGrad(out: FloatArray, owner: string): FloatArray {
    let offset = 0;
    for (const p of this.params) {
      const n = p.data.length;
      if (p.grad === null) out.fill(0, offset, offset + n);
      else {
        checkGradient(p, owner);
        out.set(p.grad, offset);
      }
      offset += n;
    }
    return out;
  }

  /** θ ← θ + t·d over every parameter. */
  addScaled(t: number, d: FloatArray): void {
    let offset = 0;
    for (const p of this.params) {
      fmaInto(p.data, t, d, offset);
      offset += p.data.length;
    }
  }

  /** out ← θ (a copy of every parameter). */
  read(out: FloatArray): FloatArray {
    let offset = 0;
    for (const p of this.params) {
      out.set(p.data, offset);
      offset += p.data.length;
    }
    return out;
  }

  /** θ ← x, undoing any trial step. */
  write(x: FloatArray): void {
    let offset = 0;
    for (const p of this.params) {
      p.data.set(x.subarray(offset, offset + p.data.length));
      offset += p.data.length;
    }
  }
}

/**
 * Flat buffers for the line search, reused within a step: `take(live)` returns one that none of the `live`
 * vectors is, so at most one more buffer than the number of vectors the caller holds at once is ever made.
 */
export class BufferPool {
  private readonly buffers: FloatArray[] = [];

  constructor(private readonly make: () => FloatArray) {}

  take(live: readonly (FloatArray | undefined)[]): FloatArray {
    const free = this.buffers.find((b) => !live.includes(b));
    if (free !== undefined) return free;
    const fresh = this.make();
    this.buffers.push(fresh);
    return fresh;
  }
}
