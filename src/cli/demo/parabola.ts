/**
 * Notes 003's first worked example: gradient descent on y = (θ − 5)² from θ = 0 with α = 0.1, 0.9 and 1.2, 25
 * steps each. The notes say only that 1.2 "diverges, jumping higher and rushing to infinity"; the table of θ_t
 * shows all three regimes of a parabola of curvature 2, where one step multiplies the distance to the minimum by
 * 1 − 2α: 0.8 (creeping up from one side), −0.8 (jumping over the minimum, converging just as fast) and −1.4
 * (jumping over it ever farther).
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { getFunction } from '../../objective/zoo/registry.js';
import { runFigures } from '../../viz/figures.js';
import { lossCurves } from '../../viz/curves.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { claim, num } from './claim.js';
import { chartFigure } from './chart-figure.js';
import type { Claim, DemoSection } from './section.js';

export const parabolaRates = [0.1, 0.9, 1.2] as const;
export const parabolaSteps = 25;
/** Steps shown in the table. */
export const parabolaTableSteps = [0, 1, 2, 3, 4, 5, 10, 15, 20, 25] as const;
const MINIMUM = 5;

export interface ParabolaRuns {
  /** One 25-step run per α, in the order of parabolaRates. */
  runs: Array<{ alpha: number; trace: Trace }>;
  /** α = 1.2 continued until the engine's divergence rule (f above 1e12 · max(1, |f(θ₀)|)) stops it. */
  continued: Trace;
}

export function parabolaRuns(): ParabolaRuns {
  const f = getFunction('parabola');
  const descend = (alpha: number, maxSteps: number) => minimize(f, [0], { optimizer: { name: 'SGD', lr: alpha }, maxSteps });
  return { runs: parabolaRates.map((alpha) => ({ alpha, trace: descend(alpha, parabolaSteps) })), continued: descend(1.2, 100) };
}

/**
 * The trace up to its first point beyond `limit` in |θ| (kept, so the path is seen leaving the picture). The
 * function plot draws every point in pixels, and resvg fails on paths ~1e9 pixels long (α = 1.2 reaches 2e4).
 */
function withinPicture(trace: Trace, limit: number): Trace {
  const out = trace.points.findIndex(([theta]) => Math.abs(theta) > limit);
  if (out < 0) return trace;
  return { ...trace, points: trace.points.slice(0, out + 1), values: trace.values.slice(0, out + 1), gradNorms: trace.gradNorms.slice(0, out + 1), lrs: trace.lrs.slice(0, out) };
}

/** θ_t − 5 for t = 0 … 25. */
const offsets = (trace: Trace) => trace.points.map(([theta]) => theta - MINIMUM);

function claims({ runs, continued }: ParabolaRuns): Claim[] {
  const [slow, jumpy, wild] = runs.map((r) => offsets(r.trace));
  const t = parabolaSteps;
  const monotone = slow.every((d, k) => d < 0 && (k === 0 || d > slow[k - 1]));
  const alternates = (d: number[]) => d.every((v, k) => k === 0 || Math.sign(v) === -Math.sign(d[k - 1]));
  const shrinks = (d: number[]) => d.every((v, k) => k === 0 || Math.abs(v) < Math.abs(d[k - 1]));
  const grows = wild.every((v, k) => k === 0 || Math.abs(v) > Math.abs(wild[k - 1]));
  const ratios = wild.slice(1).map((v, k) => Math.abs(v / wild[k]));
  return [
    claim(
      'With α = 0.1 the 25 steps bring θ to the minimum θ = 5 (notes 003: of α = 0.1, 0.9, 1.2 only 1.2 diverges): it creeps up from one side, never passing 5.',
      monotone && Math.abs(slow[t]) < 0.05,
      `θ rises every step and stays below 5; θ₂₅ = ${num(slow[t] + MINIMUM)}, |θ₂₅ − 5| = ${num(Math.abs(slow[t]))} = 5 · 0.8²⁵`,
    ),
    claim(
      'With α = 0.9 θ also reaches the minimum, but by jumping over it every step, from one wall of the parabola to the other.',
      alternates(jumpy) && shrinks(jumpy) && Math.abs(jumpy[t]) < 0.05,
      `θ − 5 changes sign at every step and shrinks by |1 − 2·0.9| = 0.8: θ₁ = ${num(jumpy[1] + MINIMUM)}, θ₂ = ${num(jumpy[2] + MINIMUM)}, θ₂₅ = ${num(jumpy[t] + MINIMUM)} (as close as α = 0.1's, from the other side)`,
    ),
    claim(
      '"At 1.2 the method diverges, jumping higher and rushing to infinity" (notes 003).',
      alternates(wild) && grows && continued.status === 'diverged',
      `|θ_t − 5| grows at every step by ${num(Math.min(...ratios))} = |1 − 2·1.2|, alternating sides: θ₂₅ = ${num(wild[t] + MINIMUM)}, ` +
        `f(θ₂₅) = ${num(runs[2].trace.values[t])}; continued, the run is stopped as diverged at step ${continued.stoppedAt}, where f first exceeds 1e12 · f(θ₀)`,
    ),
  ];
}

