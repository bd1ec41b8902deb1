/**
 * The contour plot of the seeds: f's level lines over its domain, the known minima, the start, and each run's
 * trajectory in its own colour with a legend. Hand-assembled SVG from d3-contour, d3-scale and d3-shape rather
 * than Observable Plot: it needs no DOM (Plot in Node needs linkedom or jsdom), every byte is ours to keep
 * deterministic for the golden snapshots, and the GIF reuses the exact layout to draw paths on pixels.
 */
import type { KnownMinimum } from '../objective/objective.js';
import { bottomAxis, clipDef, leftAxis, plotBorder, title as titleText } from './axes.js';
import { contourLevels, contourLines, undefinedRegion, type LevelOptions, type Ring } from './contour.js';
import { sampleGrid, type Box, type Surface } from './grid.js';
import { frame as makeFrame, xScale, yScale, type Frame, type Scale } from './layout.js';
import { divergedMark, endMark, legend, minimumMark, startMark, type LegendItem } from './marks.js';
import { levelGrey, UNDEFINED_FILL } from './palette.js';
import { styleRuns, type Run, type StyledRun } from './runs.js';
import { el, num, svgRoot } from './svg.js';
import { decimatePath } from './decimate.js';
import { pathData, pathOf, project, type Path } from './trajectory.js';

export interface ContourPlotOptions {
  /** Pixels; default 640 × 480. */
  width?: number;
  height?: number;
  /** The box drawn; default the objective's meta.domain, else the runs' extent with a margin. */
  box?: Box;
  /** Default: the objective's name and formula. */
  title?: string;
  /** Axis labels; default the objective's variable names, else x and y. */
  labels?: readonly [string, string];
  /** Grid cells along each axis (default 150; the notebook samples 300). */
  resolution?: number;
  /** Where the contour lines are drawn; see contour.ts for the rule. */
  levels?: LevelOptions;
  /** Points marked as minima; default the objective's meta.minima. */
  minima?: ReadonlyArray<KnownMinimum | readonly number[]>;
  /** Draw the runs' paths (default true). The GIF draws its background without them. */
  paths?: boolean;
  /** Prefix of element ids, for pages that inline several plots (default `descent`). */
  id?: string;
}

/** Everything a contour picture is made of, in pixels; shared by the SVG and the GIF frames. */
export interface ContourLayout {
  frame: Frame;
  sx: Scale;
  sy: Scale;
  box: Box;
  title: string;
  labels: readonly [string, string];
  minima: Array<readonly number[]>;
  starts: Array<readonly number[]>;
  runs: StyledRun[];
  /** Each run's trajectory in pixels, decimated. */
  paths: Path[];
}

function metaOf(f: Surface) {
  return typeof f === 'function' ? undefined : f.meta;
}

function defaultBox(f: Surface, runs: readonly Run[], minima: ReadonlyArray<readonly number[]>): Box {
  const domain = metaOf(f)?.domain;
  if (domain && domain.length === 2) return [domain[0], domain[1]];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of [...runs.flatMap((r) => r.trace.points), ...minima]) {
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) xs.push(p[0]), ys.push(p[1]);
  }
  const around = (v: number[]): [number, number] => {
    if (v.length === 0) return [-1, 1];
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = hi > lo ? 0.1 * (hi - lo) : 1;
    return [lo - pad, hi + pad];
  };
  return [around(xs), around(ys)];
}

function defaultTitle(f: Surface): string {
  const meta = metaOf(f);
  if (meta?.name && meta.formula) return `${meta.name}: ${meta.formula}`;
  return meta?.formula ?? meta?.name ?? '';
}

function distinctStarts(runs: readonly Run[]): Array<readonly number[]> {
  const seen = new Set<string>();
  const starts: Array<readonly number[]> = [];
  for (const run of runs) {
    const p = run.trace.points[0];
    if (!p || seen.has(`${p[0]},${p[1]}`)) continue;
    seen.add(`${p[0]},${p[1]}`);
    starts.push(p);
  }
  return starts;
}

