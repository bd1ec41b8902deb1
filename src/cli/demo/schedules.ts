/**
 * Report section `schedules`: lecture 4 (000) recommends a learning-rate schedule ("step, cosine, warm-up") and
 * names StepLR(step_size=5, gamma=0.5), ExponentialLR, CosineAnnealingLR and warm-up. The curves are computed by
 * the scheduler classes themselves (lrAt), and one experiment shows why: SGD with a step too large for the
 * notebook's 5x² + y² jumps over the minimum forever, the same step with a decaying schedule converges.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { getFunction } from '../../objective/zoo/registry.js';
import { lrAt } from '../../schedule/lr-at.js';
import type { SchedulerSpec } from '../../schedule/registry.js';
import { lrCurves } from '../../viz/curves.js';
import { runFigures } from '../../viz/figures.js';
import { chartFigure } from './chart-figure.js';
import { num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

/** The curves: base lr 0.1 over epochs 0 … 30. */
const BASE_LR = 0.1;
const EPOCHS = 31;
const SHOWN_EPOCHS = [0, 1, 4, 5, 6, 9, 10, 15, 20, 25, 30];
const warmup: SchedulerSpec = { name: 'LinearLR', startFactor: 0.1, totalIters: 5 };
const curveSpecs: ReadonlyArray<{ label: string; spec: SchedulerSpec }> = [
  { label: 'StepLR(stepSize 5, gamma 0.5)', spec: { name: 'StepLR', stepSize: 5, gamma: 0.5 } },
  { label: 'ExponentialLR(gamma 0.9)', spec: { name: 'ExponentialLR', gamma: 0.9 } },
  { label: 'CosineAnnealingLR(tMax 30)', spec: { name: 'CosineAnnealingLR', tMax: 30 } },
  { label: 'warm-up: LinearLR(startFactor 0.1, totalIters 5)', spec: warmup },
  { label: 'warm-up, then cosine (SequentialLR)', spec: { name: 'SequentialLR', schedulers: [warmup, { name: 'CosineAnnealingLR', tMax: 25 }], milestones: [5] } },
  { label: 'OneCycleLR(maxLr 0.1, totalSteps 31)', spec: { name: 'OneCycleLR', maxLr: BASE_LR, totalSteps: EPOCHS } },
];

/** The experiment: SGD with lr 0.2 = 2/L_x on 5x² + y² from the notebook's (5, 5), 100 steps. */
const LR = 0.2;
const STEPS = 100;
const experiments: ReadonlyArray<{ label: string; schedule?: SchedulerSpec }> = [
  { label: 'constant lr 0.2' },
  { label: 'StepLR(5, 0.5)', schedule: { name: 'StepLR', stepSize: 5, gamma: 0.5 } },
  { label: 'ExponentialLR(0.95)', schedule: { name: 'ExponentialLR', gamma: 0.95 } },
  { label: 'CosineAnnealingLR(100)', schedule: { name: 'CosineAnnealingLR', tMax: STEPS } },
];

/** The largest relative gap between a curve and its closed form, over the epochs. */
function worstGap(lrs: readonly number[], closedForm: (t: number) => number): number {
  return Math.max(...lrs.map((lr, t) => Math.abs(lr - closedForm(t)) / Math.max(closedForm(t), 1e-12)));
}

const TITLE = 'Learning-rate schedules';
const SEED = 'lecture 4 (000_1765f82dc8c352f6.txt), "Choosing the learning rate" and "Early Stopping and Scheduler": StepLR(step_size=5, gamma=0.5), ExponentialLR, CosineAnnealingLR, warm-up';

