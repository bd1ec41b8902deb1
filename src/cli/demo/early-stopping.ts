/**
 * Report section `early-stopping`: lecture 4 (000), "Early Stopping и Scheduler": early stopping ends training when
 * the validation loss stops improving, which prevents overfitting and saves resources. Penguins (species, 3
 * classes, standardised) with a small training split (20% of the rows) and an MLP 64-64 far bigger than the task
 * needs, so it overfits within a few dozen epochs: the training loss keeps falling while the validation loss turns
 * up. fit's earlyStopping {patience, restoreBest} stops the run and puts the best epoch's weights back; the same run
 * without early stopping (same seeds, so the same trajectory) shows what the stop avoided, and the test split, which
 * neither training nor stopping ever looked at, judges the weights.
 */
import type { FloatArray } from '../../core/float-array.js';
import { prepareData } from '../../learn/data/prepare-data.js';
import { fit } from '../../learn/fit.js';
import type { History } from '../../learn/history.js';
import { evaluate } from '../../learn/metrics.js';
import { createModel } from '../../learn/models/registry.js';
import type { Dataset, Model } from '../../learn/types.js';
import { claim, num } from './claim.js';
import { epochChart } from './epoch-chart.js';
import type { Claim, DemoSection } from './section.js';

/** Split seed 2 with 40% validation and 40% test leaves 68 training penguins: enough to learn, few enough to overfit. */
const SPLIT = { validation: 0.4, test: 0.4 };
const DATA_SEED = 2;
const MODEL_SEED = 1;
const FIT_SEED = 1;
const HIDDEN = [64, 64];
const OPTIMIZER = { name: 'Adam', lr: 0.01 };
const BATCH = 16;
/** The budget a run without early stopping spends. */
const EPOCHS = 100;
const PATIENCE = 20;

export interface Judged {
  label: string;
  epoch: number;
  train: number;
  validation: number;
  test: number;
  testAccuracy: number;
}

export interface EarlyStoppingRuns {
  rows: { train: number; validation: number; test: number };
  /** Weights and biases of the MLP. */
  size: number;
  /** The run with earlyStopping {patience, restoreBest: true}; its model holds the restored weights. */
  stopped: History;
  /** The same run for all EPOCHS epochs, no early stopping. */
  full: History;
  /** The epoch fit stopped at (its last), and the best epoch it restored. */
  stopEpoch: number;
  bestEpoch: number;
  /** The validation loss of the restored weights, recomputed from the model after fit returned. */
  restoredValidation: number;
  /** The largest |difference| of the validation losses of the two runs over the epochs both trained. */
  sameTrajectory: number;
  /** Restored weights, the weights at the stop (no restoreBest), the weights after EPOCHS epochs. */
  judged: [Judged, Judged, Judged];
}

function judge(label: string, epoch: number, model: Model, data: { train: Dataset; validation: Dataset; test: Dataset }): Judged {
  const test = evaluate(model, data.test);
  return { label, epoch, train: evaluate(model, data.train).loss, validation: evaluate(model, data.validation).loss, test: test.loss, testAccuracy: test.metrics.accuracy ?? NaN };
}

export function earlyStoppingRuns(): EarlyStoppingRuns {
  const prepared = prepareData('penguins', { scale: 'standard', split: SPLIT, seed: DATA_SEED });
  const data = { train: prepared.train, validation: prepared.validation!, test: prepared.test! };
  const newModel = () => createModel({ name: 'mlp', hidden: HIDDEN, seed: MODEL_SEED }, { inputs: data.train.features, task: 'multiclass', classes: data.train.target.classes!.length });
  const options = { optimizer: OPTIMIZER, epochs: EPOCHS, batchSize: BATCH, validation: data.validation, seed: FIT_SEED };

  const model = newModel();
  const stopped = fit(model, data.train, { ...options, earlyStopping: { patience: PATIENCE, restoreBest: true } });
  const stopEpoch = stopped.epochs.length;
  const bestEpoch = stopped.bestEpoch;

  // The run without early stopping, keeping a copy of its weights at the epoch where the first run stopped: the
  // weights early stopping would have left without restoreBest.
  const fullModel = newModel();
  let atStop: FloatArray[] = [];
  const full = fit(fullModel, data.train, {
    ...options,
    onEpoch: (r) => {
      if (r.epoch === stopEpoch) atStop = fullModel.parameters.map((p) => p.data.slice());
    },
  });
  const stopModel = newModel();
  stopModel.parameters.forEach((p, i) => p.data.set(atStop[i]));

  const sameTrajectory = Math.max(...stopped.epochs.map((e, i) => Math.abs((e.validationLoss ?? NaN) - (full.epochs[i].validationLoss ?? NaN))));
  return {
    rows: { train: data.train.rows, validation: data.validation.rows, test: data.test.rows },
    size: model.parameters.reduce((n, p) => n + p.data.length, 0),
    stopped,
    full,
    stopEpoch,
    bestEpoch,
    restoredValidation: evaluate(model, data.validation).loss,
    sameTrajectory,
    judged: [
      judge(`restored: best epoch ${bestEpoch}`, bestEpoch, model, data),
      judge(`at the stop: epoch ${stopEpoch}, not restored`, stopEpoch, stopModel, data),
      judge(`no early stopping: epoch ${full.epochs.length}`, full.epochs.length, fullModel, data),
    ],
  };
}

