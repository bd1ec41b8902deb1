/**
 * The kernels' module for threads: the same compiled code (src/wasm/kernels.wasm.ts, byte for byte in its code
 * section) with its memory import declared `shared`, so that several threads can instantiate it over one
 * shared WebAssembly.Memory.
 *
 * Why a rewrite and not a second build: WebAssembly links a shared memory only into a module that imports a
 * shared memory (with a maximum), and the shipped module imports an ordinary one. Rewriting the one import
 * entry's limits — flag 0x00 (min) to 0x03 (shared, min, max) — changes no instruction, so a thread's step is the
 * single-threaded step exactly; a second assembled module could drift from the first.
 * Part of the opt-in src/wasm/parallel*.ts: nothing on the optimizers' default or browser path imports it.
 */
import { fail } from '../core/errors.js';
import { kernelBytes, wasmSimdSupported, webAssembly } from './module.js';

/** 65536 pages of 64 KiB: the largest memory a 32-bit WebAssembly module may declare. */
const MAX_PAGES = 65536;

/** Unsigned LEB128, as WebAssembly encodes sizes and indices. */
function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Reads an unsigned LEB128 at `at`; returns the value and the offset after it. */
function readLeb(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return [value, at];
  }
}

/** `bytes` with every memory import's limits replaced by (shared, same minimum, maximum 65536 pages). */
export function withSharedMemoryImport(bytes: Uint8Array): Uint8Array {
  const out: number[] = Array.from(bytes.subarray(0, 8)); // magic and version
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(...bytes.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: count, then (module name, field name, kind, description) per import.
    const section: number[] = [];
    let [count, p] = readLeb(bytes, start);
    section.push(...leb(count));
    for (; count > 0; count--) {
      for (let name = 0; name < 2; name++) {
        const [length, after] = readLeb(bytes, p);
        section.push(...bytes.subarray(p, after + length));
        p = after + length;
      }
      const kind = bytes[p++];
      if (kind !== 2) fail('parallel kernels', `expected only a memory import, found import kind ${kind}`);
      const flag = bytes[p++];
      const [min, afterMin] = readLeb(bytes, p);
      p = (flag & 1) !== 0 ? readLeb(bytes, afterMin)[1] : afterMin;
      section.push(kind, 0x03, ...leb(min), ...leb(MAX_PAGES));
    }
    out.push(2, ...leb(section.length), ...section);
    at = end;
  }
  return Uint8Array.from(out);
}

/** The WebAssembly JS API parts used with shared memories, typed locally as module.ts does. */
export interface SharedMemory {
  readonly buffer: SharedArrayBuffer;
}
export type CompiledModule = object;
interface SharedApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => CompiledModule;
  Instance: new (module: CompiledModule, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => SharedMemory;
}
const api = webAssembly as unknown as SharedApi | undefined;

let sharedModule: CompiledModule | undefined;
let supported: boolean | undefined;

/** Whether this runtime can run the kernels on several threads: SIMD, shared memory and worker threads. */
export function parallelSupported(): boolean {
  if (supported === undefined) {
    try {
      supported = wasmSimdSupported() && typeof SharedArrayBuffer === 'function' && api!.validate(withSharedMemoryImport(kernelBytes()));
    } catch {
      supported = false;
    }
  }
  return supported!;
}

/** The compiled shared-memory module (compiled once); a WebAssembly.Module can be posted to worker threads. */
export function sharedKernelModule(): CompiledModule {
  if (!parallelSupported()) fail('parallel kernels', 'this runtime lacks WebAssembly SIMD with shared memory');
  sharedModule ??= new api!.Module(withSharedMemoryImport(kernelBytes()));
  return sharedModule;
}

/** A new shared memory of exactly `bytes` (rounded up to whole pages); it never grows. */
export function newSharedMemory(bytes: number): SharedMemory {
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  if (pages > MAX_PAGES - 1) fail('parallel kernels', `a shared memory must stay below 4 GiB, asked for ${bytes} bytes`);
  return new api!.Memory({ initial: pages, maximum: pages, shared: true });
}

/** An instance of the shared module over `memory`, in this thread. */
export function instantiateShared(memory: SharedMemory): unknown {
  return new api!.Instance(sharedKernelModule(), { env: { memory } }).exports;
}
