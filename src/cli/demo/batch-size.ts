/**
 * Report section `batch-size`: lecture 4 (000), "Types of gradient descent": batch, stochastic and mini-batch
 * descent are one algorithm whose batch_size picks the kind (1 → stochastic, the whole set → batch, 32–256 →
 * mini-batch). On real data (cars: miles per gallon from horsepower and weight, standardised) a linear model is
 * trained by SGD with the same lr and the same number of epochs at batch sizes 1, 32 and N; the closed-form least
 * squares fit gives the loss L* all three aim at, so progress is measured as L − L*.
 */
import { prepareData } from '../../learn/data/prepare-data.js';
import { fit } from '../../learn/fit.js';
import type { History } from '../../learn/history.js';
import { leastSquares } from '../../learn/models/least-squares.js';
import { createModel } from '../../learn/models/registry.js';
import { claim, num } from './claim.js';
import { epochChart } from './epoch-chart.js';
import type { Claim, DemoSection } from './section.js';

const DATA_SEED = 1;
const FIT_SEED = 1;
const LR = 0.1;
const EPOCHS = 20;
/** Epochs of the per-step picture. */
const SHOWN_EPOCHS = 2;

export interface BatchRun {
  batchSize: number;
  kind: 'stochastic' | 'mini-batch' | 'batch';
  history: History;
  /** √(mean (L_{t+1} − L_t)²) / mean L: the batch loss's typical jump from one step to the next, relative to its size. */
  jump: number;
  /** Fraction of steps whose batch loss is above the previous step's. */
  rises: number;
}

function noise(losses: readonly number[]): { jump: number; rises: number } {
  let squares = 0;
  let rises = 0;
  for (let t = 1; t < losses.length; t++) {
    squares += (losses[t] - losses[t - 1]) ** 2;
    if (losses[t] > losses[t - 1]) rises++;
  }
  const n = Math.max(1, losses.length - 1);
  const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
  return { jump: Math.sqrt(squares / n) / mean, rises: rises / n };
}

/** The three runs and the least-squares loss of the training set. */
export function batchSizeRuns(): { runs: BatchRun[]; optimum: number; rows: number } {
  const data = prepareData('cars', { scale: 'standard', split: { validation: 0.2 }, seed: DATA_SEED });
  const { train, validation } = data;
  const sizes: Array<[number, BatchRun['kind']]> = [[1, 'stochastic'], [32, 'mini-batch'], [train.rows, 'batch']];
  const runs = sizes.map(([batchSize, kind]) => {
    const model = createModel('linear', { inputs: train.features, task: 'regression' });
    const history = fit(model, train, { optimizer: { name: 'SGD', lr: LR }, epochs: EPOCHS, batchSize, validation, seed: FIT_SEED });
    return { batchSize, kind, history, ...noise(history.steps.loss) };
  });
  return { runs, optimum: leastSquares(train).loss, rows: train.rows };
}

const trainAt = (r: BatchRun, epoch: number) => (epoch === 0 ? r.history.initial.trainLoss : r.history.epochs[epoch - 1].trainLossFull);

