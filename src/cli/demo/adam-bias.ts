/**
 * Adam with and without bias correction (notes 004, "Adam: RMSProp + Momentum"; lecture 6, 001). Notes 004 first
 * write Adam without correction and say that with β₂ = 0.999 "at the beginning the learning rate becomes very
 * large, we take a very big step", then add m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Why: m and v start at 0, so for a
 * steady gradient g the uncorrected step is lr·(1 − β₁ᵗ)/√(1 − β₂ᵗ)·sign g, 3.16·lr at t = 1 and about 6·lr at
 * t ≈ 10, where the corrected one is lr. Both run on the notebook's 5x² + y² from (5, 5) with 004's β and
 * ε = 1e-7, and the uncorrected form also with the notebook's β₂ = 0.9, where the effect turns around.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { overshoot, stepLengths } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import type { ZooObjective } from '../../objective/zoo/zoo-function.js';
import { runFigures } from '../../viz/figures.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { chartFigure } from './chart-figure.js';
import { claim, num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

export const adamSteps = 100;
export const adamLr = 0.1;
/** Steps (1-based) shown in the table. */
export const adamTableSteps = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50] as const;

export const adamSettings = [
  { label: 'Adam, bias-corrected (004’s second version)', options: { lr: adamLr, betas: [0.9, 0.999], eps: 1e-7 } },
  { label: 'Adam, no correction (004’s first version)', options: { lr: adamLr, betas: [0.9, 0.999], eps: 1e-7, biasCorrection: false } },
  { label: 'Adam, no correction, β = (0.9, 0.9) (the notebook’s)', options: { lr: adamLr, betas: [0.9, 0.9], eps: 1e-7, biasCorrection: false } },
] as const;

/** For a steady gradient, the uncorrected step over the corrected one at step t: (1 − β₁ᵗ)/√(1 − β₂ᵗ). */
export function uncorrectedRatio(t: number, beta1: number, beta2: number): number {
  return (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t);
}

export interface AdamRun {
  label: string;
  trace: Trace;
  /** ‖x_t − x_{t−1}‖, t = 1 … 100. */
  steps: number[];
}

export function adamRuns(): { f: ZooObjective; runs: AdamRun[] } {
  const f = getFunction('seed-quadratic');
  const runs = adamSettings.map(({ label, options }) => {
    const trace = minimize(f, f.meta.starts[0], { optimizer: { name: 'Adam', ...options }, maxSteps: adamSteps });
    return { label, trace, steps: stepLengths(trace) };
  });
  return { f, runs };
}

function claims([corrected, raw, notebook]: AdamRun[]): Claim[] {
  const ratios = raw.steps.slice(0, 10).map((s, k) => s / corrected.steps[k]);
  const largest = Math.max(...ratios);
  const at = ratios.indexOf(largest) + 1;
  return [
    claim(
      'Without bias correction, with β₂ = 0.999 "at the beginning the learning rate becomes very large: we take a very big step right at the start" (notes 004).',
      ratios[0] > 3 && largest > 5,
      `first step: ${num(raw.steps[0])} uncorrected against ${num(corrected.steps[0])} corrected, ${num(ratios[0])}× (theory (1 − β₁)/√(1 − β₂) = ${num(uncorrectedRatio(1, 0.9, 0.999))}); ` +
        `largest of the first 10: ${num(largest)}× at step ${at} (theory for a steady gradient ${num(uncorrectedRatio(at, 0.9, 0.999))})`,
    ),
    claim(
      'The improved version divides the moments by 1 − βᵗ (notes 004; lecture 6, 001), so from the first step Adam moves about lr per coordinate.',
      Math.abs(corrected.steps[0] - adamLr * Math.SQRT2) < 1e-6 && corrected.steps.slice(0, 10).every((s) => s <= adamLr * Math.SQRT2 * (1 + 1e-9)),
      `first step ${num(corrected.steps[0])} = lr·√2 (two coordinates, each m̂/√v̂ = g/|g| at t = 1); each of the first 10 steps at most lr·√2, the smallest ${num(Math.min(...corrected.steps.slice(0, 10)))}`,
    ),
    claim(
      'The huge first step comes from β₂ being close to 1 (notes 004: "β₂ = 0.999, a number close to 1"): with the notebook’s β₂ = 0.9 the uncorrected first step is smaller than lr, not larger.',
      notebook.steps[0] < corrected.steps[0] && raw.steps[0] > corrected.steps[0],
      `first step without correction: ${num(raw.steps[0])} with β₂ = 0.999, ${num(notebook.steps[0])} with β₂ = 0.9 (theory ×${num(uncorrectedRatio(1, 0.9, 0.9))} of the corrected ${num(corrected.steps[0])})`,
    ),
  ];
}

