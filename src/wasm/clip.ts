/**
 * Gradient clipping's passes over one gradient buffer in WebAssembly SIMD (clip.wat): the sums and the maximum
 * behind clipGradNorm's norms, its rescaling, and clipGradValue's clamp. src/optim/clip.ts calls these when the
 * kernel backend is wasm (src/optim/backend.ts); its TypeScript loops are the reference.
 *
 * Where the gradient lives: a gradient allocated in an arena (`wasmParameter`) is read and written in place, no
 * copy. Any other Float32Array / Float64Array is staged: copied into a scratch arena (one, module-wide, replaced
 * by a larger one when a larger gradient comes) and, for the maps, copied back. The kernels run whole 16-byte
 * vectors; the last few elements (fewer than one vector) run here, in the loop's order, after the vectors, so
 * an arena's padding lanes are never read nor written.
 */
import type { FloatArray } from '../core/float-array.js';
import type { ClipExports } from './module.js';
import { Arena, arenaOf, paddedBytes, SCALAR_BLOCK_BYTES } from './memory.js';

/** The reductions: Σ g², Σ |g|, max(0, max |g|). */
export type ClipReduction = 'sumsq' | 'sumabs' | 'maxabs';

let scratch: Arena | undefined;

/** Where the kernels see `g`: its own arena in place, or a copy in the scratch arena. */
function home(g: FloatArray, copyIn: boolean): { kernels: ClipExports; view: FloatArray } {
  const own = arenaOf(g);
  if (own !== undefined) return { kernels: own.kernels('clip'), view: g };
  const bytes = paddedBytes(g.length, g instanceof Float32Array ? 'float32' : 'float64');
  if (scratch === undefined || scratch.capacity < bytes) scratch = new Arena(bytes);
  const view = g instanceof Float32Array
    ? new Float32Array(scratch.memory.buffer, SCALAR_BLOCK_BYTES, g.length)
    : new Float64Array(scratch.memory.buffer, SCALAR_BLOCK_BYTES, g.length);
  if (copyIn) view.set(g);
  return { kernels: scratch.kernels('clip'), view };
}

/** Bytes of `g`'s whole vectors, and the index of its first element past them. */
function wholeVectors(g: FloatArray): [end: number, tail: number] {
  const end = Math.floor(g.byteLength / 16) * 16;
  return [end, end / g.BYTES_PER_ELEMENT];
}

/** One reduction over `g`, in float64 (float32 values are promoted); see clip.wat for the summation order. */
export function clipReduceWasm(g: FloatArray, what: ClipReduction): number {
  if (g.length === 0) return 0;
  const { kernels, view } = home(g, true);
  const [end, tail] = wholeVectors(g);
  const f32 = g instanceof Float32Array;
  let r: number;
  if (what === 'sumsq') {
    r = (f32 ? kernels.sumsq_f32 : kernels.sumsq_f64)(view.byteOffset, end);
    for (let i = tail; i < g.length; i++) r += g[i] * g[i];
  } else if (what === 'sumabs') {
    r = (f32 ? kernels.sumabs_f32 : kernels.sumabs_f64)(view.byteOffset, end);
    for (let i = tail; i < g.length; i++) r += Math.abs(g[i]);
  } else {
    r = (f32 ? kernels.maxabs_f32 : kernels.maxabs_f64)(view.byteOffset, end);
    for (let i = tail; i < g.length; i++) r = Math.max(r, Math.abs(g[i]));
  }
  return r;
}

/** g ← c·g ('scale', c in float64) or g ← min(max(g, −c), c) ('clamp'), the same bits as the TypeScript loops. */
export function clipMapWasm(g: FloatArray, what: 'scale' | 'clamp', c: number): void {
  if (g.length === 0) return;
  const { kernels, view } = home(g, true);
  const [end, tail] = wholeVectors(g);
  const f32 = g instanceof Float32Array;
  if (what === 'scale') {
    (f32 ? kernels.scale_f32 : kernels.scale_f64)(view.byteOffset, end, c);
    for (let i = tail; i < g.length; i++) g[i] *= c;
  } else {
    (f32 ? kernels.clamp_f32 : kernels.clamp_f64)(view.byteOffset, end, c);
    for (let i = tail; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -c), c);
  }
  // staged: the vectors' part comes back (the tail was written in g directly)
  if (view !== g) g.set(view.subarray(0, tail));
}
