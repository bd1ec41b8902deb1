/**
 * `descent sweep sweep.yaml [--out dir] [--workers n] [--json] [--quiet | --verbose] [--fresh] [--top n]`: runs a
 * sweep (engine/sweep-schema.ts) on worker threads, with a progress bar on a terminal, appending each finished
 * run to results.jsonl; prints the ranking and writes results.json, results.csv, runs.csv, the pictures and
 * index.html under `--out` (default `descent-out/<name>`). Run again after an interruption, it resumes: the runs
 * in results.jsonl are not computed again. Ctrl-C stops cleanly (the runs in progress are written) with code 130.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail } from '../core/errors.js';
import { runSweep, type SweepRun } from '../engine/run-sweep.js';
import type { RankedConfiguration } from '../engine/sweep-rank.js';
import { sweepResultsToCsv, sweepResultsToJson, sweepRunsToCsv, type SweepResults } from '../engine/sweep-results.js';
import { parseSweepText, type Sweep } from '../engine/sweep-schema.js';
import { startProgress, type Progress } from './progress.js';
import { writeSweepReport } from './sweep-report.js';
import { makeTable } from './table.js';

export interface SweepFlags {
  out?: string;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  fresh?: boolean;
  top?: string;
}

/** The exit code of a sweep stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

const metricNames = { 'final-value': 'final value', steps: 'steps to tol', distance: 'distance to minimum' } as const;

function integerFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) fail('sweep', `--${flag} needs an integer >= 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

export function loadSweep(file: string): Sweep {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail('sweep', `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const extension = extname(file).toLowerCase();
  return parseSweepText(text, { format: extension === '.json' ? 'json' : 'yaml', source: file, name: basename(file, extname(file)) });
}

/** Six significant digits; small numbers as exponentials. */
function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : String(x);
  const rounded = Number(x.toPrecision(6));
  return rounded !== 0 && Math.abs(rounded) < 1e-4 ? rounded.toExponential() : String(rounded);
}

function standing(c: RankedConfiguration): string {
  if (c.standing === 'diverged') return c.runs === 1 ? 'diverged' : `diverged (${c.diverged}/${c.runs} runs)`;
  if (c.converged === c.runs) return 'converged';
  if (c.converged === 0) return c.standing === 'not-converged' ? 'not converged' : 'max-steps';
  return `${c.converged}/${c.runs} converged`;
}

/** The ranking as a table: the first `top` configurations, then what was left out. */
export function formatSweep(results: SweepResults, top = 20): string {
  const perConfiguration = results.runs.length / results.configurations;
  const metric = metricNames[results.metric];
  const spread = perConfiguration > 1;
  // Beside the metric, the other thing one wants to know: how many steps it took, or (ranking by steps) where it got.
  const steps = results.metric === 'steps';
  const table = makeTable(['rank', 'configuration', spread ? `${metric} (median)` : metric, ...(spread ? ['min', 'max'] : []), steps ? 'final value' : 'steps', 'status']);
  for (const c of results.ranking.slice(0, top)) {
    const other = steps ? fmt(c.finalValue?.median) : fmt(c.steps.median);
    table.push([`${c.rank}${c.tied ? '=' : ''}`, c.label, fmt(c.metric?.median), ...(spread ? [fmt(c.metric?.min), fmt(c.metric?.max)] : []), other, standing(c)]);
  }
  const config = results.config as { steps?: number };
  const title = `${results.name}: ${results.configurations} configuration${results.configurations === 1 ? '' : 's'}, ${results.runs.length} runs on ${results.function.name ?? 'f'}${
    config.steps !== undefined ? ` (at most ${config.steps} steps)` : ''
  }, ranked by ${metric}${spread ? ` (median of ${perConfiguration} runs each)` : ''}, lower is better`;
  const notes: string[] = [];
  const left = results.ranking.length - top;
  if (left > 0) notes.push(`… and ${left} more configuration${left === 1 ? '' : 's'} (all in results.csv)`);
  const diverged = results.ranking.filter((c) => c.standing === 'diverged').length;
  if (diverged > 0) notes.push(`${diverged} configuration${diverged === 1 ? '' : 's'} diverged and rank${diverged === 1 ? 's' : ''} last`);
  if (results.ranking.some((c) => c.tied)) notes.push('= marks a tie: equal values share a rank');
  return [title, table.toString(), ...notes].join('\n');
}

/** A name safe as a folder name. */
function folderName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'sweep';
}

/** Runs the command; returns its exit code (0, or 130 when interrupted). Bad input throws a DescentError. */
export async function sweepCommand(file: string, flags: SweepFlags): Promise<number> {
  if (flags.quiet && flags.verbose) fail('sweep', '--quiet and --verbose exclude each other');
  const workers = integerFlag('workers', flags.workers);
  const top = integerFlag('top', flags.top) ?? 20;
  const sweep = loadSweep(file);
  const outDir = flags.out ?? join('descent-out', folderName(sweep.name));
  mkdirSync(outDir, { recursive: true });
  const journal = join(outDir, 'results.jsonl');
  const note = (line: string) => {
    if (!flags.quiet) console.error(line);
  };

  // Ctrl-C (or a kill's TERM): finish the runs in progress, keep them, say how to resume. A second one quits at once.
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let progress: Progress | undefined;
  let outcome: SweepRun;
  try {
    outcome = await runSweep(sweep, {
      ...(workers !== undefined ? { workers } : {}),
      journal,
      fresh: flags.fresh ?? false,
      signal: controller.signal,
      onStart: ({ done, total, toCompute, workers: threads, truncated }) => {
        if (truncated) note(`${journal}: its last line was cut short (by a kill?); that run is computed again`);
        if (done > 0) note(`resuming: ${done} of ${total} runs already done (${journal})`);
        if (flags.verbose) console.error(`${sweep.name}: ${total} runs, computing ${toCompute} on ${threads} worker${threads === 1 ? '' : 's'}`);
        progress = startProgress(total, { enabled: !flags.quiet && !flags.verbose && process.stderr.isTTY === true });
      },
      onRun: ({ run, label, outcome: o, done, total }) => {
        if (flags.verbose) console.error(`[${done}/${total}] ${label}, seed ${run.seed}, start ${run.startIndex}: ${o.status} after ${o.stoppedAt} steps, f = ${fmt(o.finalValue)}`);
        progress?.update(done, label);
      },
    });
  } finally {
    progress?.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }

  if (outcome.interrupted) {
    note(`interrupted: ${outcome.done} of ${outcome.total} runs done, kept in ${journal}; run the same command again to resume`);
    return INTERRUPTED;
  }
  const results = outcome.results!;
  if (flags.verbose || outcome.resumed > 0) note(`${outcome.total} runs: ${outcome.computed} computed now${outcome.resumed > 0 ? `, ${outcome.resumed} resumed from ${journal}` : ''}`);
  writeFileSync(join(outDir, 'results.json'), sweepResultsToJson(results));
  writeFileSync(join(outDir, 'results.csv'), sweepResultsToCsv(results));
  writeFileSync(join(outDir, 'runs.csv'), sweepRunsToCsv(results));
  const pictures = await writeSweepReport(results, sweep, outDir);
  if (flags.json) process.stdout.write(sweepResultsToJson(results));
  else if (!flags.quiet) console.log(formatSweep(results, top));
  const files = ['results.json', 'results.csv', 'runs.csv', 'results.jsonl', ...pictures];
  if (!flags.quiet) (flags.json ? console.error : console.log)(`results written to ${outDir}/ (${files.join(', ')})`);
  return 0;
}
