/**
 * Where things go in a picture: the plot area inside the margins (title above, axes below and left, legend on
 * the right) and the scales from data to pixels. The contour plot, its animation and the curves share it, so a
 * point of a trajectory lands on the same pixel in the SVG, the PNG and every frame of the GIF.
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';
import { textWidth } from './svg.js';

/** Where each legend item goes (its swatch's left end, on the text's middle line). */
export type LegendPlace = Array<[number, number]>;

/** The plot area in pixels: [left, right] × [top, bottom] inside a width × height picture. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  legend: LegendPlace;
}

export type Scale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
export type ScaleType = 'linear' | 'log';

export const TITLE_HEIGHT = 34;
const AXIS_BOTTOM = 42;
const AXIS_LEFT = 62;
const PAD = 14;
/** The legend's swatch and the gap after it. */
export const SWATCH = 26;
/** Height of a legend row. */
export const LEGEND_ROW = 20;

/** The width a legend item with this label takes. */
function itemWidth(label: string): number {
  return Math.ceil(SWATCH + textWidth(label) + PAD);
}

/** Legend items flowed left to right under the plot, wrapping at the right edge. */
function flow(widths: readonly number[], width: number): { rows: number; xs: number[]; row: number[] } {
  const xs: number[] = [];
  const row: number[] = [];
  let x = AXIS_LEFT;
  let r = 0;
  for (const w of widths) {
    if (x > AXIS_LEFT && x + w > width - PAD) {
      r++;
      x = AXIS_LEFT;
    }
    xs.push(x);
    row.push(r);
    x += w + PAD;
  }
  return { rows: r + 1, xs, row };
}

/**
 * The plot area of a picture with a title, axes and (when there are labels) a legend. The legend is a column on
 * the right while it takes at most 30% of the width; longer labels flow in rows under the plot, so the plot keeps
 * its width and no label is cut (unless the picture is too short for the rows: then the column stays).
 */
export function frame(width: number, height: number, legendLabels: readonly string[] = []): Frame {
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!(Number.isFinite(v) && v >= 120)) throw new Error(`viz: ${name} must be a number of pixels >= 120, got ${v}`);
  }
  const widths = legendLabels.map(itemWidth);
  const column = Math.max(0, ...widths);
  const rowsNeeded = flow(widths, width).rows;
  const roomUnder = height - AXIS_BOTTOM - rowsNeeded * LEGEND_ROW - 4 - TITLE_HEIGHT >= 60;
  if (widths.length === 0 || column + PAD <= 0.3 * width || !roomUnder) {
    const right = width - PAD - (widths.length === 0 ? 0 : Math.min(column + PAD, 0.45 * width));
    const legend: LegendPlace = widths.map((_, k) => [right + PAD, TITLE_HEIGHT + 8 + k * LEGEND_ROW]);
    return { width, height, left: AXIS_LEFT, right, top: TITLE_HEIGHT, bottom: height - AXIS_BOTTOM, legend };
  }
  const { rows, xs, row } = flow(widths, width);
  const bottom = height - AXIS_BOTTOM - rows * LEGEND_ROW - 4;
  const top = height - rows * LEGEND_ROW + 4;
  const legend: LegendPlace = xs.map((lx, k) => [lx, top + row[k] * LEGEND_ROW]);
  return { width, height, left: AXIS_LEFT, right: width - PAD, top: TITLE_HEIGHT, bottom, legend };
}

/** A scale from [lo, hi] to [p0, p1] pixels. */
export function makeScale(type: ScaleType, domain: readonly [number, number], range: readonly [number, number]): Scale {
  return type === 'log' ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
}

/** The x scale of a frame (left to right). */
export function xScale(f: Frame, domain: readonly [number, number], type: ScaleType = 'linear'): Scale {
  return makeScale(type, domain, [f.left, f.right]);
}

/** The y scale of a frame (bottom to top, as mathematicians draw it). */
export function yScale(f: Frame, domain: readonly [number, number], type: ScaleType = 'linear'): Scale {
  return makeScale(type, domain, [f.bottom, f.top]);
}

/**
 * The extent of the finite (and, for a log scale, positive) values, widened when it is a single value or empty,
 * so every chart has a valid domain.
 */
export function extentOf(values: Iterable<number>, type: ScaleType): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (type === 'log' && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return type === 'log' ? [0.1, 10] : [0, 1];
  if (lo === hi) return type === 'log' ? [lo / 10, hi * 10] : [lo - 1, hi + 1];
  return [lo, hi];
}
