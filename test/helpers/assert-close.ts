import { expect } from 'vitest';

/**
 * Asserts |actual − expected| <= tol · scale for every coordinate, naming the first that fails.
 * `scale` is per coordinate (e.g. max |x_i| over a reference run) or one number for all.
 */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, scale: ArrayLike<number> | number, where = ''): void {
  expect(actual.length, `${where} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const s = typeof scale === 'number' ? scale : scale[i];
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= tol * Math.max(s, 1e-300)) && !(Number.isNaN(actual[i]) && Number.isNaN(expected[i]))) {
      expect.fail(`${where} coordinate ${i}: got ${actual[i]}, expected ${expected[i]} (error ${err}, allowed ${tol * s})`);
    }
  }
}

/** max |x_i| over a run, per coordinate: the scale against which a trajectory's error is measured. */
export function coordinateScale(points: ArrayLike<number>[]): Float64Array {
  const scale = new Float64Array(points[0].length);
  for (const p of points) for (let i = 0; i < p.length; i++) scale[i] = Math.max(scale[i], Math.abs(p[i]));
  return scale;
}
