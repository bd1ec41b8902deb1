/**
 * Report section `feature-scaling`: lecture 4 (000), "Problems of gradient descent: the scale of the features
 * affects the direction of descent", and notes 003: "on unnormalised values with a large gradient α = 0.001 can
 * lead to divergence". The same linear model and full-batch gradient descent on cars with raw features (weight ≈
 * 3000 lb, horsepower ≈ 100) and with standardised ones. The loss is a quadratic with Hessian H = AᵀA/N
 * (linear-curvature.ts), so its eigenvalues explain everything measured: GD is stable for η < 2/λmax and crawls
 * along the direction of λmin.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import type { Objective } from '../../objective/objective.js';
import { prepareData } from '../../learn/data/prepare-data.js';
import { fit } from '../../learn/fit.js';
import type { History } from '../../learn/history.js';
import { leastSquares, type LeastSquaresSolution } from '../../learn/models/least-squares.js';
import { linearCurvature, type LinearCurvature } from '../../learn/models/linear-curvature.js';
import { modelObjective } from '../../learn/models/model-objective.js';
import { createModel } from '../../learn/models/registry.js';
import type { Dataset } from '../../learn/types.js';
import { runFigures } from '../../viz/figures.js';
import { claim, num } from './claim.js';
import { epochChart } from './epoch-chart.js';
import type { Claim, DemoSection } from './section.js';

const DATA_SEED = 1;
const EPOCHS = 100;
/** The step that works on standardised features (2/λmax ≈ 1.1 there). */
const SCALED_LR = 0.1;
/** Notes 003's step. */
const NOTES_LR = 0.001;
/** Steps of the two-weight picture. */
const PICTURE_STEPS = 60;

type Scale = 'standard' | 'none';

interface Setting {
  scale: Scale;
  train: Dataset;
  curvature: LinearCurvature;
  optimum: LeastSquaresSolution;
  /** cos of the angle between −∇L at the start (all parameters 0) and the way to the optimum. */
  aim: number;
}

function setting(scale: Scale): Setting {
  const { train } = prepareData('cars', { scale, split: { validation: 0.2 }, seed: DATA_SEED });
  const optimum = leastSquares(train);
  const objective = modelObjective(createModel('linear', { inputs: train.features, task: 'regression' }), train);
  const grad = new Float64Array(objective.dim);
  objective.valueAndGrad(new Float64Array(objective.dim), grad);
  const target = [...optimum.weight, optimum.bias];
  const dot = target.reduce((s, v, i) => s - v * grad[i], 0);
  const aim = dot / (Math.hypot(...target) * Math.hypot(...grad));
  return { scale, train, curvature: linearCurvature(train), optimum, aim };
}

/** Full-batch gradient descent on the setting's training set. */
function descend(s: Setting, lr: number, epochs = EPOCHS): History {
  const model = createModel('linear', { inputs: s.train.features, task: 'regression' });
  return fit(model, s.train, { optimizer: { name: 'SGD', lr }, epochs, batchSize: s.train.rows, seed: 0 });
}

/**
 * The loss over the two weights with the bias held at its least-squares value: the 2-D slice of the quadratic that
 * a contour plot can show. Its gradient is the model's own (backprop), restricted to the weights.
 */
function weightSlice(s: Setting): Objective {
  const full = modelObjective(createModel('linear', { inputs: 2, task: 'regression' }), s.train);
  const x3 = new Float64Array(3);
  const g3 = new Float64Array(3);
  const put = (x: ArrayLike<number>) => {
    x3[0] = x[0];
    x3[1] = x[1];
    x3[2] = s.optimum.bias;
    return x3;
  };
  return {
    dim: 2,
    value: (x) => full.value(put(x)),
    valueAndGrad(x, grad) {
      const v = full.valueAndGrad(put(x), g3);
      grad[0] = g3[0];
      grad[1] = g3[1];
      return v;
    },
    meta: {
      name: `cars loss over the weights (${s.scale === 'none' ? 'raw features' : 'standardised'})`,
      variables: ['w_Horsepower', 'w_Weight'],
      minima: [{ x: [s.optimum.weight[0], s.optimum.weight[1]], value: s.optimum.loss }],
    },
  };
}

