/**
 * Which implementation runs the fused optimizer kernels: the TypeScript loops (the readable reference, and the
 * fallback where WebAssembly SIMD is missing) or the WebAssembly SIMD kernels of src/wasm/: every optimizer's step
 * (LBFGS's vector operations over one arena that holds its vectors: src/wasm/lbfgs-vectors.ts), and the reductions
 * of gradient clipping (clip.ts).
 *
 * 'auto' (the default) uses WebAssembly where the runtime validates the kernels' module, else TypeScript; 'wasm'
 * asks for WebAssembly and fails early where it is missing; 'js' always runs the TypeScript loops. The choice is
 * global (one switch for tests and benchmarks to run both paths) and read at every step, so it may change between
 * steps: the state stays the same values either way (its buffers may live in WebAssembly memory).
 */
import { fail } from '../core/errors.js';
import { wasmSimdSupported } from '../wasm/module.js';

export type KernelBackend = 'wasm' | 'js' | 'auto';

const BACKENDS: readonly KernelBackend[] = ['wasm', 'js', 'auto'];

let backend: KernelBackend = 'auto';
let useWasm: boolean | undefined;

export function setKernelBackend(choice: KernelBackend): void {
  if (!BACKENDS.includes(choice)) fail('setKernelBackend', `backend must be one of ${BACKENDS.join(', ')}, got ${JSON.stringify(choice)}`);
  if (choice === 'wasm' && !wasmSimdSupported()) fail('setKernelBackend', 'backend "wasm" needs WebAssembly with 128-bit SIMD, which this runtime lacks');
  backend = choice;
  useWasm = undefined;
}

export function getKernelBackend(): KernelBackend {
  return backend;
}

/** Whether the optimizers' steps run in WebAssembly now. */
export function wasmKernels(): boolean {
  useWasm ??= backend === 'wasm' || (backend === 'auto' && wasmSimdSupported());
  return useWasm;
}
