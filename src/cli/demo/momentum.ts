/**
 * Momentum and Nesterov against plain gradient descent (lecture 4, 000: "Momentum accelerates learning … especially
 * effective on a curved surface", NAG "looks ahead … corrects the movement before jumping past the minimum";
 * notes 004: v = ρv + dw). The valley is f = ½(x² + 100y²), condition number 100, axis-aligned so that "across
 * the valley" is y and "along it" is x; all three runs use the same learning rate 0.008 = 0.8 / λ_max, where plain
 * descent is stable and does not zig-zag, and torch's momentum 0.9.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { ascents, distance, overshoot, stepsToReach } from '../../engine/trace-stats.js';
import { compile } from '../../objective/expression/compile.js';
import type { Objective } from '../../objective/objective.js';
import { runFigures } from '../../viz/figures.js';
import { claim, num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

export const valley = '0.5*x^2 + 50*y^2';
export const momentumStart = [1.8, 0.6] as const;
export const momentumSteps = 1000;
/** "Reached the minimum": f ≤ 1e-6 for good (f₀ = 19.62). */
export const momentumTolerance = 1e-6;
/** Ascents are counted over the first steps, before the values sink into rounding noise. */
const ASCENT_WINDOW = 150;

export const momentumSettings = [
  { label: 'SGD', options: { lr: 0.008 } },
  { label: 'SGD momentum 0.9', options: { lr: 0.008, momentum: 0.9 } },
  { label: 'SGD Nesterov 0.9', options: { lr: 0.008, momentum: 0.9, nesterov: true } },
] as const;

export interface MomentumRun {
  label: string;
  trace: Trace;
  /** First step after which f ≤ tolerance for good; undefined if never. */
  reach: number | undefined;
  overshootX: number;
  overshootY: number;
  ascents: number;
}

export function momentumRuns(): { f: Objective; runs: MomentumRun[] } {
  const f = compile(valley);
  const runs = momentumSettings.map(({ label, options }) => {
    const trace = minimize(f, momentumStart, { optimizer: { name: 'SGD', ...options }, maxSteps: momentumSteps });
    return {
      label,
      trace,
      reach: stepsToReach(trace, momentumTolerance),
      overshootX: overshoot(trace, [0, 0], 0),
      overshootY: overshoot(trace, [0, 0], 1),
      ascents: ascents({ values: trace.values.slice(0, ASCENT_WINDOW + 1) }),
    };
  });
  return { f, runs };
}

function claims([plain, heavy, nesterov]: MomentumRun[]): Claim[] {
  const steps = (r: MomentumRun) => (r.reach === undefined ? `not within ${momentumSteps}` : String(r.reach));
  return [
    claim(
      'Momentum "accelerates learning … especially effective on a curved surface" (lecture 4, 000): on a valley with condition number 100 it reaches the minimum in far fewer steps than plain gradient descent at the same lr.',
      heavy.reach !== undefined && (plain.reach === undefined || heavy.reach * 3 < plain.reach),
      `steps until f ≤ ${num(momentumTolerance)} for good: SGD ${steps(plain)}, momentum ${steps(heavy)} (theory: per step SGD shrinks x by 1 − 0.008 = 0.992, momentum by √0.9 ≈ 0.949)`,
    ),
    claim(
      'Nesterov "corrects the movement before jumping past the minimum … makes learning more stable" (lecture 4, 000): it overshoots less than classical momentum.',
      nesterov.overshootX < heavy.overshootX && nesterov.overshootY < heavy.overshootY && nesterov.ascents < heavy.ascents,
      `largest swing past the minimum, as a fraction of the start: along the valley (x) momentum ${num(heavy.overshootX)}, Nesterov ${num(nesterov.overshootX)}; ` +
        `across it (y) momentum ${num(heavy.overshootY)}, Nesterov ${num(nesterov.overshootY)}; steps where f went up in the first ${ASCENT_WINDOW}: ${heavy.ascents} against ${nesterov.ascents} (SGD ${plain.ascents})`,
    ),
    claim(
      'NAG "improves Momentum" (lecture 4, 000): with the same lr and momentum it also gets there sooner.',
      nesterov.reach !== undefined && heavy.reach !== undefined && nesterov.reach < heavy.reach,
      `steps until f ≤ ${num(momentumTolerance)}: momentum ${steps(heavy)}, Nesterov ${steps(nesterov)}`,
    ),
  ];
}

export const momentumSection: DemoSection = {
  id: 'momentum',
  title: 'Momentum and Nesterov in a narrow valley',
  seed: 'lecture 4 (000_1765f82dc8c352f6.txt), "Momentum (Импульс)" and "Nesterov Accelerated Gradient (NAG)"; notes 004 (004_7f63b3a9c51eadea.txt), "SGD+Momentum"',
  async build(ctx) {
    const { f, runs } = momentumRuns();
    const [plain, heavy, nesterov] = runs;
    const figures = await runFigures(
      f,
      runs.map((r) => ({ label: r.label, trace: r.trace })),
      { prefix: 'momentum', box: [[-2, 2], [-1, 1]], minima: [[0, 0]], reference: 0, quick: ctx.quick, title: `The valley f = ½(x² + 100y²), lr = 0.008 for all` },
    );
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Lecture 4 (000) says momentum speeds descent up on curved surfaces and that Nesterov’s look-ahead corrects the step before it jumps past the minimum; notes 004 write momentum as v = ρv + dw, which is torch’s SGD(momentum=0.9). ' +
        `In a valley 100 times steeper across than along, plain gradient descent at lr = 0.008 creeps along the floor and needs ${plain.reach ?? `more than ${momentumSteps}`} steps to reach f ≤ 1e-6; momentum, at the same lr, gathers speed along the valley and needs ${heavy.reach}. ` +
        `The price is overshooting: momentum swings past the minimum and sloshes across the valley, and Nesterov, which takes the gradient after the momentum step, swings less and arrives sooner (${nesterov.reach} steps). ` +
        'In the contour plot compare the smooth crawl of SGD with the loops of momentum; in the loss plot, the ripples of the two momentum curves.',
      figures,
      table: {
        columns: ['run', `steps until f ≤ ${num(momentumTolerance)}`, `f after ${momentumSteps} steps`, 'overshoot along x', 'overshoot across (y)', `f went up (first ${ASCENT_WINDOW} steps)`, 'distance to minimum'],
        rows: runs.map((r) => [r.label, r.reach ?? null, r.trace.values[momentumSteps], r.overshootX, r.overshootY, r.ascents, distance(r.trace.points[momentumSteps], [0, 0])]),
      },
      config: { function: valley, start: momentumStart, steps: momentumSteps, tolerance: momentumTolerance, runs: momentumSettings.map((s) => ({ optimizer: 'SGD', ...s.options })) },
      claims: claims(runs),
    };
  },
};
