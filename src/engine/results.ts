/**
 * An experiment's results as files a user can load elsewhere: JSON with everything (the configuration, the
 * function, every run with its whole trace) and CSV with the summary table, one row per run. Both are strings, so
 * that the browser can offer them for download as the command line writes them to disk.
 *
 * JSON has no NaN or Infinity: such numbers travel as the strings "NaN", "Infinity", "-Infinity" (core/json-number).
 */
import { encodeNumber } from '../core/json-number.js';
import type { ExperimentResults, RunResult } from './run-experiment.js';

const replacer = (_key: string, value: unknown) => (typeof value === 'number' ? encodeNumber(value) : value);

/** The results as JSON, traces included; `summary` leaves the traces out. */
export function resultsToJson(results: ExperimentResults, { summary = false }: { summary?: boolean } = {}): string {
  const shown = summary ? { ...results, runs: results.runs.map(({ trace: _trace, ...run }) => run) } : results;
  return `${JSON.stringify(shown, replacer)}\n`;
}

export const csvColumns = [
  'label',
  'optimizer',
  'options',
  'schedule',
  'start',
  'status',
  'steps',
  'final_value',
  'final_point',
  'distance_to_minimum',
  'evaluations',
  'time_ms',
] as const;

/** One field of CSV (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const num = (x: number | null) => (x === null ? '' : String(x));
const vector = (x: readonly number[]) => JSON.stringify(x.map((v) => encodeNumber(v)));

function row(run: RunResult): string[] {
  const { name, ...options } = run.optimizer;
  return [
    run.label,
    name,
    JSON.stringify(options),
    run.schedule ? JSON.stringify(run.schedule) : '',
    vector(run.start),
    run.status,
    String(run.stoppedAt),
    num(run.finalValue),
    vector(run.finalPoint),
    num(run.distanceToMinimum),
    String(run.evaluations),
    run.timeMs.toFixed(3),
  ];
}

/** The summary table as CSV: a header, then one row per run; points and options as JSON inside their fields. */
export function resultsToCsv(results: ExperimentResults): string {
  const lines = [csvColumns.join(','), ...results.runs.map((run) => row(run).map(csvField).join(','))];
  return `${lines.join('\n')}\n`;
}
