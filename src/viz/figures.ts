/**
 * The figures of an experiment, ready for a report: one call turns an objective and its runs into the pictures the
 * seeds draw, each a ReportFigure that carries its bytes (writeReport writes them). Which pictures depends on the
 * number of variables:
 * - 2 variables: the contour plot with every trajectory (`PREFIX-contour.png`, SVG twin) and the race GIF
 *   (`PREFIX-race.gif`);
 * - 1 variable: the curve f(x) with each run's iterates zig-zagging along it (`PREFIX-function.png`, SVG twin) and
 *   its race GIF (`PREFIX-race.gif`);
 * - more: no picture of f, only the curves;
 * then, for every objective, the loss per iteration (`PREFIX-loss.png`) and, when some run's learning rate changes,
 * the learning rate per step (`PREFIX-lr.png`), each with its SVG twin.
 *
 * Node only: the PNGs are rasterised with resvg (svgToPng). A caption says what to look at unless the caller gives
 * its own.
 */
import { fail } from '../core/errors.js';
import type { KnownMinimum } from '../objective/objective.js';
import { trajectoryGif } from './animate.js';
import { contourPlot } from './contour-plot.js';
import type { LevelOptions } from './contour.js';
import { lossCurves, lrCurves } from './curves.js';
import { functionGif, functionPlot, type Curve } from './function-plot.js';
import type { Box, Surface } from './grid.js';
import { svgToPng } from './raster.js';
import type { ReportFigure } from './report.js';
import { styleRuns, type Run } from './runs.js';

/** The kinds of figure, as named in the files (`PREFIX-KIND.png`, `PREFIX-race.gif`). */
export type FigureKind = 'contour' | 'function' | 'race' | 'loss' | 'lr';

export interface RunFiguresOptions {
  /** File-name prefix, e.g. 'parabola' → parabola-contour.png, parabola-race.gif, parabola-loss.png, parabola-lr.png. */
  prefix: string;
  /** Title of the picture of f; default the objective's name and formula. */
  title?: string;
  /**
   * The box drawn; default the objective's meta.domain, else around the starts, the minima and the runs that did not
   * diverge. One [low, high] per variable, as meta.domain and an experiment's bounds ([[x0, x1], [y0, y1]]); for 1
   * variable the x interval alone, or [x interval, f interval].
   */
  box?: ReadonlyArray<readonly [number, number]> | readonly [number, number];
  /** Contour levels (see contour.ts). */
  levels?: LevelOptions;
  /** Points marked as minima; default meta.minima. */
  minima?: ReadonlyArray<KnownMinimum | readonly number[]>;
  /** The animated race GIF (default true for 1 and 2 variables). */
  gif?: boolean;
  /** The loss-per-iteration chart (default true). */
  loss?: boolean;
  /** The learning-rate chart (default: when some run's learning rate is not constant). */
  lr?: boolean;
  /** f* for the loss chart (it plots f − f*); default the lowest known minimum's value, if any. */
  reference?: number;
  /** Fewer GIF frames and a coarser grid (tests); the same numbers. */
  quick?: boolean;
  /** Captions of the caller's own, by kind; the others get one sentence saying what to look at. */
  captions?: Partial<Record<FigureKind, string>>;
}

const PREFIX = /^[A-Za-z0-9_][\w.-]*(\/[A-Za-z0-9_][\w.-]*)*$/;

function dimensionOf(f: Surface | Curve, runs: readonly Run[]): number {
  if (typeof f !== 'function') return f.dim;
  // A plain function is f(x, y) unless the runs are in one variable.
  return runs[0]?.trace.points[0]?.length === 1 ? 1 : 2;
}

/** The lowest known minimum's value, or undefined. */
function lowestMinimum(f: Surface | Curve): number | undefined {
  const minima = typeof f === 'function' ? undefined : f.meta?.minima;
  const values = (minima ?? []).map((m) => m.value).filter(Number.isFinite);
  return values.length ? Math.min(...values) : undefined;
}

/**
 * The box to draw when neither the caller nor the objective gives one: around the starts, the known minima and the
 * runs that did not diverge (a diverged run's last points are astronomically far; it is drawn leaving the box).
 */
function fallbackBox(f: Surface | Curve, runs: readonly Run[], dim: number, minima: RunFiguresOptions['minima']): Array<[number, number]> | undefined {
  if (typeof f !== 'function' && f.meta?.domain?.length === dim) return undefined;
  const points = [
    ...runs.flatMap((r) => (r.trace.status === 'diverged' ? r.trace.points.slice(0, 1) : r.trace.points)),
    ...(minima ?? (typeof f === 'function' ? [] : f.meta?.minima) ?? []).map((m) => ('x' in m ? m.x : m)),
  ].filter((p) => p.slice(0, dim).every(Number.isFinite));
  if (points.length === 0) return undefined;
  const around = (axis: number): [number, number] => {
    const v = points.map((p) => p[axis]);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = hi > lo ? 0.1 * (hi - lo) : 1;
    return [lo - pad, hi + pad];
  };
  return dim === 1 ? [around(0)] : [around(0), around(1)];
}

function lrChanges(runs: readonly Run[]): boolean {
  return runs.some((r) => {
    const lrs = r.trace.lrs ?? [];
    return lrs.some((lr) => lr !== lrs[0]);
  });
}

