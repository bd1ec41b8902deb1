/**
 * Trajectories as columns: one Float64Array of x and one of y (uPlot's data layout), in data coordinates or, once
 * projected, in pixels (decimate.ts thins them when they far exceed the pixels).
 */
import type { Scale } from './layout.js';
import type { TraceLike } from './runs.js';
import { num } from './svg.js';

export interface Path {
  x: Float64Array;
  y: Float64Array;
}

/** Coordinates `dims` (default the first two) of a trace's points, as columns. */
export function pathOf(trace: Pick<TraceLike, 'points'>, dims: readonly [number, number] = [0, 1]): Path {
  const n = trace.points.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = trace.points[k];
    x[k] = p[dims[0]];
    y[k] = p[dims[1]] ?? 0;
  }
  return { x, y };
}

/**
 * How far from the origin, in pixels, a projected point may lie. A diverging run reaches 1e9 pixels and more,
 * where the rasteriser gives up (resvg draws nothing at all); a picture is at most a few thousand pixels wide,
 * so anything beyond this is off the picture by a wide margin and can be moved in without changing what shows.
 */
export const PIXEL_LIMIT = 1e5;

/** The point where the segment from `(x0, y0)` (inside the limit box) towards `(x1, y1)` (outside) leaves the box. */
function exitPoint(x0: number, y0: number, x1: number, y1: number): [number, number] {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const tx = dx > 0 ? (PIXEL_LIMIT - x0) / dx : dx < 0 ? (-PIXEL_LIMIT - x0) / dx : Infinity;
  const ty = dy > 0 ? (PIXEL_LIMIT - y0) / dy : dy < 0 ? (-PIXEL_LIMIT - y0) / dy : Infinity;
  const t = Math.min(tx, ty, 1);
  return [x0 + t * dx, y0 + t * dy];
}

/**
 * The path in pixels, dropping points that are not finite and bringing far points within PIXEL_LIMIT: a point
 * reached from one inside the limit moves back along that segment, so the visible part keeps its exact
 * direction; a point reached from one already outside is clamped to the limit coordinate by coordinate (both
 * ends lie far off the picture, and a segment between them that crosses it, as the zig-zag of a diverging run
 * does, still crosses it at nearly the same place: the clamped coordinates keep their sides and their size is
 * large beside the picture).
 */
export function project(path: Path, sx: (v: number) => number, sy: (v: number) => number): Path {
  const n = path.x.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let m = 0;
  let previousInside = false;
  for (let k = 0; k < n; k++) {
    let px = sx(path.x[k]);
    let py = sy(path.y[k]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const inside = Math.abs(px) <= PIXEL_LIMIT && Math.abs(py) <= PIXEL_LIMIT;
    if (!inside) {
      if (m > 0 && previousInside) {
        [px, py] = exitPoint(x[m - 1], y[m - 1], px, py);
      } else {
        px = Math.min(Math.max(px, -PIXEL_LIMIT), PIXEL_LIMIT);
        py = Math.min(Math.max(py, -PIXEL_LIMIT), PIXEL_LIMIT);
      }
    }
    previousInside = inside;
    x[m] = px;
    y[m] = py;
    m++;
  }
  return { x: x.subarray(0, m), y: y.subarray(0, m) };
}

/** SVG path data of a pixel path: `M x,y L x,y …`. */
export function pathData(path: Path): string {
  const parts: string[] = [];
  for (let k = 0; k < path.x.length; k++) {
    parts.push(`${k === 0 ? 'M' : 'L'}${num(path.x[k])},${num(path.y[k])}`);
  }
  return parts.join('');
}
