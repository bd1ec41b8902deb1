/**
 * y ← y + αx with one rounding per element: the fused multiply-add that torch's CPU kernels compute for
 * `y.add_(x, alpha=α)` (vectorised `fmadd`, on the AVX2 and NEON builds). JavaScript has no fma, so it is emulated
 * exactly, away from overflow and underflow. Without it, LBFGS drifts from torch by rounding errors that its
 * iteration can amplify far beyond 1e-10.
 *
 * float64: Dekker's exact product αx = p + e (Veltkamp split, 2²⁷ + 1), Knuth's two-sum p + y = s + r, then
 * w = s + (r + e). w is the correctly rounded α·x + y unless s + v (v = r + e rounded) falls exactly halfway
 * between two doubles; then the remainder of r + e decides the side (Boldo & Melquiond 2008 solve the same case
 * with rounding to odd).
 * float32: αx is exact in a double, so only the rounding of αx + y to float32 can go twice: the same halfway
 * repair, one level down.
 */
import type { FloatArray } from './float-array.js';

const SPLIT = 134217729;
/** Beyond this the split overflows; such elements fall back to αx + y rounded twice. */
const BIG = 1e300;

/** y[i] ← fma(α, x[offset + i], y[i]) for i < y.length. */
export function fmaInto(y: FloatArray, alpha: number, x: FloatArray, offset = 0): void {
  if (y instanceof Float32Array) fma32(y, Math.fround(alpha), x, offset);
  else fma64(y, alpha, x, offset);
}

function fma64(y: Float64Array, a: number, x: FloatArray, offset: number): void {
  const n = y.length;
  if (!(Math.abs(a) < BIG)) {
    for (let i = 0; i < n; i++) y[i] += a * x[offset + i];
    return;
  }
  let t = SPLIT * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  for (let i = 0; i < n; i++) {
    const b = x[offset + i];
    const c = y[i];
    const p = a * b;
    if (!(Math.abs(b) < BIG && Math.abs(c) < BIG && Math.abs(p) < BIG)) {
      y[i] = p + c;
      continue;
    }
    t = SPLIT * b;
    const bHi = t - (t - b);
    const bLo = b - bHi;
    const e = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo; // p + e = a·b exactly
    const s = p + c;
    const sb = s - p;
    const r = p - (s - sb) + (c - sb); // s + r = p + c exactly
    const v = r + e;
    const w = s + v;
    const wb = w - s;
    const half = s - (w - wb) + (v - wb); // w + half = s + v exactly
    if (half !== 0 && w + 2 * half - w === 2 * half) {
      // s + v lies halfway between w and w + 2·half: the remainder of r + e tips the balance.
      const vb = v - r;
      const rest = r - (v - vb) + (e - vb);
      if (rest !== 0 && rest > 0 === half > 0) {
        y[i] = w + 2 * half;
        continue;
      }
    }
    y[i] = w;
  }
}

function fma32(y: Float32Array, a: number, x: FloatArray, offset: number): void {
  for (let i = 0; i < y.length; i++) {
    const p = a * x[offset + i]; // exact: two 24-bit significands
    const c = y[i];
    const s = p + c;
    const r = Math.fround(s);
    const sb = s - p;
    const err = p - (s - sb) + (c - sb); // s + err = p + c exactly
    const half = s - r; // exact (Sterbenz)
    if (err !== 0 && half !== 0 && Math.fround(r + 2 * half) === r + 2 * half && half > 0 === err > 0) {
      y[i] = r + 2 * half; // s was a float32 halfway point, and the exact sum lies beyond it
    } else {
      y[i] = r;
    }
  }
}
