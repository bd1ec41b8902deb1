/**
 * Thinning what would be drawn many times on the same pixel. A run of 10⁵ steps writes 10⁵ segments onto a few
 * hundred pixels: the file grows and nothing visible changes. Following uPlot, data are thinned only when the
 * points far exceed the pixels (from 4 points per pixel of width), so every step of an ordinary run is drawn.
 * Both functions work on pixel coordinates, where "the same pixel" has a meaning.
 */
import type { Path } from './trajectory.js';

/** Thinning starts above this many points per pixel of width. */
export const POINTS_PER_PIXEL = 4;

/**
 * A trajectory keeps a point only when it lies at least `minPx` from the last kept point; the first and last
 * points are always kept, so the path starts and ends where the run did.
 */
export function decimatePath(path: Path, pixels: number, minPx = 0.5): Path {
  const n = path.x.length;
  if (n <= POINTS_PER_PIXEL * pixels || n < 3) return path;
  const keep: number[] = [0];
  let lx = path.x[0];
  let ly = path.y[0];
  for (let k = 1; k < n - 1; k++) {
    const dx = path.x[k] - lx;
    const dy = path.y[k] - ly;
    if (dx * dx + dy * dy >= minPx * minPx) {
      keep.push(k);
      lx = path.x[k];
      ly = path.y[k];
    }
  }
  keep.push(n - 1);
  return { x: Float64Array.from(keep, (k) => path.x[k]), y: Float64Array.from(keep, (k) => path.y[k]) };
}

/**
 * A curve y(x) keeps, in each pixel column, its first, lowest, highest and last point (the M4 reduction uPlot and
 * others use), which draws the same envelope as all the points. A point whose y is NaN (a gap) is always kept.
 */
export function decimateSeries(path: Path, pixels: number): Path {
  const n = path.x.length;
  if (n <= POINTS_PER_PIXEL * pixels) return path;
  const keep: number[] = [];
  let column = NaN;
  let first = -1;
  let lo = -1;
  let hi = -1;
  let last = -1;
  const flush = (): void => {
    if (first < 0) return;
    for (const k of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) keep.push(k);
    first = -1;
  };
  for (let k = 0; k < n; k++) {
    const y = path.y[k];
    if (Number.isNaN(y)) {
      flush();
      keep.push(k);
      continue;
    }
    const c = Math.floor(path.x[k]);
    if (c !== column || first < 0) {
      flush();
      column = c;
      first = lo = hi = k;
    }
    if (y < path.y[lo]) lo = k;
    if (y > path.y[hi]) hi = k;
    last = k;
  }
  flush();
  return { x: Float64Array.from(keep, (k) => path.x[k]), y: Float64Array.from(keep, (k) => path.y[k]) };
}
