/**
 * The WebAssembly matrix products (src/wasm/matmul.wat) against the TypeScript kernels of
 * src/learn/models/matmul.ts, on random shapes including edges that are not multiples of the register blocks.
 * They are not bit-identical (float32 accumulation, and partial sums by lane in matmul_nt), so each entry must
 * agree to 1e-5 of Σ_p |A||B| for that entry, the scale its rounding error is relative to.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';
import { matmulNT, transpose } from '../../../src/learn/models/matmul.js';
import { matmulBytes, matmulSimdSupported } from '../../../src/wasm/matmul-module.js';
import { MatmulWorkspace } from '../../../src/wasm/matmul-workspace.js';
import { assembleMatmul } from '../../../scripts/build-wasm-matmul.js';

function randomArray(random: Random, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = random.uniform() * 2 - 1;
  return out;
}

/** max over entries of |got − want| / (Σ_p |A[i, p]| |B[j, p]| + tiny), A m × k and B n × k (the NT form). */
function worstRelative(got: Float32Array, want: Float32Array, a: Float32Array, b: Float32Array, m: number, n: number, k: number): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let scale = 1e-30;
      for (let p = 0; p < k; p++) scale += Math.abs(a[i * k + p] * b[j * k + p]);
      worst = Math.max(worst, Math.abs(got[i * n + j] - want[i * n + j]) / scale);
    }
  }
  return worst;
}

const shapes: [number, number, number][] = [
  [1, 1, 1], [1, 5, 3], [2, 4, 4], [3, 7, 5], [5, 9, 13], [4, 8, 16], [7, 3, 2], [13, 10, 31], [16, 17, 33], [33, 12, 64], [6, 1, 9], [1, 11, 7],
];

describe('the matmul module', () => {
  it('is current: assembling src/wasm/matmul.wat gives the shipped bytes', async () => {
    const fresh = await assembleMatmul();
    expect(Buffer.from(matmulBytes()).equals(Buffer.from(fresh)), 'src/wasm/matmul.wasm.ts is stale: run npm run build:wasm-matmul').toBe(true);
  });

  it('validates in Node 20 and stays under the 4 KB of synchronous compilation', () => {
    expect(matmulSimdSupported()).toBe(true);
    expect(matmulBytes().length).toBeLessThan(4096);
  });
});

describe('wasm products agree with the TypeScript kernels', () => {
  const ws = new MatmulWorkspace();
  shapes.forEach(([m, n, k], s) => {
    it(`m=${m} n=${n} k=${k}`, () => {
      const random = new Random(100 + s);
      const a = randomArray(random, m * k); // m × k
      const b = randomArray(random, n * k); // n × k
      const bias = randomArray(random, n);
      // δ-like operands for the backward forms: d (k × m) and e (k × n), so that Cᵀ-free reference = dᵀ·e
      const d = randomArray(random, k * m);
      const e = randomArray(random, k * n);
      // NaN right after every operand: the masked and clamped edges must never read it into a stored result
      const [wa, wb, wc, wz, wd, we, wbt] = ws.layout([m * k + 1, n * k + 1, m * n + 1, n + 1, k * m + 1, k * n + 1, k * n + 1]);
      for (const [view, src] of [[wa, a], [wb, b], [wz, bias], [wd, d], [we, e]] as const) {
        view.set(src);
        view[src.length] = Number.NaN;
      }
      wc[m * n] = 12345;

      // forward: C = A·Bᵀ + bias, and without bias
      const want = new Float32Array(m * n);
      matmulNT(a, b, want, m, n, k, bias);
      ws.nt(wa, wb, wc, wz, m, n, k);
      expect(worstRelative(wc.subarray(0, m * n), want, a, b, m, n, k)).toBeLessThan(1e-5);
      expect(wc[m * n]).toBe(12345); // nothing written past C
      matmulNT(a, b, want, m, n, k, null);
      ws.nt(wa, wb, wc, null, m, n, k);
      expect(worstRelative(wc.subarray(0, m * n), want, a, b, m, n, k)).toBeLessThan(1e-5);

      // weight gradient: C (m × n) = dᵀ·e, reference matmulNT(dᵀ, eᵀ)
      const dT = new Float32Array(m * k);
      const eT = new Float32Array(n * k);
      transpose(d, dT, k, m);
      transpose(e, eT, k, n);
      matmulNT(dT, eT, want, m, n, k, null);
      ws.tn(wd, we, wc, m, n, k);
      expect(worstRelative(wc.subarray(0, m * n), want, dT, eT, m, n, k)).toBeLessThan(1e-5);
      expect(wc[m * n]).toBe(12345);

      // delta below: C (m × n) = A·E with E = eᵀ... here A (m × k) · wbt (k × n), reference matmulNT(A, wbtᵀ = b)
      transpose(b, wbt, n, k); // wbt = bᵀ, k × n
      wbt[k * n] = Number.NaN;
      matmulNT(a, b, want, m, n, k, null);
      ws.nn(wa, wbt, wc, m, n, k);
      expect(worstRelative(wc.subarray(0, m * n), want, a, b, m, n, k)).toBeLessThan(1e-5);
      expect(wc[m * n]).toBe(12345);
    });
  });

  it('rejects an operand that is not a view of the workspace, naming it', () => {
    const [c] = ws.layout([4]);
    expect(() => ws.nn(new Float32Array(4), new Float32Array(4), c, 2, 2, 2)).toThrow(/A is not a view/);
  });
});
