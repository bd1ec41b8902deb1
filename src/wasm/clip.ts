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
import { Arena, arenaOf, paddedBytes, SCALAR_BLOCK_BYTES } from './memory.js';

/** The reductions: Σ g², Σ |g|, max(0, max |g|). */
export type ClipReduction = 'sumsq' | 'sumabs' | 'maxabs';

/**
 * The scalars these functions exchange with src/optim/clip.ts: [0] a reduction's result, [1] a map's c. Kept in an
 * array, not passed and returned, because V8 boxes (allocates) a number passed to or returned from a call it does
 * not inline, and clipping runs every step.
 */
export const clipScalars = new Float64Array(2);

let scratch: Arena | undefined;
/** Each staged gradient's view in the scratch arena, made once (and again after the arena is replaced). */
let stagedViews = new WeakMap<FloatArray, FloatArray>();

/** `g`'s view in the scratch arena (after the scalar block), made room for on first use. */
function stagedView(g: FloatArray): FloatArray {
  const bytes = paddedBytes(g.length, g instanceof Float32Array ? 'float32' : 'float64');
  if (scratch === undefined || scratch.capacity < bytes) {
    scratch = new Arena(bytes);
    stagedViews = new WeakMap();
  }
  let view = stagedViews.get(g);
  if (view === undefined) {
    view = g instanceof Float32Array
      ? new Float32Array(scratch.memory.buffer, SCALAR_BLOCK_BYTES, g.length)
      : new Float64Array(scratch.memory.buffer, SCALAR_BLOCK_BYTES, g.length);
    stagedViews.set(g, view);
  }
  return view;
}

/** Bytes of `g`'s whole 16-byte vectors: the kernels' `end`; the elements past them run in TypeScript. */
function vectorBytes(g: FloatArray): number {
  return Math.floor(g.byteLength / 16) * 16;
}

/**
 * One reduction over `g` into `clipScalars[0]`, in float64 (float32 values are promoted); see clip.wat for the
 * summation order. The kernel leaves its result in the arena's scalar block (a float returned from WebAssembly
 * would be boxed too).
 */
export function clipReduceWasm(g: FloatArray, what: ClipReduction): void {
  if (g.length === 0) {
    clipScalars[0] = 0;
    return;
  }
  const own = arenaOf(g);
  const view = own === undefined ? stagedView(g) : g;
  if (view !== g) view.set(g);
  const arena = own ?? scratch!;
  const kernels = arena.kernels('clip');
  const end = vectorBytes(g);
  const f32 = g instanceof Float32Array;
  if (what === 'sumsq') (f32 ? kernels.sumsq_s_f32 : kernels.sumsq_s_f64)(view.byteOffset, end, 0);
  else if (what === 'sumabs') (f32 ? kernels.sumabs_s_f32 : kernels.sumabs_s_f64)(view.byteOffset, end, 0);
  else (f32 ? kernels.maxabs_s_f32 : kernels.maxabs_s_f64)(view.byteOffset, end, 0);
  let r = arena.scalars64[0];
  for (let i = end / g.BYTES_PER_ELEMENT; i < g.length; i++) {
    if (what === 'sumsq') r += g[i] * g[i];
    else if (what === 'sumabs') r += Math.abs(g[i]);
    else r = Math.max(r, Math.abs(g[i]));
  }
  clipScalars[0] = r;
}

/**
 * g ← c·g ('scale', c in float64) or g ← min(max(g, −c), c) ('clamp'), c = `clipScalars[1]`: the same bits as the
 * TypeScript loops.
 */
export function clipMapWasm(g: FloatArray, what: 'scale' | 'clamp'): void {
  if (g.length === 0) return;
  const c = clipScalars[1];
  const own = arenaOf(g);
  const view = own === undefined ? stagedView(g) : g;
  if (view !== g) view.set(g);
  const arena = own ?? scratch!;
  const kernels = arena.kernels('clip');
  const end = vectorBytes(g);
  const tail = end / g.BYTES_PER_ELEMENT;
  const f32 = g instanceof Float32Array;
  // c goes through the scalar block (a float argument from JavaScript would be boxed); clamp_f32 reads a float32.
  if (what === 'scale') {
    arena.scalars64[0] = c;
    (f32 ? kernels.scale_s_f32 : kernels.scale_s_f64)(view.byteOffset, end, 0);
  } else {
    if (f32) arena.scalars32[0] = c;
    else arena.scalars64[0] = c;
    (f32 ? kernels.clamp_s_f32 : kernels.clamp_s_f64)(view.byteOffset, end, 0);
  }
  // staged: the view comes back whole (its tail still holds g's own values), then the tail is mapped in g
  if (view !== g) g.set(view);
  if (what === 'scale') for (let i = tail; i < g.length; i++) g[i] *= c;
  else for (let i = tail; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -c), c);
}
