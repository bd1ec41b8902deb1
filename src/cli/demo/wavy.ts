/**
 * Notes 003's "example with a bad function": y = (x − 5)² + 50 sin x + 50 descended with α = 0.1 and α = 0.01.
 * The notes give no start; x₀ = 2 (the zoo's start, in the global minimum's basin) is where their account holds:
 * α = 0.01 finds the global minimum and α = 0.1 wanders over the hills. Why: near a minimum the curvature is
 * f″ = 2 − 50 sin x ≈ 52, one step multiplies the error by 1 − α f″, and α = 0.1 makes that −4.2. A sweep of α
 * checks the notes' "varying the rate will not make it find a local minimum", and a run from x₀ = 0 their caveat
 * that descent finds the global minimum only with lucky initial values.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { distance } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import type { ZooObjective } from '../../objective/zoo/zoo-function.js';
import { runFigures } from '../../viz/figures.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { chartFigure } from './chart-figure.js';
import { claim, num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

export const wavySteps = 200;
/** α = 0.001, 0.002, …, 0.1: every rate from well below to the notes' 0.1. */
export const wavySweep = Array.from({ length: 100 }, (_, k) => (k + 1) / 1000);

export interface WavyRun {
  label: string;
  start: number;
  alpha: number;
  trace: Trace;
  /** The minimum within 1e-3 of the last iterate, if any. */
  endsAt: { x: number; kind: 'global' | 'local' } | undefined;
  /** max − min of x over the last half of the run: 0 for a run that has settled. */
  spread: number;
}

function descend(f: ZooObjective, start: number, alpha: number, label = `α = ${alpha} from x₀ = ${start}`): WavyRun {
  const trace = minimize(f, [start], { optimizer: { name: 'SGD', lr: alpha }, maxSteps: wavySteps });
  const x = trace.points[trace.points.length - 1][0];
  const found = f.meta.minima.find((m) => Math.abs(m.x[0] - x) < 1e-3);
  const late = trace.points.slice(-(wavySteps / 2)).map(([v]) => v);
  return { label, start, alpha, trace, endsAt: found && { x: found.x[0], kind: found.kind }, spread: Math.max(...late) - Math.min(...late) };
}

export interface WavyRuns {
  f: ZooObjective;
  /** α = 0.1 and α = 0.01 from x₀ = 2, and α = 0.01 from x₀ = 0. */
  wanders: WavyRun;
  finds: WavyRun;
  unlucky: WavyRun;
  sweep: WavyRun[];
  /** f″ = 2 − 50 sin x at the global minimum, and the largest stable α = 2 / f″ there. */
  curvature: number;
  stableBelow: number;
}

export function wavyRuns(): WavyRuns {
  const f = getFunction('wavy');
  const start = f.meta.starts[0][0];
  const global = f.meta.minima.find((m) => m.kind === 'global')!.x[0];
  const curvature = 2 - 50 * Math.sin(global);
  return {
    f,
    wanders: descend(f, start, 0.1),
    finds: descend(f, start, 0.01),
    unlucky: descend(f, 0, 0.01),
    sweep: wavySweep.map((alpha) => descend(f, start, alpha)),
    curvature,
    stableBelow: 2 / curvature,
  };
}

/** The sweep as bands of consecutive α with the same outcome. */
function bands(sweep: readonly WavyRun[]): Array<{ from: number; to: number; count: number; outcome: string }> {
  const outcome = (r: WavyRun) => (r.endsAt ? `${r.endsAt.kind} minimum x = ${num(r.endsAt.x)}` : 'not at a minimum after 200 steps');
  const out: Array<{ from: number; to: number; count: number; outcome: string }> = [];
  for (const r of sweep) {
    const last = out[out.length - 1];
    if (last && last.outcome === outcome(r)) (last.to = r.alpha), last.count++;
    else out.push({ from: r.alpha, to: r.alpha, count: 1, outcome: outcome(r) });
  }
  return out;
}