/** Settles the frame, scales, markers and pixel paths of a contour plot. */
export function contourLayout(f: Surface, runs: readonly Run[], options: ContourPlotOptions = {}): ContourLayout {
  const { width = 640, height = 480 } = options;
  const meta = metaOf(f);
  const minima = (options.minima ?? meta?.minima ?? []).map((m) => ('x' in m ? m.x : m));
  const box = options.box ?? defaultBox(f, runs, minima);
  const styled = styleRuns(runs);
  const starts = distinctStarts(runs);
  const legendLabels = [...styled.map((r) => r.legend), ...(starts.length ? ['start'] : []), ...(minima.length ? ['minimum'] : [])];
  const frame = makeFrame(width, height, legendLabels);
  const sx = xScale(frame, box[0]);
  const sy = yScale(frame, box[1]);
  const paths = styled.map((run) => decimatePath(project(pathOf(run.trace), sx, sy), frame.right - frame.left));
  const labels = options.labels ?? (meta?.variables?.length === 2 ? [meta.variables[0], meta.variables[1]] : ['x', 'y']);
  return { frame, sx, sy, box, title: options.title ?? defaultTitle(f), labels, minima, starts, runs: styled, paths };
}

function ringsData(polygons: Ring[][], sx: Scale, sy: Scale): string {
  return polygons
    .flatMap((polygon) => polygon.map((ring) => ring.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${num(sx(x))},${num(sy(y))}`).join('') + 'Z'))
    .join('');
}

function linesData(lines: Ring[], sx: Scale, sy: Scale): string {
  return lines.map((points) => points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${num(sx(x))},${num(sy(y))}`).join('')).join('');
}

function contourLayer(f: Surface, layout: ContourLayout, options: ContourPlotOptions): string {
  const n = options.resolution ?? 150;
  const grid = sampleGrid(f, layout.box, n, n);
  const lines = contourLines(grid, contourLevels(grid, options.levels));
  const undefinedArea = undefinedRegion(grid);
  const parts: string[] = [];
  if (undefinedArea.length) parts.push(el('path', { d: ringsData(undefinedArea, layout.sx, layout.sy), fill: UNDEFINED_FILL }));
  for (const line of lines) {
    if (line.lines.length === 0) continue;
    const d = linesData(line.lines, layout.sx, layout.sy);
    parts.push(el('path', { d, fill: 'none', stroke: levelGrey(line.index, lines.length), 'stroke-width': 1, 'data-level': num(line.value) }));
  }
  return el('g', { class: 'contours' }, ...parts);
}

function runLayer(layout: ContourLayout): string {
  return layout.runs
    .map((run, i) => {
      const path = layout.paths[i];
      if (path.x.length === 0) return '';
      const last = path.x.length - 1;
      const dots =
        path.x.length <= 150 ? Array.from(path.x, (x, k) => el('circle', { cx: x, cy: path.y[k], r: 1.8, fill: run.colour })).join('') : '';
      const end = run.diverged ? divergedMark(path.x[last], path.y[last], run.colour) : endMark(path.x[last], path.y[last], run.colour);
      const line = el('path', { d: pathData(path), fill: 'none', stroke: run.colour, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' });
      return el('g', { class: 'run', 'data-label': run.label }, line, dots, end);
    })
    .join('\n');
}

/** The legend entries of a contour plot: runs, then the start and the minima when drawn. */
export function contourLegend(layout: ContourLayout): LegendItem[] {
  return [
    ...layout.runs.map((r): LegendItem => ({ label: r.legend, kind: 'line', colour: r.colour })),
    ...(layout.starts.length ? [{ label: 'start', kind: 'start' } as const] : []),
    ...(layout.minima.length ? [{ label: 'minimum', kind: 'minimum' } as const] : []),
  ];
}

/** The contour plot as an SVG document. */
export function contourPlot(f: Surface, runs: readonly Run[], options: ContourPlotOptions = {}): string {
  const layout = contourLayout(f, runs, options);
  const { frame, sx, sy } = layout;
  const clip = `${options.id ?? 'descent'}-plot-area`;
  const marks = [
    ...layout.starts.map((p) => startMark(sx(p[0]), sy(p[1]))),
    ...layout.minima.map((p) => minimumMark(sx(p[0]), sy(p[1]))),
  ].join('');
  return svgRoot(
    frame.width,
    frame.height,
    clipDef(frame, clip),
    el('g', { 'clip-path': `url(#${clip})` }, contourLayer(f, layout, options), marks, options.paths === false ? '' : runLayer(layout)),
    plotBorder(frame),
    bottomAxis(frame, { scale: sx, type: 'linear', label: layout.labels[0] }),
    leftAxis(frame, { scale: sy, type: 'linear', label: layout.labels[1] }),
    titleText(frame, layout.title),
    legend(frame, contourLegend(layout)),
  );
}