function list(labels: readonly string[]): string {
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** One sentence per kind, naming what the reader should compare; diverged runs are named. */
function defaultCaption(kind: FigureKind, runs: readonly Run[], reference: number | undefined): string {
  const diverged = styleRuns(runs).filter((r) => r.diverged).map((r) => r.label);
  const escaped = diverged.length ? `; ${list(diverged)} diverged (a cross marks the last finite point)` : '';
  switch (kind) {
    case 'contour':
      return `Each run's path over the level lines of f from the start (white disc) toward the known minimum (star): compare how directly each crosses the valley and which ones zig-zag or overshoot${escaped}.`;
    case 'function':
      return `The iterates of each run on the curve of f, joined in order: a step that is too large bounces from one wall of the valley to the other, a small one creeps down one side${escaped}.`;
    case 'race':
      return `The same runs one step a frame (10 frames a second, the last held): watch which run settles first and which keeps oscillating.`;
    case 'loss':
      return reference === undefined
        ? `f per iteration: the lower and steeper a curve, the faster that run descends; a flat stretch means it has stalled${escaped}.`
        : `The distance to the optimum, f − f* (f* = ${Number(reference.toPrecision(6))}), per iteration: on a log scale a straight falling line is linear convergence, and the steeper it falls the faster${escaped}.`;
    case 'lr':
      return 'The learning rate each step used: where it drops, the loss curve above should bend.';
  }
}

async function pngFigure(file: string, svg: string, alt: string, caption: string): Promise<ReportFigure> {
  return { file: `${file}.png`, alt, caption, data: await svgToPng(svg), twins: [{ file: `${file}.svg`, data: svg }] };
}

/** The figures of the runs on f; see the module comment for which and their files. */
export async function runFigures(f: Surface | Curve, runs: readonly Run[], options: RunFiguresOptions): Promise<ReportFigure[]> {
  const { prefix, quick = false } = options;
  if (typeof prefix !== 'string' || !PREFIX.test(prefix) || prefix.split('/').includes('..')) {
    fail('figures', `prefix must be a relative file-name prefix of letters, digits, '_', '-', '.' (and '/' between folders), got ${JSON.stringify(prefix)}`);
  }
  const dim = dimensionOf(f, runs);
  const reference = options.reference ?? lowestMinimum(f);
  const caption = (kind: FigureKind) => options.captions?.[kind] ?? defaultCaption(kind, runs, reference);
  const labels = list(runs.map((r) => r.label));
  const figures: ReportFigure[] = [];
  const gif = options.gif ?? dim <= 2;
  const frames = quick ? { maxFrames: 21 } : {};
  const box = options.box ?? (dim <= 2 ? fallbackBox(f, runs, dim, options.minima) : undefined);
  const intervals: ReadonlyArray<readonly [number, number]> =
    box === undefined ? [] : typeof box[0] === 'number' ? [box as readonly [number, number]] : (box as ReadonlyArray<readonly [number, number]>);
  if (dim === 2 && box !== undefined && intervals.length !== 2) {
    fail('figures', `box must be [[x0, x1], [y0, y1]] for a function of 2 variables, got ${JSON.stringify(box)}`);
  }

  if (dim === 2) {
    const surface = f as Surface;
    const plot = {
      ...(box ? { box: [intervals[0], intervals[1]] as const } : {}),
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.levels ? { levels: options.levels } : {}),
      ...(options.minima ? { minima: options.minima } : {}),
      resolution: quick ? 60 : 150,
      id: `${prefix.replace(/\W/g, '-')}-contour`,
    };
    figures.push(await pngFigure(`${prefix}-contour`, contourPlot(surface, runs, plot), `Contour plot of f with the paths of ${labels}`, caption('contour')));
    if (gif) {
      const data = await trajectoryGif(surface, runs, { ...plot, ...frames });
      figures.push({ file: `${prefix}-race.gif`, alt: `Animation of ${labels} descending f`, caption: caption('race'), data });
    }
  } else if (dim === 1) {
    const curve = f as Curve;
    const plot = {
      ...(intervals[0] ? { range: intervals[0] } : {}),
      ...(intervals[1] ? { valueRange: intervals[1] } : {}),
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.minima ? { minima: options.minima } : {}),
      resolution: quick ? 100 : 400,
      id: `${prefix.replace(/\W/g, '-')}-function`,
    };
    figures.push(await pngFigure(`${prefix}-function`, functionPlot(curve, runs, plot), `Plot of f with the iterates of ${labels}`, caption('function')));
    if (gif) {
      const data = await functionGif(curve, runs, { ...plot, ...frames });
      figures.push({ file: `${prefix}-race.gif`, alt: `Animation of the iterates of ${labels} on f`, caption: caption('race'), data });
    }
  }

  if (options.loss ?? true) {
    const svg = lossCurves(runs, { ...(reference !== undefined ? { reference } : {}), id: `${prefix.replace(/\W/g, '-')}-loss` });
    figures.push(await pngFigure(`${prefix}-loss`, svg, `Loss per iteration of ${labels}`, caption('loss')));
  }
  if (options.lr ?? lrChanges(runs)) {
    const styled = styleRuns(runs);
    const lrs = runs.flatMap((r) => r.trace.lrs ?? []);
    // Learning rates a decade or more apart share the chart on a log axis (a linear one flattens the small ones to 0).
    const yType = lrs.length > 0 && lrs.every((v) => v > 0) && Math.max(...lrs) >= 10 * Math.min(...lrs) ? 'log' : 'linear';
    const svg = lrCurves(
      styled.map((r) => ({ label: r.label, lrs: r.trace.lrs ?? [], colour: r.colour })),
      { yType, id: `${prefix.replace(/\W/g, '-')}-lr` },
    );
    figures.push(await pngFigure(`${prefix}-lr`, svg, `Learning rate per step of ${labels}`, caption('lr')));
  }
  return figures;
}
