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

/** The path in pixels, dropping points that are not finite. */
export function project(path: Path, sx: Scale, sy: Scale): Path {
  const n = path.x.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const px = sx(path.x[k]);
    const py = sy(path.y[k]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
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
