/**
 * `descent train [file] [--data cars --target Miles_per_Gallon --model linear --optimizer "sgd lr=0.01" …]`: prepare
 * a data set, build a model, fit it (src/learn/fit.ts) with a progress bar on a terminal, print the final metrics,
 * and write the history, the curves and a report (train-report.ts) under `--out`, by default
 * `descent-out/<name>`. The description comes from a YAML/JSON file or from the flags (train-config.ts), not both.
 * Bad input fails before anything is written; the folder is written only once training has finished.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail } from '../core/errors.js';
import { ExperimentError } from '../engine/problems.js';
import { prepareData } from '../learn/data/prepare-data.js';
import { fit } from '../learn/fit.js';
import { getOptimizer } from '../optim/registry.js';
import type { EpochRecord } from '../learn/history.js';
import { evaluate, type MetricName } from '../learn/metrics.js';
import { startProgress } from './progress.js';
import { fmt, folderName } from './results-table.js';
import { makeTable } from './table.js';
import { parseTrainConfig, parseTrainText, type TrainConfig } from './train-config.js';
import { buildModel } from './train-models.js';
import { finalTable, historyJson, writeTrainOutputs, type TrainOutcome } from './train-report.js';

export interface TrainFlags {
  data?: string;
  target?: string;
  features?: string;
  model?: string;
  optimizer?: string;
  schedule?: string;
  scheduleStep?: string;
  earlyStopping?: string;
  epochs?: string;
  batchSize?: string;
  scale?: string;
  missing?: string;
  validation?: string;
  test?: string;
  metrics?: string;
  seed?: string;
  dtype?: string;
  name?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  report?: boolean;
}

/** Description keys given by flags, with the flag that gives each (for messages). */
const flagOf: Record<string, string> = {
  data: '--data', target: '--target', features: '--features', model: '--model', optimizer: '--optimizer', schedule: '--schedule',
  scheduleStep: '--schedule-step', earlyStopping: '--early-stopping', epochs: '--epochs', batchSize: '--batch-size', scale: '--scale',
  missing: '--missing', validation: '--validation', test: '--test', metrics: '--metrics', seed: '--seed', dtype: '--dtype',
};
const numeric = new Set(['epochs', 'batchSize', 'validation', 'test', 'seed']);

/** The flags as a description: numbers read as numbers (text that is not one is kept, for the schema to name). */
function describeFlags(flags: TrainFlags): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (const key of Object.keys(flagOf)) {
    const value = flags[key as keyof TrainFlags];
    if (typeof value !== 'string') continue;
    if (numeric.has(key)) d[key] = value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    else if (key === 'features' || key === 'metrics') d[key] = value.split(',').map((s) => s.trim());
    else d[key] = value;
  }
  return d;
}