export const parabolaSection: DemoSection = {
  id: 'parabola',
  title: 'Choosing the learning rate: (θ − 5)² with α = 0.1, 0.9, 1.2',
  seed: 'notes 003 (003_673ddad77e31dcee.txt), the first worked example: y = (θ − 5)², θ = 0 at first, α = 0.1, 0.9, 1.2, 25 steps of θ ← θ − α·dy/dθ',
  async build(ctx) {
    const computed = parabolaRuns();
    const { runs, continued } = computed;
    const labelled = runs.map((r) => ({ label: `α = ${r.alpha}`, trace: r.trace }));
    const figures = await runFigures(
      getFunction('parabola'),
      labelled.map((r) => ({ ...r, trace: withinPicture(r.trace, 100) })),
      {
        prefix: 'parabola',
        box: [[-5, 15], [-2, 100]],
        quick: ctx.quick,
        loss: false,
        captions: {
          function:
            'The iterates on the parabola: α = 0.1 creeps up the left wall, α = 0.9 jumps from wall to wall toward the bottom, α = 1.2 jumps ever higher and leaves the picture after a few steps.',
        },
      },
    );
    figures.push(
      await chartFigure(
        'parabola-loss',
        lossCurves(labelled, { reference: 0, id: 'parabola-loss' }),
        'f(θ_t) per step for α = 0.1, 0.9 and 1.2',
        'f(θ_t) = (θ_t − 5)² per step, log scale: α = 0.1 and 0.9 fall on the same straight line (factor 0.64 a step), α = 1.2 climbs 1.96-fold a step.',
      ),
    );
    // α = 1.2 is drawn until it leaves the chart; after that it would only fill it with vertical lines.
    const theta = lineChart(
      runs.map((r, i) => {
        const points = withinPicture(r.trace, 20).points;
        return { label: `α = ${r.alpha}`, colour: runColour(i), x: points.map((_, t) => t), y: points.map(([v]) => v), dots: true };
      }),
      { title: 'θ_t per step (the minimum is θ = 5)', x: { label: 'step t' }, y: { label: 'θ_t', domain: [-10, 20] }, id: 'parabola-theta' },
    );
    figures.push(
      await chartFigure(
        'parabola-theta',
        theta,
        'θ_t against t for α = 0.1, 0.9 and 1.2',
        'θ_t per step: α = 0.1 approaches 5 from below, α = 0.9 alternates around 5 with the same shrinking gap, α = 1.2 alternates with a gap growing 1.4-fold a step, off the chart from step 4 (the table has its values).',
      ),
    );
    const wild = runs[2].trace.points[parabolaSteps][0];
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Notes 003 run θ ← θ − α·2(θ − 5) from θ = 0 for 25 steps with three step sizes and report that α = 1.2 diverges. ' +
        'Each step multiplies the distance to the minimum by 1 − 2α, so α = 0.1 (factor 0.8) creeps up one wall, α = 0.9 (factor −0.8) jumps over the minimum every step yet gets just as close, and α = 1.2 (factor −1.4) jumps farther each time: ' +
        `after 25 steps θ = ${num(wild)}. ` +
        'Any α above 1, that is above 2 divided by the curvature 2, diverges like this; look at the zig-zags in the function plot and at the table of θ_t.',
      figures,
      table: {
        columns: ['t', ...runs.map((r) => `θ_t, α = ${r.alpha}`)],
        rows: parabolaTableSteps.map((t) => [t, ...runs.map((r) => r.trace.points[t][0])]),
      },
      config: {
        function: 'parabola',
        start: [0],
        steps: parabolaSteps,
        runs: parabolaRates.map((lr) => ({ optimizer: 'SGD', lr })),
        continued: { optimizer: 'SGD', lr: 1.2, maxSteps: 100, stoppedAt: continued.stoppedAt, status: continued.status },
      },
      claims: claims(computed),
    };
  },
};
