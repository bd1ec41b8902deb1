/** The two precisions a parameter may live in. Precision is the user's choice and is never silently changed. */
export type FloatArray = Float32Array | Float64Array;

export type DType = 'float32' | 'float64';

export function dtypeOf(array: FloatArray): DType {
  return array instanceof Float32Array ? 'float32' : 'float64';
}

/** A zero-filled array of the same type and length as `like`. */
export function zerosLike<F extends FloatArray>(like: F): F {
  return (like instanceof Float32Array ? new Float32Array(like.length) : new Float64Array(like.length)) as F;
}

/** A copy of `values` in the type of `like` (float64 values are rounded when `like` is float32). */
export function arrayLike<F extends FloatArray>(like: F, values: ArrayLike<number>): F {
  return (like instanceof Float32Array ? Float32Array.from(values) : Float64Array.from(values)) as F;
}

export function isFloatArray(value: unknown): value is FloatArray {
  return value instanceof Float32Array || value instanceof Float64Array;
}
