/**
 * Report section `coordinate-wise`: notes 003 insist that gradient descent updates all parameters simultaneously —
 * every partial derivative is taken at the old θ — and warn that updating one parameter at a time, with the values
 * already changed, "is no longer gradient descent": it moves along one coordinate at a time, in steps. Both updates
 * on the notes' least-squares linear regression, from the same start with the same α.
 */
import { coordinateUpdate } from '../../engine/coordinate-update.js';
import { minimize } from '../../engine/minimize.js';
import { distance } from '../../engine/trace-stats.js';
import { compile } from '../../objective/expression/compile.js';
import { runFigures } from '../../viz/figures.js';
import { num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

/** A small data set, y ≈ 1 + 2x with noise; x is not centred, so θ₀ and θ₁ are coupled in the cost. */
const XS = [0, 1, 2, 3, 4];
const YS = [1.2, 2.8, 5.1, 7.2, 8.7];
const START = [0, 0];
const LR = 0.1;
const STEPS = 200;

/** The least-squares fit in closed form (the normal equations of y = θ₀ + θ₁x): the minimum both should reach. */
function leastSquares(xs: readonly number[], ys: readonly number[]): [number, number] {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return [my - slope * mx, slope];
}

/** How many of a path's segments change exactly one coordinate, and how many change all of them. */
function moves(points: readonly number[][]): { one: number; all: number; segments: number } {
  let one = 0;
  let all = 0;
  for (let k = 1; k < points.length; k++) {
    const changed = points[k].filter((c, i) => c !== points[k - 1][i]).length;
    if (changed === 1) one++;
    if (changed === points[k].length) all++;
  }
  return { one, all, segments: points.length - 1 };
}

const pt = (p: readonly number[]) => `(${p.map((v) => v.toFixed(4)).join(', ')})`;
const TITLE = 'Simultaneous update: gradient descent is not coordinate-by-coordinate';
const SEED = 'notes 003 (003_673ddad77e31dcee.txt), linear regression by least squares: "for each j simultaneously"; updating parameters one by one "is no longer gradient descent"';

export const coordinateWiseSection: DemoSection = {
  id: 'coordinate-wise',
  title: TITLE,
  seed: SEED,
  async build(ctx) {
    // J(θ₀, θ₁) = 1/(2n) Σ (θ₀ + θ₁ x_i − y_i)², typed as a formula and differentiated by compile.
    const formula = `(${XS.map((x, i) => `(theta0 + theta1 * ${x} - ${YS[i]})^2`).join(' + ')}) / ${2 * XS.length}`;
    const J = compile(formula, { variables: ['theta0', 'theta1'] });
    const simultaneous = minimize(J, START, { optimizer: { name: 'SGD', lr: LR }, maxSteps: STEPS });
    const oneByOne = coordinateUpdate(J, START, { lr: LR, sweeps: STEPS });
    const best = leastSquares(XS, YS);
    const bestValue = J.value(best);

    // The notes' point: after θ₀ has moved, ∂J/∂θ₁ is no longer what it was at the old θ.
    const g = new Float64Array(2);
    J.valueAndGrad(START, g);
    const atOld = g[1];
    J.valueAndGrad(oneByOne.points[1], g);
    const afterFirst = g[1];
    const firstGd = simultaneous.points[1];
    const firstSweep = oneByOne.points[2];
    const gap = distance(firstGd, firstSweep);
    const cw = moves(oneByOne.points);
    const gd = moves(simultaneous.points);
    const gdEnd = simultaneous.points[STEPS];
    const cwEnd = oneByOne.points[2 * STEPS];
    const off = (p: readonly number[]) => distance(p, best);

    const claims: Claim[] = [
      {
        claim: 'Notes 003: the derivative must be computed with the old values of θ — after one parameter has been changed on its own, the derivative changes its value',
        holds: Math.abs(afterFirst - atOld) > 1e-3 * Math.abs(atOld),
        evidence: `∂J/∂θ₁ = ${atOld.toFixed(4)} at θ = (0, 0), ${afterFirst.toFixed(4)} once θ₀ alone has moved to ${firstSweep[0].toFixed(4)}`,
      },
      {
        claim: 'Notes 003: updating the parameters one at a time "is no longer gradient descent" — from the same start with the same α it goes elsewhere',
        holds: gap > 1e-3,
        evidence: `after one step of gradient descent θ = ${pt(firstGd)}; after one sweep of one-at-a-time updates θ = ${pt(firstSweep)} (${num(gap)} apart)`,
      },
      {
        claim: 'Notes 003: one parameter at a time means moving along one coordinate at a time, "in steps", instead of along the antigradient',
        holds: cw.one === cw.segments && gd.all === gd.segments,
        evidence: `one-at-a-time: ${cw.one} of ${cw.segments} moves change exactly one coordinate; gradient descent: ${gd.all} of ${gd.segments} steps change both`,
      },
      {
        claim: 'Notes 003: repeated, the simultaneous update finds the least-squares parameters θ of the linear regression',
        holds: off(gdEnd) < 0.02,
        evidence: `least squares (normal equations): θ = ${pt(best)}; gradient descent after ${STEPS} steps: ${pt(gdEnd)} (${num(off(gdEnd))} away); one-at-a-time after ${STEPS} sweeps: ${pt(cwEnd)} (${num(off(cwEnd))} away)`,
      },
    ];

    const figures = await runFigures(
      J,
      [
        { label: 'gradient descent (simultaneous)', trace: simultaneous },
        { label: 'one parameter at a time', trace: oneByOne },
      ],
      {
        prefix: 'coordinate-wise',
        title: 'J(θ₀, θ₁) = 1/(2n) Σ (θ₀ + θ₁x_i − y_i)², n = 5',
        box: [[-0.5, 2.5], [-0.5, 3]],
        minima: [{ x: best, value: bestValue }],
        reference: bestValue,
        quick: ctx.quick,
        captions: {
          contour: 'Both start at θ = (0, 0) with α = 0.1. Gradient descent moves straight across the level lines along −∇J; updating θ₀ and then θ₁ draws a staircase of horizontal and vertical moves.',
          race: 'One frame is one gradient evaluation: a step of both parameters for gradient descent, a move of one parameter for the one-at-a-time update.',
          loss: 'J − J* per gradient evaluation, J* the least-squares minimum: both converge, by different paths.',
        },
      },
    );

    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Notes 003 (003_673ddad77e31dcee.txt), deriving gradient descent for least-squares linear regression, require the update "for each j simultaneously": every derivative is computed with the old θ. Changing one parameter and then computing the next derivative with it "is no longer gradient descent": it moves along one coordinate at a time, in steps, instead of along the antigradient.',
        `Here both run on the cost J(θ₀, θ₁) = 1/(2n) Σ (θ₀ + θ₁x_i − y_i)² of five points y ≈ 1 + 2x, from (0, 0) with α = ${LR}. After one update of each parameter they are already ${num(gap)} apart. In the contour plot the gradient-descent path cuts across the level lines while the other draws a staircase; both end near the least-squares line θ = ${pt(best)}, by different routes, because they are different algorithms.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['update', 'θ after 1 step / sweep', 'θ after 10', `θ after ${STEPS}`, `J after ${STEPS}`, 'distance to least squares', 'moves along one axis'],
        rows: [
          ['gradient descent (simultaneous)', pt(firstGd), pt(simultaneous.points[10]), pt(gdEnd), simultaneous.values[STEPS], off(gdEnd), `${gd.one} of ${gd.segments}`],
          ['one parameter at a time', pt(firstSweep), pt(oneByOne.points[20]), pt(cwEnd), oneByOne.values[2 * STEPS], off(cwEnd), `${cw.one} of ${cw.segments}`],
          ['least squares (normal equations)', '', '', pt(best), bestValue, 0, ''],
        ],
      },
      config: { data: { x: XS, y: YS }, cost: J.meta.formula, start: START, lr: LR, steps: STEPS, sweeps: STEPS },
      claims,
    };
  },
};
