/**
 * What `descent train` writes once training has finished: history.json (configuration, data summary, model, the
 * whole history and the final metrics), history.csv (one row per epoch), and unless --no-report the loss curves
 * (loss.png, train vs validation per epoch), the learning-rate curve when the lr moved (lr.png), each with its
 * SVG twin, and the report index.html with the data summary, the model, the configuration and the final metrics
 * of train / validation / test. Everything is computed before the first file is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSummary } from '../learn/data/prepare.js';
import { historyToCsv, historyToJson, type History } from '../learn/history.js';
import type { Evaluation } from '../learn/metrics.js';
import type { Model } from '../learn/types.js';
import { historyLossChart, historyLrChart } from '../viz/history-chart.js';
import { svgToPng } from '../viz/raster.js';
import { writeReport, type ReportFigure, type ReportSection, type ReportTable } from '../viz/report.js';
import type { TrainConfig } from './train-config.js';

export interface TrainOutcome {
  config: TrainConfig;
  summary: DataSummary;
  model: Model;
  history: History;
  /** The final weights' loss and metrics on each split there is. */
  final: { train: Evaluation; validation?: Evaluation; test?: Evaluation };
}

/** The model as data: its name, task, sizes and parameter count. */
export function modelInfo(model: Model): Record<string, unknown> {
  const parameters = model.parameters.reduce((n, p) => n + p.data.length, 0);
  const layers = (model as Model & { layers?: readonly number[] }).layers;
  return { name: model.name, task: model.task, inputs: model.inputs, outputs: model.outputs, ...(layers ? { layers: [...layers] } : {}), parameters };
}

/** The final metrics as a table: one row per split, loss then each metric. */
export function finalTable(final: TrainOutcome['final']): ReportTable {
  const splits = (['train', 'validation', 'test'] as const).filter((s) => final[s] !== undefined);
  const keys = Object.keys(final.train.metrics);
  return {
    columns: ['split', 'loss', ...keys],
    rows: splits.map((s) => [s, final[s]!.loss, ...keys.map((k) => final[s]!.metrics[k as keyof Evaluation['metrics']])]),
  };
}

async function pngFigure(file: string, svg: string, alt: string, caption: string): Promise<ReportFigure> {
  return { file: `${file}.png`, alt, caption, data: await svgToPng(svg), twins: [{ file: `${file}.svg`, data: svg }] };
}

function lrMoved(history: History): boolean {
  const lr = history.steps.lr;
  for (let k = 1; k < lr.length; k++) if (lr[k] !== lr[0]) return true;
  return false;
}

export function historyJson(outcome: TrainOutcome): string {
  const { config, summary, model, history, final } = outcome;
  return historyToJson(history, { name: config.name, config, data: summary, model: modelInfo(model), final });
}

/** Writes every file into outDir; returns the files written (relative) and the report's path when there is one. */
export async function writeTrainOutputs(outcome: TrainOutcome, outDir: string, report: boolean): Promise<{ files: string[]; index?: string }> {
  const { config, summary, model, history, final } = outcome;
  const json = historyJson(outcome);
  const csv = historyToCsv(history);
  const figures: ReportFigure[] = [];
  if (report) {
    figures.push(await pngFigure('loss', historyLossChart(history), 'loss per epoch', 'Train loss (mean over the batches, and over the whole set at the end of each epoch) and validation loss per epoch; epoch 0 is the initial weights.'));
    if (config.schedule || lrMoved(history)) figures.push(await pngFigure('lr', historyLrChart(history), 'learning rate per step', `Learning rate of each step (${config.schedule?.name ?? 'constant'}).`));
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'history.json'), json);
  writeFileSync(join(outDir, 'history.csv'), csv);
  const files = ['history.json', 'history.csv'];
  if (!report) return { files };
  const sections: ReportSection[] = [
    { title: 'Final metrics', text: finalText(history), table: finalTable(final) },
    { title: 'Training curves', figures },
    { title: 'Data', text: dataText(summary), config: summary },
    { title: 'Model', text: `${model.name} (${model.task}): ${model.inputs} inputs, ${model.outputs} output${model.outputs === 1 ? '' : 's'}, ${modelInfo(model).parameters} parameters.`, config: modelInfo(model) },
  ];
  const index = await writeReport(outDir, {
    title: `${config.name}: training report`,
    intro: [config.description, `${model.name} on ${summary.name}, ${config.optimizer.name}, batch size ${config.batchSize}, ${history.epochs.length} of ${config.epochs} epochs (${history.stopReason}).`].filter((p) => p !== undefined).join('\n\n'),
    sections,
    config,
  });
  files.push(...figures.flatMap((f) => [f.file, ...(f.twins ?? []).map((t) => t.file)]), 'index.html');
  return { files, index };
}

function finalText(h: History): string {
  const speed = `${Math.round(h.samplesPerSecond).toLocaleString('en-US')} samples/s`;
  const best = h.bestEpoch > 0 ? `best epoch ${h.bestEpoch} by ${h.monitor}` : 'no finite best epoch';
  const restored = h.restoredBest ? '; the weights are those of the best epoch (restoreBest)' : '';
  return `Stopped: ${h.stopReason} after ${h.epochs.length} epoch${h.epochs.length === 1 ? '' : 's'} (${h.samples} samples, ${speed}); ${best}${restored}.`;
}

function dataText(s: DataSummary): string {
  const dropped = s.rows.dropped > 0 ? `, ${s.rows.dropped} dropped for missing cells` : '';
  return [
    `${s.name} (${s.source}): ${s.rows.read} rows read, ${s.rows.used} used${dropped}.`,
    `Target ${s.target.name} (${s.target.task}${s.target.classes ? `: ${s.target.classes.join(', ')}` : ''}); features ${s.featureNames.join(', ')}.`,
    `Split: ${s.splits.train} train, ${s.splits.validation} validation, ${s.splits.test} test (seed ${s.seed}); scaling ${s.scale} fitted on the training rows; missing cells: ${s.missingPolicy}.`,
  ].join('\n\n');
}
