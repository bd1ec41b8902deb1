/**
 * All parameters seen as one flat vector, as torch's LBFGS sees them (`_gather_flat_grad`, `_add_grad`), and the
 * few vector operations it needs, each a single loop.
 *
 * Convention: a reduction returns a scalar of its arrays' type, and a scalar multiplier is cast to the array's type
 * before use, as torch does with a 0-dim tensor and with a Python number. For Float64Array both casts are no-ops;
 * for Float32Array they are `Math.fround`. Sums accumulate in float64 (torch's float32 BLAS accumulates in float32).
 */
import { fail } from '../core/errors.js';
import { dtypeOf, type FloatArray } from '../core/float-array.js';
import { checkGradient, type Parameter } from '../core/parameter.js';

/** x cast to the type of `like`'s elements. */
export function castTo(like: FloatArray, x: number): number {
  return like instanceof Float32Array ? Math.fround(x) : x;
}

/** aᵀb. */
export function dot(a: FloatArray, b: FloatArray): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return castTo(a, sum);
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
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]);
  return castTo(a, sum);
}

/** y ← y + αx. */
export function axpy(y: FloatArray, alpha: number, x: FloatArray): void {
  const a = castTo(y, alpha);
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
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

/** Python's `min(a, b)` and `max(a, b)`: the first argument unless the second compares strictly smaller (larger). */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

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
      const theta = p.data;
      const a = castTo(theta, t);
      for (let i = 0; i < theta.length; i++) theta[i] += a * d[offset + i];
      offset += theta.length;
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
