/**
 * Malformed sweep descriptions, each with the exact problems it must produce: one line per problem, naming the
 * field, all at once. The experiment's own fields are checked by the experiment's parser (experiment-errors.test.ts
 * has that corpus); here, what a sweep adds, and that the experiment's problems still come through.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { ExperimentError } from '../../src/engine/problems.js';
import { MAX_RUNS, parseSweepText, sweepKeys } from '../../src/engine/sweep-schema.js';
import { optimizers } from '../../src/optim/registry.js';

const adamOptions = Object.keys(optimizers.find((o) => o.name === 'Adam')!.schema).join(', ');
const f = 'function: rosenbrock\n';

/** [what is wrong, the YAML, the problems it gets, in order]. */
const corpus: ReadonlyArray<[string, string, string[]]> = [
  ['log range reaching 0', `${f}optimizers: [{ name: adam, grid: { lr: { log: [0, 1], num: 5 } } }]`, ['optimizers[0].grid.lr.log: must be > 0 at both ends on a log scale, got [0,1]']],
  ['log range below 0', `${f}optimizers: [{ name: adam, random: { samples: 3, lr: { log: [-1, 1] } } }]`, ['optimizers[0].random.lr.log: must be > 0 at both ends on a log scale, got [-1,1]']],
  ['upside-down range', `${f}optimizers: [{ name: adam, grid: { lr: { log: [1, 1e-4], num: 3 } } }]`, ['optimizers[0].grid.lr.log: must be a range [low, high] of finite numbers with low <= high, got [1,0.0001]']],
  ['num 0', `${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-4, 1], num: 0 } } }]`, ['optimizers[0].grid.lr.num: must be an integer >= 1, got 0']],
  ['num not an integer', `${f}optimizers: [{ name: adam, grid: { lr: { linear: [0.1, 1], num: 2.5 } } }]`, ['optimizers[0].grid.lr.num: must be an integer >= 1, got 2.5']],
  ['num 1 for a range of two ends', `${f}optimizers: [{ name: adam, grid: { lr: { linear: [0.1, 1], num: 1 } } }]`, ['optimizers[0].grid.lr.num: is 1, which takes one value from a range of two ends; give a list instead, e.g. [0.1]']],
  ['grid range without num', `${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-4, 1] } } }]`, ['optimizers[0].grid.lr.num: is required: how many values to take from the range']],
  ['num in random search', `${f}optimizers: [{ name: adam, random: { samples: 5, lr: { log: [1e-4, 1], num: 3 } } }]`, ['optimizers[0].random.lr.num: is for a grid: random search draws `samples` values']],
  ['unknown key of a range', `${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-4, 1], num: 3, step: 2 } } }]`, ['optimizers[0].grid.lr.step: unknown key (known: log, linear, num)']],
  ['log and linear', `${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-4, 1], linear: [0, 1], num: 3 } } }]`, ['optimizers[0].grid.lr: give log or linear, not both']],
  ['empty grid', `${f}optimizers: [{ name: adam, grid: {} }]`, ['optimizers[0].grid: is empty: name at least one option and its values']],
  ['empty list of values', `${f}optimizers: [{ name: adam, grid: { lr: [] } }]`, ['optimizers[0].grid.lr: is an empty list: give at least one value']],
  ['a value twice', `${f}optimizers: [{ name: adam, grid: { lr: [0.1, 0.1] } }]`, ['optimizers[0].grid.lr: has the value 0.1 twice']],
  ['one value, not a list', `${f}optimizers: [{ name: adam, grid: { lr: 0.1 } }]`, ['optimizers[0].grid.lr: must be a list of values, { log: [low, high], num } or { linear: [low, high], num }, got 0.1']],
  ['grid as a list', `${f}optimizers: [{ name: adam, grid: [1] }]`, ['optimizers[0].grid: must be a mapping of option names to values, got [1]']],
  ['grid and random', `${f}optimizers: [{ name: adam, grid: { lr: [0.1] }, random: { samples: 2 } }]`, ['optimizers[0]: give grid or random, not both']],
  ['unknown swept option', `${f}optimizers: [{ name: adam, grid: { lrr: [0.1] } }]`, [`optimizers[0].grid.lrr: unknown option "lrr" of Adam (known options: ${adamOptions})`]],
  ['swept and fixed', `${f}optimizers: [{ name: adam, lr: 0.1, grid: { lr: [0.1] } }]`, ['optimizers[0].grid.lr: lr is also given as a fixed option (lr: 0.1); give one or the other']],
  ['a bad value in a list', `${f}optimizers: [{ name: adam, grid: { lr: [0.1, -1] } }]`, ['optimizers[0].grid.lr[1]: must be >= 0, got -1']],
  ['a bad item of a pair', `${f}optimizers: [{ name: adam, grid: { betas: [[0.9, 0.99], [0.9, 1]] } }]`, ['optimizers[0].grid.betas[1][1]: must be in [0, 1), got 1']],
  ['a range of a pair option', `${f}optimizers: [{ name: adam, grid: { betas: { linear: [0.8, 0.9], num: 2 } } }]`, ['optimizers[0].grid.betas: is a range, but betas is not a number option; give a list of values']],
  ['a value that breaks a rule with a fixed option', `${f}optimizers: [{ name: sgd, nesterov: true, grid: { momentum: [0, 0.9] } }]`, ['optimizers[0].grid.momentum[0]: nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0']],
  ['more integers than the range has', `${f}optimizers: [{ name: lbfgs, grid: { historySize: { linear: [1, 3], num: 5 } } }]`, ['optimizers[0].grid.historySize.num: is 5, more than the integers in [1,3]']],
  ['random without samples', `${f}optimizers: [{ name: adam, random: { lr: { log: [1e-4, 1] } } }]`, ['optimizers[0].random.samples: is required: how many configurations to draw']],
  ['bad samples and seed', `${f}optimizers: [{ name: adam, random: { samples: 1.5, seed: x, lr: [0.1] } }]`, ['optimizers[0].random.samples: must be an integer >= 1, got 1.5', 'optimizers[0].random.seed: must be an integer, got "x"']],
  ['random with nothing to draw', `${f}optimizers: [{ name: adam, random: { samples: 3 } }]`, ['optimizers[0].random: names no option to draw']],
  ['unknown metric', `${f}metric: loss\noptimizers: [adam]`, ['metric: must be one of "final-value", "steps", "distance", got "loss"']],
  ['steps without tol', `${f}metric: steps\noptimizers: [adam]`, ['metric: "steps" counts the steps to tol, and the sweep gives no tol']],
  ['distance without minima', 'function: { expression: "x^2" }\nstart: [1]\nmetric: distance\noptimizers: [adam]', ['metric: "distance" needs known minima, and the function has none (an expression can give them: minima: [[x, y]])']],
  ['seeds 0', `${f}seeds: 0\noptimizers: [adam]`, ['seeds: must be a list of integer seeds, or a count n meaning [0, …, n−1], got 0']],
  ['seeds of a fixed start', `${f}seeds: [0, 1]\noptimizers: [adam]`, ['seeds: repeat identical runs: only random start points depend on the seed; use starts: { random: n }, or leave seeds out']],
  ['unknown key', `${f}optimizers: [adam]\nsweeps: 3`, [`sweeps: unknown key (known: ${sweepKeys.join(', ')})`]],
  [
    'too many runs',
    `${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-6, 1], num: 1000 }, eps: { log: [1e-10, 1e-6], num: 1001 } } }]`,
    [`has 1,001,000 runs (configurations × seeds × starts), more than the limit of ${MAX_RUNS.toLocaleString('en-US')}: take fewer values, or random search`],
  ],
  ['not a mapping', '- 1\n- 2', ['must be a mapping of keys to values, got [1,2]']],
  ['empty', '', ['is empty: a sweep needs at least a function and optimizers']],
  ['bad YAML', `${f}optimizers: [adam\n`, ['invalid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  [
    'the experiment’s problems with the sweep’s, in the order of the keys',
    'function: rosenbrok\nsteps: 0\nseeds: [1, 1]\noptimizers: [{ name: adamm, grid: { lr: [1] } }, { name: adam, grid: { lr: [-1] } }]',
    [
      'function: unknown function "rosenbrok" (known: seed-quadratic, seed-complex, parabola, wavy, paraboloid, saddle, plateau, rosenbrock, beale, booth, matyas, himmelblau, three-hump-camel, six-hump-camel, goldstein-price, mccormick, styblinski-tang, rastrigin, ackley, levi, eggholder, easom, rosenbrock-nd, rastrigin-nd, styblinski-tang-nd, ill-conditioned-quadratic)',
      'steps: must be an integer >= 1, got 0',
      'seeds: has a seed twice, got [1,1]',
      'seeds: repeat identical runs: only random start points depend on the seed; use starts: { random: n }, or leave seeds out',
      'optimizers[0].name: unknown optimizer "adamm" (known: SGD, Adagrad, RMSprop, Adam, AdamW, Adadelta, Adamax, NAdam, RAdam, ASGD, Rprop, LBFGS, Lion)',
      'optimizers[1].grid.lr[0]: must be >= 0, got -1',
    ],
  ],
];

describe('malformed sweep files', () => {
  it.each(corpus)('%s', (_what, yaml, expected) => {
    let error: unknown;
    try {
      parseSweepText(yaml, { source: 'sweep.yaml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExperimentError);
    expect(error).toBeInstanceOf(DescentError);
    expect((error as ExperimentError).message.split('\n')).toEqual(expected.map((line) => `sweep.yaml: ${line}`));
  });

  it('a sweep just under the limit is accepted and counted without being expanded', () => {
    const sweep = parseSweepText(`${f}optimizers: [{ name: adam, grid: { lr: { log: [1e-6, 1], num: 1000 }, eps: { log: [1e-10, 1e-6], num: 1000 } } }]`);
    expect(sweep.optimizers[0].params.map((p) => p.name)).toEqual(['lr', 'eps']);
  });
});