function claims(runs: BatchRun[], optimum: number, rows: number): Claim[] {
  const [sgd, mini, batch] = runs;
  const excess = (r: BatchRun, e: number) => trainAt(r, e) - optimum;
  const steps = runs.map((r) => r.history.epochs[0].steps);
  const expected = runs.map((r) => Math.ceil(rows / r.batchSize));
  const samePerEpoch = runs.every((r) => r.history.epochs.every((e) => e.samples === rows));
  // The end-of-epoch training loss over the last half of the epochs: does the run settle or keep jumping?
  const spread = (r: BatchRun) => {
    const tail = r.history.epochs.slice(EPOCHS / 2).map((e) => e.trainLossFull);
    return Math.max(...tail) - Math.min(...tail);
  };
  return [
    claim(
      'Lecture 4 (000): the type of descent is set by batch_size — 1 → stochastic, len(dataset) → batch, 32–256 → mini-batch; an epoch takes N, ⌈N/32⌉ and 1 steps',
      steps.every((s, i) => s === expected[i]) && samePerEpoch,
      `steps in epoch 1: ${runs.map((r, i) => `batch ${r.batchSize} → ${steps[i]}`).join(', ')} (N = ${rows}); every epoch of every run sees all ${rows} rows, so an epoch is the same work: ${rows} row gradients`,
    ),
    claim(
      'Stochastic GD — "one example per step, fast but noisy": after one epoch (the same work for all three) it is furthest down, and its batch loss jumps the most from step to step',
      excess(sgd, 1) < excess(mini, 1) && excess(mini, 1) < excess(batch, 1) && sgd.jump > mini.jump && mini.jump > batch.jump,
      `L − L* after epoch 1: ${runs.map((r) => `${r.kind} ${num(excess(r, 1))}`).join(', ')}; rms step-to-step change of the batch loss / its mean: ${runs.map((r) => `${r.kind} ${num(r.jump)}`).join(', ')}; the stochastic loss rises in ${num(100 * sgd.rises)}% of steps`,
    ),
    claim(
      'Batch GD — "uses all the data, accurate but slow": its loss falls at every step, but after the same 20 epochs it is the furthest from the optimum',
      batch.rises === 0 && excess(batch, EPOCHS) > excess(mini, EPOCHS) && excess(batch, EPOCHS) > excess(sgd, EPOCHS),
      `batch GD's loss rose in ${batch.rises * 100}% of its ${batch.history.steps.loss.length} steps; L − L* after ${EPOCHS} epochs: ${runs.map((r) => `${r.kind} ${num(excess(r, EPOCHS))}`).join(', ')} (L* = ${num(optimum)}, least squares)`,
    ),
    claim(
      'Mini-batch GD (32–256) — "a compromise between speed and stability": it ends nearer the optimum than batch GD, and settles where stochastic GD keeps jumping',
      excess(mini, EPOCHS) < excess(batch, EPOCHS) && spread(mini) < spread(sgd) && excess(mini, EPOCHS) < excess(sgd, EPOCHS),
      `L − L* after ${EPOCHS} epochs: mini-batch ${num(excess(mini, EPOCHS))}, stochastic ${num(excess(sgd, EPOCHS))}, batch ${num(excess(batch, EPOCHS))}; range of the end-of-epoch loss over epochs ${EPOCHS / 2 + 1}–${EPOCHS}: mini-batch ${num(spread(mini))}, stochastic ${num(spread(sgd))}`,
    ),
  ];
}

const TITLE = 'Batch, stochastic and mini-batch gradient descent on real data (cars)';
const SEED = 'lecture 4 (000_1765f82dc8c352f6.txt), "Types of gradient descent": batch_size = 1 → stochastic, len(dataset) → batch, 32–256 → mini-batch';