export const schedulesSection: DemoSection = {
  id: 'schedules',
  title: TITLE,
  seed: SEED,
  async build(ctx) {
    const curves = curveSpecs.map((c) => ({ ...c, lrs: lrAt(c.spec, BASE_LR, EPOCHS) }));
    const [step, exponential, cosine, linear, warmCosine] = curves.map((c) => c.lrs);

    const f = getFunction('seed-quadratic');
    const runs = experiments.map((x) => ({
      label: x.label,
      trace: minimize(f, [5, 5], { optimizer: { name: 'SGD', lr: LR }, ...(x.schedule ? { schedule: x.schedule } : {}), maxSteps: STEPS }),
    }));
    const [constant, ...scheduled] = runs;
    const final = (t: Trace) => t.values[STEPS];
    const f0 = constant.trace.values[0];
    const minConstant = Math.min(...constant.trace.values);

    const stepGap = worstGap(step, (t) => BASE_LR * 0.5 ** Math.floor(t / 5));
    const ratios = exponential.slice(1).map((lr, t) => lr / exponential[t]);
    const cosineGap = Math.max(...cosine.map((lr, t) => Math.abs(lr - 0.5 * BASE_LR * (1 + Math.cos((Math.PI * t) / 30)))));
    const rises = linear.slice(1, 6).map((lr, t) => lr - linear[t]);
    const peak = warmCosine.indexOf(Math.max(...warmCosine));
    const claims: Claim[] = [
      {
        claim: 'Lecture 4 (000): StepLR(step_size=5, gamma=0.5) halves the learning rate every 5 epochs',
        holds: stepGap < 1e-12,
        evidence: `lr at epochs 0, 5, 10, 15: ${[0, 5, 10, 15].map((t) => step[t]).join(', ')}; largest gap to 0.1 · 0.5^⌊t/5⌋: ${num(stepGap)}`,
      },
      {
        claim: 'ExponentialLR multiplies the learning rate by gamma every epoch',
        holds: ratios.every((r) => Math.abs(r - 0.9) < 1e-12),
        evidence: `lr_{t+1}/lr_t between ${Math.min(...ratios).toFixed(15)} and ${Math.max(...ratios).toFixed(15)} (gamma 0.9)`,
      },
      {
        claim: 'CosineAnnealingLR follows half a cosine from the base lr down to etaMin = 0 at tMax',
        holds: cosineGap < 1e-12 && Math.abs(cosine[30]) < 1e-15,
        evidence: `largest gap to 0.05 (1 + cos(πt/30)): ${num(cosineGap)}; lr at epoch 15: ${cosine[15].toFixed(6)}, at epoch 30: ${num(cosine[30])}`,
      },
      {
        claim: 'Warm-up: the learning rate starts small and rises in equal steps to the base lr (LinearLR over 5 epochs), then holds',
        holds: Math.abs(linear[0] - 0.01) < 1e-15 && rises.every((r) => Math.abs(r - 0.018) < 1e-12) && linear.slice(5).every((lr) => Math.abs(lr - BASE_LR) < 1e-15),
        evidence: `lr at epochs 0–5: ${linear.slice(0, 6).map((v) => v.toFixed(4)).join(', ')}; epoch 30: ${linear[30]}`,
      },
      {
        claim: 'Warm-up then cosine: up to the base lr at the end of warm-up, then down toward 0',
        holds: peak === 5 && Math.abs(warmCosine[5] - BASE_LR) < 1e-15 && warmCosine.slice(5).every((lr, t, a) => t === 0 || lr < a[t - 1]) && warmCosine[30] < 0.01 * BASE_LR,
        evidence: `peak ${warmCosine[peak]} at epoch ${peak}; epoch 30: ${num(warmCosine[30])}`,
      },
      {
        claim: 'Lecture 4 (000): with too large a step gradient descent "jumps over the minimum" — SGD with constant lr 0.2 on 5x² + y² never gets below f = 125',
        holds: minConstant >= 125 * (1 - 1e-12) && constant.trace.status === 'max-steps',
        evidence: `x after steps 1, 2, 99, 100: ${[1, 2, 99, 100].map((t) => constant.trace.points[t][0]).join(', ')}; smallest f in ${STEPS} steps: ${minConstant}`,
      },
      {
        claim: 'Lecture 4 (000): a learning-rate schedule helps — the same lr 0.2 with a decaying schedule converges',
        holds: scheduled.every((r) => final(r.trace) < 1e-2 * f0 && final(r.trace) < 1e-3 * final(constant.trace)),
        evidence: `f after ${STEPS} steps: ${runs.map((r) => `${r.label} ${num(final(r.trace))}`).join('; ')} (f₀ = ${f0})`,
      },
    ];

    const curvesSvg = lrCurves(
      curves.map((c) => ({ label: c.label, lrs: c.lrs })),
      { title: `Learning rate per epoch, base lr ${BASE_LR}`, width: 760, id: 'schedules-curves' },
    );
    const figures = [
      await chartFigure('schedules-curves', curvesSvg, 'Learning-rate curves of the schedules the lecture names', 'The schedules of lecture 4, computed by the scheduler classes: StepLR’s stairs halve every 5 epochs, ExponentialLR and cosine glide down, warm-up climbs for 5 epochs first.'),
      ...(await runFigures(f, runs, {
        prefix: 'schedules-sgd',
        quick: ctx.quick,
        reference: 0,
        captions: {
          contour: 'SGD with lr 0.2 on 5x² + y² from (5, 5): with a constant step the path jumps between x = 5 and x = −5 forever (the horizontal lines); every decaying schedule lets it settle at the minimum.',
          loss: 'f per step: the constant step stays at 125 (the bounce in x); the schedules fall. StepLR flattens out late because its lr has been halved nineteen times and the slow y direction stops moving.',
          lr: 'The learning rate of each run: where it drops below 0.2, the bounce in x dies.',
        },
      })),
    ];

    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Lecture 4 (000_1765f82dc8c352f6.txt, "Choosing the learning rate") says a too large learning rate makes the loss blow up, a too small one makes training slow, and that a learning-rate schedule (step, cosine, warm-up) helps; its "Scheduler" slide names StepLR(step_size=5, gamma=0.5), ExponentialLR, CosineAnnealingLR and warm-up. The first picture draws those schedules from the library’s scheduler classes; the table lists the learning rate at chosen epochs.',
        `Then one experiment: SGD on the notebook’s 5x² + y² from (5, 5) with lr 0.2, exactly the largest step the steep x direction tolerates (2/10). With the step held constant x jumps from +5 to −5 and back for all ${STEPS} steps and f stays at ${final(constant.trace)}; the same lr decayed by StepLR, ExponentialLR or a cosine ends at f = ${scheduled.map((r) => num(final(r.trace))).join(', ')}. Look at the contour plot for the horizontal bounce of the constant run, and at the loss curves for the price of decaying too fast: StepLR’s curve levels off because its tiny late steps barely move y.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['schedule (base lr 0.1)', ...SHOWN_EPOCHS.map((t) => `epoch ${t}`)],
        rows: curves.map((c) => [c.label, ...SHOWN_EPOCHS.map((t) => c.lrs[t])]),
      },
      config: {
        curves: { baseLr: BASE_LR, epochs: EPOCHS, schedules: curveSpecs },
        experiment: { function: 'seed-quadratic', start: [5, 5], optimizer: { name: 'SGD', lr: LR }, maxSteps: STEPS, schedules: experiments },
      },
      claims,
    };
  },
};
