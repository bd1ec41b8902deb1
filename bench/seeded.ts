/**
 * Seeded uniform values for benchmark inputs, so that every run times the same numbers.
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, enough for benchmark data, not for statistics.
 */
import type { FloatArray } from '../src/core/float-array.js';

/** Fills `out` with values uniform in [-1, 1) drawn from `seed`, and returns it. */
export function fillUniform<F extends FloatArray>(out: F, seed: number): F {
  let state = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    out[i] = (((z ^ (z >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}
