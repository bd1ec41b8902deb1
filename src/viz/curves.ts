/**
 * The curves of an experiment: the loss of every run against the iteration on a log scale, and the learning rate
 * each step used (the curve of a schedule).
 *
 * A log axis cannot show values ≤ 0. With `reference` (the known minimum f*) the loss chart draws f − f*, the
 * distance to the optimum, which is what a log scale is for. A run that reaches f* to rounding has f − f* = 0 (or a
 * hair below): those points are drawn at a floor a decade under the smallest positive value, and the axis label
 * says so. Otherwise, if some value is ≤ 0 (no reference and a negative minimum, or a run below the reference),
 * the axis falls back to linear rather than silently dropping those points.
 * A diverged run's line stops at its last finite value, ends in a cross, and its legend says where it diverged.
 */
import { lineChart, type Series } from './line-chart.js';
import { styleRuns, type Run } from './runs.js';
import { INK, runColour } from './palette.js';

export interface LossCurveOptions {
  width?: number;
  height?: number;
  title?: string;
  /** f*: plot f − f* (default: plot f). */
  reference?: number;
  /** Force the y scale; default log, or linear when some value to plot is ≤ 0. */
  yType?: 'log' | 'linear';
  id?: string;
}

/** Loss (f, or f − f*) against iteration, one line per run. */
export function lossCurves(runs: readonly Run[], options: LossCurveOptions = {}): string {
  const ref = options.reference ?? 0;
  const series: Series[] = styleRuns(runs).map((run) => {
    const y = Float64Array.from(run.trace.values, (v) => v - ref);
    return { label: run.legend, colour: run.colour, x: Float64Array.from(y, (_, k) => k), y, end: run.diverged ? 'diverged' : 'dot' };
  });
  const finite = series.flatMap((s) => Array.from(s.y).filter(Number.isFinite));
  const positive = finite.filter((v) => v > 0);
  // f − f* below zero by no more than rounding: the run is at the minimum.
  const rounding = 1e-9 * Math.max(1, Math.abs(ref));
  const atMinimum = options.reference !== undefined && positive.length > 0 && finite.every((v) => v > 0 || v >= -rounding) && positive.length < finite.length;
  const anyNonPositive = positive.length < finite.length;
  const yType = options.yType ?? (anyNonPositive && !atMinimum ? 'linear' : 'log');
  let floorNote = '';
  if (yType === 'log' && atMinimum) {
    const floor = 10 ** Math.floor(Math.log10(Math.min(...positive)) - 1);
    for (const s of series) s.y = Float64Array.from(s.y, (v) => (Number.isFinite(v) && v <= 0 ? floor : v));
    floorNote = `; f = f* drawn at ${floor.toExponential(0)}`;
  }
  const label = options.reference === undefined ? 'f(x)' : 'f(x) − f*';
  return lineChart(series, {
    width: options.width ?? 720,
    height: options.height ?? 400,
    title: options.title ?? 'Loss per iteration',
    x: { label: 'iteration', type: 'linear' },
    y: { label: yType === 'log' ? `${label} (log scale${floorNote})` : label, type: yType },
    notes: series.some((s) => s.end === 'diverged') ? [{ label: 'diverged', kind: 'cross', colour: INK }] : [],
    ...(options.id ? { id: options.id } : {}),
  });
}

export interface LrCurve {
  label: string;
  /** The learning rate used by each step (a trace's `lrs`, or `lrAt` of a schedule). */
  lrs: ArrayLike<number>;
  colour?: string;
}

export interface LrCurveOptions {
  width?: number;
  height?: number;
  title?: string;
  /** Default linear; log shows exponential decay as a straight line. */
  yType?: 'log' | 'linear';
  id?: string;
}

/** The learning rate against the step, drawn as steps: each value holds for the whole of its step. */
export function lrCurves(curves: readonly LrCurve[], options: LrCurveOptions = {}): string {
  const series: Series[] = curves.map((c, i) => ({
    label: c.label,
    colour: c.colour ?? runColour(i),
    x: Float64Array.from({ length: c.lrs.length + 1 }, (_, k) => k),
    // The last value is repeated at step n so the final step has a width, as a step chart needs.
    y: Float64Array.from({ length: c.lrs.length + 1 }, (_, k) => c.lrs[Math.min(k, c.lrs.length - 1)]),
  }));
  const yType = options.yType ?? 'linear';
  const lrs = curves.flatMap((c) => Array.from(c.lrs));
  const top = Math.max(0, ...lrs.filter(Number.isFinite));
  return lineChart(series, {
    width: options.width ?? 640,
    height: options.height ?? 320,
    title: options.title ?? 'Learning rate per step',
    x: { label: 'step', type: 'linear' },
    // A linear learning-rate axis starts at 0, so a decay to 0 reads as one.
    y: yType === 'linear' ? { label: 'learning rate', type: 'linear', domain: [0, top > 0 ? top * 1.05 : 1] } : { label: 'learning rate (log scale)', type: 'log' },
    curve: 'step',
    ...(options.id ? { id: options.id } : {}),
  });
}
