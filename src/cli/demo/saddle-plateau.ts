/**
 * Report section `saddle-plateau`: lecture 4 (000), "problems of gradient descent": "plateaus and saddle points —
 * the gradient is almost zero, learning freezes", and its momentum slide: momentum "helps to get through pits and
 * plateaus". Two functions of the zoo: the saddle x² − y² and the plateau tanh(x²/4 + y²), each descended by plain
 * gradient descent, momentum and Adam from a point where the gradient is small.
 */
import { minimize, type OptimizerSpec, type Trace } from '../../engine/minimize.js';
import { distance, stepLengths, stepsToReach } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import { runFigures } from '../../viz/figures.js';
import { num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

/**
 * The saddle has no minimum (f → −∞ along y), so each run is kept in the plot box [−2, 2]² by projection after
 * every step (minimize's bounds): a run that has escaped sits on the wall y = ±2 instead of running off to −∞.
 * "Escaped" means |y| > 1: half way to the wall, far past where the saddle slows anything down.
 */
const SADDLE_BOX: Array<[number, number]> = [[-2, 2], [-2, 2]];
const SADDLE_START = [1, 1e-3];
const STABLE_START = [1, 0];
const SADDLE_STEPS = 60;
/** The plateau: from (4, 1), where tanh has saturated; "crossed" means f ≤ 0.5 from then on, half way down the well. */
const PLATEAU_START = [4, 1];
const PLATEAU_STEPS = 600;
const GD_LONG_STEPS = 6000;

const methods: ReadonlyArray<{ label: string; optimizer: OptimizerSpec }> = [
  { label: 'GD lr 0.1', optimizer: { name: 'SGD', lr: 0.1 } },
  { label: 'momentum 0.9, lr 0.1', optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9 } },
  { label: 'Adam lr 0.1', optimizer: { name: 'Adam', lr: 0.1 } },
];

/** The first step index at which `test` holds, or −1. */
const firstStep = (t: Trace, test: (p: number[]) => boolean) => t.points.findIndex(test);
const steps = (k: number, max: number) => (k < 0 ? `> ${max}` : String(k));

const TITLE = 'Saddle points and plateaus: where the gradient almost vanishes';
const SEED = 'lecture 4 (000_1765f82dc8c352f6.txt), "Problems of gradient descent": "plateaus and saddle points — the gradient is almost zero, learning freezes"; "Momentum": "helps to get through pits and plateaus"';