/** The configuration from a file or from the flags; problems from flags are named by the flag. */
export function loadTrainConfig(file: string | undefined, flags: TrainFlags): TrainConfig {
  const given = Object.keys(flagOf).filter((key) => flags[key as keyof TrainFlags] !== undefined);
  if (file !== undefined) {
    if (given.length > 0) fail('train', `give a training file or the flags (${given.map((k) => flagOf[k]).join(', ')}), not both`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      fail('train', `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const config = parseTrainText(text, { format: extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', source: file, name: basename(file, extname(file)) });
    return flags.name !== undefined ? { ...config, name: flags.name } : config;
  }
  if (flags.data === undefined) fail('train', 'give a training file, or --data, --model and --optimizer (see descent train --help)');
  const description = { optimizer: 'sgd lr=0.01', ...describeFlags(flags), ...(flags.name !== undefined ? { name: flags.name } : {}) };
  try {
    return parseTrainConfig(description);
  } catch (error) {
    if (!(error instanceof ExperimentError)) throw error;
    // `batchSize: must be …` reads better as `--batch-size: must be …` when the user typed flags.
    const problems = error.problems.map((p) => {
      const [key, ...rest] = p.path.split(/(?=[.[])/);
      return { path: (flagOf[key] ?? key) + rest.join(''), message: p.message };
    });
    throw new ExperimentError(problems, 'train');
  }
}

function describeEpoch(r: EpochRecord, epochs: number): string {
  const validation = r.validationLoss !== undefined ? `, validation ${fmt(r.validationLoss)}` : '';
  const metrics = Object.entries(r.validationMetrics ?? r.trainMetrics).map(([k, v]) => `${k} ${fmt(v as number)}`).join(', ');
  return `epoch ${r.epoch}/${epochs}: train ${fmt(r.trainLoss)}${validation}${metrics ? ` (${metrics})` : ''}, lr ${fmt(r.lr)}, ${r.timeMs.toFixed(1)} ms`;
}

/** Prepares the data, fits the model and evaluates the final weights; writes nothing. */
export function train(config: TrainConfig, hooks: { onEpoch?: (r: EpochRecord) => void; onStep?: (step: number, epoch: number, loss: number) => void; progressTotal?: (steps: number) => void } = {}): TrainOutcome {
  const prepared = prepareData(config.data, {
    ...(config.target !== undefined ? { target: config.target } : {}),
    ...(config.features ? { features: config.features } : {}),
    missing: config.missing,
    scale: config.scale,
    split: { validation: config.validation, test: config.test },
    seed: config.seed,
    dtype: config.dtype,
  });
  const { train: trainSet, validation, test, summary } = prepared;
  // The model's precision follows the data's unless the model spec says otherwise.
  const model = buildModel({ dtype: config.dtype, ...(config.model ?? {}) }, trainSet);
  const batchSize = config.batchSize ?? (getOptimizer(config.optimizer.name).needsClosure ? trainSet.rows : Math.min(32, trainSet.rows));
  if (batchSize > trainSet.rows) fail('train', `batchSize ${batchSize} is larger than the ${trainSet.rows} training rows of ${summary.name}`);
  const perEpoch = Math.ceil(trainSet.rows / batchSize);
  hooks.progressTotal?.(perEpoch * config.epochs);
  const history = fit(model, trainSet, {
    optimizer: config.optimizer,
    ...(config.schedule ? { schedule: config.schedule } : {}),
    scheduleStep: config.scheduleStep,
    epochs: config.epochs,
    batchSize,
    shuffle: config.shuffle,
    ...(validation ? { validation } : {}),
    ...(config.earlyStopping ? { earlyStopping: config.earlyStopping } : {}),
    ...(config.metrics ? { metrics: config.metrics } : {}),
    seed: config.seed,
    ...(hooks.onEpoch ? { onEpoch: (r: EpochRecord) => void hooks.onEpoch!(r) } : {}),
    ...(hooks.onStep ? { onStep: (s: number, e: number, l: number) => void hooks.onStep!(s, e, l) } : {}),
  });
  const metrics = (config.metrics ?? undefined) as MetricName[] | undefined;
  const final = {
    train: evaluate(model, trainSet, metrics),
    ...(validation ? { validation: evaluate(model, validation, metrics) } : {}),
    ...(test ? { test: evaluate(model, test, metrics) } : {}),
  };
  return { config: { ...config, batchSize }, summary, model, history, final };
}

export async function trainCommand(file: string | undefined, flags: TrainFlags): Promise<void> {
  if (flags.quiet && flags.verbose) fail('train', '--quiet and --verbose exclude each other');
  const config = loadTrainConfig(file, flags);
  const log = (line: string) => {
    if (!flags.quiet) (flags.json ? console.error : console.log)(line);
  };
  const showProgress = !flags.quiet && !flags.verbose && process.stderr.isTTY === true;
  let progress = startProgress(0, { enabled: false });
  let outcome: TrainOutcome;
  try {
    outcome = train(config, {
      progressTotal: (steps) => (progress = startProgress(steps, { enabled: showProgress })),
      ...(showProgress ? { onStep: (step: number, epoch: number) => progress.update(step, `epoch ${epoch}/${config.epochs}`) } : {}),
      ...(flags.verbose ? { onEpoch: (r: EpochRecord) => console.error(describeEpoch(r, config.epochs)) } : {}),
    });
  } finally {
    progress.stop();
  }
  const outDir = flags.out ?? join('descent-out', folderName(config.name));
  const written = await writeTrainOutputs(outcome, outDir, flags.report !== false);
  const { history, summary, model } = outcome;
  const { batchSize } = outcome.config;
  if (flags.json) process.stdout.write(historyJson(outcome));
  const { columns, rows } = finalTable(outcome.final);
  const table = makeTable([...columns]);
  table.push(...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : String(c ?? '')))));
  log(`${config.name}: ${model.name} on ${summary.name} (${summary.target.name}, ${summary.splits.train} train / ${summary.splits.validation} validation / ${summary.splits.test} test rows), ${config.optimizer.name}, batch size ${batchSize}`);
  log(`stopped: ${history.stopReason} after ${history.epochs.length} of ${config.epochs} epochs; best epoch ${history.bestEpoch} (${history.monitor})${history.restoredBest ? ', best weights restored' : ''}; ${Math.round(history.samplesPerSecond)} samples/s`);
  log(table.toString());
  log(`history written to ${outDir.replace(/\/+$/, '')}/ (${written.files.filter((f) => f.startsWith('history')).join(', ')})`);
  if (written.index) log(`report: ${written.index}`);
}
