/**
 * A sweep's files. While it runs, `results.jsonl` (the journal) gets one JSON line per finished run, keyed by the
 * run's key, so that an interrupted sweep (Ctrl-C, a kill, a crash) resumes where it stopped: opening the journal
 * reads the finished keys back, drops a last line cut short by a kill, and the sweep computes only the rest.
 * At the end, `results.json` (the ranking, every run, and apart from them the measured times) and `results.csv`
 * (the ranking, one row per configuration) and `runs.csv` (one row per run).
 *
 * The journal is Node-only (node:fs); the rest is plain data and strings. JSON has no NaN or Infinity: such numbers
 * travel as the strings "NaN", "Infinity", "-Infinity" (core/json-number).
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { fail } from '../core/errors.js';
import { decodeNumber, encodeNumber } from '../core/json-number.js';
import type { FunctionSpec } from './experiment-function.js';
import { csvField } from './results.js';
import type { RunOutcome, SweepPlan } from './sweep.js';
import { rankSweep, type RankedConfiguration, type Spread } from './sweep-rank.js';
import type { Metric } from './sweep-schema.js';

const replacer = (_key: string, value: unknown) => (typeof value === 'number' ? encodeNumber(value) : value);

/** The journal of finished runs: append-only, one line per run, read back on the next start. */
export class SweepJournal {
  /** The finished runs, by key. */
  readonly done = new Map<string, RunOutcome>();
  /** Whether a last line cut short (by a kill) was dropped. */
  readonly truncated: boolean = false;
  private fd: number | undefined;

  /** Opens (creating) the journal at `path`; `fresh` discards what it holds. */
  constructor(readonly path: string, { fresh = false }: { fresh?: boolean } = {}) {
    if (fresh) rmSync(path, { force: true });
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const end = text.lastIndexOf('\n') + 1;
    // Everything after the last newline is a line whose writing was cut short.
    this.truncated = end < text.length;
    text
      .slice(0, end)
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const [key, outcome] = decodeLine(line, `${path}:${i + 1}`);
        this.done.set(key, outcome);
      });
    this.fd = openSync(path, 'a');
    if (this.truncated) ftruncateSync(this.fd, Buffer.byteLength(text.slice(0, end)));
  }

  /** Records a finished run: one write of one whole line. */
  append(key: string, outcome: RunOutcome): void {
    if (this.fd === undefined) throw new Error('SweepJournal: closed');
    writeSync(this.fd, `${JSON.stringify({ key, ...outcome }, replacer)}\n`);
    this.done.set(key, outcome);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function decodeLine(line: string, where: string): [string, RunOutcome] {
  const bad = (why: string): never => fail('sweep', `${where}: ${why}; the journal is damaged (start over with --fresh)`);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return bad('not a line of JSON');
  }
  const number = (k: string) => decodeNumber(data[k]) ?? bad(`${k} is not a number`);
  const point = Array.isArray(data.finalPoint) ? data.finalPoint.map((x) => decodeNumber(x) ?? bad('finalPoint is not a list of numbers')) : bad('finalPoint is missing');
  if (typeof data.key !== 'string') bad('the line has no key');
  if (data.status !== 'converged' && data.status !== 'max-steps' && data.status !== 'diverged') bad(`unknown status ${JSON.stringify(data.status)}`);
  return [
    data.key as string,
    {
      status: data.status as RunOutcome['status'],
      stoppedAt: number('stoppedAt'),
      finalValue: number('finalValue'),
      finalPoint: point,
      distanceToMinimum: data.distanceToMinimum === null ? null : number('distanceToMinimum'),
      evaluations: number('evaluations'),
      timeMs: number('timeMs'),
    },
  ];
}

export interface SweepRunRecord {
  index: number;
  key: string;
  configuration: number;
  label: string;
  seed: number;
  startIndex: number;
  start: number[];
  status: RunOutcome['status'];
  stoppedAt: number;
  finalValue: number;
  finalPoint: number[];
  distanceToMinimum: number | null;
  evaluations: number;
}