export const saddlePlateauSection: DemoSection = {
  id: 'saddle-plateau',
  title: TITLE,
  seed: SEED,
  async build(ctx) {
    const saddle = getFunction('saddle');
    const plateau = getFunction('plateau');

    const saddleRuns = [
      ...methods.map((m) => ({ label: m.label, trace: minimize(saddle, SADDLE_START, { optimizer: m.optimizer, maxSteps: SADDLE_STEPS, bounds: SADDLE_BOX }) })),
      { label: 'GD lr 0.1 from (1, 0)', trace: minimize(saddle, STABLE_START, { optimizer: methods[0].optimizer, maxSteps: SADDLE_STEPS, bounds: SADDLE_BOX }) },
    ];
    const plateauRuns = methods.map((m) => ({ label: m.label, trace: minimize(plateau, PLATEAU_START, { optimizer: m.optimizer, maxSteps: PLATEAU_STEPS }) }));
    // Plain GD needs thousands of steps to cross the plateau: counted on a longer run than the pictures show.
    const gdLong = minimize(plateau, PLATEAU_START, { optimizer: methods[0].optimizer, maxSteps: GD_LONG_STEPS });

    const escape = saddleRuns.map((r) => firstStep(r.trace, (p) => Math.abs(p[1]) > 1));
    const [gdSaddle, , , stable] = saddleRuns.map((r) => r.trace);
    const gdStepLengths = stepLengths(gdSaddle);
    const gdEscaped = escape[0];
    const slowest = Math.min(...gdStepLengths.slice(0, gdEscaped));
    const slowestAt = gdStepLengths.indexOf(slowest);
    const minGrad = Math.min(...gdSaddle.gradNorms.slice(0, gdEscaped));
    const stableEnd = stable.points[SADDLE_STEPS];
    // Crossed: f ≤ 0.5 from then on (stepsToReach; −1 when never).
    const crossedAt = (t: Trace) => stepsToReach(t, 0.5) ?? -1;
    const crossed = plateauRuns.map((r) => crossedAt(r.trace));
    const gdCrossed = crossedAt(gdLong);
    const [gdPlateau] = plateauRuns.map((r) => r.trace);
    const gdMoved = distance(gdPlateau.points[PLATEAU_STEPS], PLATEAU_START);
    const plateauGrad = gdPlateau.gradNorms[0];
    const adamStart = plateauRuns[2].trace.points;
    const adamFirst = [0, 1].map((i) => Math.abs(adamStart[1][i] - adamStart[0][i]));
    // Near a stationary point f(x + d) ≈ f(x) + ½ dᵀHd, and H = diag(2, −2): a small step along y lowers f.
    const nearSaddle = saddle.value([0, 0.1]);

    const claims: Claim[] = [
      {
        claim: 'Lecture 4 (000): near a saddle point "the gradient is almost zero, learning freezes" — gradient descent from (1, 0.001) slows to a crawl by the saddle',
        holds: minGrad < 0.05 * gdSaddle.gradNorms[0] && slowest < 0.05 * gdStepLengths[0],
        evidence: `GD lr 0.1: |∇f| ${num(gdSaddle.gradNorms[0])} at the start, ${num(minGrad)} at its smallest; step length ${num(gdStepLengths[0])} at first, ${num(slowest)} at step ${slowestAt + 1}`,
      },
      {
        claim: 'Lecture 4 (000) and notes 004: gradient descent can get stuck in a saddle point — from (1, 0), on the saddle’s stable line, it converges to the saddle, which is not a minimum',
        holds: distance(stableEnd, [0, 0]) < 1e-5 && stable.gradNorms[SADDLE_STEPS] < 1e-5 && nearSaddle < stable.values[SADDLE_STEPS],
        evidence: `after ${SADDLE_STEPS} steps x = (${stableEnd.map(num).join(', ')}), |∇f| = ${num(stable.gradNorms[SADDLE_STEPS])}; yet f(0, 0.1) = ${nearSaddle} < f = ${num(stable.values[SADDLE_STEPS])}`,
      },
      {
        claim: 'Plain gradient descent takes many steps to leave the saddle; momentum and Adam leave it faster',
        holds: escape[0] > 0 && escape[1] > 0 && escape[2] > 0 && escape[1] < escape[0] && escape[2] < escape[0],
        evidence: `steps until |y| > 1: ${methods.map((m, i) => `${m.label} ${steps(escape[i], SADDLE_STEPS)}`).join(', ')}`,
      },
      {
        claim: 'Lecture 4 (000): on a plateau "the gradient is almost zero, learning freezes" — gradient descent barely moves',
        holds: plateauGrad < 1e-3 && gdMoved < 0.1 && gdPlateau.values[PLATEAU_STEPS] > 0.99,
        evidence: `|∇f(4, 1)| = ${num(plateauGrad)}; GD lr 0.1 moved ${num(gdMoved)} in ${PLATEAU_STEPS} steps, f = ${gdPlateau.values[PLATEAU_STEPS].toFixed(4)}; it needs ${steps(gdCrossed, GD_LONG_STEPS)} steps to get to f ≤ 0.5 for good`,
      },
      {
        claim: 'Lecture 4 (000): momentum "helps to get through pits and plateaus"',
        holds: crossed[1] > 0 && (gdCrossed < 0 || crossed[1] < gdCrossed / 5),
        evidence: `steps until f ≤ 0.5 for good: momentum ${steps(crossed[1], PLATEAU_STEPS)}, GD ${steps(gdCrossed, GD_LONG_STEPS)}`,
      },
      {
        claim: 'Adam divides by the gradient’s own scale, so on the plateau each coordinate still moves by about lr a step, and it crosses at once',
        holds: crossed[2] > 0 && crossed[2] < 50 && adamFirst.every((d) => Math.abs(d - 0.1) < 1e-3),
        evidence: `Adam lr 0.1: first step moves x and y by ${adamFirst.map(num).join(' and ')} where |∇f| = ${num(plateauGrad)}; f ≤ 0.5 for good after ${steps(crossed[2], PLATEAU_STEPS)} steps`,
      },
    ];

    const figures = [
      ...(await runFigures(saddle, saddleRuns, {
        prefix: 'saddle-plateau-saddle',
        box: SADDLE_BOX,
        quick: ctx.quick,
        captions: {
          contour: 'The saddle x² − y²: every run starts at (1, 0.001) except the last, which starts exactly on the x axis and rolls into the saddle point (0, 0) and stays. GD creeps past the saddle in small steps; momentum and Adam turn away sooner. The box is a wall: runs that escaped stop on y = ±2.',
          loss: 'f per step (f is unbounded below, so lower is further away from the saddle): the flat start of each curve is the time spent near the saddle.',
        },
      })),
      ...(await runFigures(plateau, plateauRuns, {
        prefix: 'saddle-plateau-plateau',
        quick: ctx.quick,
        captions: {
          contour: `The plateau tanh(x²/4 + y²) from (4, 1): GD’s path is a dot (it moved ${num(gdMoved)} in ${PLATEAU_STEPS} steps), momentum slowly gathers speed, Adam crosses in a few dozen steps.`,
          loss: 'f − f* per step: GD’s curve stays flat at 1 for the whole run; momentum’s drops after a few hundred steps, Adam’s almost at once.',
        },
      })),
    ];

    const row = (fn: string, r: { label: string; trace: Trace }, start: number[], reached: number, max: number) => {
      const end = r.trace.points[r.trace.points.length - 1];
      return [fn, r.label, `(${start.join(', ')})`, steps(reached, max), Math.min(...r.trace.gradNorms), `(${end.map((v) => v.toPrecision(4)).join(', ')})`, r.trace.values[r.trace.values.length - 1]];
    };
    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Lecture 4 (000_1765f82dc8c352f6.txt, "Problems of gradient descent") warns that on plateaus and near saddle points the gradient is almost zero and learning freezes; its momentum slide says momentum helps to get through pits and plateaus. Notes 004 add that descent can fall into saddle points.',
        `The saddle x² − y² has no minimum, so runs are kept inside the box [−2, 2]² and a run has "escaped" once |y| > 1. From (1, 0.001) plain GD first slides down x toward the saddle, where its steps shrink to ${num(slowest)}, and needs ${escape[0]} steps to escape; momentum needs ${escape[1]} and Adam ${escape[2]}. From (1, 0) exactly GD never leaves: it converges to the saddle as if it were a minimum.`,
        `The plateau tanh(x²/4 + y²) is flat far from its well: at (4, 1) the gradient is ${num(plateauGrad)}. In ${PLATEAU_STEPS} steps GD moves ${num(gdMoved)} (it needs ${gdCrossed} steps to get half way down), momentum gets there in ${crossed[1]}, and Adam, whose step does not shrink with the gradient, in ${crossed[2]}. In the pictures look at how far each path gets and at the flat stretches of the loss curves.`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['function', 'method', 'start', 'steps to escape (|y| > 1) or cross (f ≤ 0.5 for good)', 'smallest |∇f|', 'last point', 'last f'],
        rows: [
          ...saddleRuns.map((r, i) => row('saddle', r, i === 3 ? STABLE_START : SADDLE_START, escape[i], SADDLE_STEPS)),
          ...plateauRuns.map((r, i) => row('plateau', r, PLATEAU_START, i === 0 ? gdCrossed : crossed[i], i === 0 ? GD_LONG_STEPS : PLATEAU_STEPS)),
        ],
      },
      config: {
        saddle: { function: 'saddle', start: SADDLE_START, stableStart: STABLE_START, bounds: SADDLE_BOX, maxSteps: SADDLE_STEPS, escaped: '|y| > 1' },
        plateau: { function: 'plateau', start: PLATEAU_START, maxSteps: PLATEAU_STEPS, gdCountedOver: GD_LONG_STEPS, crossed: 'f ≤ 0.5 from then on' },
        methods,
      },
      claims,
    };
  },
};
