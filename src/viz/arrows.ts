/**
 * Arrows over a contour plot, in the plot's own coordinates: notes 003 say of the paraboloid that the gradient is
 * perpendicular to the level lines and so does not point at the minimum, and a picture of −∇f drawn at a few
 * points shows it. The plot is contourPlot's, unchanged; the arrows are one more layer on top, placed through the
 * same layout (contourLayout with the same options), clipped to the plot area like the trajectories.
 */
import type { Box, Surface } from './grid.js';
import { contourLayout, contourPlot, type ContourPlotOptions } from './contour-plot.js';
import { INK } from './palette.js';
import type { Run } from './runs.js';
import { el, num } from './svg.js';

export interface Arrow {
  /** Tail and head in the function's coordinates. */
  from: readonly [number, number];
  to: readonly [number, number];
  /** `#rrggbb`; default the ink colour. */
  colour?: string;
  /** A dashed shaft, e.g. for the direction to the minimum beside the antigradient. */
  dashed?: boolean;
}

/** Length and half-width of an arrow head, in pixels. */
const HEAD = 9;
const HALF = 4;

/** One arrow in pixels: the shaft, and a filled head whose tip is the arrow's head. */
function arrowMarks(x0: number, y0: number, x1: number, y1: number, colour: string, dashed: boolean): string {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (!(length > 0) || !Number.isFinite(length)) return '';
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  const head = Math.min(HEAD, length);
  // The shaft stops where the head begins, so a dashed shaft does not poke through the tip.
  const bx = x1 - ux * head;
  const by = y1 - uy * head;
  const shaft = el('path', {
    d: `M${num(x0)},${num(y0)}L${num(bx)},${num(by)}`,
    stroke: colour,
    'stroke-width': 1.75,
    fill: 'none',
    'stroke-dasharray': dashed ? '4 3' : undefined,
  });
  const tip = `M${num(x1)},${num(y1)}L${num(bx - uy * HALF)},${num(by + ux * HALF)}L${num(bx + uy * HALF)},${num(by - ux * HALF)}Z`;
  return shaft + el('path', { d: tip, fill: colour });
}

/**
 * contourPlot(f, runs, options) with the arrows drawn over it. An arrow is given in data units; one whose ends map
 * to non-finite pixels is skipped.
 */
export function contourPlotWithArrows(f: Surface, runs: readonly Run[], arrows: readonly Arrow[], options: ContourPlotOptions = {}): string {
  const svg = contourPlot(f, runs, options);
  const { sx, sy } = contourLayout(f, runs, options);
  const clip = `${options.id ?? 'descent'}-plot-area`;
  const marks = arrows.map((a) => arrowMarks(sx(a.from[0]), sy(a.from[1]), sx(a.to[0]), sy(a.to[1]), a.colour ?? INK, a.dashed ?? false)).join('');
  const layer = el('g', { class: 'arrows', 'clip-path': `url(#${clip})` }, marks);
  const end = svg.lastIndexOf('</svg>');
  return `${svg.slice(0, end)}${layer}\n${svg.slice(end)}`;
}

/**
 * A box with the x interval given and the y interval, centred on `yCentre`, sized so that a unit is as many pixels
 * along y as along x in the plot area contourPlot(f, runs, options) lays out: right angles then look right, which
 * is what a picture of "perpendicular to the level lines" needs.
 */
export function equalAspectBox(f: Surface, runs: readonly Run[], options: ContourPlotOptions, x: readonly [number, number], yCentre = 0): Box {
  const { frame } = contourLayout(f, runs, { ...options, box: [x, x] });
  const half = ((x[1] - x[0]) * (frame.bottom - frame.top)) / (frame.right - frame.left) / 2;
  return [x, [yCentre - half, yCentre + half]];
}

/**
 * Arrows along −∇f at the given points, each `length` long in data units (the direction is what matters; the
 * gradient's size would make the steep points' arrows leave the picture).
 */
export function antigradientArrows(f: Surface, points: ReadonlyArray<readonly [number, number]>, length: number, colour?: string): Arrow[] {
  if (typeof f === 'function') throw new Error('antigradientArrows: needs an objective with a gradient, got a plain function');
  const grad = new Float64Array(2);
  return points.flatMap((p): Arrow[] => {
    f.valueAndGrad(p, grad);
    const norm = Math.hypot(grad[0], grad[1]);
    if (!(norm > 0) || !Number.isFinite(norm)) return [];
    return [{ from: p, to: [p[0] - (length * grad[0]) / norm, p[1] - (length * grad[1]) / norm], ...(colour ? { colour } : {}) }];
  });
}