function claims(w: WavyRuns): Claim[] {
  const global = w.f.meta.minima.find((m) => m.kind === 'global')!;
  const wanderX = w.wanders.trace.points.map(([x]) => x);
  const late = wanderX.slice(-(wavySteps / 2));
  const nearest = Math.min(...w.f.meta.minima.map((m) => Math.abs(m.x[0] - wanderX[wanderX.length - 1])));
  const inLocal = w.sweep.filter((r) => r.endsAt?.kind === 'local');
  const lastSettled = Math.max(...w.sweep.filter((r) => r.endsAt?.kind === 'global').map((r) => r.alpha));
  // Near x* the error e_t = x_t − x* shrinks by e_{t+1}/e_t → 1 − α f″(x*); measured once it is below 1e-4.
  const errors = w.finds.trace.points.map(([x]) => x - global.x[0]);
  const t = errors.findIndex((e) => Math.abs(e) < 1e-4);
  const measured = errors[t + 1] / errors[t];
  const factors = w.f.meta.minima.map((m) => Math.abs(1 - 0.1 * (2 - 50 * Math.sin(m.x[0]))));
  const unluckyX = w.unlucky.trace.points[wavySteps][0];
  return [
    claim(
      '"In the second case (α = 0.01) the global minimum was found" (notes 003).',
      distance(w.finds.trace.points[wavySteps], global.x) < 1e-6,
      `from x₀ = 2, x₂₀₀ = ${num(w.finds.trace.points[wavySteps][0])}, ${num(distance(w.finds.trace.points[wavySteps], global.x))} from the global minimum x* = ${num(global.x[0])} (f* = ${num(global.value)})`,
    ),
    claim(
      '"At α = 0.1 the method diverges and wanders over the hills for a long time" (notes 003): it never settles, roaming across several valleys.',
      w.wanders.spread > 2 * Math.PI && nearest > 0.1,
      `over steps 100–200 x ranges over [${num(Math.min(...late))}, ${num(Math.max(...late))}], wider than one period 2π of the hills; x₂₀₀ = ${num(wanderX[wavySteps])} is ${num(nearest)} from the nearest minimum. It stays bounded: the parabola pulls it back`,
    ),
    claim(
      '"Varying the learning rate will not make it find a local minimum" (notes 003): from x₀ = 2 no α in 0.001 … 0.1 ends in a local minimum.',
      inLocal.length === 0,
      bands(w.sweep)
        .map((b) => `α = ${num(b.from)} … ${num(b.to)} (${b.count} runs): ${b.outcome}`)
        .join('; '),
    ),
    claim(
      'Why α = 0.1 wanders (our explanation): near a minimum m one step multiplies the error by 1 − α f″(m), f″ = 2 − 50 sin x; for α = 0.1 that factor exceeds 1 in size at every minimum, so none can hold the point, while α = 0.01 shrinks the error as predicted.',
      factors.every((k) => k > 1) && Math.abs(measured - (1 - 0.01 * w.curvature)) < 0.01,
      `|1 − 0.1 f″| at the five minima: ${factors.map(num).join(', ')}; α = 0.01 near x*: measured e_{t+1}/e_t = ${num(measured)} at step ${t}, predicted 1 − 0.01·${num(w.curvature)} = ${num(1 - 0.01 * w.curvature)}; ` +
        `stable at x* only for α < 2/f″(x*) = ${num(w.stableBelow)}, and the sweep settles on x* up to α = ${num(lastSettled)}`,
    ),
    claim(
      'Gradient descent finds the global minimum only "if the function is convex and smooth, and if we are lucky with the initial values" (notes 003): from x₀ = 0 the same α = 0.01 stops in a local minimum.',
      w.unlucky.endsAt?.kind === 'local',
      `from x₀ = 0, x₂₀₀ = ${num(unluckyX)}, f = ${num(w.unlucky.trace.values[wavySteps])} against f* = ${num(global.value)}`,
    ),
  ];
}

