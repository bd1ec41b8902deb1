/**
 * Scalars as torch's LBFGS holds them: a Python float (here a plain number, float64 arithmetic) or a 0-dim tensor
 * of the parameters' dtype (`Tensor0`). Step lengths are sometimes one and sometimes the other, and the results
 * differ in the last bits, which LBFGS's iteration can amplify; so its line search is written with these
 * operations, which round as torch 1.13 does on the CPU:
 *
 * - any operation with a tensor casts the Python operand to the tensor's dtype, computes, and rounds to it;
 * - `float / tensor` is `tensor.reciprocal() * float` (two roundings, even in float64);
 * - comparisons with a tensor compare in its dtype; Python's `min`/`max` return an operand itself, tensor or not.
 */
export class Tensor0 {
  constructor(
    readonly value: number,
    readonly float32: boolean,
  ) {}
}

/** A Python number or a 0-dim tensor. */
export type Scalar = number | Tensor0;

/** A 0-dim tensor holding x, of the dtype float32 or float64. */
export function tensor0(x: number, float32: boolean): Tensor0 {
  return new Tensor0(float32 ? Math.fround(x) : x, float32);
}

export function valueOf(x: Scalar): number {
  return typeof x === 'number' ? x : x.value;
}

/** The dtype both operands are cast to: a tensor operand's (null when both are Python numbers). */
function float32Of(a: Scalar, b: Scalar): boolean | null {
  if (typeof a !== 'number') return a.float32;
  if (typeof b !== 'number') return b.float32;
  return null;
}

function cast(x: Scalar, float32: boolean): number {
  return float32 ? Math.fround(valueOf(x)) : valueOf(x);
}

function binary(a: Scalar, b: Scalar, op: (x: number, y: number) => number): Scalar {
  const f32 = float32Of(a, b);
  if (f32 === null) return op(a as number, b as number);
  return tensor0(op(cast(a, f32), cast(b, f32)), f32);
}

function compare(a: Scalar, b: Scalar, op: (x: number, y: number) => boolean): boolean {
  const f32 = float32Of(a, b);
  return f32 === null ? op(a as number, b as number) : op(cast(a, f32), cast(b, f32));
}

export const add = (a: Scalar, b: Scalar): Scalar => binary(a, b, (x, y) => x + y);
export const sub = (a: Scalar, b: Scalar): Scalar => binary(a, b, (x, y) => x - y);
export const mul = (a: Scalar, b: Scalar): Scalar => binary(a, b, (x, y) => x * y);

export function div(a: Scalar, b: Scalar): Scalar {
  if (typeof a === 'number' && typeof b !== 'number') return mul(tensor0(1 / b.value, b.float32), a); // __rtruediv__
  return binary(a, b, (x, y) => x / y);
}

export const gt = (a: Scalar, b: Scalar): boolean => compare(a, b, (x, y) => x > y);
export const ge = (a: Scalar, b: Scalar): boolean => compare(a, b, (x, y) => x >= y);
export const lt = (a: Scalar, b: Scalar): boolean => compare(a, b, (x, y) => x < y);
export const le = (a: Scalar, b: Scalar): boolean => compare(a, b, (x, y) => x <= y);

export function abs(a: Scalar): Scalar {
  return typeof a === 'number' ? Math.abs(a) : new Tensor0(Math.abs(a.value), a.float32);
}

export function sqrt(a: Scalar): Scalar {
  return typeof a === 'number' ? Math.sqrt(a) : tensor0(Math.sqrt(a.value), a.float32);
}

/** Python's `min(a, b)` and `max(a, b)`: `a` unless `b` compares strictly smaller (larger); NaN never does. */
export const pyMin = (a: Scalar, b: Scalar): Scalar => (lt(b, a) ? b : a);
export const pyMax = (a: Scalar, b: Scalar): Scalar => (gt(b, a) ? b : a);
