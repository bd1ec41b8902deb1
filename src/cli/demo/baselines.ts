/**
 * Report section `baselines`: notes 004 (UMich EECS 498-007, "Optimization") start from random search ("just pick
 * W at random"), then follow the slope with the numeric gradient (slow, approximate) and the analytic one. All three
 * on Rosenbrock's valley from his start (−1.2, 1), through the engine's baselines (src/engine/baselines.ts) and
 * minimize, compared by evaluations of f, time and accuracy.
 */
import { randomSearch, withNumericGradient } from '../../engine/baselines.js';
import { minimize, type Trace } from '../../engine/minimize.js';
import { distance } from '../../engine/trace-stats.js';
import { gradCheck } from '../../objective/grad-check.js';
import { getFunction } from '../../objective/zoo/registry.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { runFigures } from '../../viz/figures.js';
import { chartFigure } from './chart-figure.js';
import { num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

const START = [-1.2, 1];
const MINIMUM = [1, 1];
const LR = 1e-3;
const STEPS = 20_000;
const WARM_UP = 1000;
/** Random search samples a box holding the start and the minimum (Rosenbrock's published domain is [−5, 10]²). */
const BOX: Array<[number, number]> = [[-2, 2], [-1, 3]];
const SAMPLES = 1_000_000;
const RANDOM_SEED = 1;
/** The numeric gradient's cost grows with the number of parameters: one gradient of Rosenbrock in this many. */
const WIDE = 1000;

const toMinimum = (p: readonly number[]) => distance(p, MINIMUM);

/**
 * Random search's best-so-far values as a staircase over the evaluations, kept to its corners (the samples that
 * improved it), so that a million samples draw as a few dozen points.
 */
function staircase(values: readonly number[]): { x: Float64Array; y: Float64Array } {
  const x = [1];
  const y = [values[0]];
  for (let k = 1; k < values.length; k++) {
    if (values[k] < values[k - 1]) x.push(k + 1, k + 1), y.push(values[k - 1], values[k]);
  }
  x.push(values.length);
  y.push(values[values.length - 1]);
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

/** Random search's best-so-far trace cut to the samples that improved it: its path for the pictures. */
function improvements(t: Trace): Trace {
  const keep = t.values.map((_, k) => k).filter((k) => k === 0 || t.values[k] < t.values[k - 1]);
  return { ...t, points: keep.map((k) => t.points[k]), values: keep.map((k) => t.values[k]), gradNorms: [], lrs: [] };
}

const TITLE = 'Baselines: random search and the numeric gradient against the analytic gradient';
const SEED = 'notes 004 (004_7f63b3a9c51eadea.txt), "optimization method": random search, numeric gradient (slow, approximate) and analytic gradient';

export const baselinesSection: DemoSection = {
  id: 'baselines',
  title: TITLE,
  seed: SEED,
  async build(ctx) {
    const f = getFunction('rosenbrock');
    const optimizer = { name: 'SGD', lr: LR };
    // A short run of each first, so that the timed runs do not pay for JavaScript's warm-up (compiling the loop).
    minimize(f, START, { optimizer, maxSteps: WARM_UP });
    minimize(withNumericGradient(f), START, { optimizer, maxSteps: WARM_UP });
    const analytic = minimize(f, START, { optimizer, maxSteps: STEPS });
    const counted = withNumericGradient(f);
    const numeric = minimize(counted, START, { optimizer, maxSteps: STEPS });
    const numericEvaluations = counted.evaluations;
    const random = randomSearch(f, { domain: BOX, samples: SAMPLES, seed: RANDOM_SEED });

    // Random search at the budgets of the two descents, read off its best-so-far trace.
    const at = (evaluations: number) => ({ value: random.values[evaluations - 1], point: random.points[evaluations - 1] });
    const randomAtAnalytic = at(analytic.evaluations);
    const randomAtNumeric = at(numericEvaluations);
    const randomAll = at(SAMPLES);
    const analyticEnd = analytic.points[STEPS];
    const numericEnd = numeric.points[STEPS];
    const pathGap = Math.max(...analytic.points.map((p, k) => distance(p, numeric.points[k])));

    const central = gradCheck(f, START).maxRelativeError;
    const forward = gradCheck(f, START, { scheme: 'forward' }).maxRelativeError;
    const nearMinimum = gradCheck(f, analyticEnd).maxRelativeError;

    const wide = getFunction('rosenbrock-nd', { dim: WIDE });
    const wideCounted = withNumericGradient(wide);
    const wideStart = wide.meta.starts[0];
    const grad = new Float64Array(WIDE);
    let started = performance.now();
    wideCounted.valueAndGrad(wideStart, grad);
    const wideNumericMs = performance.now() - started;
    started = performance.now();
    wide.valueAndGrad(wideStart, grad);
    const wideAnalyticMs = performance.now() - started;

    const analyticF = analytic.values[STEPS];
    const claims: Claim[] = [
      {
        claim: 'Notes 004 go from random search ("just pick W at random") to following the slope: random search needs orders of magnitude more evaluations for a worse answer',
        holds: randomAll.value > analyticF && randomAtAnalytic.value > 100 * analyticF && SAMPLES >= 10 * analytic.evaluations,
        evidence: `best f: random search ${num(randomAtAnalytic.value)} after ${analytic.evaluations} samples, ${num(randomAll.value)} after ${SAMPLES}; gradient descent ${num(analyticF)} after ${analytic.evaluations} evaluations`,
      },
      {
        claim: 'Notes 004: the numeric gradient is very slow — it perturbs every element of W in turn (2 evaluations of f per element), and W can be very large',
        holds: numericEvaluations === (STEPS + 1) * (2 * f.dim + 1) && wideCounted.evaluations === 2 * WIDE + 1,
        evidence: `descent on the numeric gradient: ${numericEvaluations} evaluations of f for ${STEPS} steps (2·2 + 1 per step) against ${analytic.evaluations}; one gradient of Rosenbrock in ${WIDE} variables: ${wideCounted.evaluations} evaluations of f (${wideNumericMs.toFixed(1)} ms) against one pass (${wideAnalyticMs.toFixed(2)} ms)`,
      },
      {
        claim: 'Notes 004: the numeric gradient can only be approximate, because it uses finite differences',
        holds: central > 1e-13 && forward > central && nearMinimum > forward,
        evidence: `largest relative error against the analytic gradient: ${num(central)} at (−1.2, 1) with central differences, ${num(forward)} with forward ones, ${num(nearMinimum)} near the minimum where the gradient is small`,
      },
      {
        claim: 'Notes 004: the analytic gradient is the efficient way — the same descent at a fifth of the evaluations',
        holds: pathGap < 1e-6 && numericEvaluations === 5 * analytic.evaluations && toMinimum(analyticEnd) < 1e-3,
        evidence: `the two descents never part by more than ${num(pathGap)}; both end ${num(toMinimum(analyticEnd))} from (1, 1) with f = ${num(analyticF)} (analytic) and ${num(numeric.values[STEPS])} (numeric)`,
      },
    ];

    const randomPath = improvements(random);
    const costChart = lineChart(
      [
        { label: 'random search', colour: runColour(2), ...staircase(random.values), end: 'dot' },
        { label: 'GD, numeric gradient', colour: runColour(1), x: Float64Array.from(numeric.values, (_, k) => (k + 1) * (2 * f.dim + 1)), y: Float64Array.from(numeric.values), end: 'dot' },
        { label: 'GD, analytic gradient', colour: runColour(0), x: Float64Array.from(analytic.values, (_, k) => k + 1), y: Float64Array.from(analytic.values), end: 'dot' },
      ],
      { title: 'Best f against evaluations of f, Rosenbrock from (−1.2, 1)', x: { label: 'evaluations of f (log scale)', type: 'log' }, y: { label: 'f (log scale)', type: 'log' }, id: 'baselines-cost' },
    );
    const figures = [
      await chartFigure('baselines-cost', costChart, 'Best value of f against the number of evaluations of f for the three methods', 'What each method gets for what it pays: the two descents follow one curve, the numeric one shifted right by its 5 evaluations a step. Early on a lucky random sample can be ahead while descent crawls along the flat floor of the valley, but random search improves only by luck, ever more rarely, and ends far above both.'),
      ...(await runFigures(
        f,
        [
          { label: 'GD, analytic gradient', trace: analytic },
          { label: 'GD, numeric gradient', trace: numeric },
          { label: `random search (its ${randomPath.points.length - 1} improvements)`, trace: randomPath },
        ],
        {
          prefix: 'baselines-rosenbrock',
          box: BOX,
          loss: false,
          quick: ctx.quick,
          captions: {
            contour: 'The descents on the analytic and the numeric gradient draw the same path down the banana valley (one hides the other); random search jumps from one lucky sample to the next.',
          },
        },
      )),
    ];

    const row = (method: string, evaluations: number, ms: number | null, value: number, point: readonly number[]) => [method, evaluations, ms, value, toMinimum(point)];
    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Notes 004 (004_7f63b3a9c51eadea.txt, "optimization method") begin with random search — just pick W at random — and then "follow the slope": with the numeric gradient, which perturbs every element of W in turn and is therefore very slow and only approximate, or with the analytic gradient, which is exact and cheap.',
        `Here all three look for the minimum (1, 1) of Rosenbrock’s valley from (−1.2, 1). Gradient descent (lr ${LR}, ${STEPS} steps) ends at f = ${num(analyticF)} with ${analytic.evaluations} evaluations; on the numeric gradient it draws the same path but pays ${numericEvaluations}; random search, even with ${SAMPLES.toLocaleString('en-US')} samples, gets only to f = ${num(randomAll.value)}. In the first picture compare where each curve ends and how far right it had to go.`,
        `The table adds the wall-clock times of this run. With two variables and a cheap f the extra evaluations cost little next to the rest of a step, so the two descents take similar times; the cost shows as W grows: one numeric gradient of Rosenbrock in ${WIDE} variables takes ${wideCounted.evaluations} evaluations (${wideNumericMs.toFixed(1)} ms here) where the analytic one is a single pass (${wideAnalyticMs.toFixed(2)} ms).`,
      ].join('\n\n'),
      figures,
      table: {
        columns: ['method', 'evaluations of f', 'time, ms', 'best f', 'distance to (1, 1)'],
        rows: [
          row(`random search, ${analytic.evaluations} samples`, analytic.evaluations, null, randomAtAnalytic.value, randomAtAnalytic.point),
          row(`random search, ${numericEvaluations} samples`, numericEvaluations, null, randomAtNumeric.value, randomAtNumeric.point),
          row(`random search, ${SAMPLES} samples`, SAMPLES, random.timeMs, randomAll.value, randomAll.point),
          row('GD, numeric gradient', numericEvaluations, numeric.timeMs, numeric.values[STEPS], numericEnd),
          row('GD, analytic gradient', analytic.evaluations, analytic.timeMs, analyticF, analyticEnd),
          [`one gradient in ${WIDE} variables, numeric`, wideCounted.evaluations, wideNumericMs, null, null],
          [`one gradient in ${WIDE} variables, analytic (one pass)`, 1, wideAnalyticMs, null, null],
        ],
      },
      config: {
        function: 'rosenbrock',
        start: START,
        descent: { optimizer, maxSteps: STEPS, numericGradient: { scheme: 'central', h: 1e-5 }, timedAfterWarmUpSteps: WARM_UP },
        randomSearch: { domain: BOX, samples: SAMPLES, seed: RANDOM_SEED, mode: 'uniform' },
        wideGradient: { function: 'rosenbrock-nd', dim: WIDE },
      },
      claims,
    };
  },
};