export const batchSizeSection: DemoSection = {
  id: 'batch-size',
  title: TITLE,
  seed: SEED,
  async build() {
    const { runs, optimum, rows } = batchSizeRuns();
    const label = (r: BatchRun) => `batch ${r.batchSize} (${r.kind})`;
    const epochs = Array.from({ length: EPOCHS + 1 }, (_, e) => e);
    const figures = [
      await epochChart(
        'batch-size-loss',
        runs.map((r) => ({ label: label(r), values: epochs.map((e) => trainAt(r, e) - optimum) })),
        {
          title: `Training loss above the least-squares optimum, SGD lr ${LR}`,
          yLabel: 'L − L* (log scale)',
          alt: 'Training loss minus the optimum per epoch for batch sizes 1, 32 and the full set',
          caption: `Per epoch every run has done the same work (${rows} row gradients): batch size 1 takes ${rows} steps and is near the bottom after one epoch, then jitters; 32 takes ${Math.ceil(rows / 32)} steps an epoch and settles lowest; the full batch takes one step an epoch and is still far above after ${EPOCHS}.`,
        },
      ),
      await epochChart(
        'batch-size-validation',
        runs.map((r) => ({ label: label(r), values: [r.history.initial.validationLoss ?? NaN, ...r.history.epochs.map((e) => e.validationLoss ?? NaN)] })),
        {
          title: 'Validation loss (78 held-out cars)',
          yLabel: 'validation loss, ½·MSE (log scale)',
          alt: 'Validation loss per epoch for batch sizes 1, 32 and the full set',
          caption: 'The held-out loss follows the training loss: the stochastic and mini-batch runs reach the floor within a few epochs, the full batch creeps toward it.',
        },
      ),
      await epochChart(
        'batch-size-steps',
        runs.map((r) => {
          const perEpoch = Math.ceil(rows / r.batchSize);
          const values = r.history.steps.loss.slice(0, SHOWN_EPOCHS * perEpoch);
          // x in epochs of data seen, so the three runs share the axis.
          return { label: label(r), values, x: values.map((_, t) => (t * r.batchSize) / rows) };
        }),
        {
          title: `Batch loss at every step, first ${SHOWN_EPOCHS} epochs`,
          yLabel: 'loss of the step’s batch (log scale)',
          xLabel: 'epochs of data seen',
          alt: 'The loss of each step’s batch for batch sizes 1, 32 and the full set',
          caption: 'The noise: one car’s loss jumps by orders of magnitude from step to step; a batch of 32 averages it down to a band; the full batch is a smooth staircase of two steps.',
        },
      ),
    ];
    const final = (r: BatchRun) => r.history.epochs[EPOCHS - 1];
    return {
      title: TITLE,
      seed: SEED,
      text: [
        `Lecture 4 (000_1765f82dc8c352f6.txt, "Types of gradient descent") says batch descent is "accurate but slow", stochastic descent "fast but noisy", and mini-batches of 32–256 "a compromise between speed and stability", and that PyTorch chooses between them by batch_size alone. Here SGD with lr ${LR} fits miles per gallon from horsepower and weight (standardised) for ${EPOCHS} epochs with batch size 1, 32 and all ${rows} training cars; the least-squares solution gives the lowest possible loss L* = ${num(optimum)}.`,
        `Every epoch costs the same ${rows} row gradients, but the stochastic run turns them into ${rows} steps and the batch run into one, so per epoch the small batches get much further; the price is noise (look at the per-step picture) and a stochastic run that never settles. Per second the picture changes: measured on this machine the three runs process ${runs.map((r) => `${num(r.history.samplesPerSecond)}`).join(', ')} rows per second (batch 1, 32, ${rows}), because one step over many rows costs far less per row than many tiny steps; the claims compare work, not time, since time depends on the machine.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['batch size', 'kind', 'steps / epoch', 'L − L* after epoch 1', `L − L* after epoch ${EPOCHS}`, `validation loss, epoch ${EPOCHS}`, 'rms ΔL / mean L per step', 'steps where the loss rose', 'rows / s (measured)'],
        rows: runs.map((r) => [
          r.batchSize,
          r.kind,
          r.history.epochs[0].steps,
          num(trainAt(r, 1) - optimum),
          num(trainAt(r, EPOCHS) - optimum),
          num(final(r).validationLoss ?? NaN),
          num(r.jump),
          `${num(100 * r.rises)}%`,
          Math.round(r.history.samplesPerSecond),
        ]),
      },
      config: {
        data: { name: 'cars', target: 'Miles_per_Gallon', features: ['Horsepower', 'Weight_in_lbs'], scale: 'standard', split: { validation: 0.2 }, seed: DATA_SEED },
        model: 'linear',
        optimizer: { name: 'SGD', lr: LR },
        epochs: EPOCHS,
        batchSizes: runs.map((r) => r.batchSize),
        seed: FIT_SEED,
        optimum,
      },
      claims: claims(runs, optimum, rows),
    };
  },
};
