/**
 * Gradient clipping through WebAssembly SIMD (src/wasm/clip.ts, clip.wat) against the TypeScript loops of
 * src/optim/clip.ts, on both backends, float32 and float64, gradients in ordinary typed arrays (staged) and in
 * WebAssembly memory (`wasmParameter`, in place), with lengths around the 16-byte vectors (tails of 0 to 3 elements).
 *   sums (the 1- and 2-norms): the SIMD lanes add in another order than the loop, so they agree to 1e-14 relative;
 *   the maximum, the rescaling and the clamp: the same bits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FloatArray } from '../../src/core/float-array.js';
import { Parameter } from '../../src/core/parameter.js';
import { Random } from '../../src/core/random.js';
import { setKernelBackend } from '../../src/optim/backend.js';
import { clipGradNorm, clipGradValue } from '../../src/optim/clip.js';
import { clipMapWasm, clipReduceWasm, clipScalars, type ClipReduction } from '../../src/wasm/clip.js';

/** One reduction through the kernels, its result read from `clipScalars[0]`. */
function reduce(g: FloatArray, what: ClipReduction): number {
  clipReduceWasm(g, what);
  return clipScalars[0];
}

/** One map through the kernels, with c passed in `clipScalars[1]`. */
function map(g: FloatArray, what: 'scale' | 'clamp', c: number): void {
  clipScalars[1] = c;
  clipMapWasm(g, what);
}
import { wasmSimdSupported } from '../../src/wasm/module.js';
import { wasmParameter } from '../../src/wasm/parameter.js';

const LENGTHS = [1, 2, 3, 4, 5, 7, 8, 9, 17, 100, 1001, 4099];
const DTYPES = ['float32', 'float64'] as const;
const PLACES = ['typed arrays', 'wasm memory'] as const;

/** Gradients with a spread of magnitudes (so that the summation order shows), the same for every backend. */
function gradients(seed: number, dtype: (typeof DTYPES)[number]): Float64Array[] {
  const rng = new Random(seed);
  return LENGTHS.map((n) => Float64Array.from({ length: n }, () => (rng.uniform() - 0.5) * 10 ** Math.floor(rng.uniform() * 8 - 4))).map((g) =>
    dtype === 'float32' ? g.map(Math.fround) : g,
  );
}

