/**
 * Gradient clipping against torch 1.13 (test/fixtures/optim/clip.json, from generate_clip.py): clip_grad_norm_
 * with the 2-, 1-, ∞- and 3-norms, limits below and above the norm, and clip_grad_value_, in float32 and float64,
 * on both kernel backends.
 *
 * Tolerances: torch sums each norm in its own vectorised order (and, for float32 gradients, in float32), ours in
 * float64 (the TypeScript loop in order, the kernels in eight lanes). So, relative to the value:
 *   float64: the norm to 1e-13, each gradient to 1e-13 of the largest |g| of its tensor;
 *   float32: the norm to 1e-6 (torch's float32 sum over ~250 values), each gradient to 1e-6 of that scale (the
 *   coefficient max/(norm + 1e-6) inherits the norm's difference; torch also rounds it to float32).
 * The ∞-norm and clip_grad_value_ involve no sum: they must give torch's bits, except the gradients the ∞-norm
 * rescales in float32 (an ulp apart: torch's coefficient is a float32, ours a float64).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeNumber } from '../../src/core/json-number.js';
import { Parameter } from '../../src/core/parameter.js';
import { setKernelBackend } from '../../src/optim/backend.js';
import { clipGradNorm, clipGradValue } from '../../src/optim/clip.js';
import { wasmSimdSupported } from '../../src/wasm/module.js';
import { wasmParameter } from '../../src/wasm/parameter.js';
import { assertClose } from '../helpers/assert-close.js';

type Numbers = (number | string)[];

interface ClipCase {
  name: string;
  dtype: 'float32' | 'float64';
  kind: 'norm' | 'value';
  options: { max_norm?: number; norm_type?: number | string; clip_value?: number };
  grads: (Numbers | null)[];
  total: number | string | null;
  after: (Numbers | null)[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/optim/clip.json', import.meta.url), 'utf8')) as { torch: string; cases: ClipCase[] };
const numbers = (xs: Numbers): number[] => xs.map((x) => decodeNumber(x)!);

/** The case's parameters: ordinary arrays, or (wasm in place) gradients allocated in WebAssembly memory. */
function parameters(c: ClipCase, inPlace: boolean): Parameter[] {
  return c.grads.map((g) => {
    const n = g === null ? 0 : g.length;
    const p = inPlace ? wasmParameter(n, { dtype: c.dtype, stateBuffers: 0 }) : new Parameter(c.dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
    if (g === null) p.grad = null;
    else if (inPlace) p.grad!.set(numbers(g));
    else p.grad = c.dtype === 'float32' ? Float32Array.from(numbers(g)) : Float64Array.from(numbers(g));
    return p;
  });
}

/** Cases with no sum: the norm (and, but for float32 rescaling, the gradients) must be torch's bits. */
const exactNorm = (c: ClipCase) => c.kind === 'value' || c.options.norm_type === 'Infinity';
const exactGradients = (c: ClipCase) => c.kind === 'value' || (c.options.norm_type === 'Infinity' && c.dtype === 'float64');

const paths = wasmSimdSupported() ? (['js', 'wasm staged', 'wasm in place'] as const) : (['js'] as const);

afterAll(() => setKernelBackend('auto'));

describe(`clipping against torch ${fixture.torch}`, () => {
  it('has the fixture', () => expect(fixture.cases.length).toBeGreaterThanOrEqual(20));

  for (const path of paths) {
    for (const c of fixture.cases) {
      it(`${c.name} (${path})`, () => {
        setKernelBackend(path === 'js' ? 'js' : 'wasm');
        const params = parameters(c, path === 'wasm in place');
        const f32 = c.dtype === 'float32';
        if (c.kind === 'norm') {
          const normType = decodeNumber(c.options.norm_type!)!;
          const total = clipGradNorm(params, c.options.max_norm!, normType);
          const expected = decodeNumber(c.total!)!;
          if (Number.isNaN(expected)) expect(total).toBeNaN();
          else if (exactNorm(c)) expect(total).toBe(expected);
          else expect(Math.abs(total - expected) / expected, `norm ${total} against torch's ${expected}`).toBeLessThan(f32 ? 1e-6 : 1e-13);
        } else {
          clipGradValue(params, c.options.clip_value!);
        }
        params.forEach((p, k) => {
          const after = c.after[k];
          if (after === null) return expect(p.grad).toBeNull();
          const expected = numbers(after);
          const scale = Math.max(...expected.map(Math.abs).filter(Number.isFinite), 0);
          const tol = exactGradients(c) ? 0 : f32 ? 1e-6 : 1e-13;
          assertClose(p.grad!, expected, tol, scale, `${c.name} gradient ${k}`);
        });
      });
    }
  }
});
