/**
 * The demo's first section: the seed notebook (002, "Advanced optimization methods", its "Эксперименты" part).
 * Its six settings (SGD, momentum μ = 0.9 and 0.7, Adagrad, RMSProp, its Adam cell) run for 100 iterations on
 * both of its functions from its start points, plus torch's bias-corrected Adam beside the notebook's uncorrected
 * one, drawn over the notebook's log-spaced contour levels. The claims are the notebook's own remarks: there is no
 * universal method, and Adagrad's step decays so fast that it needs a much larger η than SGD.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { distance, effectiveSteps, stepLengths } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import type { ZooObjective } from '../../objective/zoo/zoo-function.js';
import { runFigures } from '../../viz/figures.js';
import type { ReportFigure } from '../../viz/report.js';
import { notebookFunctions, notebookIterations, notebookLevels, torchAdam, type NotebookFunction, type OptimizerSetting } from '../notebook-experiments.js';
import { claim, num, point } from './claim.js';
import type { Claim, DemoSection } from './section.js';

/** The notebook's advice after its Adagrad run, taken literally: η = 1, ten times its 0.1 and 100 times SGD's. */
export const largerAdagrad: OptimizerSetting = { label: 'Adagrad, η = 1 (the notebook’s advice)', optimizer: 'Adagrad', options: { lr: 1, eps: 0, epsRoot: 1e-6 } };

export interface NotebookRun {
  label: string;
  setting: OptimizerSetting;
  trace: Trace;
  /** Distance of the last point to the function's global minimum. */
  distance: number;
}

export interface NotebookFunctionRuns {
  fn: NotebookFunction;
  objective: ZooObjective;
  /** The notebook's six runs, in its order. */
  six: NotebookRun[];
  torchAdam: NotebookRun;
}

function run(objective: ZooObjective, start: readonly number[], setting: OptimizerSetting): NotebookRun {
  const trace = minimize(objective, start, { optimizer: { name: setting.optimizer, ...setting.options }, maxSteps: notebookIterations });
  const minimum = objective.meta.minima.find((m) => m.kind === 'global')!.x;
  return { label: setting.label, setting, trace, distance: distance(trace.points[trace.points.length - 1], minimum) };
}

/** The twelve runs of the notebook and torch's Adam on each function. */
export function notebookRuns(): NotebookFunctionRuns[] {
  return notebookFunctions.map((fn) => {
    const objective = getFunction(fn.zoo);
    return { fn, objective, six: fn.settings.map((s) => run(objective, fn.start, s)), torchAdam: run(objective, fn.start, torchAdam) };
  });
}

const last = (r: NotebookRun) => r.trace.values[r.trace.values.length - 1];
const best = (runs: readonly NotebookRun[]) => runs.reduce((a, b) => (last(b) < last(a) ? b : a));
const rank = (runs: readonly NotebookRun[], r: NotebookRun) => [...runs].sort((a, b) => last(a) - last(b)).indexOf(r) + 1;

function claims(square: NotebookFunctionRuns, complex: NotebookFunctionRuns, bigAdagrad: NotebookRun): Claim[] {
  const bestSquare = best(square.six);
  const bestComplex = best(complex.six);
  const inComplex = complex.six.find((r) => r.label === bestSquare.label)!;
  const adagrad = square.six.find((r) => r.setting.optimizer === 'Adagrad')!;
  const sgd = square.six[0];
  const farthest = square.six.reduce((a, b) => (b.distance > a.distance ? b : a));
  const steps = stepLengths(adagrad.trace);
  const eff = effectiveSteps(square.objective, adagrad.trace);
  const ratio = eff.map(([x, y]) => x / y);
  const start = distance(square.fn.start, [0, 0]);
  return [
    claim(
      '"There is no universal optimization method that always works better than the others" (002, "Эксперименты"): the best of the six on one function is not the best on the other.',
      bestSquare.label !== bestComplex.label,
      `lowest f after 100 iterations on square_sum: ${bestSquare.label} (${num(last(bestSquare))}); on complex_sum: ${bestComplex.label} (${num(last(bestComplex))}), where ${bestSquare.label} ranks ${rank(complex.six, inComplex)} of 6 (${num(last(inComplex))})`,
    ),
    claim(
      '"The method managed only a very small step … because the adaptive step (learning rate) decays very fast" (002, after the Adagrad run on 5x² + y²).',
      farthest === adagrad,
      `Adagrad ends ${num(adagrad.distance)} from the minimum (it started ${num(start)} away), the farthest of the six; its step shrank from ${num(steps[0])} to ${num(steps[steps.length - 1])} in 100 iterations`,
    ),
    claim(
      '"For adequate results with Adagrad take η considerably larger than with SGD" (002): with η = 1, a hundred times SGD’s 0.01, Adagrad ends below SGD on 5x² + y².',
      last(bigAdagrad) < last(sgd),
      `f after 100 iterations: Adagrad η = 1: ${num(last(bigAdagrad))}, Adagrad η = 0.1: ${num(last(adagrad))}, SGD η = 0.01: ${num(last(sgd))}`,
    ),
    claim(
      'Adagrad "updates each parameter at its own rate: the more f changes with a parameter, the slower it is updated" (002, Adagrad): on 5x² + y² the steep x gets a smaller step than y at every iteration.',
      ratio.every((r) => r < 1),
      `η_eff(x) / η_eff(y) = |Δx/∂ₓf| / |Δy/∂ᵧf| ranges over [${num(Math.min(...ratio))}, ${num(Math.max(...ratio))}] (√(Σ(2y)²/Σ(10x)²) = 1/5 on the diagonal x = y it travels)`,
    ),
    claim(
      'The notebook’s Adam formula divides the moments by 1 − βᵗ, its code cell steps with the uncorrected ones: the two are different methods, with different first steps and end points.',
      Math.abs(stepLengths(square.six[5].trace)[0] - stepLengths(square.torchAdam.trace)[0]) > 1e-3,
      `first step on 5x² + y²: notebook cell ${num(stepLengths(square.six[5].trace)[0])} (= 0.1·√2·(1 − β₁)/√(1 − β₂) ≈ 0.0447), bias-corrected ${num(stepLengths(square.torchAdam.trace)[0])} (= 0.1·√2); after 100 iterations ${point(square.six[5].trace.points[100])} and ${point(square.torchAdam.trace.points[100])}`,
    ),
  ];
}

