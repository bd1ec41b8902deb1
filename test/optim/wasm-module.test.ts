/**
 * The shipped WebAssembly modules: src/wasm/kernels.wasm.ts must hold exactly what assembling src/wasm/*.wat gives
 * (run `npm run build:wasm` after editing a template), each module small enough to compile synchronously on a
 * browser's main thread, and the backend switch must reject what it cannot do.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { getKernelBackend, setKernelBackend, wasmKernels, type KernelBackend } from '../../src/optim/backend.js';
import { kernelBytes, kernelFamilies, wasmSimdSupported } from '../../src/wasm/module.js';
import { Arena } from '../../src/wasm/memory.js';
import { assembleKernels, FAMILIES } from '../../scripts/wasm-assemble.js';

describe('the kernels module', () => {
  it('is current: assembling src/wasm/*.wat gives the committed bytes, module by module', async () => {
    const fresh = await assembleKernels();
    expect(kernelFamilies).toEqual(FAMILIES);
    for (const family of FAMILIES) {
      expect(Buffer.from(kernelBytes(family)).equals(Buffer.from(fresh[family])), `${family}: src/wasm/kernels.wasm.ts is stale: run npm run build:wasm`).toBe(true);
    }
  });

  it('validates in Node 20 (SIMD present) and every module stays under the 4 KB of synchronous compilation', () => {
    expect(wasmSimdSupported()).toBe(true);
    expect(kernelBytes()).toBe(kernelBytes('core'));
    for (const family of kernelFamilies) expect(kernelBytes(family).length, family).toBeLessThan(4096);
  });

  it('instantiates each family lazily, once per arena', () => {
    const arena = new Arena(64);
    const rmsprop = arena.kernels('rmsprop');
    expect(typeof rmsprop.rmsprop_f32).toBe('function');
    expect(arena.kernels('rmsprop')).toBe(rmsprop);
    expect(arena.kernels('core')).not.toBe(rmsprop);
  });

  it('hands out 16-byte aligned, padded, zeroed buffers and refuses what does not fit', () => {
    const arena = new Arena(96);
    const a = arena.alloc('float32', 5)!;
    const b = arena.alloc('float64', 3)!;
    // after the 128-byte scalar block
    expect([a.byteOffset, a.length, b.byteOffset, b.length]).toEqual([128, 5, 160, 3]);
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
