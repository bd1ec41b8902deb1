/**
 * The charts the data sections of the demo share (batch-size, feature-scaling, optimizers-on-data, adamw,
 * early-stopping): one line per training run of a quantity per epoch (a loss, a weight norm), epoch 0 being the
 * initial weights, drawn by lineChart and turned into a report figure by chartFigure.
 */
import { lineChart, type Series } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import type { ReportFigure } from '../../viz/report.js';
import { chartFigure } from './chart-figure.js';

export interface EpochLine {
  label: string;
  /** The value at epochs 0, 1, 2, … (non-finite or, on a log axis, ≤ 0 values leave a gap). */
  values: readonly number[];
  /** The x of each value; default 0, 1, 2, … (the epoch). */
  x?: readonly number[];
  /** Mark the last point with a cross: the run diverged there. */
  diverged?: boolean;
}

export interface EpochChartOptions {
  title: string;
  yLabel: string;
  /** Log y axis (default true: losses fall over decades). */
  log?: boolean;
  /** The x axis label; default 'epoch'. */
  xLabel?: string;
  /** The y range drawn; default the extent of the data. */
  yDomain?: readonly [number, number];
  alt: string;
  caption: string;
}

/** `file` without extension (it must start with the section's id). */
export async function epochChart(file: string, lines: readonly EpochLine[], o: EpochChartOptions): Promise<ReportFigure> {
  const series: Series[] = lines.map((l, i) => ({
    label: l.label,
    colour: runColour(i),
    x: l.x ?? l.values.map((_, k) => k),
    y: l.values,
    end: l.diverged ? 'diverged' : 'dot',
  }));
  const svg = lineChart(series, {
    width: 720,
    height: 400,
    title: o.title,
    x: { label: o.xLabel ?? 'epoch' },
    y: { label: o.yLabel, type: o.log === false ? 'linear' : 'log', ...(o.yDomain ? { domain: o.yDomain } : {}) },
    id: file,
  });
  return chartFigure(file, svg, o.alt, o.caption);
}