export const wavySection: DemoSection = {
  id: 'wavy',
  title: 'A bad function: (x − 5)² + 50 sin x + 50 with α = 0.1 and 0.01',
  seed: 'notes 003 (003_673ddad77e31dcee.txt), "Пример с плохой функцией": y = (x − 5)² + 50 sin(x) + 50, α = 0.1 against α = 0.01',
  async build(ctx) {
    const w = wavyRuns();
    const runs = [w.wanders, w.finds, w.unlucky].map((r) => ({ label: r.label, trace: r.trace }));
    const figures = await runFigures(w.f, runs, {
      prefix: 'wavy',
      quick: ctx.quick,
      captions: {
        function: 'The iterates on the curve: α = 0.01 from x₀ = 2 slides into the deepest valley; α = 0.1 from the same start is thrown from valley to valley; α = 0.01 from x₀ = 0 stops in the valley next to it.',
      },
    });
    const sweepChart = lineChart(
      [
        { label: 'x₂₀₀ from x₀ = 2', colour: runColour(1), x: w.sweep.map((r) => r.alpha), y: w.sweep.map((r) => r.trace.points[wavySteps][0]), dots: true },
        { label: 'global minimum', colour: runColour(2), x: [0, 0.1], y: [w.finds.trace.points[wavySteps][0], w.finds.trace.points[wavySteps][0]] },
        { label: 'α = 2 / f″(x*)', colour: runColour(0), x: [w.stableBelow, w.stableBelow], y: [-10, 20] },
      ],
      { title: 'Where 200 steps from x₀ = 2 end, for each α', x: { label: 'α', domain: [0, 0.1] }, y: { label: 'x₂₀₀', domain: [-10, 20] }, id: 'wavy-sweep' },
    );
    figures.push(
      await chartFigure(
        'wavy-sweep',
        sweepChart,
        'The last iterate x₂₀₀ against the learning rate α',
        'Every α up to 2 / f″(x*) ends on the global minimum; just above it the point bounces between the two walls of the valley for ever (x₂₀₀ is one side of that cycle), higher still it roams the hills. No α ends in a local minimum.',
      ),
    );
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Notes 003 descend a parabola with deep ripples and report that α = 0.01 finds the global minimum while α = 0.1 "diverges and wanders over the hills"; they give no start point, so we start at x₀ = 2, in the valley of the global minimum. ' +
        `Near the bottom of a valley the curvature is f″ = 2 − 50 sin x ≈ ${num(w.curvature)}, and one step multiplies the distance to the bottom by 1 − α f″: ${num(1 - 0.01 * w.curvature)} for α = 0.01, which settles in a few steps, but ${num(1 - 0.1 * w.curvature)} for α = 0.1, which throws the point out of every valley it enters. ` +
        `So any α above 2 / f″ ≈ ${num(w.stableBelow)} wanders, as the sweep of 100 learning rates shows, and none ends in a local minimum; yet the same α = 0.01 started at x₀ = 0 stops in the local minimum next to it, the notes' "if we are lucky with the initial values". ` +
        'Look at the zig-zags of α = 0.1 in the function plot and at the sweep chart.',
      figures,
      table: {
        columns: ['run', 'α', 'x₀', 'x₂₀₀', 'f(x₂₀₀)', 'ends in', 'range of x, steps 100–200'],
        rows: [
          ...[w.wanders, w.finds, w.unlucky].map((r) => [
            r.label,
            r.alpha,
            r.start,
            r.trace.points[wavySteps][0],
            r.trace.values[wavySteps],
            r.endsAt ? `${r.endsAt.kind} minimum` : 'no minimum',
            r.spread,
          ]),
          ...bands(w.sweep).map((b) => [`sweep: ${b.count} rates`, `${num(b.from)} … ${num(b.to)}`, 2, null, null, b.outcome, null]),
        ],
      },
      config: { function: 'wavy', steps: wavySteps, runs: [w.wanders, w.finds, w.unlucky].map((r) => ({ optimizer: 'SGD', lr: r.alpha, start: [r.start] })), sweep: { start: [2], lr: wavySweep } },
      claims: claims(w),
    };
  },
};