export const adamBiasSection: DemoSection = {
  id: 'adam-bias',
  title: 'Adam’s bias correction and its first steps',
  seed: 'notes 004 (004_7f63b3a9c51eadea.txt), "Adam：RMSProp+Momentum": the first version without correction, why it takes huge first steps, and the improved version; lecture 6 (001_25e225063cee466c.txt), Adam with bias correction',
  async build(ctx) {
    const { f, runs } = adamRuns();
    const [corrected, raw] = runs;
    const ratios = raw.steps.slice(0, 10).map((v, k) => v / corrected.steps[k]);
    const peak = { ratio: Math.max(...ratios), t: ratios.indexOf(Math.max(...ratios)) + 1 };
    const figures = await runFigures(
      f,
      runs.slice(0, 2).map((r) => ({ label: r.label, trace: r.trace })),
      { prefix: 'adam-bias', box: [[-7, 7], [-7, 7]], quick: ctx.quick },
    );
    const shown = 50;
    const t = Array.from({ length: shown }, (_, k) => k + 1);
    const chart = lineChart(
      [
        ...runs.map((r, k) => ({ label: r.label, colour: runColour(k), x: t, y: r.steps.slice(0, shown), dots: true })),
        { label: 'lr·√2 (the corrected first step)', colour: runColour(3), x: [1, shown], y: [adamLr * Math.SQRT2, adamLr * Math.SQRT2] },
      ],
      { title: `Step length ‖x_t − x_(t−1)‖, first ${shown} steps, lr = ${adamLr}`, x: { label: 'step t' }, y: { label: 'step length', domain: [0, 1] }, id: 'adam-bias-steps' },
    );
    figures.push(
      await chartFigure(
        'adam-bias-steps',
        chart,
        'Length of each of the first 50 steps of Adam with and without bias correction',
        'With the correction the first steps are lr per coordinate; without it (β₂ = 0.999) they are 3 to 6 times longer, the "very big step at the start" of notes 004; with β₂ = 0.9 they start shorter instead.',
      ),
    );
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Notes 004 first write Adam without bias correction and warn that with β₂ = 0.999 it takes a very big step at the start, then fix it by dividing the moments by 1 − β₁ᵗ and 1 − β₂ᵗ, as lecture 6 (001) does. ' +
        `Both moments start at zero, but the root of the second one starts far smaller relatively: after one step m = 0.1·g and √v = √0.001·|g|, so the uncorrected step is ${num(uncorrectedRatio(1, 0.9, 0.999))} times lr. ` +
        `On 5x² + y² from (5, 5) with lr = ${adamLr} the uncorrected first step is ${num(raw.steps[0])} against ${num(corrected.steps[0])}, and the gap grows to ${num(peak.ratio)}× at step ${peak.t}, close to the (1 − β₁ᵗ)/√(1 − β₂ᵗ) of a steady gradient, until the uncorrected run overshoots the minimum by ${(100 * overshoot(raw.trace, [0, 0], 0)).toFixed(0)}% of its start and turns back (the corrected one by ${(100 * overshoot(corrected.trace, [0, 0], 0)).toFixed(1)}%); with the notebook’s β₂ = 0.9 the effect turns around. ` +
        'See the step-length chart, the race (the uncorrected run leaps ahead along the diagonal) and the table, which sets each measured ratio beside (1 − β₁ᵗ)/√(1 − β₂ᵗ).',
      figures,
      table: {
        columns: ['step t', 'step, corrected', 'step, no correction', 'ratio', '(1 − 0.9ᵗ)/√(1 − 0.999ᵗ)', 'step, no correction, β₂ = 0.9'],
        rows: adamTableSteps.map((s) => [s, corrected.steps[s - 1], raw.steps[s - 1], raw.steps[s - 1] / corrected.steps[s - 1], uncorrectedRatio(s, 0.9, 0.999), runs[2].steps[s - 1]]),
      },
      config: { function: 'seed-quadratic', start: f.meta.starts[0], steps: adamSteps, runs: adamSettings.map((s) => ({ optimizer: 'Adam', ...s.options })) },
      claims: claims(runs),
    };
  },
};
