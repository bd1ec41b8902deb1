/**
 * Adagrad against RMSProp on a long run (lecture 6, 001: Adagrad's r_t "grows without bound during training, which
 * can make the step size infinitesimally small"; notes 004: its learning rate "decreases monotonically … training
 * stalls", which RMSProp's decaying average avoids; lecture 4, 000: RMSProp "forgets old gradients … keeps the
 * step stable"). Both run 2000 steps on the Rosenbrock valley from (−1.2, 1) at the same lr = 0.01, torch's
 * defaults otherwise: the steep first gradients fill Adagrad's sum for good, while RMSProp forgets them. The
 * effective step of each coordinate, |Δx_i| / |∂f/∂x_i| = lr / (√G + ε) or lr / (√v + ε), is read off the paths.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { distance, effectiveSteps } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import type { ZooObjective } from '../../objective/zoo/zoo-function.js';
import { runFigures } from '../../viz/figures.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { chartFigure } from './chart-figure.js';
import { claim, num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

export const adaptiveSteps = 2000;
export const adaptiveSettings = [
  { label: 'Adagrad', optimizer: 'Adagrad', options: { lr: 0.01 } },
  { label: 'RMSProp', optimizer: 'RMSprop', options: { lr: 0.01 } },
] as const;

export interface AdaptiveRun {
  label: string;
  trace: Trace;
  /** Per step t = 0 … 1999, per coordinate: |x_{t+1,i} − x_{t,i}| / |∂f/∂x_i(x_t)|. */
  effective: number[][];
  /** Distance to the minimum (1, 1) after 0, 1000 and 2000 steps. */
  distances: [number, number, number];
}

export function adaptiveRuns(): { f: ZooObjective; adagrad: AdaptiveRun; rmsprop: AdaptiveRun } {
  const f = getFunction('rosenbrock');
  const start = f.meta.starts[0];
  const minimum = f.meta.minima[0].x;
  const [adagrad, rmsprop] = adaptiveSettings.map(({ label, optimizer, options }) => {
    const trace = minimize(f, start, { optimizer: { name: optimizer, ...options }, maxSteps: adaptiveSteps });
    const at = (t: number) => distance(trace.points[t], minimum);
    return { label, trace, effective: effectiveSteps(f, trace), distances: [at(0), at(adaptiveSteps / 2), at(adaptiveSteps)] as [number, number, number] };
  });
  return { f, adagrad, rmsprop };
}

/** The largest ratio of one step's effective step to the step before, over both coordinates. */
function largestGrowth(effective: number[][]): number {
  let most = 0;
  for (let t = 1; t < effective.length; t++) for (let i = 0; i < effective[t].length; i++) most = Math.max(most, effective[t][i] / effective[t - 1][i]);
  return most;
}

function claims(adagrad: AdaptiveRun, rmsprop: AdaptiveRun): Claim[] {
  const first = (r: AdaptiveRun) => r.effective[0];
  const last = (r: AdaptiveRun) => r.effective[r.effective.length - 1];
  const pair = (v: number[]) => `${num(v[0])} / ${num(v[1])}`;
  const growth = largestGrowth(adagrad.effective);
  const lateA = adagrad.distances[1] - adagrad.distances[2];
  const lateR = rmsprop.distances[1] - rmsprop.distances[2];
  const peak = [0, 1].map((i) => Math.max(...rmsprop.effective.map((e) => e[i])));
  return [
    claim(
      'Adagrad’s learning rate "decreases monotonically" (notes 004): its sum of squared gradients only grows (lecture 6, 001), so its effective step lr / (√G_t + ε) never rises.',
      growth <= 1 + 1e-9 && last(adagrad).every((v, i) => v < first(adagrad)[i]),
      `largest step-to-step ratio of the effective step over 2000 steps: ${growth.toPrecision(12)}; x / y: ${pair(first(adagrad))} at step 1, ${pair(last(adagrad))} at step ${adaptiveSteps}`,
    ),
    claim(
      'Adagrad’s step "may become very small, so that it stops updating … training stalls" (notes 004; lecture 6, 001: "infinitesimally small").',
      lateA < 0.05 * adagrad.distances[0] && lateA < 0.1 * lateR,
      `over steps 1000–2000 Adagrad got ${num(lateA)} closer to the minimum (it is ${num(adagrad.distances[2])} away, from ${num(adagrad.distances[0])}); RMSProp at the same lr got ${num(lateR)} closer`,
    ),
    claim(
      'RMSProp "forgets old gradients, keeping the learning rate stable" (lecture 4, 000; notes 004: it stops grad_squared from growing and the step from decaying early).',
      [0, 1].every((i) => peak[i] > first(rmsprop)[i] && last(rmsprop)[i] > 10 * last(adagrad)[i]) && rmsprop.distances[2] < 0.25 * adagrad.distances[2],
      `RMSProp’s effective step x / y: ${pair(first(rmsprop))} at step 1, up to ${pair(peak)} once the steep start is forgotten, ${pair(last(rmsprop))} at step ${adaptiveSteps}, ` +
        `${num(last(rmsprop)[0] / last(adagrad)[0])}× Adagrad’s; it ends ${num(rmsprop.distances[2])} from the minimum, Adagrad ${num(adagrad.distances[2])}`,
    ),
  ];
}

