/**
 * The picture of a function of ONE variable, as the seeds draw gradient descent on (θ − 5)² and on
 * (x − 5)² + 50 sin x + 50: the curve f(x) over its domain, each run's iterates (x_k, f(x_k)) as dots on it, joined in
 * order by a zig-zag path, so a step that is too large is seen bouncing from one wall of the valley to the other and
 * a small one creeping down one side; the known minima (stars), the start (white disc) and a legend.
 * The same layout drives the animated GIF (`functionGif`), so an iterate lands on the same pixel in both.
 */
import type { KnownMinimum, Objective } from '../objective/objective.js';
import { raceOver, type Rasterizer } from './animate.js';
import { bottomAxis, clipDef, leftAxis, plotBorder, title as titleText } from './axes.js';
import { decimatePath } from './decimate.js';
import type { AnimatedRun, GifOptions } from './gif.js';
import { extentOf, frame as makeFrame, xScale, yScale, type Frame, type Scale } from './layout.js';
import { divergedMark, endMark, legend, minimumMark, startMark, type LegendItem } from './marks.js';
import { styleRuns, type Run, type StyledRun } from './runs.js';
import { el, num, svgRoot } from './svg.js';
import { pathData, project, type Path } from './trajectory.js';

/** A function of one variable, or a 1-D objective. */
export type Curve = Objective | ((x: number) => number);

export interface FunctionPlotOptions {
  /** Pixels; default 640 × 480. */
  width?: number;
  height?: number;
  /** The x interval drawn; default the objective's meta.domain, else the runs' extent with a margin. */
  range?: readonly [number, number];
  /** The f interval drawn; default the curve's extent over `range`, with a 5% margin. */
  valueRange?: readonly [number, number];
  /** Default: the objective's name and formula. */
  title?: string;
  /** The x axis label; default the objective's variable name, else x. */
  label?: string;
  /** Points where the curve is sampled (default 400). */
  resolution?: number;
  /** Points marked as minima: a known minimum, a point [x], or x; default the objective's meta.minima. */
  minima?: ReadonlyArray<KnownMinimum | readonly number[] | number>;
  /** Draw the runs' iterates and paths (default true). The GIF draws its background without them. */
  paths?: boolean;
  /** Prefix of element ids, for pages that inline several plots (default `descent`). */
  id?: string;
}

export interface FunctionLayout {
  frame: Frame;
  sx: Scale;
  sy: Scale;
  range: readonly [number, number];
  valueRange: readonly [number, number];
  title: string;
  label: string;
  /** The curve in pixels, NaN where f is not finite. */
  curve: Path;
  /** (x, f(x)) of each minimum and each distinct start, in data units. */
  minima: Array<[number, number]>;
  starts: Array<[number, number]>;
  runs: StyledRun[];
  /** Each run's iterates (x_k, f(x_k)) in pixels, every step; the static plot decimates them. */
  paths: Path[];
}

function metaOf(f: Curve) {
  return typeof f === 'function' ? undefined : f.meta;
}

/** f as a function of one number. */
export function curveFunction(f: Curve): (x: number) => number {
  if (typeof f === 'function') return f;
  if (f.dim !== 1) throw new Error(`function plot: needs an objective of 1 variable, got ${f.dim}`);
  const point = new Float64Array(1);
  return (x) => {
    point[0] = x;
    return f.value(point);
  };
}

