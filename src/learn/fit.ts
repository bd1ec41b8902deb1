/**
 * `fit(model, data, options)`: train a model on a data set with any optimizer and scheduler of the library, epoch
 * by epoch in mini-batches, and return its history (history.ts).
 *
 * The batch size chooses the method of the lectures: 1 is stochastic gradient descent, the whole set is batch
 * gradient descent, 32–256 is mini-batch descent. Each epoch visits every row once, in an order drawn from the
 * seed (same seed, same bits). After each epoch the loss and metrics are computed over the whole training set and
 * the validation set; the validation loss (the training loss when there is no validation set) is what early
 * stopping, ReduceLROnPlateau and the best epoch look at. A non-finite or exploding loss ends the run as a result
 * (stopReason 'diverged'), never as an exception.
 */
import { fail, show } from '../core/errors.js';
import type { OptimizerSpec } from '../engine/minimize.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { getOptimizer, optimizers as optimizerEntries } from '../optim/registry.js';
import { EarlyStopping, type EarlyStoppingOptions } from '../schedule/early-stopping.js';
import { createScheduler, type SchedulerSpec } from '../schedule/registry.js';
import type { Scheduler } from '../schedule/scheduler.js';
import { DataLoader } from './data/loader.js';
import { checkCount, checkDataset, checkOptimizerParams, isOptimizer } from './fit-checks.js';
import { monitored, type EpochRecord, type History, type StopReason } from './history.js';
import { checkMetrics, defaultMetrics, Evaluator, type MetricName } from './metrics.js';
import type { Batch, Dataset, Model } from './types.js';

export interface FitOptions {
  /** A spec `{ name: 'adam', lr: 0.01 }` built on the model's parameters, or an optimizer built on them. */
  optimizer: OptimizerSpec | OptimizerLike;
  /** A scheduler spec `{ name: 'StepLR', stepSize: 5 }`; ReduceLROnPlateau steps on the monitored loss. */
  schedule?: SchedulerSpec;
  /** Step the schedule once per epoch (default) or after every optimizer step. */
  scheduleStep?: 'epoch' | 'step';
  epochs: number;
  /** Rows per batch: 1 (stochastic) … rows (batch). Default min(32, rows); LBFGS: rows. */
  batchSize?: number;
  /** Visit the rows in a new seeded order each epoch (default true). */
  shuffle?: boolean;
  /** Leave out a last batch smaller than batchSize (default false). */
  dropLast?: boolean;
  validation?: Dataset;
  /** Stop when the monitored loss has not improved for `patience` epochs; restoreBest puts the best weights back. */
  earlyStopping?: Partial<EarlyStoppingOptions>;
  /** Default: mse, rmse, mae, r2 for a regression; accuracy for a classification. */
  metrics?: readonly string[];
  /** Drives the order of the rows (default 0). */
  seed?: number;
  /** A batch loss above this counts as divergence; default 1e12 · max(1, initial training loss). */
  divergeAbove?: number;
  /** After each epoch, with its record; returning 'stop' ends training (stopReason 'callback'). */
  onEpoch?: (record: EpochRecord) => void | 'stop';
  /** After each optimizer step: the step number (from 1), its epoch, its batch loss. Returning 'stop' ends training. */
  onStep?: (step: number, epoch: number, loss: number) => void | 'stop';
}

type SteppableScheduler = Scheduler & { step(metric?: number): void };

/** The optimizer, built from a spec or checked as given, and whether it needs a closure (LBFGS). */
function buildOptimizer(model: Model, spec: FitOptions['optimizer']): { optimizer: OptimizerLike; needsClosure: boolean } {
  if (isOptimizer(spec)) {
    checkOptimizerParams(spec, model);
    const entry = optimizerEntries.find((e) => e.name === spec.name);
    return { optimizer: spec, needsClosure: entry?.needsClosure ?? false };
  }
  if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string') {
    fail('fit', `optimizer must be { name, ...options } or an optimizer, got ${show(spec)}`);
  }
  const { name, ...options } = spec;
  const entry = getOptimizer(name);
  return { optimizer: entry.create([...model.parameters], options), needsClosure: entry.needsClosure };
}

