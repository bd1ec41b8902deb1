/**
 * The matrix-product module (src/wasm/matmul.wat) as a WebAssembly.Module: decoded from the shipped base64 and
 * compiled once, synchronously, on first use (about 2 KB: under the 4 KB browsers compile synchronously on the
 * main thread). Feature detection is `WebAssembly.validate` of these very bytes: false where WebAssembly or its
 * 128-bit SIMD is missing, and then the networks keep the TypeScript kernels of src/learn/models/matmul.ts.
 */
import { MATMUL_WASM_BASE64 } from './matmul.wasm.js';
import { decodeBase64, webAssembly, type WasmMemory, type WasmModule } from './module.js';

/** A memory the workspace grows as batches grow (the WebAssembly API is typed in module.ts). */
export type GrowableMemory = WasmMemory;

/** The module's exports; every pointer is a byte offset into the instance's memory (see matmul.wat). */
export interface MatmulExports {
  /** C (m × n) = A (m × k) · Bᵀ (B n × k) + bias (pointer 0: none). */
  matmul_nt(a: number, b: number, c: number, bias: number, m: number, n: number, k: number): void;
  /** C (m × n) = A (m × k) · B (k × n). */
  matmul_nn(a: number, b: number, c: number, m: number, n: number, k: number): void;
  /** C (m × n) = Aᵀ · B, A k × m, B k × n. */
  matmul_tn(a: number, b: number, c: number, m: number, n: number, k: number): void;
}

let bytes: Uint8Array | undefined;
let module: WasmModule | undefined;
let supported: boolean | undefined;

/** The module's bytes, decoded from base64 once. */
export function matmulBytes(): Uint8Array {
  return (bytes ??= decodeBase64(MATMUL_WASM_BASE64));
}

/** Whether this runtime has WebAssembly with 128-bit SIMD, i.e. can run the matrix products. */
export function matmulSimdSupported(): boolean {
  if (supported === undefined) {
    try {
      supported = webAssembly !== undefined && webAssembly.validate(matmulBytes());
    } catch {
      supported = false;
    }
  }
  return supported;
}

/** A growable memory of `pages` 64 KiB pages (at most `maximum`). Callers check `matmulSimdSupported()` first. */
export function newMemory(pages: number, maximum: number): GrowableMemory {
  return new webAssembly!.Memory({ initial: pages, maximum });
}

/** A new instance of the products over `memory` (the module is compiled on the first call). */
export function instantiateMatmul(memory: GrowableMemory): MatmulExports {
  module ??= new webAssembly!.Module(matmulBytes());
  return new webAssembly!.Instance(module, { env: { memory } }).exports as MatmulExports;
}