/** GD on the slice with step 1/λmax (half its largest stable step: no zig-zag across the valley), from w = 0. */
function slicePath(s: Setting): { objective: Objective; trace: Trace; lr: number } {
  const h = s.curvature.hessian;
  // The slice's Hessian is H without the bias row and column; its λmax from the 2 × 2 formula.
  const [a, b, d] = [h[0], h[1], h[4]];
  const lambdaMax = (a + d) / 2 + Math.hypot((a - d) / 2, b);
  const lr = 1 / lambdaMax;
  const objective = weightSlice(s);
  return { objective, lr, trace: minimize(objective, [0, 0], { optimizer: { name: 'SGD', lr }, maxSteps: PICTURE_STEPS }) };
}

const excessAt = (h: History, optimum: number, epoch: number) => (epoch === 0 ? h.initial.trainLoss : h.epochs[epoch - 1]?.trainLossFull ?? NaN) - optimum;

const TITLE = 'Feature scaling: the same data, raw and standardised';
const SEED =
  'lecture 4 (000_1765f82dc8c352f6.txt), "Problems of gradient descent": the scale of the features affects the direction of descent; notes 003 (003_673ddad77e31dcee.txt): on unnormalised values α = 0.001 can diverge';

export const featureScalingSection: DemoSection = {
  id: 'feature-scaling',
  title: TITLE,
  seed: SEED,
  async build(ctx) {
    const [scaled, raw] = [setting('standard'), setting('none')];
    const stable = (s: Setting) => s.curvature.largestStableLr;
    const runs = {
      scaled: descend(scaled, SCALED_LR),
      scaledNotes: descend(scaled, NOTES_LR),
      rawSame: descend(raw, SCALED_LR),
      rawNotes: descend(raw, NOTES_LR),
      rawBest: descend(raw, 0.9 * stable(raw)),
      rawAbove: descend(raw, 1.1 * stable(raw)),
      scaledBest: descend(scaled, 0.9 * stable(scaled)),
      scaledAbove: descend(scaled, 1.1 * stable(scaled)),
    };
    const lStar = scaled.optimum.loss;
    const diverged = (h: History) => h.stopReason === 'diverged';
    const end = (h: History) => excessAt(h, lStar, h.epochs.length);

    const claims: Claim[] = [
      claim(
        'Lecture 4 (000): "the scale of the features affects the direction of descent" — on raw features the first gradient step points almost at right angles to the way to the minimum',
        raw.aim < 0.1 && scaled.aim > 0.5,
        `cos(−∇L(0), θ* − 0) = ${num(raw.aim)} raw (angle ${num((Math.acos(raw.aim) * 180) / Math.PI)}°), ${num(scaled.aim)} standardised (angle ${num((Math.acos(scaled.aim) * 180) / Math.PI)}°); θ = (w_Horsepower, w_Weight, b)`,
      ),
      claim(
        'Unscaled features make the loss an extremely elongated valley: the condition number of H = AᵀA/N (A = [X 1]) is many orders of magnitude larger',
        raw.curvature.condition > 1e4 * scaled.curvature.condition,
        `κ = λmax/λmin: raw ${num(raw.curvature.condition)} (λ from ${num(raw.curvature.eigenvalues[0])} to ${num(raw.curvature.eigenvalues[2])}), standardised ${num(scaled.curvature.condition)} (λ from ${num(scaled.curvature.eigenvalues[0])} to ${num(scaled.curvature.eigenvalues[2])})`,
      ),
      claim(
        'The largest stable learning rate is 2/λmax: tiny on raw features — GD at 0.9 · 2/λmax runs all epochs, at 1.1 · 2/λmax it diverges, on both versions of the data',
        !diverged(runs.rawBest) && diverged(runs.rawAbove) && !diverged(runs.scaledBest) && diverged(runs.scaledAbove),
        `2/λmax = ${num(stable(raw))} raw, ${num(stable(scaled))} standardised (ratio ${num(stable(scaled) / stable(raw))}); raw: 0.9× ${runs.rawBest.stopReason}, 1.1× ${runs.rawAbove.stopReason} at epoch ${runs.rawAbove.epochs.length}; standardised: 0.9× ${runs.scaledBest.stopReason}, 1.1× ${runs.scaledAbove.stopReason} at epoch ${runs.scaledAbove.epochs.length}`,
      ),
      claim(
        'Notes 003: "on unnormalised values with a large gradient α = 0.001 can lead to divergence" — it does on raw cars, while the standardised data take α = 0.001 (and 0.1) calmly',
        diverged(runs.rawNotes) && diverged(runs.rawSame) && !diverged(runs.scaledNotes) && !diverged(runs.scaled),
        `raw: α = 0.001 ${runs.rawNotes.stopReason} at epoch ${runs.rawNotes.epochs.length} (loss ${num(runs.rawNotes.steps.loss.at(-1)!)}), α = 0.1 ${runs.rawSame.stopReason} at epoch ${runs.rawSame.epochs.length}; standardised: α = 0.001 ${runs.scaledNotes.stopReason}, α = 0.1 ${runs.scaled.stopReason}`,
      ),
      claim(
        `Even at its best stable step, GD on raw features is far worse after ${EPOCHS} epochs, although both versions have the same optimum (scaling changes the path, not the best fit)`,
        Math.abs(raw.optimum.loss - lStar) < 1e-9 * lStar && end(runs.rawBest) > 100 * end(runs.scaled) && end(runs.rawBest) > 1e6 * end(runs.scaledBest),
        `least-squares loss L* = ${num(lStar)} on both (difference ${num(Math.abs(raw.optimum.loss - lStar))}); L − L* after ${EPOCHS} epochs at 0.9 · 2/λmax: raw ${num(end(runs.rawBest))}, standardised ${num(end(runs.scaledBest))}; standardised at lr ${SCALED_LR}: ${num(end(runs.scaled))}`,
      ),
    ];

    const curves = [
      { label: `standardised, lr ${SCALED_LR}`, h: runs.scaled },
      { label: `standardised, lr ${NOTES_LR}`, h: runs.scaledNotes },
      { label: `raw, lr ${num(0.9 * stable(raw))} (0.9 · 2/λmax)`, h: runs.rawBest },
      { label: `raw, lr ${NOTES_LR} (diverges)`, h: runs.rawNotes },
    ];
    const epochs = (h: History) => Array.from({ length: h.epochs.length + 1 }, (_, e) => excessAt(h, lStar, e));
    const figures = [
      await epochChart(
        'feature-scaling-loss',
        curves.map((c) => ({ label: c.label, values: epochs(c.h), diverged: diverged(c.h) })),
        {
          title: 'Full-batch GD on cars, raw vs standardised features',
          yLabel: 'L − L* (log scale)',
          yDomain: [1e-3, 1e4],
          alt: 'Training loss minus the optimum per epoch, raw and standardised features',
          caption: `Standardised (lr ${SCALED_LR}) reaches the optimum within ${EPOCHS} epochs; raw features at their largest stable step fall fast along the steep direction, then stall on a plateau far above; raw with notes 003’s α = 0.001 leaves the chart at once (the cross).`,
        },
      ),
    ];
    for (const s of [scaled, raw]) {
      const path = slicePath(s);
      const [w1, w2] = s.optimum.weight;
      const pad = (v: number) => Math.abs(v) * 0.8;
      const prefix = s.scale === 'none' ? 'feature-scaling-raw' : 'feature-scaling-standardised';
      figures.push(
        ...(await runFigures(path.objective, [{ label: `GD, lr ${num(path.lr)}`, trace: path.trace }], {
          prefix,
          box: [
            [Math.min(0, w1) - pad(w1), Math.max(0, w1) + pad(w1)],
            [Math.min(0, w2) - pad(w2), Math.max(0, w2) + pad(w2)],
          ],
          quick: ctx.quick,
          gif: false,
          loss: false,
          reference: s.optimum.loss,
          title: `Loss over the two weights, bias at its optimum (${s.scale === 'none' ? 'raw features' : 'standardised'})`,
          captions: {
            contour:
              s.scale === 'none'
                ? `Raw features: the valley is so narrow the contours look like parallel lines; GD (${PICTURE_STEPS} steps of 1/λmax) drops straight down the steep weight axis into the valley and then barely moves along it toward the minimum.`
                : `Standardised: the valley is only mildly elongated (the two features are correlated); GD (${PICTURE_STEPS} steps of 1/λmax) heads for the minimum and reaches it.`,
          },
        })),
      );
    }

    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Lecture 4 (000_1765f82dc8c352f6.txt) lists "the scale of the features affects the direction of descent" among the problems of gradient descent, and notes 003 (003_673ddad77e31dcee.txt) warns that on unnormalised values even α = 0.001 can diverge. Here the same linear model learns miles per gallon from horsepower (≈ 100) and weight (≈ 3000 lb) by full-batch gradient descent, once on the raw numbers and once standardised (mean 0, deviation 1, fitted on the training cars).',
        `On raw numbers the loss is a valley ${num(raw.curvature.condition / scaled.curvature.condition)} times more elongated (condition number of H = AᵀA/N), so the largest stable step shrinks from ${num(stable(scaled))} to ${num(stable(raw))}: α = 0.001 diverges at once, and at the largest stable step the run stalls far above the optimum both versions share. Look at the two contour pictures: on standardised data the path aims at the minimum; on raw data the gradient points across the valley, not along it.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['features', 'κ(H)', 'λmax', '2/λmax', `L − L* after ${EPOCHS} epochs, lr 0.9 · 2/λmax`, `lr ${SCALED_LR}`, `lr ${NOTES_LR}`, 'cos(−∇L₀, θ* − θ₀)'],
        rows: [
          [s(scaled), num(scaled.curvature.condition), num(scaled.curvature.eigenvalues[2]), num(stable(scaled)), num(end(runs.scaledBest)), outcome(runs.scaled, lStar), outcome(runs.scaledNotes, lStar), num(scaled.aim)],
          [s(raw), num(raw.curvature.condition), num(raw.curvature.eigenvalues[2]), num(stable(raw)), num(end(runs.rawBest)), outcome(runs.rawSame, lStar), outcome(runs.rawNotes, lStar), num(raw.aim)],
        ],
      },
      config: {
        data: { name: 'cars', target: 'Miles_per_Gallon', features: ['Horsepower', 'Weight_in_lbs'], scale: ['standard', 'none'], split: { validation: 0.2 }, seed: DATA_SEED },
        model: 'linear',
        optimizer: 'SGD, full batch',
        epochs: EPOCHS,
        lrs: { scaled: SCALED_LR, notes: NOTES_LR, stableFractions: [0.9, 1.1] },
        picture: { steps: PICTURE_STEPS, lr: '1/λmax of the two-weight slice', start: [0, 0] },
      },
      claims,
    };
  },
};

function s(x: Setting): string {
  return x.scale === 'none' ? 'raw' : 'standardised';
}

/** A table cell: L − L* after the epochs, or where the run diverged. */
function outcome(h: History, optimum: number): string {
  return h.stopReason === 'diverged' ? `diverged (epoch ${h.epochs.length})` : num(excessAt(h, optimum, h.epochs.length));
}
