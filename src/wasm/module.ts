/**
 * The compiled kernels as WebAssembly.Modules, one per optimizer family, each decoded and compiled once,
 * synchronously, on first use.
 *
 * The bytes ship inside the package as base64 (src/wasm/kernels.wasm.ts, from src/wasm/*.wat), so loading needs
 * no fs, no fetch and no bundler plugin: `new WebAssembly.Module(bytes)` works in Node and in browsers. Chromium
 * compiles synchronously on the main thread only modules under 4 KB; all the kernels together are larger, so they
 * come as several modules (scripts/wasm-assemble.ts: 'core' = Adam/AdamW and SGD, then one per other optimizer,
 * 'clip' for gradient clipping and 'lbfgs' for LBFGS's vector operations, each under 4 KB), and a module is compiled only when an optimizer of that family first steps.
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
  /** Adds `pages` 64 KiB pages; detaches every view of the old buffer. Returns the former size in pages. */
  grow(pages: number): number;
}
export interface WasmModule {
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

/** A kernel family: one module ('core': adam.wat and sgd.wat; otherwise src/wasm/<family>.wat). */
export type KernelFamily = keyof typeof KERNELS_WASM_BASE64;

/** Each family's exports; pointers and `end` are byte offsets into the instance's memory (see the .wat files). */
export interface FamilyExports {
  core: { adam_f32: AdamKernel; adam_f64: AdamKernel; sgd_f32: SGDKernel; sgd_f64: SGDKernel; adam_s_f32: Twin; adam_s_f64: Twin; sgd_s_f32: Twin; sgd_s_f64: Twin };
  rmsprop: { rmsprop_f32: RMSpropKernel; rmsprop_f64: RMSpropKernel; rmsprop_s_f32: Twin; rmsprop_s_f64: Twin };
  adagrad: { adagrad_f32: AdagradKernel; adagrad_f64: AdagradKernel; adagrad_s_f32: Twin; adagrad_s_f64: Twin };
  adamax: { adamax_f32: AdamaxKernel; adamax_f64: AdamaxKernel; adamax_s_f32: Twin; adamax_s_f64: Twin };
  nadam: { nadam_f32: NAdamKernel; nadam_f64: NAdamKernel; nadam_s_f32: Twin; nadam_s_f64: Twin };
  radam: { radam_f32: RAdamKernel; radam_f64: RAdamKernel; radam_s_f32: Twin; radam_s_f64: Twin };
  lion: { lion_f32: LionKernel; lion_f64: LionKernel; lion_s_f32: Twin; lion_s_f64: Twin };
  adadelta: { adadelta_f32: AdadeltaKernel; adadelta_f64: AdadeltaKernel; adadelta_s_f32: Twin; adadelta_s_f64: Twin };
  asgd: { asgd_f32: ASGDKernel; asgd_f64: ASGDKernel; asgd_s_f32: Twin; asgd_s_f64: Twin };
  rprop: { rprop_f32: RpropKernel; rprop_f64: RpropKernel; rprop_s_f32: Twin; rprop_s_f64: Twin };
  clip: ClipExports;
  lbfgs: LBFGSExports;
}

/**
 * A kernel's scalar-block twin (scripts/wasm-assemble.ts `scalarBlockTwin`): the same pointers and `end`, then the
 * byte offset of the scalars, written in the kernel's parameter order, and the flags.
 */
export type Twin = (...pointersEndScalarsFlags: number[]) => void;

/** The 'core' module's exports (Adam/AdamW and SGD), the ones src/wasm/parallel*.ts run on threads. */
export type KernelExports = FamilyExports['core'];

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

export type RMSpropKernel = (
  p: number, g: number, v: number, gBar: number, buf: number, end: number,
  alpha: number, oneMinusAlpha: number, eps: number, epsRoot: number, lambda: number, mu: number, negLr: number, flags: number,
) => void;

export type AdagradKernel = (p: number, g: number, sum: number, end: number, eps: number, epsRoot: number, lambda: number, negClr: number, flags: number) => void;

export type AdamaxKernel = (
  p: number, g: number, m: number, u: number, end: number,
  beta1: number, oneMinusBeta1: number, beta2: number, eps: number, lambda: number, negClr: number, flags: number,
) => void;

export type NAdamKernel = (
  p: number, g: number, m: number, v: number, end: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, lambda: number,
  bc2: number, negGradWeight: number, negMomentumWeight: number, flags: number,
) => void;

export type RAdamKernel = (
  p: number, g: number, m: number, v: number, end: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, lambda: number,
  bc1: number, lr: number, bc2Sqrt: number, rect: number, flags: number,
) => void;

export type LionKernel = (
  p: number, g: number, m: number, end: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, shrink: number, negLr: number, flags: number,
) => void;

export type AdadeltaKernel = (
  p: number, g: number, v: number, u: number, end: number,
  rho: number, oneMinusRho: number, eps: number, lambda: number, negLr: number, flags: number,
) => void;

export type ASGDKernel = (p: number, g: number, ax: number, end: number, lambda: number, shrink: number, negEta: number, mu: number, flags: number) => void;

export type RpropKernel = (
  p: number, g: number, prev: number, step: number, end: number,
  etaMinus: number, etaPlus: number, minStep: number, maxStep: number, flags: number,
) => void;

/**
 * clip.wat: `end` is a multiple of 16 bytes (whole vectors only). The plain exports return or take their float
 * directly; the `_s_` ones, which src/wasm/clip.ts calls, go through the scalar block at byte offset `s`.
 */
export interface ClipExports {
  sumsq_f32: ClipReduce; sumsq_f64: ClipReduce; sumabs_f32: ClipReduce; sumabs_f64: ClipReduce;
  maxabs_f32: ClipReduce; maxabs_f64: ClipReduce;
  scale_f32: ClipMap; scale_f64: ClipMap; clamp_f32: ClipMap; clamp_f64: ClipMap;
  sumsq_s_f32: ClipBlock; sumsq_s_f64: ClipBlock; sumabs_s_f32: ClipBlock; sumabs_s_f64: ClipBlock;
  maxabs_s_f32: ClipBlock; maxabs_s_f64: ClipBlock;
  scale_s_f32: ClipBlock; scale_s_f64: ClipBlock; clamp_s_f32: ClipBlock; clamp_s_f64: ClipBlock;
}
export type ClipReduce = (p: number, end: number) => number;
export type ClipMap = (p: number, end: number, c: number) => void;
/** A reduction that stores its float64 result at byte `s`, or a map that reads its c there. */
export type ClipBlock = (p: number, end: number, s: number) => void;

/**
 * lbfgs.wat and lbfgs-axpy.wat, run by src/wasm/lbfgs-vectors.ts: the reductions take an element count `n` and
 * store their float64 result at byte `s`; the maps take `end`, a byte length that is a multiple of 16, and read
 * their scalar (float64) at byte `s`.
 */
export interface LBFGSExports {
  dot_f32: (a: number, b: number, n: number, s: number) => void;
  dot_f64: (a: number, b: number, n: number, s: number) => void;
  abssum_f32: (a: number, n: number, s: number) => void;
  abssum_f64: (a: number, n: number, s: number) => void;
  /** max(0, maxᵢ |c·aᵢ|), c read at `s`. */
  absmax_f32: (a: number, n: number, s: number) => void;
  absmax_f64: (a: number, n: number, s: number) => void;
  /** y ← fma(α, x, y), α read at `s`. */
  axpy_f32: (y: number, x: number, end: number, s: number) => void;
  axpy_f64: (y: number, x: number, end: number, s: number) => void;
  /** out ← c·x, c read at `s`. */
  scale_f32: (out: number, x: number, end: number, s: number) => void;
  scale_f64: (out: number, x: number, end: number, s: number) => void;
  sub_f32: (out: number, a: number, b: number, end: number) => void;
  sub_f64: (out: number, a: number, b: number, end: number) => void;
}

const bytes: Partial<Record<KernelFamily, Uint8Array>> = {};
const modules: Partial<Record<KernelFamily, WasmModule>> = {};
let supported: boolean | undefined;

/** Bytes from base64 (atob exists in Node and in browsers; Buffer only in Node). */
export function decodeBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const decoded = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) decoded[i] = text.charCodeAt(i);
  return decoded;
}

/** A family's module bytes (by default 'core'), decoded from base64 once. */
export function kernelBytes(family: KernelFamily = 'core'): Uint8Array {
  return (bytes[family] ??= decodeBase64(KERNELS_WASM_BASE64[family]));
}

/** The families, in the order of src/wasm/kernels.wasm.ts. */
export const kernelFamilies = Object.keys(KERNELS_WASM_BASE64) as KernelFamily[];

/** Whether this runtime has WebAssembly with 128-bit SIMD, i.e. can run the kernels (every family validates). */
export function wasmSimdSupported(): boolean {
  if (supported === undefined) {
    try {
      supported = webAssembly !== undefined && kernelFamilies.every((family) => webAssembly!.validate(kernelBytes(family)));
    } catch {
      supported = false;
    }
  }
  return supported!;
}

/** A new instance of one family's kernels over `memory` (the module compiled on first call). Callers check `wasmSimdSupported()` first. */
export function instantiateKernels<F extends KernelFamily>(family: F, memory: WasmMemory): FamilyExports[F] {
  const module = (modules[family] ??= new webAssembly!.Module(kernelBytes(family)));
  const instance = new webAssembly!.Instance(module, { env: { memory } });
  return instance.exports as unknown as FamilyExports[F];
}
