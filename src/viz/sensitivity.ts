/**
 * The learning-rate sensitivity picture of a sweep: the final loss each optimizer reaches against its learning
 * rate, log-log, one line per optimizer. Its shape is the point: a wide flat valley is an optimizer that forgives
 * a badly chosen rate, a narrow one must be tuned. A run that diverged has no final loss; it is drawn as a cross
 * along the top edge at its learning rate, so the rates where an optimizer blows up stay in the picture.
 */
import { lineChart, type Series } from './line-chart.js';
import { INK, runColour } from './palette.js';

export interface SensitivityPoint {
  lr: number;
  /** The metric (final loss); ignored when diverged. */
  value: number;
  diverged?: boolean;
}

export interface SensitivitySeries {
  /** The optimizer, e.g. `Adam`. */
  label: string;
  points: readonly SensitivityPoint[];
  colour?: string;
}

export interface SensitivityOptions {
  width?: number;
  height?: number;
  title?: string;
  /** f*: plot f − f* (default f). */
  reference?: number;
  /** Name of the metric on the y axis (default `final loss`). */
  metric?: string;
  id?: string;
}

/** Final loss against learning rate per optimizer, on log-log axes. */
export function lrSensitivity(series: readonly SensitivitySeries[], options: SensitivityOptions = {}): string {
  const ref = options.reference ?? 0;
  const lines: Series[] = series.map((s, i) => {
    const points = [...s.points].sort((a, b) => a.lr - b.lr);
    const divergedAt: number[] = [];
    points.forEach((p, k) => {
      if (p.diverged || !Number.isFinite(p.value)) divergedAt.push(k);
    });
    return {
      label: s.label,
      colour: s.colour ?? runColour(i),
      x: points.map((p) => p.lr),
      y: points.map((p, k) => (divergedAt.includes(k) ? NaN : p.value - ref)),
      dots: true,
      divergedAt,
    };
  });
  const metric = options.metric ?? 'final loss';
  const anyDiverged = lines.some((s) => (s.divergedAt?.length ?? 0) > 0);
  return lineChart(lines, {
    width: options.width ?? 640,
    height: options.height ?? 400,
    title: options.title ?? 'Learning-rate sensitivity',
    x: { label: 'learning rate (log scale)', type: 'log' },
    y: { label: `${options.reference === undefined ? metric : `${metric} − f*`} (log scale)`, type: 'log' },
    notes: anyDiverged ? [{ label: 'diverged', kind: 'cross', colour: INK }] : [],
    ...(options.id ? { id: options.id } : {}),
  });
}
