/**
 * Report section `amsgrad`: lecture 6 (001) warns that Adam "does not converge at all on some simple problems".
 * The simple problem is Reddi, Kale & Kumar's (2018, "On the Convergence of Adam and Beyond", ICLR, §3): an online
 * sequence of linear losses on F = [−1, 1] whose best point is x = −1, on which Adam settles at x = +1, the worst
 * point, while AMSGrad (Adam with the running maximum of v) finds −1. Run with the library's Adam through the
 * online loop (src/engine/online.ts), the step α_t = α/√t through LambdaLR.
 */
import { averageRegret, runOnline, type OnlineProblem } from '../../engine/online.js';
import type { Trace } from '../../engine/minimize.js';
import { lineChart } from '../../viz/line-chart.js';
import { runColour } from '../../viz/palette.js';
import { chartFigure } from './chart-figure.js';
import { num } from './claim.js';
import type { Claim, DemoSection } from './section.js';

/** Reddi et al.'s constant (they need C > 2), the rounds played, α and the start x_1. */
const C = 10;
const ROUNDS = 3000;
const ALPHA = 0.5;
const X1 = 0;
const BETA2 = 1 / (1 + C * C);
const OPTIMUM = -1;

/**
 * Reddi et al. §3:  f_t(x) = C x  if t mod 3 = 1,  −x otherwise,  t = 1, 2, …
 * Over a cycle of three rounds Σ f_t(x) = (C − 2) x, so the best fixed point is x* = −1 and x = +1 the worst.
 */
export const reddiProblem: OnlineProblem = {
  dim: 1,
  valueAndGrad(t, x, grad) {
    const slope = t % 3 === 1 ? C : -1;
    grad[0] = slope;
    return slope * x[0];
  },
};

/** Their setting: β₁ = 0, β₂ = 1/(1 + C²), α_t = α/√t (LambdaLR's k = t − 1), the plain Adam of their Algorithm 1. */
const paperAdam = { name: 'Adam', lr: ALPHA, betas: [0, BETA2], eps: 0, biasCorrection: false };
const schedule = { name: 'LambdaLR', lrLambda: (k: number) => 1 / Math.sqrt(k + 1) };
const settings = [
  { label: 'Adam', optimizer: { ...paperAdam, amsgrad: false } },
  { label: 'AMSGrad', optimizer: { ...paperAdam, amsgrad: true } },
  { label: 'Adam, torch form (bias correction, ε = 1e-8)', optimizer: { name: 'Adam', lr: ALPHA, betas: [0, BETA2], eps: 1e-8 } },
];


const TITLE = 'Adam can fail on a simple problem; AMSGrad does not';
const SEED = 'lecture 6 (001_25e225063cee466c.txt), "The practical side": Adam "does not converge at all on some simple problems"; the problem is Reddi, Kale & Kumar (2018), §3';