function params(grads: Float64Array[], dtype: (typeof DTYPES)[number], where: (typeof PLACES)[number]): Parameter[] {
  return grads.map((g) => {
    const p = where === 'wasm memory' ? wasmParameter(g.length, { dtype, stateBuffers: 0 }) : new Parameter(dtype === 'float32' ? new Float32Array(g.length) : new Float64Array(g.length));
    p.grad!.set(g);
    return p;
  });
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

afterEach(() => setKernelBackend('auto'));

describe.skipIf(!wasmSimdSupported())('clipGradNorm and clipGradValue on the wasm backend follow the TypeScript loops', () => {
  for (const dtype of DTYPES) {
    for (const where of PLACES) {
      for (const normType of [2, 1, Infinity, 3]) {
        it(`clipGradNorm, norm ${normType}, ${dtype}, ${where}`, () => {
          const grads = gradients(7, dtype);
          const maxNorm = 0.5;
          setKernelBackend('js');
          const ref = params(grads, dtype, 'typed arrays');
          const refTotal = clipGradNorm(ref, maxNorm, normType);
          setKernelBackend('wasm');
          const got = params(grads, dtype, where);
          const total = clipGradNorm(got, maxNorm, normType);
          expect(refTotal).toBeGreaterThan(maxNorm); // the scaling ran
          // only the sums change with the lanes; ∞ and the p-norms (TypeScript on both) give the same bits
          if (normType === 2 || normType === 1) expect(relative(total, refTotal)).toBeLessThan(1e-14);
          else expect(total).toBe(refTotal);
          got.forEach((p, k) => {
            for (let i = 0; i < p.grad!.length; i++) {
              const [a, b] = [p.grad![i], ref[k].grad![i]];
              if (dtype === 'float64') expect(relative(a, b), `param ${k} coordinate ${i}`).toBeLessThan(1e-14);
              else expect(Math.abs(a - b), `param ${k} coordinate ${i}`).toBeLessThanOrEqual(2 ** -23 * Math.abs(b)); // at most one float32 rounding apart
            }
          });
        });
      }

      it(`clipGradValue, ${dtype}, ${where}: the same bits, with ±0, ±∞, NaN and values next to the limit`, () => {
        const c = 0.1;
        const near = dtype === 'float32' ? [Math.fround(c), Math.fround(-c), Math.fround(c) * (1 + 2 ** -23), Math.fround(c) * (1 - 2 ** -24)] : [c, -c, c * (1 + 2 ** -52), -c * (1 - 2 ** -53)];
        const special = Float64Array.from([0, -0, Infinity, -Infinity, NaN, ...near, 0.05, -0.2, 3]);
        const grads = [...gradients(11, dtype), dtype === 'float32' ? special.map(Math.fround) : special];
        setKernelBackend('js');
        const ref = params(grads, dtype, 'typed arrays');
        clipGradValue(ref, c);
        setKernelBackend('wasm');
        const got = params(grads, dtype, where);
        clipGradValue(got, c);
        got.forEach((p, k) => expect(Array.from(p.grad!), `param ${k}`).toEqual(Array.from(ref[k].grad!)));
        expect(Array.from(got[got.length - 1].grad!).slice(0, 5)).toEqual([0, -0, c, -c, NaN].map(dtype === 'float32' ? Math.fround : (x: number) => x));
      });
    }
  }
});

describe.skipIf(!wasmSimdSupported())('the clip kernels one buffer at a time', () => {
  for (const dtype of DTYPES) {
    const make = (xs: ArrayLike<number>): FloatArray => (dtype === 'float32' ? Float32Array.from(xs) : Float64Array.from(xs));

    it(`sums to 1e-14 relative, the maximum exactly, with tails of every length (${dtype})`, () => {
      for (const g of gradients(3, dtype).map(make)) {
        let [sq, abs, max] = [0, 0, 0];
        for (let i = 0; i < g.length; i++) [sq, abs, max] = [sq + g[i] * g[i], abs + Math.abs(g[i]), Math.max(max, Math.abs(g[i]))];
        expect(relative(reduce(g, 'sumsq'), sq), `length ${g.length}`).toBeLessThan(1e-14);
        expect(relative(reduce(g, 'sumabs'), abs), `length ${g.length}`).toBeLessThan(1e-14);
        expect(reduce(g, 'maxabs'), `length ${g.length}`).toBe(max);
      }
      expect(reduce(make([]), 'sumsq')).toBe(0);
      expect(reduce(make([-0, -0, -0, -0, -0]), 'maxabs')).toBe(0);
      for (const what of ['sumsq', 'sumabs', 'maxabs'] as const) {
        expect(reduce(make([1, NaN, 2, 3, 4, 5]), what), what).toBeNaN(); // NaN in a vector
        expect(reduce(make([1, 2, 3, 4, 5, 6, 7, 8, NaN]), what), what).toBeNaN(); // NaN in the tail
      }
    });

    it(`scales with the same bits as g[i] *= c, coefficient in float64 (${dtype})`, () => {
      for (const c of [1 / 3, 0.1, 1e-7, NaN, 0]) {
        for (const g0 of gradients(5, dtype)) {
          const ref = make(g0);
          for (let i = 0; i < ref.length; i++) ref[i] *= c;
          const g = make(g0);
          map(g, 'scale', c);
          expect(Array.from(g), `c ${c} length ${g.length}`).toEqual(Array.from(ref));
        }
      }
    });

    it(`leaves an arena's padding lanes alone, even when the scale is NaN (${dtype})`, () => {
      const p = wasmParameter(5, { dtype, stateBuffers: 0 });
      p.grad!.set([1, 2, 3, 4, 5]);
      map(p.grad!, 'scale', NaN);
      const padded = dtype === 'float32' ? new Float32Array(p.grad!.buffer, p.grad!.byteOffset, 8) : new Float64Array(p.grad!.buffer, p.grad!.byteOffset, 6);
      expect(Array.from(padded.subarray(5))).toEqual(dtype === 'float32' ? [0, 0, 0] : [0]);
      expect(Array.from(p.grad!).every(Number.isNaN)).toBe(true);
      p.grad!.fill(1);
      expect(reduce(p.grad!, 'sumsq')).toBe(5);
    });
  }
});
