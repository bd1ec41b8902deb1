/**
 * Report section `memory`: lecture 6 (001) lists among Adam's drawbacks that it "needs more memory than SGD".
 * The table measures every optimizer of the registry (src/optim/state-size.ts counts the numbers its state holds
 * after a step) and turns the count into megabytes for a model of a million float32 parameters.
 */
import { Parameter } from '../../core/parameter.js';
import { getOptimizer } from '../../optim/registry.js';
import { stateSizePerParameter } from '../../optim/state-size.js';
import type { Claim, DemoSection } from './section.js';

const PARAMETERS = 1_000_000;
const FLOAT32_BYTES = 4;
const MB = 1e6;

/** Every optimizer of the registry with its defaults, and the variants the lectures name (momentum, AMSGrad, …). */
const variants: ReadonlyArray<{ label: string; name: string; options: Record<string, unknown> }> = [
  { label: 'SGD', name: 'SGD', options: {} },
  { label: 'SGD, momentum 0.9', name: 'SGD', options: { momentum: 0.9 } },
  { label: 'SGD, Nesterov', name: 'SGD', options: { momentum: 0.9, nesterov: true } },
  { label: 'Adagrad', name: 'Adagrad', options: {} },
  { label: 'RMSprop', name: 'RMSprop', options: {} },
  { label: 'RMSprop, momentum 0.9', name: 'RMSprop', options: { momentum: 0.9 } },
  { label: 'RMSprop, centered', name: 'RMSprop', options: { centered: true } },
  { label: 'Adam', name: 'Adam', options: {} },
  { label: 'Adam, amsgrad', name: 'Adam', options: { amsgrad: true } },
  { label: 'AdamW', name: 'AdamW', options: {} },
  { label: 'Adadelta', name: 'Adadelta', options: {} },
  { label: 'Adamax', name: 'Adamax', options: {} },
  { label: 'NAdam', name: 'NAdam', options: {} },
  { label: 'RAdam', name: 'RAdam', options: {} },
  { label: 'ASGD', name: 'ASGD', options: {} },
  { label: 'Rprop', name: 'Rprop', options: {} },
  { label: 'Lion', name: 'Lion', options: {} },
  { label: 'LBFGS (history after one step)', name: 'LBFGS', options: {} },
];

/** The names of the state entries that are buffers (arrays), read from the torch-shaped state dict after a step. */
function bufferNames(name: string, options: Record<string, unknown>): string[] {
  const entry = getOptimizer(name);
  const p = new Parameter(new Float64Array([1, -2, 3]));
  const optimizer = entry.create([p], options);
  const closure = () => {
    p.grad!.set([p.data[0] + 0.5, 2 * p.data[1], 3 * p.data[2] - 1]);
    return 0.5 * p.data[0] ** 2 + p.data[1] ** 2 + 1.5 * p.data[2] ** 2;
  };
  closure();
  if (entry.needsClosure) optimizer.step(closure);
  else optimizer.step();
  const state = optimizer.stateDict().state['0'] ?? {};
  return Object.entries(state).filter(([, v]) => Array.isArray(v)).map(([k]) => k);
}

const TITLE = 'Memory: what each optimizer keeps per parameter';
const SEED = 'lecture 6 (001_25e225063cee466c.txt), "The practical side": Adam "needs more memory than SGD"; the update equations of AdaGrad, RMSProp and Adam';

export const memorySection: DemoSection = {
  id: 'memory',
  title: TITLE,
  seed: SEED,
  async build() {
    const rows = variants.map((v) => {
      const numbers = stateSizePerParameter(v.name, v.options);
      return { ...v, numbers, buffers: bufferNames(v.name, v.options), stateMb: (numbers * PARAMETERS * FLOAT32_BYTES) / MB };
    });
    const of = (label: string) => rows.find((r) => r.label === label)!;
    const sgd = of('SGD');
    const momentum = of('SGD, momentum 0.9');
    const adagrad = of('Adagrad');
    const rmsprop = of('RMSprop');
    const adam = of('Adam');
    const amsgrad = of('Adam, amsgrad');
    const show = (r: (typeof rows)[number]) => `${r.label}: ${r.numbers} per parameter${r.buffers.length ? ` (${r.buffers.join(', ')})` : ''}, ${r.stateMb} MB for 1e6 float32 parameters`;
    // Weights and their gradients, which every optimizer needs besides its state.
    const baseMb = (2 * PARAMETERS * FLOAT32_BYTES) / MB;

    const claims: Claim[] = [
      {
        claim: 'Lecture 6 (001): Adam "needs more memory than SGD"',
        holds: adam.numbers > sgd.numbers && adam.numbers > momentum.numbers,
        evidence: `${show(adam)}; ${show(sgd)}; ${show(momentum)}`,
      },
      {
        claim: 'Lecture 4 (000): momentum "keeps part of the previous direction of motion" — one buffer per parameter, where plain SGD keeps nothing',
        holds: momentum.numbers === 1 && sgd.numbers === 0,
        evidence: `${show(momentum)}; ${show(sgd)}`,
      },
      {
        claim: 'Lecture 6 (001): AdaGrad accumulates r_t = r_{t−1} + g_t ⊙ g_t — one number per weight',
        holds: adagrad.numbers === 1,
        evidence: show(adagrad),
      },
      {
        claim: 'Lecture 6 (001): RMSProp keeps a decaying average r_t of g_t ⊙ g_t — one number per weight',
        holds: rmsprop.numbers === 1,
        evidence: show(rmsprop),
      },
      {
        claim: 'Lecture 6 (001): Adam is "RMSprop with momentum", keeping both moments p_t and r_t — two numbers per weight, the sum of the two',
        holds: adam.numbers === 2 && adam.numbers === momentum.numbers + rmsprop.numbers,
        evidence: show(adam),
      },
      {
        claim: 'AMSGrad (Reddi et al. 2018) keeps the running maximum of r_t besides: one more number per weight than Adam',
        holds: amsgrad.numbers === adam.numbers + 1,
        evidence: show(amsgrad),
      },
    ];

    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Lecture 6 (001_25e225063cee466c.txt, "The practical side") lists among Adam’s drawbacks that it needs more memory than SGD. Its update equations say why: AdaGrad and RMSProp carry one running sum r_t per weight, and Adam carries two, the average gradient p_t and the average squared gradient r_t, on top of the weights and their gradients.',
        `The table is measured, not declared: each optimizer takes a step on a small model and the numbers its state holds are counted per parameter; the megabytes are for a model of ${PARAMETERS.toLocaleString('en-US')} float32 parameters, whose weights and gradients alone take ${baseMb} MB. Read the "state" column: plain SGD adds nothing, momentum one copy of the model, Adam two, AMSGrad three, and LBFGS a history that grows with its historySize.`,
      ].join('\n\n'),
      figures: [],
      table: {
        columns: ['optimizer', 'options', 'state per parameter', 'state buffers', 'state, MB (1e6 float32)', 'with weights and gradients, MB', 'vs SGD'],
        rows: rows.map((r) => [r.label, JSON.stringify(r.options), r.numbers, r.buffers.join(', ') || '—', r.stateMb, r.stateMb + baseMb, (r.stateMb + baseMb) / (sgd.stateMb + baseMb)]),
      },
      config: { parameters: PARAMETERS, bytesPerNumber: FLOAT32_BYTES, measuredAfterSteps: 1, variants },
      claims,
    };
  },
};
