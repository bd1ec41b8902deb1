/**
 * The shipped WebAssembly module: src/wasm/kernels.wasm.ts must hold exactly what assembling src/wasm/*.wat gives
 * (run `npm run build:wasm` after editing a template), small enough to compile synchronously on a browser's main
 * thread, and the backend switch must reject what it cannot do.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { getKernelBackend, setKernelBackend, wasmKernels, type KernelBackend } from '../../src/optim/backend.js';
import { kernelBytes, wasmSimdSupported } from '../../src/wasm/module.js';
import { Arena } from '../../src/wasm/memory.js';
import { assembleKernels } from '../../scripts/wasm-assemble.js';

describe('the kernels module', () => {
  it('is current: assembling src/wasm/*.wat gives the committed bytes', async () => {
    const fresh = await assembleKernels();
    expect(Buffer.from(kernelBytes()).equals(Buffer.from(fresh)), 'src/wasm/kernels.wasm.ts is stale: run npm run build:wasm').toBe(true);
  });

  it('validates in Node 20 (SIMD present) and stays under the 4 KB of synchronous compilation', () => {
    expect(wasmSimdSupported()).toBe(true);
    expect(kernelBytes().length).toBeLessThan(4096);
  });

  it('hands out 16-byte aligned, padded, zeroed buffers and refuses what does not fit', () => {
    const arena = new Arena(96);
    const a = arena.alloc('float32', 5)!;
    const b = arena.alloc('float64', 3)!;
    expect([a.byteOffset, a.length, b.byteOffset, b.length]).toEqual([0, 5, 32, 3]);
    expect(Array.from(b)).toEqual([0, 0, 0]);
    expect(arena.alloc('float64', 5)).toBeNull();
    expect(arena.owns(a) && !arena.owns(a.subarray(1))).toBe(true);
  });
});

describe('the kernel backend switch', () => {
  it('defaults to auto, which uses wasm here, and switches to js and back', () => {
    expect(getKernelBackend()).toBe('auto');
    expect(wasmKernels()).toBe(true);
    setKernelBackend('js');
    expect(wasmKernels()).toBe(false);
    setKernelBackend('auto');
    expect(wasmKernels()).toBe(true);
  });

  it('rejects an unknown backend, naming it', () => {
    expect(() => setKernelBackend('gpu' as KernelBackend)).toThrow(DescentError);
    expect(() => setKernelBackend('gpu' as KernelBackend)).toThrow(/"gpu"/);
    expect(getKernelBackend()).toBe('auto');
  });
});