function claims(r: EarlyStoppingRuns): Claim[] {
  const v = r.stopped.epochs.map((e) => e.validationLoss ?? NaN);
  const best = v[r.bestEpoch - 1];
  const after = v.slice(r.bestEpoch);
  const [restored, atStop, full] = r.judged;
  const trainAt = (epoch: number) => r.full.epochs[epoch - 1].trainLossFull;
  return [
    claim(
      'Lecture 4 (000): "Early Stopping ends training if val loss does not improve" — the run stops once the validation loss has not beaten its best for `patience` epochs',
      r.stopped.stopReason === 'early-stopping' && r.stopEpoch === r.bestEpoch + PATIENCE && after.every((x) => x >= best) && r.stopEpoch < EPOCHS,
      `stop reason ${r.stopped.stopReason} at epoch ${r.stopEpoch} of ${EPOCHS}; best validation loss ${num(best)} at epoch ${r.bestEpoch}; the ${after.length} epochs after it: lowest ${num(Math.min(...after))}, last ${num(v[v.length - 1])} (patience ${PATIENCE})`,
    ),
    claim(
      'Keeping the best weights (restoreBest, Keras’ restore_best_weights): the weights fit returns give the best epoch’s validation loss, recomputed from the model',
      r.stopped.restoredBest && Math.abs(r.restoredValidation - best) <= 1e-12 * best && r.restoredValidation < atStop.validation,
      `validation loss recomputed from the returned model ${num(r.restoredValidation)} = epoch ${r.bestEpoch}’s ${num(best)} (|Δ| = ${num(Math.abs(r.restoredValidation - best))}); the weights at the stop give ${num(atStop.validation)}`,
    ),
    claim(
      'Lecture 4 (000): early stopping "prevents overfitting" — after the best epoch the training loss keeps falling while the validation loss rises, and on the test split (never used for training or stopping) the restored weights do better than the weights at the stop and after all epochs',
      trainAt(r.stopEpoch) < trainAt(r.bestEpoch) && trainAt(EPOCHS) < trainAt(r.stopEpoch) && atStop.validation > best && full.validation > best &&
        restored.test < atStop.test && restored.test < full.test && restored.testAccuracy >= atStop.testAccuracy && restored.testAccuracy >= full.testAccuracy,
      `training loss at epochs ${r.bestEpoch}, ${r.stopEpoch}, ${EPOCHS}: ${[r.bestEpoch, r.stopEpoch, EPOCHS].map((e) => num(trainAt(e))).join(', ')}; validation loss ${num(best)}, ${num(atStop.validation)}, ${num(full.validation)}; test loss ${r.judged.map((j) => num(j.test)).join(', ')}; test accuracy ${r.judged.map((j) => num(j.testAccuracy)).join(', ')} (${r.rows.test} penguins)`,
    ),
    claim(
      'Lecture 4 (000): early stopping "saves resources" — it trains fewer epochs than the budget, on the same trajectory as the full run',
      r.stopped.samples < r.full.samples && r.sameTrajectory === 0,
      `${r.stopEpoch} of ${EPOCHS} epochs, ${r.stopped.samples} of ${r.full.samples} row gradients (${num((100 * r.stopped.samples) / r.full.samples)}%); the validation losses of the two runs agree exactly over the ${r.stopEpoch} shared epochs (largest |Δ| ${num(r.sameTrajectory)}): early stopping only watches`,
    ),
  ];
}