function defaultRange(f: Curve, runs: readonly Run[], minima: readonly number[]): [number, number] {
  const domain = metaOf(f)?.domain;
  if (domain && domain.length === 1) return [domain[0][0], domain[0][1]];
  const xs = [...runs.flatMap((r) => r.trace.points.map((p) => p[0])), ...minima].filter(Number.isFinite);
  if (xs.length === 0) return [-1, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = hi > lo ? 0.1 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

function defaultTitle(f: Curve): string {
  const meta = metaOf(f);
  if (meta?.name && meta.formula) return `${meta.name}: ${meta.formula}`;
  return meta?.formula ?? meta?.name ?? '';
}

/** Settles the frame, scales, curve, markers and pixel paths of a function plot. */
export function functionLayout(f: Curve, runs: readonly Run[], options: FunctionPlotOptions = {}): FunctionLayout {
  const { width = 640, height = 480, resolution = 400 } = options;
  if (!(Number.isInteger(resolution) && resolution >= 2)) throw new Error(`function plot: resolution must be an integer >= 2, got ${resolution}`);
  const fx = curveFunction(f);
  const meta = metaOf(f);
  const minimaX = (options.minima ?? meta?.minima ?? []).map((m) => (typeof m === 'number' ? m : 'x' in m ? m.x[0] : m[0]));
  const range = options.range ?? defaultRange(f, runs, minimaX);
  if (!(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
    throw new Error(`function plot: the x range must be finite with low < high, got [${range[0]}, ${range[1]}]`);
  }
  // The curve at `resolution` evenly spaced points, the ends included.
  const cx = Float64Array.from({ length: resolution }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (resolution - 1));
  const cy = Float64Array.from(cx, (x) => fx(x));
  const [lo, hi] = extentOf(cy, 'linear');
  const valueRange = options.valueRange ?? [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
  const styled = styleRuns(runs);
  const seen = new Set<number>();
  const starts: Array<[number, number]> = [];
  for (const run of runs) {
    const x = run.trace.points[0]?.[0];
    if (x === undefined || seen.has(x)) continue;
    seen.add(x);
    starts.push([x, run.trace.values[0] ?? fx(x)]);
  }
  const minima = minimaX.map((x, k): [number, number] => {
    const m = (options.minima ?? meta?.minima ?? [])[k];
    return [x, typeof m === 'object' && 'value' in m ? m.value : fx(x)];
  });
  const legendLabels = [...styled.map((r) => r.legend), ...(starts.length ? ['start'] : []), ...(minima.length ? ['minimum'] : [])];
  const frame = makeFrame(width, height, legendLabels);
  const sx = xScale(frame, range);
  const sy = yScale(frame, valueRange);
  const curve = { x: Float64Array.from(cx, (x) => sx(x)), y: Float64Array.from(cy, (y) => (Number.isFinite(y) ? sy(y) : NaN)) };
  // Iterate k is (x_k, f(x_k)): the trace's own value, so the dot sits on the curve where the run was.
  const paths = styled.map((run) => {
    const n = run.trace.points.length;
    const x = Float64Array.from({ length: n }, (_, k) => run.trace.points[k][0]);
    const y = Float64Array.from({ length: n }, (_, k) => run.trace.values[k] ?? fx(x[k]));
    return project({ x, y }, sx, sy);
  });
  const labelText = options.label ?? meta?.variables?.[0] ?? 'x';
  return { frame, sx, sy, range, valueRange, title: options.title ?? defaultTitle(f), label: labelText, curve, minima, starts, runs: styled, paths };
}

/** SVG path data of the curve, broken where f is not finite. */
function curveData(curve: Path): string {
  let d = '';
  let pen = false;
  for (let k = 0; k < curve.x.length; k++) {
    if (Number.isNaN(curve.y[k])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(curve.x[k])},${num(curve.y[k])}`;
    pen = true;
  }
  return d;
}

function runLayer(layout: FunctionLayout): string {
  const width = layout.frame.right - layout.frame.left;
  return layout.runs
    .map((run, i) => {
      const path = decimatePath(layout.paths[i], width);
      if (path.x.length === 0) return '';
      const last = path.x.length - 1;
      // The iterates are the point of this picture: dots at each while they can be told apart.
      const dots = path.x.length <= 200 ? Array.from(path.x, (x, k) => el('circle', { cx: x, cy: path.y[k], r: 2.5, fill: run.colour })).join('') : '';
      const end = run.diverged ? divergedMark(path.x[last], path.y[last], run.colour) : endMark(path.x[last], path.y[last], run.colour);
      const line = el('path', { d: pathData(path), fill: 'none', stroke: run.colour, 'stroke-width': 1.5, 'stroke-linejoin': 'round', 'stroke-opacity': 0.9 });
      return el('g', { class: 'run', 'data-label': run.label }, line, dots, end);
    })
    .join('\n');
}

function legendItems(layout: FunctionLayout): LegendItem[] {
  return [
    ...layout.runs.map((r): LegendItem => ({ label: r.legend, kind: 'line', colour: r.colour })),
    ...(layout.starts.length ? [{ label: 'start', kind: 'start' } as const] : []),
    ...(layout.minima.length ? [{ label: 'minimum', kind: 'minimum' } as const] : []),
  ];
}

/** The function plot as an SVG document. */
export function functionPlot(f: Curve, runs: readonly Run[], options: FunctionPlotOptions = {}): string {
  const layout = functionLayout(f, runs, options);
  const { frame, sx, sy } = layout;
  const clip = `${options.id ?? 'descent'}-plot-area`;
  const marks = [...layout.minima.map(([x, y]) => minimumMark(sx(x), sy(y))), ...layout.starts.map(([x, y]) => startMark(sx(x), sy(y)))].join('');
  return svgRoot(
    frame.width,
    frame.height,
    clipDef(frame, clip),
    bottomAxis(frame, { scale: sx, type: 'linear', label: layout.label }, true),
    leftAxis(frame, { scale: sy, type: 'linear', label: `f(${layout.label})` }, true),
    el(
      'g',
      { 'clip-path': `url(#${clip})` },
      el('path', { class: 'curve', d: curveData(layout.curve), fill: 'none', stroke: '#555555', 'stroke-width': 2 }),
      marks,
      options.paths === false ? '' : runLayer(layout),
    ),
    plotBorder(frame),
    titleText(frame, layout.title),
    legend(frame, legendItems(layout)),
  );
}

export interface FunctionGifOptions extends Omit<FunctionPlotOptions, 'paths'>, GifOptions {
  /** SVG to pixels; default resvg (Node only). */
  rasterize?: Rasterizer;
}

/** An animated GIF of the runs' iterates moving along the curve, one step a frame; 600 × 480 by default. */
export async function functionGif(f: Curve, runs: readonly Run[], options: FunctionGifOptions = {}): Promise<Uint8Array> {
  const { rasterize, fps, holdMs, maxFrames, lineWidth, headRadius, ...plotOptions } = options;
  const plot = { width: 600, height: 480, ...plotOptions, paths: false };
  const layout = functionLayout(f, runs, plot);
  const animated: AnimatedRun[] = layout.runs.map((run, i) => ({ colour: run.colour, path: layout.paths[i] }));
  return raceOver(functionPlot(f, runs, plot), layout.frame, animated, {
    fps,
    holdMs,
    maxFrames,
    lineWidth: lineWidth ?? 2,
    headRadius: headRadius ?? 5,
    ...(rasterize ? { rasterize } : {}),
  });
}
