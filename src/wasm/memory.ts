/**
 * Arenas: fixed-size WebAssembly memories that hold float buffers the kernels can read and write in place.
 *
 * Memory design (how parameters reach WebAssembly memory):
 * - An arena is one `WebAssembly.Memory` of exactly the size asked for, with its own instance of each kernel
 *   family it runs, made at that family's first step there (instances are cheap; each module is compiled once). It NEVER grows, so the Float32Array / Float64Array views
 *   handed out stay valid for the arena's life: growing a memory would detach every view of it.
 * - Zero copy: `wasmParameter(...)` (src/wasm/parameter.ts) allocates a Parameter's `data` and `grad` in an arena
 *   with room for the optimizer's state. The first wasm step moves the state (m, v, v̂max or the momentum buffer)
 *   into the same arena, and from then on a step is one kernel call on byte offsets: no copy at all.
 *   The rule for the user: keep `p.data` and `p.grad` as they are (write into them, never replace them). Replacing
 *   either is still correct, only slower: the step then takes the staged path below.
 * - Staged (any ordinary Float32Array / Float64Array the user owns): the optimizer keeps the state in an arena of
 *   its own, with two staging buffers; each step copies θ and g in and θ out (`TypedArray.set`, a memcpy), which
 *   adds three passes over θ-sized memory to Adam's seven. bench/optim.ts measures both paths.
 * - Each allocation starts on a 16-byte boundary and is padded to a multiple of 16 bytes, so the kernels run
 *   whole 128-bit vectors with no scalar tail; the padding lanes compute on zeros and are never seen.
 * - No allocation per step: views are made once, when an arena is created or a buffer is adopted. The first
 *   SCALAR_BLOCK_BYTES of every arena hold a step's scalars (lr, β, …): JavaScript writes them there and calls a
 *   kernel's `_s_` twin with the block's offset, because float arguments of a JS-to-wasm call are boxed (allocated).
 */
import { fail } from '../core/errors.js';
import type { DType, FloatArray } from '../core/float-array.js';
import { instantiateKernels, webAssembly, type FamilyExports, type KernelFamily, type WasmMemory } from './module.js';

const PAGE = 65536;

/** Bytes at the start of each arena for one step's scalars (16 float64 or 32 float32), at byte offset 0. */
export const SCALAR_BLOCK_BYTES = 128;

/** Bytes a buffer of `n` elements takes in an arena: rounded up to whole 16-byte vectors. */
export function paddedBytes(n: number, dtype: DType): number {
  const bytes = n * (dtype === 'float32' ? 4 : 8);
  return Math.ceil(bytes / 16) * 16;
}

/** The arena that owns each memory's buffer, to find the arena behind a view. */
const owners = new WeakMap<ArrayBufferLike, Arena>();
/** Views handed out by `alloc`: only these may be run in whole vectors (a sub-view's padding is another's data). */
const allocated = new WeakSet<FloatArray>();

export class Arena {
  readonly memory: WasmMemory;
  /** The instances of the kernel families run on this memory, made on first use. */
  private readonly instances: Partial<FamilyExports> = {};
  /** Usable bytes (the memory may be a little larger: whole pages). */
  readonly capacity: number;
  private used = SCALAR_BLOCK_BYTES;
  /** The scalar block, as float64 and as float32 (the kernels of each precision read their own). */
  readonly scalars64: Float64Array;
  readonly scalars32: Float32Array;

  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 0 && capacity <= 2 ** 32 - PAGE)) {
      fail('wasm arena', `capacity must be an integer number of bytes below 4 GiB, got ${capacity}`);
    }
    const pages = Math.ceil((capacity + SCALAR_BLOCK_BYTES) / PAGE);
    this.memory = new webAssembly!.Memory({ initial: pages, maximum: pages });
    this.scalars64 = new Float64Array(this.memory.buffer, 0, SCALAR_BLOCK_BYTES / 8);
    this.scalars32 = new Float32Array(this.memory.buffer, 0, SCALAR_BLOCK_BYTES / 4);
    this.capacity = capacity;
    owners.set(this.memory.buffer, this);
  }

  /** One family's kernels over this arena's memory (instantiated on the first call, then reused). */
  kernels<F extends KernelFamily>(family: F): FamilyExports[F] {
    return (this.instances[family] ??= instantiateKernels(family, this.memory));
  }

  /** Bytes still free. */
  get free(): number {
    return this.capacity + SCALAR_BLOCK_BYTES - this.used;
  }

  /** A zeroed buffer of `n` elements, or null when the arena has no room left. */
  alloc(dtype: DType, n: number): FloatArray | null {
    const bytes = paddedBytes(n, dtype);
    if (bytes > this.free) return null;
    const offset = this.used;
    this.used += bytes;
    const view = dtype === 'float32' ? new Float32Array(this.memory.buffer, offset, n) : new Float64Array(this.memory.buffer, offset, n);
    allocated.add(view);
    return view;
  }

  /** Whether `array` is a whole buffer this arena allocated (not a sub-view of one). */
  owns(array: FloatArray | null | undefined): boolean {
    return array != null && array.buffer === this.memory.buffer && allocated.has(array);
  }
}

/** The arena that allocated `array` as a whole buffer, if any. */
export function arenaOf(array: FloatArray): Arena | undefined {
  return allocated.has(array) ? owners.get(array.buffer) : undefined;
}