export function fit(model: Model, data: Dataset, options: FitOptions): History {
  const started = performance.now();
  if (options === null || typeof options !== 'object') fail('fit', `options must be an object, got ${show(options)}`);
  checkDataset(data, model, 'data');
  if (options.validation !== undefined) checkDataset(options.validation, model, 'validation');
  const epochs = checkCount(options.epochs, 'epochs', 0);
  const seed = checkCount(options.seed ?? 0, 'seed', -(2 ** 31), 2 ** 31 - 1);
  const { shuffle = true, dropLast = false, scheduleStep = 'epoch', validation } = options;
  if (scheduleStep !== 'epoch' && scheduleStep !== 'step') fail('fit', `scheduleStep must be "epoch" or "step", got ${show(scheduleStep)}`);
  const metrics: MetricName[] = options.metrics === undefined ? defaultMetrics(model.task) : checkMetrics(options.metrics, model.task);

  const { optimizer, needsClosure } = buildOptimizer(model, options.optimizer);
  // LBFGS defaults to the whole set: its line search needs one objective for the whole step.
  const batchSize = checkCount(options.batchSize ?? (needsClosure ? data.rows : Math.min(32, data.rows)), 'batchSize', 1, data.rows);
  if (needsClosure && batchSize !== data.rows) {
    fail('fit', `${optimizer.name} needs the same objective at every evaluation of a step: train it full-batch (batchSize ${data.rows}, the rows of the data), got batchSize ${batchSize}`);
  }
  const scheduler = options.schedule && (createScheduler(optimizer, options.schedule) as SteppableScheduler);
  const onPlateau = scheduler?.name === 'ReduceLROnPlateau';
  if (onPlateau && scheduleStep === 'step') fail('fit', 'ReduceLROnPlateau steps on the loss of each epoch; it cannot have scheduleStep "step"');
  const stopper = options.earlyStopping ? new EarlyStopping(options.earlyStopping) : undefined;
  const params = model.parameters;

  const evaluator = new Evaluator(model, metrics);
  const first = evaluator.evaluate(data);
  const history: History = {
    initial: { trainLoss: first.loss, ...(validation ? { validationLoss: evaluator.evaluate(validation).loss } : {}) },
    epochs: [],
    steps: { lr: [], loss: [] },
    monitor: validation ? 'validation loss' : 'train loss',
    bestEpoch: 0,
    stopReason: 'epochs',
    restoredBest: false,
    samples: 0,
    trainTimeMs: 0,
    samplesPerSecond: 0,
    timeMs: 0,
  };
  const divergeAbove = options.divergeAbove ?? 1e12 * Math.max(1, Math.abs(first.loss));
  // Epoch k's order depends only on (seed, k): the DataLoader seeds each epoch's shuffle from both.
  const loader = new DataLoader(data, { batchSize, shuffle, dropLast, seed });
  let stopReason: StopReason = Number.isFinite(first.loss) ? 'epochs' : 'diverged';
  let best = Infinity;
  let step = 0;

  // The loop of the lectures (notes 003): for each epoch, for each batch B, θ ← θ − η ∇L_B(θ), the update being
  // the optimizer's rule (torch.optim semantics) and η the scheduler's learning rate.
  for (let epoch = 1; epoch <= epochs && stopReason === 'epochs'; epoch++) {
    const epochStarted = performance.now();
    const lr = optimizer.paramGroups[0].lr;
    let lossSum = 0;
    let samples = 0;
    let steps = 0;
    for (const batch of loader.epoch(epoch - 1)) {
      const stepLr = optimizer.paramGroups[0].lr;
      const loss = trainStep(model, optimizer, needsClosure, batch);
      step += 1;
      steps += 1;
      samples += batch.rows;
      history.steps.lr.push(stepLr);
      history.steps.loss.push(loss);
      // The epoch's loss is the mean over its rows: each batch's mean loss weighted by its rows.
      lossSum += loss * batch.rows;
      if (!(Math.abs(loss) <= divergeAbove)) {
        stopReason = 'diverged';
        break;
      }
      if (scheduleStep === 'step') scheduler?.step();
      if (options.onStep?.(step, epoch, loss) === 'stop') {
        stopReason = 'callback';
        break;
      }
    }
    const trainMs = performance.now() - epochStarted;
    history.trainTimeMs += trainMs;
    history.samples += samples;

    const train = evaluator.evaluate(data);
    const valid = validation ? evaluator.evaluate(validation) : undefined;
    const record: EpochRecord = {
      epoch,
      trainLoss: samples > 0 ? lossSum / samples : NaN,
      trainLossFull: train.loss,
      trainMetrics: train.metrics,
      ...(valid ? { validationLoss: valid.loss, validationMetrics: valid.metrics } : {}),
      lr,
      steps,
      samples,
      timeMs: 0,
    };
    history.epochs.push(record);
    const watched = monitored(history, record);
    if (stopReason === 'epochs' && !(Math.abs(train.loss) <= divergeAbove && Number.isFinite(watched))) stopReason = 'diverged';
    if (stopReason !== 'diverged') {
      if (watched < best && !stopper) {
        best = watched;
        history.bestEpoch = epoch;
      }
      if (onPlateau) scheduler!.step(watched);
      else if (scheduleStep === 'epoch') scheduler?.step();
      if (stopper?.update(watched, stopper.options.restoreBest ? params : undefined) && stopReason === 'epochs') stopReason = 'early-stopping';
      if (stopper && stopper.bestEpoch >= 0) history.bestEpoch = stopper.bestEpoch + 1;
    }
    record.timeMs = performance.now() - epochStarted;
    if (options.onEpoch?.(record) === 'stop' && stopReason === 'epochs') stopReason = 'callback';
  }

  // Early stopping's restoreBest: the weights of the best epoch, whatever ended the run.
  if (stopper?.options.restoreBest) history.restoredBest = stopper.restore(params);
  history.stopReason = stopReason;
  history.samplesPerSecond = history.trainTimeMs > 0 ? (history.samples / history.trainTimeMs) * 1000 : 0;
  history.timeMs = performance.now() - started;
  return history;
}

/**
 * One optimizer step on one batch; returns the batch's loss before the step. LBFGS re-evaluates through the
 * closure (the model's lossAndGrad on the same batch); the others read the gradient lossAndGrad left in p.grad.
 */
function trainStep(model: Model, optimizer: OptimizerLike, needsClosure: boolean, batch: Batch): number {
  if (needsClosure) return optimizer.step(() => model.lossAndGrad(batch)) as number;
  const loss = model.lossAndGrad(batch);
  // A non-finite loss is not stepped on: the weights stay those that produced it.
  if (Number.isFinite(loss)) optimizer.step();
  return loss;
}