export const amsgradSection: DemoSection = {
  id: 'amsgrad',
  title: TITLE,
  seed: SEED,
  async build() {
    const runs = settings.map((s) => ({
      ...s,
      trace: runOnline(reddiProblem, [X1], { optimizer: s.optimizer, schedule, rounds: ROUNDS, bounds: [[-1, 1]] }),
    }));
    const regret = runs.map((r) => averageRegret(reddiProblem, r.trace, [OPTIMUM]));
    const last = (t: Trace) => t.points[ROUNDS][0];
    const [adam, ams, torchAdam] = runs;
    const [adamRegret, amsRegret] = regret;
    // If x_t = +1 in every round, a cycle costs (C − 2) more than at x* = −1 each way: R_T/T → 2(C − 2)/3.
    const worstRegret = (2 * (C - 2)) / 3;
    // AMSGrad's v̂ is at least (1 − β₂)C², so a −1 round moves x by at most α_t/(C√(1 − β₂)): x_T is within two of
    // those of −1 (the last rounds of the run are −1 rounds).
    const amsSlack = (2 * ALPHA) / Math.sqrt(ROUNDS - 1) / (C * Math.sqrt(1 - BETA2));
    const tenth = ROUNDS / 10;

    const claims: Claim[] = [
      {
        claim: 'Lecture 6 (001): Adam "does not converge at all on some simple problems" — on Reddi et al.’s problem it ends at x = +1, the worst point of [−1, 1], not at the optimum −1',
        holds: last(adam.trace) > 0.99,
        evidence: `Adam: x_${ROUNDS + 1} = ${num(last(adam.trace))}, distance to x* = −1: ${num(last(adam.trace) - OPTIMUM)}`,
      },
      {
        claim: 'Reddi et al.: Adam’s average regret R_T/T does not go to 0 (it approaches 2(C − 2)/3, the regret of always playing +1)',
        holds: adamRegret[ROUNDS - 1] > 0.9 * worstRegret && adamRegret[ROUNDS - 1] >= adamRegret[tenth - 1],
        evidence: `R_T/T = ${num(adamRegret[tenth - 1])} at T = ${tenth}, ${num(adamRegret[ROUNDS - 1])} at T = ${ROUNDS}; 2(C − 2)/3 = ${num(worstRegret)}`,
      },
      {
        claim: 'Reddi et al.: AMSGrad (the running maximum of v) converges to the optimum x = −1',
        holds: Math.abs(last(ams.trace) - OPTIMUM) <= amsSlack,
        evidence: `AMSGrad: x_${ROUNDS + 1} = ${num(last(ams.trace))}, |x − (−1)| = ${Math.abs(last(ams.trace) - OPTIMUM).toExponential(5)} ≤ 2α/(√(T − 1)·C√(1 − β₂)) = ${amsSlack.toExponential(5)} (two −1 rounds after the wall)`,
      },
      {
        claim: 'Reddi et al.: AMSGrad’s average regret goes to 0',
        holds: amsRegret[ROUNDS - 1] < 0.05 && amsRegret[ROUNDS - 1] < amsRegret[tenth - 1],
        evidence: `R_T/T = ${num(amsRegret[tenth - 1])} at T = ${tenth}, ${num(amsRegret[ROUNDS - 1])} at T = ${ROUNDS}`,
      },
      {
        claim: 'The failure is Adam’s, not the paper’s simplification: torch’s Adam (bias correction, ε = 1e-8) also ends at +1',
        holds: last(torchAdam.trace) > 0.99,
        evidence: `torch’s Adam: x_${ROUNDS + 1} = ${num(last(torchAdam.trace))}, R_T/T = ${num(regret[2][ROUNDS - 1])}`,
      },
    ];

    const t = Float64Array.from({ length: ROUNDS + 1 }, (_, k) => k + 1);
    const shown = runs.slice(0, 2);
    const xChart = lineChart(
      shown.map((r, i) => ({ label: r.label, colour: runColour(i), x: t, y: Float64Array.from(r.trace.points, (p) => p[0]), end: 'dot' as const })),
      { title: `x_t on Reddi et al.’s problem (C = ${C}, α_t = ${ALPHA}/√t, β₁ = 0, β₂ = 1/(1 + C²))`, x: { label: 'round t', type: 'log' }, y: { label: 'x_t', domain: [-1.05, 1.05] }, id: 'amsgrad-x' },
    );
    const regretChart = lineChart(
      shown.map((r, i) => ({ label: r.label, colour: runColour(i), x: t.subarray(0, ROUNDS), y: Float64Array.from(regret[i]), end: 'dot' as const })),
      { title: 'Average regret R_t / t against x* = −1', x: { label: 'round t', type: 'log' }, y: { label: 'R_t / t' }, id: 'amsgrad-regret' },
    );
    const figures = [
      await chartFigure('amsgrad-x', xChart, 'x_t against the round t for Adam and AMSGrad', 'The point each method plays, round by round (log scale in t): Adam climbs to the wall x = +1 and stays there; AMSGrad goes down to the optimum −1. The small teeth are the three-round cycle of the losses.'),
      await chartFigure('amsgrad-regret', regretChart, 'Average regret against the round t for Adam and AMSGrad', `Average regret: AMSGrad’s falls toward 0, Adam’s levels off near 2(C − 2)/3 = ${num(worstRegret)}, what always playing the worst point costs.`),
    ];

    return {
      title: TITLE,
      seed: SEED,
      text: [
        'Lecture 6 (001_25e225063cee466c.txt, "The practical side") warns that Adam "does not converge at all on some simple problems". Reddi, Kale & Kumar (2018, §3) give the simplest: losses f_t(x) = 10x in every third round and −x in the other two, with x kept in [−1, 1]. Each cycle of three rounds adds 8x, so the best point is x = −1.',
        `With their settings (β₁ = 0, β₂ = 1/(1 + C²) ≈ ${BETA2.toFixed(4)}, α_t = ${ALPHA}/√t), Adam forgets the big gradient within one round: it divides the 10 by about 10 and the two −1s by about 1.4 and 1, so one step left of about α_t is beaten by two steps right that add up to about 1.7 α_t and x drifts to +1, the worst point. AMSGrad divides by the largest second moment seen so far, so the −1 rounds move x ten times less and it settles at −1.`,
        'In the first picture follow the two lines from x = 0: they part within a few rounds and never meet again. In the second, Adam’s average regret stays high while AMSGrad’s falls toward zero; the table adds torch’s own Adam, with bias correction, which fails the same way.',
      ].join('\n\n'),
      figures,
      table: {
        columns: ['method', `x after ${ROUNDS} rounds`, 'mean x over the last 300 rounds', 'average regret R_T/T', 'distance to x* = −1'],
        rows: runs.map((r, i) => {
          const x = last(r.trace);
          const tail = r.trace.points.slice(-300).reduce((s, p) => s + p[0], 0) / 300;
          return [r.label, x, tail, regret[i][ROUNDS - 1], Math.abs(x - OPTIMUM)];
        }),
      },
      config: {
        problem: { losses: 'f_t(x) = C x if t mod 3 = 1, else −x', C, domain: [-1, 1], optimum: OPTIMUM, start: X1, rounds: ROUNDS },
        schedule: { name: 'LambdaLR', lrLambda: 'k ↦ 1/√(k + 1)  (α_t = α/√t, t = k + 1)' },
        runs: settings.map((s) => ({ label: s.label, optimizer: s.optimizer })),
      },
      claims,
    };
  },
};
