/**
 * What a training run leaves behind: one record per epoch (train loss as the mean of the epoch's batch losses and
 * over the whole set at the epoch's end, validation loss and metrics, learning rate, time), the learning rate and
 * loss of every step, the best epoch and why the run stopped — and that history as JSON and CSV files, strings so
 * that a browser can offer them as the command line writes them.
 *
 * JSON has no NaN or Infinity: such numbers travel as the strings "NaN", "Infinity", "-Infinity" (core/json-number).
 */
import { encodeNumber } from '../core/json-number.js';
import type { MetricName } from './metrics.js';

/**
 * Why training ended: all epochs done, early stopping, a non-finite (or exploding) loss, or the onEpoch / onStep
 * callback returning 'stop'.
 */
export type StopReason = 'epochs' | 'early-stopping' | 'diverged' | 'callback';

export interface EpochRecord {
  /** 1 for the first epoch. */
  epoch: number;
  /** Mean of the epoch's batch losses (each taken before its step), as Keras reports it. */
  trainLoss: number;
  /** The loss over the whole training set with the weights at the epoch's end. */
  trainLossFull: number;
  trainMetrics: Partial<Record<MetricName, number>>;
  validationLoss?: number;
  validationMetrics?: Partial<Record<MetricName, number>>;
  /** The learning rate of the epoch's first step (first param group). */
  lr: number;
  /** Optimizer steps taken in this epoch (batches). */
  steps: number;
  /** Rows seen in this epoch. */
  samples: number;
  /** Wall time of the epoch, evaluation included. */
  timeMs: number;
}

export interface History {
  /** Before the first step: the full-set losses of the initial weights (the curves' epoch 0). */
  initial: { trainLoss: number; validationLoss?: number };
  epochs: EpochRecord[];
  /** Per optimizer step: the learning rate it used and its batch's loss (before the step). */
  steps: { lr: number[]; loss: number[] };
  /** What early stopping, ReduceLROnPlateau and the best epoch look at. */
  monitor: 'validation loss' | 'train loss';
  /** The epoch (1-based) with the lowest monitored loss; 0 when no epoch finished with a finite one. */
  bestEpoch: number;
  stopReason: StopReason;
  /** Whether the weights were set back to those of the best epoch at the end (earlyStopping.restoreBest). */
  restoredBest: boolean;
  /** Rows trained on, over all epochs. */
  samples: number;
  /** Time in training steps (loss, gradient, optimizer, schedule), evaluation left out. */
  trainTimeMs: number;
  /** samples / trainTimeMs, per second. */
  samplesPerSecond: number;
  /** Wall time of the whole fit. */
  timeMs: number;
}

/** The monitored loss of an epoch. */
export function monitored(history: Pick<History, 'monitor'>, record: EpochRecord): number {
  return history.monitor === 'validation loss' ? (record.validationLoss ?? NaN) : record.trainLossFull;
}

const replacer = (_key: string, value: unknown) => (typeof value === 'number' ? encodeNumber(value) : value);

/** The history as JSON (with whatever `extra` the caller adds at the top: the configuration, the data summary). */
export function historyToJson(history: History, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...extra, ...history }, replacer)}\n`;
}

/** One row per epoch: epoch, losses, each metric of each split, lr, steps, samples, time. Epoch 0: the start. */
export function historyToCsv(history: History): string {
  const trainKeys = metricKeys(history.epochs.map((e) => e.trainMetrics));
  const validationKeys = metricKeys(history.epochs.map((e) => e.validationMetrics ?? {}));
  const hasValidation = history.initial.validationLoss !== undefined;
  const columns = [
    'epoch',
    'train_loss',
    'train_loss_full',
    ...(hasValidation ? ['validation_loss'] : []),
    ...trainKeys.map((k) => `train_${k}`),
    ...validationKeys.map((k) => `validation_${k}`),
    'lr',
    'steps',
    'samples',
    'time_ms',
  ];
  const num = (x: number | undefined) => (x === undefined ? '' : String(x));
  const start = ['0', '', num(history.initial.trainLoss), ...(hasValidation ? [num(history.initial.validationLoss)] : []), ...trainKeys.map(() => ''), ...validationKeys.map(() => ''), '', '0', '0', ''];
  const rows = history.epochs.map((e) => [
    String(e.epoch),
    num(e.trainLoss),
    num(e.trainLossFull),
    ...(hasValidation ? [num(e.validationLoss)] : []),
    ...trainKeys.map((k) => num(e.trainMetrics[k])),
    ...validationKeys.map((k) => num(e.validationMetrics?.[k])),
    num(e.lr),
    String(e.steps),
    String(e.samples),
    e.timeMs.toFixed(3),
  ]);
  return [columns, start, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

function metricKeys(records: ReadonlyArray<Partial<Record<MetricName, number>>>): MetricName[] {
  const keys: MetricName[] = [];
  for (const r of records) for (const k of Object.keys(r) as MetricName[]) if (!keys.includes(k)) keys.push(k);
  return keys;
}