export interface SweepResults {
  name: string;
  description?: string;
  metric: Metric;
  /** The sweep as described, with its seeds and metric. */
  config: Record<string, unknown>;
  function: { spec: FunctionSpec; name?: string; formula?: string; dim: number; minima?: Array<{ x: number[]; value: number }> };
  configurations: number;
  /** Best first. */
  ranking: RankedConfiguration[];
  /** In the plan's order. */
  runs: SweepRunRecord[];
  /** Measured times, which differ from session to session: everything else is the same bits every time. */
  timing: { runMs: number[]; totalRunMs: number };
}

/** The results of a plan whose every run has an outcome. */
export function sweepResults(plan: SweepPlan, outcomes: ReadonlyMap<string, RunOutcome>): SweepResults {
  const { sweep } = plan;
  const meta = sweep.objective.meta ?? {};
  const runs = plan.runs.map((run) => {
    const { timeMs: _t, ...o } = outcomes.get(run.key)!;
    return { index: run.index, key: run.key, configuration: run.configuration, label: plan.configurations[run.configuration].label, seed: run.seed, startIndex: run.startIndex, start: run.task.start, ...o };
  });
  const runMs = plan.runs.map((run) => outcomes.get(run.key)!.timeMs);
  return {
    name: sweep.name,
    ...(sweep.description !== undefined ? { description: sweep.description } : {}),
    metric: sweep.metric,
    config: sweep.config,
    function: {
      spec: sweep.function,
      ...(meta.name !== undefined ? { name: meta.name } : {}),
      ...(meta.formula !== undefined ? { formula: meta.formula } : {}),
      dim: sweep.objective.dim,
      ...(meta.minima !== undefined ? { minima: meta.minima.map(({ x, value }) => ({ x, value })) } : {}),
    },
    configurations: plan.configurations.length,
    ranking: rankSweep(plan, outcomes),
    runs,
    timing: { runMs, totalRunMs: runMs.reduce((a, b) => a + b, 0) },
  };
}

export function sweepResultsToJson(results: SweepResults): string {
  return `${JSON.stringify(results, replacer)}\n`;
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(encodeNumber(x)));
const spreadFields = (s: Spread | null) => [num(s?.median), num(s?.min), num(s?.max)];

/** The ranking as CSV: one row per configuration, best first; options and swept values as JSON in their fields. The
 * metric's columns keep their names whatever the metric (its name is in the `metric` column). */
export function sweepResultsToCsv(results: SweepResults): string {
  const head = ['rank', 'tied', 'label', 'optimizer', 'options', 'params', 'standing', 'runs', 'converged', 'diverged', 'metric', 'metric_median', 'metric_min', 'metric_max', 'final_value_median', 'steps_median'];
  const rows = results.ranking.map((r) => {
    const { name, ...options } = r.optimizer;
    const counts = [r.runs, r.converged, r.diverged].map(String);
    return [String(r.rank), String(r.tied), r.label, String(name), JSON.stringify(options), JSON.stringify(r.params), r.standing, ...counts, results.metric, ...spreadFields(r.metric), num(r.finalValue?.median), num(r.steps.median)];
  });
  return `${[head, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** Every run as CSV, in the plan's order. */
export function sweepRunsToCsv(results: SweepResults): string {
  const head = ['run', 'key', 'configuration', 'label', 'seed', 'start', 'status', 'steps', 'final_value', 'final_point', 'distance_to_minimum', 'evaluations'];
  const vector = (x: readonly number[]) => JSON.stringify(x.map(encodeNumber));
  const rows = results.runs.map((r) => [String(r.index), r.key, String(r.configuration), r.label, String(r.seed), vector(r.start), r.status, String(r.stoppedAt), num(r.finalValue), vector(r.finalPoint), num(r.distanceToMinimum), String(r.evaluations)]);
  return `${[head, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
