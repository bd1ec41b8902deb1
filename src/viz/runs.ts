/**
 * What a picture needs of a run: a label and the engine's trace (or any object with its fields), plus an optional
 * colour. Pictures read traces only; they know nothing of the optimizer that made them.
 */
import type { Trace } from '../engine/minimize.js';
import { runColour } from './palette.js';

/** The fields of a trace that pictures read; a full Trace from `minimize` fits. */
export type TraceLike = Pick<Trace, 'points' | 'values'> & Partial<Pick<Trace, 'status' | 'stoppedAt' | 'lrs'>>;

export interface Run {
  /** Shown in the legend, e.g. `Adam lr=0.1`. */
  label: string;
  trace: TraceLike;
  /** `#rrggbb`; default: the palette's colour for the run's position. */
  colour?: string;
}

/** A run with its colour and legend text settled. */
export interface StyledRun extends Run {
  colour: string;
  /** The label, with `(diverged at step k)` appended to a diverged run, so every picture says so. */
  legend: string;
  diverged: boolean;
}

export function styleRuns(runs: readonly Run[]): StyledRun[] {
  return runs.map((run, i) => {
    const diverged = run.trace.status === 'diverged';
    const legend = diverged ? `${run.label} (diverged at step ${run.trace.stoppedAt ?? run.trace.points.length})` : run.label;
    return { ...run, colour: run.colour ?? runColour(i), legend, diverged };
  });
}
