/**
 * Contour lines at log-spaced levels, as the seed notebook draws them: it contours log f at the levels
 * log([0.5, 10, 30, 80, 130, 200, 300, 500, 900]), so the lines crowd into the basin where the optimizers end up
 * instead of spreading evenly over the steep walls.
 *
 * The rule, for any function:
 * - heights: h = f where the grid minimum m is ≥ 0 (the notebook's functions); h = f − m where m < 0, so the
 *   heights start at 0 and their logarithm exists (six-hump camel, Styblinski–Tang);
 * - levels: given explicitly (`levels`, in units of h), or `count` levels evenly spaced in log h between `lo` and
 *   the grid's largest height `top`, at the midpoints of `count` equal log-steps, where
 *   lo = max(top · 10^(−decades), smallest positive height) and decades = 3.5 (the notebook's 0.5 … 900 spans 3.3);
 * - lines: d3-contour's marching squares on log h at log(levels), as the notebook contours log Z.
 * Where f is not finite (outside its domain) the grid holds NaN; it is contoured as +∞ (higher than any level) and
 * returned as its own region, so a plot can shade it.
 */
import { contours as d3Contours } from 'd3-contour';
import type { Grid } from './grid.js';

export interface LevelOptions {
  /** Levels in units of the heights h (see the module comment); overrides count and decades. */
  levels?: readonly number[];
  /** Number of levels (default 10). */
  count?: number;
  /** Decades below the largest height that the levels span (default 3.5). */
  decades?: number;
}

export interface Levels {
  /** h = f − shift; 0 unless the grid minimum is negative. */
  shift: number;
  /** Ascending, in units of h. */
  levels: number[];
}

/** A closed ring of [x, y] points in the box's coordinates. */
export type Ring = Array<[number, number]>;

export interface ContourLine {
  /** The level in units of f (h + shift), for labels. */
  value: number;
  /** Index of the level, 0 the lowest. */
  index: number;
  /**
   * The region where h ≥ level, as d3-contour's MultiPolygon: polygons of rings, the first ring of each its outline,
   * the rest holes. Its outline runs along the box's edges where the region meets them: fill it, don't stroke it.
   */
  polygons: Ring[][];
  /** The level line itself, to stroke: the rings with their stretches along the box's edges removed. */
  lines: Ring[];
}

/** The levels of a grid under the rule above. */
export function contourLevels(grid: Grid, options: LevelOptions = {}): Levels {
  const { count = 10, decades = 3.5 } = options;
  if (!Number.isFinite(grid.min)) return { shift: 0, levels: [] };
  const shift = grid.min < 0 ? grid.min : 0;
  if (options.levels) {
    const levels = options.levels.filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
    return { shift, levels };
  }
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`contour: count must be an integer >= 1, got ${count}`);
  if (!(decades > 0)) throw new Error(`contour: decades must be > 0, got ${decades}`);
  const top = grid.max - shift;
  let smallest = Infinity;
  for (const v of grid.values) if (v - shift > 0 && v - shift < smallest) smallest = v - shift;
  if (!(top > 0) || !Number.isFinite(smallest)) return { shift, levels: [] };
  const lo = Math.max(top * 10 ** -decades, smallest);
  if (!(lo < top)) return { shift, levels: [] };
  const step = Math.log(top / lo) / count;
  const levels = Array.from({ length: count }, (_, k) => lo * Math.exp((k + 0.5) * step));
  return { shift, levels };
}

/** Grid coordinates (0…nx, 0…ny) to the box's coordinates. */
function toBox(grid: Grid, rings: number[][][]): Ring[] {
  const [[x0, x1], [y0, y1]] = grid.box;
  const kx = (x1 - x0) / grid.nx;
  const ky = (y1 - y0) / grid.ny;
  return rings.map((ring) => ring.map(([c, r]) => [x0 + c * kx, y0 + r * ky] as [number, number]));
}

/**
 * A ring cut into its stretches inside the grid. d3-contour closes a region that meets the grid's edge through
 * points exactly on it (grid coordinate 0 or nx, 0 or ny; samples sit at i + ½, so no true crossing lies there),
 * and those closing segments are not level lines: drop the edge points and every segment touching them.
 */
function openAtEdges(ring: number[][], nx: number, ny: number): number[][][] {
  const onEdge = (p: number[]): boolean => p[0] === 0 || p[0] === nx || p[1] === 0 || p[1] === ny;
  const n = ring.length - 1; // the ring is closed: its last point repeats the first
  const first = ring.findIndex(onEdge);
  if (first < 0) return [ring];
  // Walk from the first edge point round to it again, so a stretch that wraps past point 0 stays whole.
  const lines: number[][][] = [];
  let current: number[][] = [];
  for (let step = 1; step <= n; step++) {
    const p = ring[(first + step) % n];
    if (onEdge(p)) {
      if (current.length > 1) lines.push(current);
      current = [];
    } else {
      current.push(p);
    }
  }
  if (current.length > 1) lines.push(current);
  return lines;
}

/** The contour lines of the grid at the levels of `contourLevels` (or at `levels` already computed). */
export function contourLines(grid: Grid, levels: Levels = contourLevels(grid)): ContourLine[] {
  if (levels.levels.length === 0) return [];
  const logH = new Float64Array(grid.values.length);
  for (let k = 0; k < logH.length; k++) {
    const v = grid.values[k];
    logH[k] = Number.isNaN(v) ? Infinity : Math.log(v - levels.shift);
  }
  const generator = d3Contours().size([grid.nx, grid.ny]);
  return levels.levels.map((level, index) => {
    const { coordinates } = generator.contour(logH as unknown as number[], Math.log(level));
    return {
      value: level + levels.shift,
      index,
      polygons: coordinates.map((polygon) => toBox(grid, polygon)),
      lines: toBox(grid, coordinates.flatMap((polygon) => polygon.flatMap((ring) => openAtEdges(ring, grid.nx, grid.ny)))),
    };
  });
}

/** The region where f is not finite, as polygons; empty when f is finite on the whole grid. */
export function undefinedRegion(grid: Grid): Ring[][] {
  const mask: number[] = new Array(grid.values.length);
  let any = false;
  for (let k = 0; k < mask.length; k++) {
    mask[k] = Number.isNaN(grid.values[k]) ? 1 : 0;
    if (mask[k] === 1) any = true;
  }
  if (!any) return [];
  return d3Contours()
    .size([grid.nx, grid.ny])
    .contour(mask, 0.5)
    .coordinates.map((polygon) => toBox(grid, polygon));
}
