/**
 * The chart behind every curve (loss per iteration, learning rate per step, final loss per learning rate):
 * one line per series in its run's colour, linear or log axes, grid lines, a legend, the title. Lines are
 * d3-shape's `line` over the columns; a point that cannot be drawn (not finite, or ≤ 0 on a log axis) leaves a gap
 * rather than a wrong line.
 */
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { bottomAxis, clipDef, leftAxis, plotBorder, title as titleText } from './axes.js';
import { decimateSeries } from './decimate.js';
import { extentOf, frame as makeFrame, xScale, yScale, type Scale, type ScaleType } from './layout.js';
import { divergedMark, endMark, legend, type LegendItem } from './marks.js';
import { el, svgRoot } from './svg.js';
import type { Path } from './trajectory.js';

export interface Series {
  label: string;
  colour: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Dots at the points (for sparse data such as sweeps); default false. */
  dots?: boolean;
  /** A mark at the last drawable point: a dot, or a cross for a run that diverged there. */
  end?: 'dot' | 'diverged';
  /** Points (indices) drawn as crosses at the top edge: runs that diverged, which have no value to plot. */
  divergedAt?: ArrayLike<number>;
}

export interface AxisOptions {
  label?: string;
  type?: ScaleType;
  /** Default: the extent of the drawable data. */
  domain?: readonly [number, number];
}

export interface LineChartOptions {
  width?: number;
  height?: number;
  title?: string;
  x?: AxisOptions;
  y?: AxisOptions;
  /** 'step' draws piecewise-constant values (a learning rate holds for its step); default 'linear'. */
  curve?: 'linear' | 'step';
  /** Legend entries after the series' (e.g. what a cross means). */
  notes?: readonly LegendItem[];
  /** Element id prefix, for pages that inline several charts. */
  id?: string;
}

function drawable(v: number, type: ScaleType): boolean {
  return Number.isFinite(v) && (type === 'linear' || v > 0);
}

/** The series in pixels, NaN where a point cannot be drawn, thinned when much longer than the plot is wide. */
function toPixels(s: Series, sx: Scale, sy: Scale, xType: ScaleType, yType: ScaleType, pixels: number): Path {
  const n = Math.min(s.x.length, s.y.length);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ok = drawable(s.x[k], xType) && drawable(s.y[k], yType);
    x[k] = ok ? sx(s.x[k]) : NaN;
    y[k] = ok ? sy(s.y[k]) : NaN;
  }
  return decimateSeries({ x, y }, pixels);
}

function seriesMarks(s: Series, p: Path, f: { top: number }, sx: Scale, curve: 'linear' | 'step'): string {
  const indices = Array.from(p.x, (_, k) => k);
  const d = line<number>()
    .defined((k) => !Number.isNaN(p.x[k]) && !Number.isNaN(p.y[k]))
    .x((k) => p.x[k])
    .y((k) => p.y[k])
    .curve(curve === 'step' ? curveStepAfter : curveLinear)
    .digits(2)(indices);
  const parts = [el('path', { d: d ?? '', fill: 'none', stroke: s.colour, 'stroke-width': 2, 'stroke-linejoin': 'round' })];
  if (s.dots) {
    for (const k of indices) if (!Number.isNaN(p.y[k])) parts.push(el('circle', { cx: p.x[k], cy: p.y[k], r: 3, fill: s.colour }));
  }
  const last = indices.filter((k) => !Number.isNaN(p.y[k])).pop();
  if (s.end && last !== undefined) {
    parts.push(s.end === 'diverged' ? divergedMark(p.x[last], p.y[last], s.colour) : endMark(p.x[last], p.y[last], s.colour));
  }
  for (const k of Array.from(s.divergedAt ?? [])) {
    if (drawable(s.x[k], 'linear')) parts.push(divergedMark(sx(s.x[k]), f.top + 6, s.colour));
  }
  return el('g', { class: 'series', 'data-label': s.label }, ...parts);
}

/** A line chart of the series as an SVG document. */
export function lineChart(series: readonly Series[], options: LineChartOptions = {}): string {
  const { width = 640, height = 400, curve = 'linear' } = options;
  const xType = options.x?.type ?? 'linear';
  const yType = options.y?.type ?? 'linear';
  const items: LegendItem[] = [...series.map((s): LegendItem => ({ label: s.label, kind: 'line', colour: s.colour })), ...(options.notes ?? [])];
  const f = makeFrame(width, height, items.map((item) => item.label));
  const xDomain = options.x?.domain ?? extentOf(series.flatMap((s) => Array.from(s.x)), xType);
  const yDomain = options.y?.domain ?? extentOf(series.flatMap((s) => Array.from(s.y)), yType);
  const sx = xScale(f, xDomain, xType);
  const sy = yScale(f, yDomain, yType);
  // Round a log axis out to whole decades, so the curve starts and ends on labelled ticks.
  if (yType === 'log' && !options.y?.domain) sy.nice();
  const clip = `${options.id ?? 'descent'}-chart-area`;
  const lines = series.map((s) => seriesMarks(s, toPixels(s, sx, sy, xType, yType, f.right - f.left), f, sx, curve));
  return svgRoot(
    width,
    height,
    clipDef(f, clip),
    bottomAxis(f, { scale: sx, type: xType, label: options.x?.label ?? '' }, true),
    leftAxis(f, { scale: sy, type: yType, label: options.y?.label ?? '' }, true),
    el('g', { 'clip-path': `url(#${clip})` }, ...lines),
    plotBorder(f),
    titleText(f, options.title ?? ''),
    legend(f, items),
  );
}
