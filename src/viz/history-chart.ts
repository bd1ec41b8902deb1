/**
 * The curves of a training run (src/learn/history.ts): the loss per epoch — the mean of the epoch's batch losses,
 * the loss over the whole training set at the epoch's end, and the validation loss — and the learning rate each
 * step used. Epoch 0 is the initial weights. A loss falls over decades, so its axis is logarithmic unless some
 * value is ≤ 0 (a model whose loss can be negative), where it falls back to linear rather than drop points.
 */
import type { History } from '../learn/history.js';
import { lineChart, type Series } from './line-chart.js';
import { INK, runColour } from './palette.js';

export interface HistoryChartOptions {
  width?: number;
  height?: number;
  title?: string;
  id?: string;
}

/** Train and validation loss against the epoch. */
export function historyLossChart(history: History, options: HistoryChartOptions = {}): string {
  const epochs = history.epochs;
  const x = Float64Array.from({ length: epochs.length + 1 }, (_, k) => k);
  const diverged = history.stopReason === 'diverged';
  const end = diverged ? ('diverged' as const) : ('dot' as const);
  const series: Series[] = [
    { label: 'train (mean over batches)', colour: runColour(0), x: x.subarray(1), y: Float64Array.from(epochs, (e) => e.trainLoss), end },
    { label: 'train (whole set, epoch end)', colour: runColour(2), x, y: Float64Array.from([history.initial.trainLoss, ...epochs.map((e) => e.trainLossFull)]) },
  ];
  if (history.initial.validationLoss !== undefined) {
    series.push({ label: 'validation', colour: runColour(1), x, y: Float64Array.from([history.initial.validationLoss, ...epochs.map((e) => e.validationLoss ?? NaN)]), end });
  }
  const finite = series.flatMap((s) => Array.from(s.y).filter(Number.isFinite));
  const yType = finite.length > 0 && finite.every((v) => v > 0) ? 'log' : 'linear';
  const best = history.bestEpoch > 0 ? `; best epoch ${history.bestEpoch}` : '';
  return lineChart(series, {
    width: options.width ?? 720,
    height: options.height ?? 400,
    title: options.title ?? `Loss per epoch (${history.monitor} monitored${best})`,
    x: { label: 'epoch', type: 'linear', domain: [0, Math.max(1, epochs.length)] },
    y: { label: yType === 'log' ? 'loss (log scale)' : 'loss', type: yType },
    notes: diverged ? [{ label: 'diverged', kind: 'cross', colour: INK }] : [],
    ...(options.id ? { id: options.id } : {}),
  });
}

/** The learning rate of every optimizer step, piecewise constant. */
export function historyLrChart(history: History, options: HistoryChartOptions = {}): string {
  const lr = Float64Array.from(history.steps.lr);
  const x = Float64Array.from(lr, (_, k) => k + 1);
  // Loops, not Math.max(...lr): a long run has millions of steps.
  let low = Infinity;
  let high = 0;
  for (const v of lr) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const positive = lr.length > 0 && low > 0;
  const spread = positive ? high / low : 1;
  const yType = positive && spread > 100 ? 'log' : 'linear';
  return lineChart([{ label: 'learning rate', colour: runColour(3), x, y: lr }], {
    width: options.width ?? 720,
    height: options.height ?? 300,
    title: options.title ?? 'Learning rate per step',
    curve: 'step',
    x: { label: 'step', type: 'linear' },
    y: { label: yType === 'log' ? 'lr (log scale)' : 'lr', type: yType, ...(yType === 'linear' ? { domain: [0, high * 1.05 || 1] as const } : {}) },
    ...(options.id ? { id: options.id } : {}),
  });
}
