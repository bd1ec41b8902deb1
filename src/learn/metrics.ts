/**
 * How good a model is on a whole split: its loss (the model's own, regulariser included) and the metrics a user
 * reads — mse, rmse, mae and r² for a regression, accuracy for a classification.
 *
 * An `Evaluator` walks the split in chunks of rows, viewing x and y in place (subarray, no copy) and writing the
 * predictions into one buffer it allocates once, so evaluating every epoch allocates nothing per chunk.
 */
import { fail, show } from '../core/errors.js';
import type { FloatArray } from '../core/float-array.js';
import type { Dataset, Model, Task } from './types.js';

export const regressionMetrics = ['mse', 'rmse', 'mae', 'r2'] as const;
export const classificationMetrics = ['accuracy'] as const;
export type MetricName = (typeof regressionMetrics)[number] | (typeof classificationMetrics)[number];
export const metricNames: readonly MetricName[] = [...regressionMetrics, ...classificationMetrics];

/** The metrics of a task when none are asked for. */
export function defaultMetrics(task: Task): MetricName[] {
  return task === 'regression' ? [...regressionMetrics] : [...classificationMetrics];
}

/** Checks that each name is a metric that the task has; returns them as MetricNames. */
export function checkMetrics(names: readonly string[], task: Task, owner = 'fit'): MetricName[] {
  const allowed: readonly string[] = task === 'regression' ? regressionMetrics : classificationMetrics;
  for (const name of names) {
    if (!(metricNames as readonly string[]).includes(name)) fail(owner, `unknown metric ${show(name)} (known: ${metricNames.join(', ')})`);
    if (!allowed.includes(name)) fail(owner, `metric ${show(name)} does not apply to a ${task} model (it has: ${allowed.join(', ')})`);
  }
  return [...new Set(names)] as MetricName[];
}

/** The loss and the metrics of one split. */
export interface Evaluation {
  loss: number;
  metrics: Partial<Record<MetricName, number>>;
}

/** Rows per chunk: large enough to amortise the calls, small enough for the prediction buffer to stay in cache. */
const CHUNK_ROWS = 2048;

/** Sums over a split, accumulated chunk by chunk. */
interface Sums {
  squared: number;
  absolute: number;
  correct: number;
  /** Σy and Σy², for r²'s total sum of squares. */
  y: number;
  y2: number;
}

export class Evaluator {
  readonly model: Model;
  readonly metrics: readonly MetricName[];
  /** Prediction buffers, one per precision, made at first use. */
  private out64?: Float64Array;
  private out32?: Float32Array;

  constructor(model: Model, metrics: readonly MetricName[]) {
    this.model = model;
    this.metrics = checkMetrics(metrics, model.task);
  }

  /** The prediction buffer in the data's precision (a model may write only its own). */
  private buffer(x: FloatArray): FloatArray {
    const size = CHUNK_ROWS * this.model.outputs;
    if (x instanceof Float32Array) return (this.out32 ??= new Float32Array(size));
    return (this.out64 ??= new Float64Array(size));
  }

  /** The split's mean loss and its metrics. An empty split is an error (the caller checked the data). */
  evaluate(data: Dataset): Evaluation {
    const { model, metrics } = this;
    const { rows, features } = data;
    if (rows === 0) fail('evaluate', `the data set ${show(data.name)} has no rows`);
    if (features !== model.inputs) fail('evaluate', `the data set ${show(data.name)} has ${features} features, the model takes ${model.inputs}`);
    const needPredictions = metrics.length > 0;
    const sums: Sums = { squared: 0, absolute: 0, correct: 0, y: 0, y2: 0 };
    let lossSum = 0;
    const out = this.buffer(data.x);
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, rows - start);
      const x = data.x.subarray(start * features, (start + n) * features);
      const y = data.y.subarray(start, start + n);
      // model.loss is a mean over the chunk (plus λR(W)); weighting by rows gives the mean over the split.
      lossSum += model.loss({ x, y, rows: n }) * n;
      if (needPredictions) {
        model.predict(x, n, out);
        accumulate(model, out, y, n, sums);
      }
    }
    return { loss: lossSum / rows, metrics: finish(metrics, sums, rows) };
  }
}

/** Adds one chunk's errors (regression) or correct answers (classification) to the sums. */
function accumulate(model: Model, out: FloatArray, y: FloatArray, n: number, sums: Sums): void {
  if (model.task === 'regression') {
    for (let i = 0; i < n; i++) {
      const e = out[i] - y[i];
      sums.squared += e * e;
      sums.absolute += Math.abs(e);
      sums.y += y[i];
      sums.y2 += y[i] * y[i];
    }
  } else if (model.task === 'binary') {
    // P(y = 1) ≥ ½ predicts class 1.
    for (let i = 0; i < n; i++) if ((out[i] >= 0.5 ? 1 : 0) === y[i]) sums.correct += 1;
  } else {
    const k = model.outputs;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (out[i * k + c] > out[i * k + best]) best = c;
      if (best === y[i]) sums.correct += 1;
    }
  }
}

function finish(metrics: readonly MetricName[], s: Sums, rows: number): Partial<Record<MetricName, number>> {
  const result: Partial<Record<MetricName, number>> = {};
  const mean = s.y / rows;
  // r² = 1 − SS_res / SS_tot, SS_tot = Σ(y − ȳ)² = Σy² − n ȳ²; a constant target has no r² (NaN).
  const total = s.y2 - rows * mean * mean;
  for (const m of metrics) {
    if (m === 'mse') result.mse = s.squared / rows;
    else if (m === 'rmse') result.rmse = Math.sqrt(s.squared / rows);
    else if (m === 'mae') result.mae = s.absolute / rows;
    else if (m === 'r2') result.r2 = total > 0 ? 1 - s.squared / total : NaN;
    else result.accuracy = s.correct / rows;
  }
  return result;
}

/** The loss and metrics of a model on one split: a one-off Evaluator. */
export function evaluate(model: Model, data: Dataset, metrics: readonly MetricName[] = defaultMetrics(model.task)): Evaluation {
  return new Evaluator(model, metrics).evaluate(data);
}
