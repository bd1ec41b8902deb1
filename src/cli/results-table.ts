/**
 * The summary of an experiment's results, one row per run, as the terminal prints it and the HTML report shows
 * it: the same columns and the same numbers in both, so a reader can match them by eye.
 */
import type { ExperimentResults } from '../engine/run-experiment.js';

/** Six significant digits; small numbers as exponentials (9.31198e-6, not 0.00000931198). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const rounded = Number(x.toPrecision(6));
  return rounded !== 0 && (Math.abs(rounded) < 1e-4 || Math.abs(rounded) >= 1e9) ? rounded.toExponential() : String(rounded);
}

/** A point as `(x, y)`, the first four coordinates of a longer one. */
export function point(x: readonly number[]): string {
  const shown = x.slice(0, 4).map(fmt).join(', ');
  return `(${shown}${x.length > 4 ? `, … ${x.length - 4} more` : ''})`;
}

/** Whether the runs start from more than one point (the table then has a start column). */
export function manyStarts(results: ExperimentResults): boolean {
  return new Set(results.runs.map((r) => r.startIndex)).size > 1;
}

/** The table's columns and rows, as text. */
export function resultsTable(results: ExperimentResults): { columns: string[]; rows: string[][] } {
  const starts = manyStarts(results);
  const columns = ['optimizer', ...(starts ? ['start'] : []), 'status', 'steps', 'final value', 'final point', 'distance to minimum'];
  const rows = results.runs.map((r) => [
    r.label,
    ...(starts ? [point(r.start)] : []),
    r.status,
    String(r.stoppedAt),
    fmt(r.finalValue),
    point(r.finalPoint),
    r.distanceToMinimum === null ? '—' : fmt(r.distanceToMinimum),
  ]);
  return { columns, rows };
}

/** The line above the table: `banana: f(x, y) = … (rosenbrock), from (-1.5, 2), at most 300 steps`. */
export function resultsHeading(results: ExperimentResults): string {
  const f = results.function;
  const args = f.variables && f.dim <= 4 ? f.variables.join(', ') : 'x';
  const known = f.name !== undefined && f.name !== results.name ? ` (${f.name})` : '';
  const title = `${results.name}: ${f.formula ? `f(${args}) = ${f.formula}` : f.name ?? 'f'}${f.formula ? known : ''}`;
  const start = manyStarts(results) ? '' : `, from ${point(results.runs[0]?.start ?? [])}`;
  const steps = results.config.steps as number;
  return `${title}${start}, at most ${steps} steps`;
}

/** A name safe as a folder or file name. */
export function folderName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
}
