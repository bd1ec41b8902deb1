/**
 * The two matrix kernels every model's forward and backward pass is made of, on row-major typed arrays of either
 * precision. Each is written so that its inner loop walks memory contiguously and keeps its partial sums in
 * registers; the arithmetic is always in float64 (a float32 product is rounded once, when it is stored).
 *
 * Why the dot-product ("NT") form C = A·Bᵀ rather than i-k-j over C: both operands are then read row by row,
 * the inner loop stores nothing, and a 2 × 4 block of C needs 6 loads per 8 multiply-adds. The backward pass
 * reaches this form by transposing its small operands first (`transpose`), which costs one pass over them
 * against `rows` passes of the product. Measured on the forward product of an MLP 784-256-10 at batch 128
 * (128 × 784 times 784 × 256, float32, Node 20, one core): 2 × 4 block 14.5 ms (3.5 GFLOP/s), plain dot product
 * 41 ms, i-k-j axpy over C 61 ms. A 4 × 4 block (16 accumulators) measured within 3% of 2 × 4, so the smaller
 * block stays: the loop is bound by scalar multiply-adds (V8 emits no SIMD or FMA here), not by loads.
 *
 * These loops are the readable reference and the fallback. Float32 networks run their products in WebAssembly
 * SIMD instead (src/wasm/matmul.wat, through a per-network MatmulWorkspace) where the runtime validates that
 * module: 1.6 ms for the product above (33 GFLOP/s), results within ~1e-6 of Σ|A||B| of these (float32 sums).
 * Float64 networks stay here: f64x2 would gain at most 2× and lose the float64 rounding story.
 * `setMatmulBackend` picks the path ('auto' by default), so tests and benchmarks run both.
 */
import { fail } from '../../core/errors.js';
import type { FloatArray } from '../../core/float-array.js';
import { matmulSimdSupported } from '../../wasm/matmul-module.js';

export type MatmulBackend = 'wasm' | 'js' | 'auto';

const BACKENDS: readonly MatmulBackend[] = ['wasm', 'js', 'auto'];
let backend: MatmulBackend = 'auto';

/** 'wasm': float32 products in WebAssembly SIMD (fails where it is missing); 'js': these loops; 'auto': wasm where it validates. */
export function setMatmulBackend(choice: MatmulBackend): void {
  if (!BACKENDS.includes(choice)) fail('setMatmulBackend', `backend must be one of ${BACKENDS.join(', ')}, got ${JSON.stringify(choice)}`);
  if (choice === 'wasm' && !matmulSimdSupported()) fail('setMatmulBackend', 'backend "wasm" needs WebAssembly with 128-bit SIMD, which this runtime lacks');
  backend = choice;
}

export function getMatmulBackend(): MatmulBackend {
  return backend;
}

/** Whether float32 products run in WebAssembly now (read at every pass, so a switch takes effect at once). */
export function wasmMatmul(): boolean {
  return backend === 'wasm' || (backend === 'auto' && matmulSimdSupported());
}

/**
 * C (m × n) = A (m × k) · Bᵀ (B is n × k) + bias (n, broadcast over the rows; null for none), overwriting C.
 *
 *   C[i, j] = bias[j] + Σ_p A[i, p] B[j, p]
 *
 * A 2 × 4 register block: rows i, i+1 of A against rows j … j+3 of B, eight independent accumulators, so the
 * additions of one block do not wait on each other. Leftover rows and columns take the same loop, narrower.
 */
export function matmulNT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, bias: FloatArray | null): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = i * k;
    const a1 = a0 + k;
    const c0 = i * n;
    const c1 = c0 + n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const w0 = b[b0 + p];
        const w1 = b[b1 + p];
        const w2 = b[b2 + p];
        const w3 = b[b3 + p];
        s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
        s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
      }
      if (bias !== null) {
        const z0 = bias[j], z1 = bias[j + 1], z2 = bias[j + 2], z3 = bias[j + 3];
        s00 += z0; s01 += z1; s02 += z2; s03 += z3;
        s10 += z0; s11 += z1; s12 += z2; s13 += z3;
      }
      c[c0 + j] = s00; c[c0 + j + 1] = s01; c[c0 + j + 2] = s02; c[c0 + j + 3] = s03;
      c[c1 + j] = s10; c[c1 + j + 1] = s11; c[c1 + j + 2] = s12; c[c1 + j + 3] = s13;
    }
    for (; j < n; j++) {
      const b0 = j * k;
      let s0 = 0, s1 = 0;
      for (let p = 0; p < k; p++) {
        const w = b[b0 + p];
        s0 += a[a0 + p] * w;
        s1 += a[a1 + p] * w;
      }
      const z = bias === null ? 0 : bias[j];
      c[c0 + j] = s0 + z;
      c[c1 + j] = s1 + z;
    }
  }
  if (i < m) rowTimesBT(a, i * k, b, c, i * n, n, k, bias);
}

/** The last odd row of matmulNT: one row of A against four rows of B at a time. */
function rowTimesBT(a: FloatArray, a0: number, b: FloatArray, c: FloatArray, c0: number, n: number, k: number, bias: FloatArray | null): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const b0 = j * k;
    const b1 = b0 + k;
    const b2 = b1 + k;
    const b3 = b2 + k;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let p = 0; p < k; p++) {
      const x = a[a0 + p];
      s0 += x * b[b0 + p]; s1 += x * b[b1 + p]; s2 += x * b[b2 + p]; s3 += x * b[b3 + p];
    }
    if (bias !== null) {
      s0 += bias[j]; s1 += bias[j + 1]; s2 += bias[j + 2]; s3 += bias[j + 3];
    }
    c[c0 + j] = s0; c[c0 + j + 1] = s1; c[c0 + j + 2] = s2; c[c0 + j + 3] = s3;
  }
  for (; j < n; j++) {
    const b0 = j * k;
    let s = bias === null ? 0 : bias[j];
    for (let p = 0; p < k; p++) s += a[a0 + p] * b[b0 + p];
    c[c0 + j] = s;
  }
}

/**
 * Aᵀ into `out`: A is rows × cols, out is cols × rows. Blocked in 16 × 16 tiles so that neither the reads nor
 * the writes stride across more cache lines than the tile holds.
 */
export function transpose(a: FloatArray, out: FloatArray, rows: number, cols: number): void {
  const T = 16;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(r0 + T, rows);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(c0 + T, cols);
      for (let r = r0; r < r1; r++) {
        const from = r * cols;
        for (let c = c0; c < c1; c++) out[c * rows + r] = a[from + c];
      }
    }
  }
}

/**
 * Row sums of A (rows × cols) into out (rows), accumulated in float64: the bias gradient Σ_r δ[r, j], read from
 * the transposed δᵀ so that each sum walks one contiguous row.
 */
export function rowSums(a: FloatArray, out: FloatArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const from = r * cols;
    let s = 0;
    for (let c = 0; c < cols; c++) s += a[from + c];
    out[r] = s;
  }
}

/**
 * Column sums of A (rows × cols) into out (cols), each accumulated in float64: the bias gradient Σ_r δ[r, j] read
 * straight from δ, for the wasm path, which has no δᵀ.
 */
export function columnSums(a: FloatArray, out: FloatArray, rows: number, cols: number): void {
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += a[r * cols + c];
    out[c] = s;
  }
}
