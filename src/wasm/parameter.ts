/**
 * `wasmParameter`: a Parameter whose `data` and `grad` live in a WebAssembly memory, so that the wasm kernels
 * step it with no copy at all (see the memory design in src/wasm/memory.ts).
 *
 * The arena has room for `stateBuffers` more buffers of the same size, which the optimizer claims at its first
 * step (Adam: m and v, plus v̂max with amsgrad; SGD with momentum: the buffer). The rule: write into `p.data` and
 * `p.grad`, never replace them; replaced arrays still step correctly, through the staged (copying) path.
 */
import { fail } from '../core/errors.js';
import type { DType, FloatArray } from '../core/float-array.js';
import { Parameter } from '../core/parameter.js';
import { Arena, paddedBytes } from './memory.js';
import { wasmSimdSupported } from './module.js';

export interface WasmParameterOptions {
  /** Precision when `init` is a length (default float32); an array's own type otherwise. */
  dtype?: DType;
  /** Optimizer state buffers to make room for (default 3: Adam with amsgrad). */
  stateBuffers?: number;
  name?: string;
}

/**
 * A parameter of `init.length` elements (copied from `init`) or `init` zeros, with a zero gradient, both in a
 * fixed-size WebAssembly memory. Where WebAssembly SIMD is missing it returns an ordinary Parameter.
 */
export function wasmParameter(init: number | FloatArray, options: WasmParameterOptions = {}): Parameter {
  const dtype: DType = typeof init === 'number' ? (options.dtype ?? 'float32') : init instanceof Float32Array ? 'float32' : 'float64';
  const n = typeof init === 'number' ? init : init.length;
  if (!(Number.isInteger(n) && n >= 0)) fail('wasmParameter', `length must be a non-negative integer, got ${n}`);
  const stateBuffers = options.stateBuffers ?? 3;
  if (!(Number.isInteger(stateBuffers) && stateBuffers >= 0)) fail('wasmParameter', `stateBuffers must be a non-negative integer, got ${stateBuffers}`);
  const named = options.name === undefined ? {} : { name: options.name };
  if (!wasmSimdSupported()) {
    const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
    if (typeof init !== 'number') data.set(init);
    return new Parameter(data, named);
  }
  const arena = new Arena((2 + stateBuffers) * paddedBytes(n, dtype));
  const data = arena.alloc(dtype, n)!;
  const grad = arena.alloc(dtype, n)!;
  if (typeof init !== 'number') data.set(init);
  return new Parameter<FloatArray>(data, { grad, ...named });
}
