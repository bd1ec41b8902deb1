/**
 * `descent run experiment.yaml [--out dir] [--json] [--no-report] [--quiet | --verbose]`, or the quick form without a file
 * (quick-experiment.ts). Runs every optimizer from every start, prints the summary table, and writes
 * results.json (everything, traces included) and results.csv (the table) under `--out`, by default
 * `descent-out/<experiment name>`, with the pictures and the HTML report index.html beside them (run-report.ts;
 * `--no-report` skips them). `--json` prints the results as JSON on stdout instead of the table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail } from '../core/errors.js';
import { parseExperiment, parseExperimentText, type Experiment } from '../engine/experiment.js';
import { resultsToCsv, resultsToJson } from '../engine/results.js';
import { runExperiment, type ExperimentResults, type RunResult } from '../engine/run-experiment.js';
import { startProgress } from './progress.js';
import { quickDescription, quickFlagNames, usesQuickForm, type QuickFlags } from './quick-experiment.js';
import { folderName, fmt, point, resultsHeading, resultsTable } from './results-table.js';
import { writeRunReport } from './run-report.js';
import { makeTable } from './table.js';

export interface RunFlags extends QuickFlags {
  out?: string;
  name?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** False with --no-report: results.json and results.csv only, no pictures and no HTML report. */
  report?: boolean;
}

/** The experiment from a file (YAML or JSON, by its extension; YAML reads JSON too) or from the quick-form flags. */
export function loadExperiment(file: string | undefined, flags: RunFlags): Experiment {
  if (file !== undefined) {
    if (usesQuickForm(flags)) fail('run', `give an experiment file or the quick-form flags (${quickFlagNames.join(', ')}), not both`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      fail('run', `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const extension = extname(file).toLowerCase();
    const experiment = parseExperimentText(text, { format: extension === '.json' ? 'json' : 'yaml', source: file, name: basename(file, extname(file)) });
    return flags.name !== undefined ? { ...experiment, name: flags.name } : experiment;
  }
  if (flags.function === undefined) fail('run', 'give an experiment file, or --function and --optimizer (see descent run --help)');
  const experiment = parseExperiment(quickDescription(flags), flags.name !== undefined ? { name: flags.name } : {});
  return experiment;
}

/** The summary table: one row per run. */
export function formatResults(results: ExperimentResults): string {
  const { columns, rows } = resultsTable(results);
  const table = makeTable(columns);
  table.push(...rows);
  return `${resultsHeading(results)}\n${table.toString()}`;
}

function describeRun(run: RunResult, done: number, total: number): string {
  const end = run.status === 'converged' ? `converged at step ${run.stoppedAt}` : run.status === 'diverged' ? `diverged at step ${run.stoppedAt}` : `${run.stoppedAt} steps`;
  return `[${done}/${total}] ${run.label} from ${point(run.start)}: ${end}, f = ${fmt(run.finalValue)} (${run.timeMs.toFixed(1)} ms)`;
}

export async function runCommand(file: string | undefined, flags: RunFlags): Promise<void> {
  if (flags.quiet && flags.verbose) fail('run', '--quiet and --verbose exclude each other');
  const experiment = loadExperiment(file, flags);
  const log = (line: string) => {
    if (!flags.quiet) (flags.json ? console.error : console.log)(line);
  };
  const total = experiment.starts.length * experiment.optimizers.length;
  if (flags.verbose) {
    const o = experiment.objective;
    console.error(`${experiment.name}: ${o.meta?.name ?? 'f'} in ${o.dim} variables, ${experiment.starts.length} start(s) × ${experiment.optimizers.length} optimizer(s), at most ${experiment.steps} steps, seed ${experiment.seed}`);
  }
  // Progress in steps: each run counts for its full number of steps, however early it stops.
  const { steps } = experiment;
  const showProgress = !flags.quiet && !flags.verbose && process.stderr.isTTY === true;
  const progress = startProgress(total * steps, { enabled: showProgress });
  const labels = experiment.starts.flatMap(() => experiment.optimizers.map((o) => o.label));
  let results: ExperimentResults;
  try {
    results = runExperiment(experiment, {
      ...(showProgress ? { onStep: (runIndex: number, step: number) => progress.update(runIndex * steps + step, labels[runIndex]) } : {}),
      onRun: (run, done) => {
        if (flags.verbose) console.error(describeRun(run, done, total));
      },
    });
  } finally {
    progress.stop();
  }

  const outDir = flags.out ?? join('descent-out', folderName(experiment.name));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), resultsToJson(results));
  writeFileSync(join(outDir, 'results.csv'), resultsToCsv(results));
  const report = flags.report === false ? undefined : await writeRunReport(results, outDir, experiment);

  if (flags.json) process.stdout.write(resultsToJson(results));
  else log(formatResults(results));
  log(`results written to ${outDir.replace(/\/+$/, '')}/ (results.json, results.csv)`);
  if (report) log(`report: ${report.index} (${report.figures} picture${report.figures === 1 ? '' : 's'})`);
}
