/**
 * f sampled on a regular grid over a box: the input of the contour plot. The values are one flat row-major
 * Float64Array, values[j·nx + i] = f(xᵢ, yⱼ), because that is the shape d3-contour takes as is.
 *
 * Samples sit at the centres of nx × ny equal cells (xᵢ = x₀ + (i + ½)·(x₁ − x₀)/nx), not on a linspace that
 * includes the edges: d3-contour places value i at grid coordinate i + ½ and the grid's edges at 0 and nx, so with
 * cell centres a contour's grid coordinate c maps to x₀ + c·(x₁ − x₀)/nx exactly, and the contours fill the box.
 */
import type { Objective } from '../objective/objective.js';

/** A 2-D box: [[x₀, x₁], [y₀, y₁]]. */
export type Box = readonly [readonly [number, number], readonly [number, number]];

export interface Grid {
  box: Box;
  nx: number;
  ny: number;
  /** Row-major, values[j·nx + i] = f(xᵢ, yⱼ); NaN where f is not finite (outside its domain, overflow). */
  values: Float64Array;
  /** Smallest and largest finite value; NaN when no value is finite. */
  min: number;
  max: number;
}

/** A function of two variables, or a 2-D objective. */
export type Surface = Objective | ((x: number, y: number) => number);

/** The function of a surface, as f(x, y). */
export function surfaceFunction(f: Surface): (x: number, y: number) => number {
  if (typeof f === 'function') return f;
  if (f.dim !== 2) throw new Error(`grid: a contour plot needs an objective of 2 variables, got ${f.dim}`);
  const point = new Float64Array(2);
  return (x, y) => {
    point[0] = x;
    point[1] = y;
    return f.value(point);
  };
}

function checkBox(box: Box): void {
  for (const [axis, [lo, hi]] of [['x', box[0]], ['y', box[1]]] as const) {
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new Error(`grid: the ${axis} range must be finite with low < high, got [${lo}, ${hi}]`);
    }
  }
}

/** The x of column i (a cell centre). */
export function gridX(grid: Pick<Grid, 'box' | 'nx'>, i: number): number {
  const [x0, x1] = grid.box[0];
  return x0 + ((i + 0.5) * (x1 - x0)) / grid.nx;
}

/** The y of row j (a cell centre). */
export function gridY(grid: Pick<Grid, 'box' | 'ny'>, j: number): number {
  const [y0, y1] = grid.box[1];
  return y0 + ((j + 0.5) * (y1 - y0)) / grid.ny;
}

/** Samples f at the centres of nx × ny cells of the box. */
export function sampleGrid(f: Surface, box: Box, nx: number, ny: number = nx): Grid {
  checkBox(box);
  for (const [name, n] of [['nx', nx], ['ny', ny]] as const) {
    if (!(Number.isInteger(n) && n >= 2)) throw new Error(`grid: ${name} must be an integer >= 2, got ${n}`);
  }
  const fxy = surfaceFunction(f);
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  const shape = { box, nx, ny };
  for (let j = 0; j < ny; j++) {
    const y = gridY(shape, j);
    for (let i = 0; i < nx; i++) {
      const v = fxy(gridX(shape, i), y);
      if (Number.isFinite(v)) {
        values[j * nx + i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      } else {
        values[j * nx + i] = NaN;
      }
    }
  }
  return { box, nx, ny, values, min: min <= max ? min : NaN, max: min <= max ? max : NaN };
}