const TITLE = 'Early stopping on validation loss (penguins)';
const SEED = 'lecture 4 (000_1765f82dc8c352f6.txt), "Early Stopping и Scheduler": stop when val loss does not improve; prevents overfitting and saves resources';

export const earlyStoppingSection: DemoSection = {
  id: 'early-stopping',
  title: TITLE,
  seed: SEED,
  async build() {
    const r = earlyStoppingRuns();
    const { full } = r;
    const train = [full.initial.trainLoss, ...full.epochs.map((e) => e.trainLossFull)];
    const validation = [full.initial.validationLoss ?? NaN, ...full.epochs.map((e) => e.validationLoss ?? NaN)];
    const low = Math.min(...train.filter((x) => x > 0));
    const high = Math.max(...train, ...validation);
    // Vertical marks spanning the plot at the best epoch and at the stop.
    const mark = (label: string, epoch: number) => ({ label, values: [low, high], x: [epoch, epoch] });
    const figures = [
      await epochChart(
        'early-stopping-loss',
        [
          { label: 'training loss', values: train },
          { label: 'validation loss', values: validation },
          mark(`best epoch ${r.bestEpoch} (restored)`, r.bestEpoch),
          mark(`stopped at epoch ${r.stopEpoch} (patience ${PATIENCE})`, r.stopEpoch),
        ],
        {
          title: `Penguins, MLP ${HIDDEN.join('-')}, ${r.rows.train} training rows: training vs validation loss`,
          yLabel: 'cross-entropy (log scale)',
          alt: 'Training and validation loss per epoch over 100 epochs, with the best epoch and the early stop marked',
          caption: `The training loss falls ${num(Math.log10(train[0] / train[train.length - 1]))} decades; the validation loss bottoms out at epoch ${r.bestEpoch} and then rises and stays higher: the network is memorising the ${r.rows.train} training penguins. Early stopping watched ${PATIENCE} epochs without a new best, stopped at epoch ${r.stopEpoch} and put epoch ${r.bestEpoch}’s weights back; the curves after the stop are the run without early stopping.`,
        },
      ),
    ];
    const [restored, atStop] = r.judged;
    return {
      title: TITLE,
      seed: SEED,
      text: [
        `Lecture 4 (000_1765f82dc8c352f6.txt, "Early Stopping и Scheduler") says early stopping ends training when the validation loss stops improving, which prevents overfitting and saves resources. An MLP ${HIDDEN.join('-')} (${r.size} weights and biases) learns penguin species from only ${r.rows.train} training rows with Adam lr ${OPTIMIZER.lr}; after each epoch fit measures the loss on ${r.rows.validation} validation penguins, and with earlyStopping { patience: ${PATIENCE}, restoreBest: true } it stops after ${PATIENCE} epochs without a new best and restores the best epoch’s weights.`,
        `Look at the picture: the training loss keeps falling while the validation loss turns up after epoch ${r.bestEpoch} — that widening gap is overfitting. The run stopped at epoch ${r.stopEpoch}; the restored weights score test loss ${num(restored.test)} and accuracy ${num(restored.testAccuracy)} on ${r.rows.test} test penguins that neither training nor stopping ever saw, against ${num(atStop.test)} and ${num(atStop.testAccuracy)} for the weights at the stop. The margin in accuracy is ${Math.round((restored.testAccuracy - atStop.testAccuracy) * r.rows.test)} penguins: on a set this easy overfitting costs confidence (loss) more than correct answers.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['weights', 'epoch', 'training loss', 'validation loss', 'test loss', 'test accuracy'],
        rows: r.judged.map((j) => [j.label, j.epoch, num(j.train), num(j.validation), num(j.test), num(j.testAccuracy)]),
      },
      config: {
        data: { name: 'penguins', target: 'Species', scale: 'standard', split: SPLIT, seed: DATA_SEED },
        model: { name: 'mlp', hidden: HIDDEN, seed: MODEL_SEED },
        optimizer: OPTIMIZER,
        epochs: EPOCHS,
        batchSize: BATCH,
        seed: FIT_SEED,
        earlyStopping: { patience: PATIENCE, restoreBest: true },
      },
      claims: claims(r),
    };
  },
};