function rows(fnRuns: NotebookFunctionRuns, extra: NotebookRun[]) {
  return [...fnRuns.six, fnRuns.torchAdam, ...extra].map((r) => {
    const p = r.trace.points[r.trace.points.length - 1];
    return [fnRuns.fn.notebookName, r.label, r.setting.options.lr as number, p[0], p[1], last(r), r.distance, r.trace.status];
  });
}

export const notebookSection: DemoSection = {
  id: 'notebook',
  title: 'The notebook’s experiments: six optimizers on two functions',
  seed: 'notebook 002 (002_e420e36ddf3d36e0.txt), "Продвинутые методы оптимизации", part "Эксперименты": SGD, SGD Momentum, Adagrad, RMSProp and Adam on square_sum from (5, 5) and complex_sum from (5, −2), 100 iterations',
  async build(ctx) {
    const [square, complex] = notebookRuns();
    const bigAdagrad = run(square.objective, square.fn.start, largerAdagrad);
    const figures: ReportFigure[] = [];
    for (const [fnRuns, prefix] of [[square, 'notebook-quadratic'], [complex, 'notebook-complex']] as const) {
      const runs = [...fnRuns.six, fnRuns.torchAdam].map((r) => ({ label: r.label, trace: r.trace }));
      const box: [[number, number], [number, number]] = [[...fnRuns.fn.box[0]], [...fnRuns.fn.box[1]]];
      figures.push(...(await runFigures(fnRuns.objective, runs, { prefix, box, levels: { levels: notebookLevels }, quick: ctx.quick })));
    }
    const adagrad = square.six[3];
    const travelled = 1 - adagrad.distance / distance(square.fn.start, [0, 0]);
    return {
      title: this.title,
      seed: this.seed,
      text:
        'The notebook 002 runs its five methods from one start point on two functions and animates each path over level lines at f = 0.5, 10, 30, …, 900; ' +
        'here all its runs share one picture per function, with the same learning rates and 100 iterations, and torch’s bias-corrected Adam beside the notebook’s Adam cell (which computes the corrected moments but steps with the uncorrected ones). ' +
        `On the bowl 5x² + y² RMSProp and momentum reach the minimum while Adagrad covers only ${Math.round(100 * travelled)}% of the way, its step shrinking every iteration (the notebook’s remark); on the quartic valley with sin(xy) ripples the order changes, which is the notebook’s point that no method is best everywhere. ` +
        'In the contour plots compare how directly each path heads for the star; in the loss plots, how fast each curve falls.',
      figures,
      table: {
        columns: ['function', 'run', 'lr', 'x₁₀₀', 'y₁₀₀', 'f(x₁₀₀, y₁₀₀)', 'distance to minimum', 'status'],
        rows: [...rows(square, [bigAdagrad]), ...rows(complex, [])],
      },
      config: {
        iterations: notebookIterations,
        levels: notebookLevels,
        functions: notebookFunctions.map((f) => ({ function: f.zoo, start: f.start, box: f.box, runs: [...f.settings, torchAdam] })),
        extra: { function: 'seed-quadratic', run: largerAdagrad },
      },
      claims: claims(square, complex, bigAdagrad),
    };
  },
};