export const adagradRmspropSection: DemoSection = {
  id: 'adagrad-rmsprop',
  title: 'Adagrad’s shrinking step and RMSProp’s forgetting average',
  seed: 'lecture 6 (001_25e225063cee466c.txt), "AdaGrad" and "RMSProp"; notes 004 (004_7f63b3a9c51eadea.txt), "AdaGrad & RMSProp"; lecture 4 (000_1765f82dc8c352f6.txt), "AdaGrad", "RMSProp"',
  async build(ctx) {
    const { f, adagrad, rmsprop } = adaptiveRuns();
    const runs = [adagrad, rmsprop];
    const figures = await runFigures(
      f,
      runs.map((r) => ({ label: `${r.label} lr = 0.01`, trace: r.trace })),
      { prefix: 'adagrad-rmsprop', box: [[-2, 2], [-1, 3]], quick: ctx.quick },
    );
    const steps = Array.from({ length: adaptiveSteps }, (_, t) => t + 1);
    const series = runs.flatMap((r, k) =>
      ['x', 'y'].map((axis, i) => ({ label: `${r.label}, ${axis}`, colour: runColour(2 * k + i), x: steps, y: r.effective.map((e) => e[i]) })),
    );
    const chart = lineChart(series, {
      title: 'Effective step |Δx_i| / |∂f/∂x_i| per iteration (lr = 0.01 for both)',
      x: { label: 'iteration', type: 'log' },
      y: { label: 'effective step', type: 'log' },
      id: 'adagrad-rmsprop-steps',
    });
    figures.push(
      await chartFigure(
        'adagrad-rmsprop-steps',
        chart,
        'Effective step size of each coordinate per iteration for Adagrad and RMSProp, log–log',
        'Adagrad’s effective step lr / √G only falls, fastest in the first steps where Rosenbrock’s walls are steep; RMSProp’s lr / √v climbs back once those gradients are forgotten and stays ten to a hundred times larger.',
      ),
    );
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Lecture 6 (001) and notes 004 warn that Adagrad divides by the root of the sum of all past squared gradients, which only grows, so its step keeps shrinking until training stalls; RMSProp divides by a decaying average instead and so forgets old gradients. ' +
        `On the Rosenbrock valley from (−1.2, 1), both at lr = 0.01, the first steep gradients fill Adagrad’s sum for good: after ${adaptiveSteps} steps it is still ${num(adagrad.distances[2])} from the minimum, having moved only ${num(adagrad.distances[1] - adagrad.distances[2])} closer in the second half, while RMSProp follows the curved valley floor to ${num(rmsprop.distances[2])}. ` +
        'The step-size chart shows why: one curve per coordinate, falling for good for Adagrad, recovering for RMSProp; in the contour plot see where each run stops.',
      figures,
      table: {
        columns: ['run', 'effective step x / y, step 1', `effective step x / y, step ${adaptiveSteps}`, 'distance to (1, 1) at 0', 'at 1000', `at ${adaptiveSteps}`, `f after ${adaptiveSteps}`],
        rows: runs.map((r) => [
          r.label,
          `${num(r.effective[0][0])} / ${num(r.effective[0][1])}`,
          `${num(r.effective[adaptiveSteps - 1][0])} / ${num(r.effective[adaptiveSteps - 1][1])}`,
          ...r.distances,
          r.trace.values[adaptiveSteps],
        ]),
      },
      config: { function: 'rosenbrock', start: f.meta.starts[0], steps: adaptiveSteps, runs: adaptiveSettings.map((s) => ({ optimizer: s.optimizer, ...s.options })) },
      claims: claims(adagrad, rmsprop),
    };
  },
};
