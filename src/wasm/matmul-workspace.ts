/**
 * A workspace: one WebAssembly memory per network holding every float32 buffer the matrix products read or
 * write, with its own instance of src/wasm/matmul.wat over it.
 *
 * Memory design (how a network's buffers reach WebAssembly memory):
 * - The network's own buffers — activations, deltas, and the weight gradients as the kernels write them — are
 *   views into the workspace, laid out once per batch size and reused by every step: no copy, no allocation.
 * - What the user owns crosses by copy, each step: the batch x in, each weight matrix and bias in, each weight
 *   gradient out (`TypedArray.set`, a memcpy). Parameters stay the ordinary Float32Arrays every optimizer and
 *   user holds, which a growing memory could not give: growing detaches every view of it. For the MLP 784-256-10
 *   at batch 128 that is about 2 MB a step, measured by `npm run bench -- train` (the copy row).
 * - The memory grows when a bigger batch arrives (never shrinks); `layout` then makes fresh views, so callers
 *   take views from the latest `layout` only.
 * - Offset 0 is never handed out (pointer 0 means "no bias"); each buffer starts on a 16-byte boundary and is
 *   followed by 32 guard bytes, since edge blocks of the kernels load whole vectors past a row's end.
 */
import { fail } from '../core/errors.js';
import { instantiateMatmul, newMemory, type GrowableMemory, type MatmulExports } from './matmul-module.js';

const PAGE = 65536;
const GUARD = 32;
/** 2 GiB: room for any batch a network in JavaScript would reasonably take at once. */
const MAX_PAGES = 32768;

export class MatmulWorkspace {
  private readonly memory: GrowableMemory;
  private readonly kernels: MatmulExports;

  constructor() {
    this.memory = newMemory(1, MAX_PAGES);
    this.kernels = instantiateMatmul(this.memory);
  }

  /**
   * Float32 views of `sizes[i]` elements each, laid out one after the other, growing the memory if needed.
   * Views from an earlier call are not to be used after this one (they may be detached).
   */
  layout(sizes: readonly number[]): Float32Array[] {
    const offsets: number[] = [];
    let end = 16;
    for (const n of sizes) {
      if (!(Number.isInteger(n) && n >= 0)) fail('matmul workspace', `a buffer size must be an integer >= 0, got ${n}`);
      offsets.push(end);
      end += Math.ceil((4 * n) / 16) * 16 + GUARD;
    }
    const pages = Math.ceil(end / PAGE);
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > MAX_PAGES) fail('matmul workspace', `${end} bytes of buffers exceed the 2 GiB a workspace holds`);
    if (pages > have) this.memory.grow(pages - have);
    return sizes.map((n, i) => new Float32Array(this.memory.buffer, offsets[i], n));
  }

  /** The byte offset of a view of this workspace holding at least `n` values; fails on any other array. */
  private at(name: string, view: Float32Array, n: number): number {
    if (view.buffer !== this.memory.buffer) fail('matmul workspace', `${name} is not a view of this workspace's memory`);
    if (view.length < n) fail('matmul workspace', `${name} holds ${view.length} values, fewer than the ${n} the product needs`);
    return view.byteOffset;
  }

  /** C (m × n) = A (m × k) · Bᵀ (B n × k) + bias (n, or null). */
  nt(a: Float32Array, b: Float32Array, c: Float32Array, bias: Float32Array | null, m: number, n: number, k: number): void {
    const z = bias === null ? 0 : this.at('bias', bias, n);
    this.kernels.matmul_nt(this.at('A', a, m * k), this.at('B', b, n * k), this.at('C', c, m * n), z, m, n, k);
  }

  /** C (m × n) = A (m × k) · B (k × n). */
  nn(a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number): void {
    this.kernels.matmul_nn(this.at('A', a, m * k), this.at('B', b, k * n), this.at('C', c, m * n), m, n, k);
  }

  /** C (m × n) = Aᵀ · B, A being k × m and B k × n. */
  tn(a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number): void {
    this.kernels.matmul_tn(this.at('A', a, k * m), this.at('B', b, k * n), this.at('C', c, m * n), m, n, k);
  }
}
