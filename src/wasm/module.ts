/**
 * The compiled kernels as a WebAssembly.Module, decoded and compiled once, synchronously, on first use.
 *
 * The bytes ship inside the package as base64 (src/wasm/kernels.wasm.ts, from src/wasm/*.wat), so loading needs
 * no fs, no fetch and no bundler plugin: `new WebAssembly.Module(bytes)` works in Node and in browsers (the module
 * is about 1.3 KB, under the 4 KB that browsers allow to compile synchronously on the main thread).
 * Feature detection is `WebAssembly.validate` of those very bytes: false where WebAssembly or its 128-bit SIMD is
 * missing, and then the optimizers keep their TypeScript loops.
 */
import { KERNELS_WASM_BASE64 } from './kernels.wasm.js';

/**
 * The part of the WebAssembly JS API used here, typed locally: the Node typings of this project have no
 * WebAssembly global (it comes with the DOM lib, which the browser build has and the Node build has not).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmModule {
  readonly kind?: never;
}
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
}

/** The runtime's WebAssembly object, or undefined where there is none. */
export const webAssembly = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** The kernels' exports; pointers and `end` are byte offsets into the instance's memory (see adam.wat, sgd.wat). */
export interface KernelExports {
  adam_f32: AdamKernel;
  adam_f64: AdamKernel;
  sgd_f32: SGDKernel;
  sgd_f64: SGDKernel;
}

export type AdamKernel = (
  p: number, g: number, m: number, v: number, vmax: number, end: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number,
  eps: number, epsRoot: number, l2: number, shrink: number,
  negStepSize: number, bc2: number, bc2Sqrt: number, flags: number,
) => void;

export type SGDKernel = (
  p: number, g: number, buf: number, end: number,
  negLr: number, mu: number, oneMinusDampening: number, lambda: number, flags: number,
) => void;

let bytes: Uint8Array | undefined;
let module: WasmModule | undefined;
let supported: boolean | undefined;

/** The module's bytes, decoded from base64 once. */
export function kernelBytes(): Uint8Array {
  if (bytes === undefined) {
    const text = atob(KERNELS_WASM_BASE64);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/** Whether this runtime has WebAssembly with 128-bit SIMD, i.e. can run the kernels. */
export function wasmSimdSupported(): boolean {
  if (supported === undefined) {
    try {
      supported = webAssembly !== undefined && webAssembly.validate(kernelBytes());
    } catch {
      supported = false;
    }
  }
  return supported!;
}

/** The compiled module (compiled on first call). Callers check `wasmSimdSupported()` first. */
function kernelModule(): WasmModule {
  module ??= new webAssembly!.Module(kernelBytes());
  return module;
}

/** A new instance of the kernels over `memory`. */
export function instantiateKernels(memory: WasmMemory): KernelExports {
  const instance = new webAssembly!.Instance(kernelModule(), { env: { memory } });
  return instance.exports as unknown as KernelExports;
}
