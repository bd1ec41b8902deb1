/**
 * A corpus of malformed experiment descriptions, each with the exact problems it must produce: one line per
 * problem, naming the field (`optimizers[2].lr: must be >= 0, got -1`), all problems at once.
 */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { parseExperimentText } from '../../src/engine/experiment.js';
import { experimentKeys as keys } from '../../src/engine/experiment-schema.js';
import { ExperimentError } from '../../src/engine/problems.js';
import { functions } from '../../src/objective/zoo/registry.js';
import { optimizers } from '../../src/optim/registry.js';
import { schedulers } from '../../src/schedule/registry.js';

const optimizerNames = optimizers.map((o) => o.name).join(', ');
const schedulerNames = schedulers.map((s) => s.name).join(', ');
const functionNames = functions.map((f) => f.name).join(', ');
const experimentKeys = keys.join(', ');

/** [what is wrong, the YAML, the problems it gets, in order]. */
const corpus: ReadonlyArray<[string, string, string[]]> = [
  ["missing function", "optimizers: [adam]\nstart: [0, 0]", ['function: is required']],
  ["function of the wrong type", "function: 5\noptimizers: [adam]", ['function: must be a function name, { name, ...options } or { expression, variables?, domain?, minima? }, got 5']],
  ["function as a list", "function: [rosenbrock]\noptimizers: [adam]", ['function: must be a function name, { name, ...options } or { expression, variables?, domain?, minima? }, got ["rosenbrock"]']],
  ["unknown function", "function: rosenbrok\noptimizers: [adam]", [`function: unknown function "rosenbrok" (known: ${functionNames})`]],
  ["unknown function in an object", "function: { name: rosenbrok }\noptimizers: [adam]", [`function.name: unknown function "rosenbrok" (known: ${functionNames})`]],
  ["function object without a name", "function: { dim: 3 }\noptimizers: [adam]", ['function.name: is required']],
  ["options for a function that takes none", "function: { name: rosenbrock, dim: 3 }\noptimizers: [adam]", ['function.dim: unknown option "dim" (rosenbrock takes no options)']],
  ["bad option of a family", "function: { name: rosenbrock-nd, dim: 1.5 }\noptimizers: [adam]", ['function.dim: must be an integer in [2, 1000000], got 1.5']],
  ["unknown option of a family", "function: { name: rosenbrock-nd, size: 3 }\noptimizers: [adam]", ['function.size: unknown option "size" (known options: dim)']],
  ["bad expression", "function: { expression: \"(x - 3)^2 + * 8\" }\nstart: [0]\noptimizers: [adam]", ['function.expression: expected a number, a name or "(" after "+" at column 13, found "*" in "(x - 3)^2 + * 8"']],
  ["unbalanced expression", "function: { expression: \"(x - 3^2\" }\nstart: [0]\noptimizers: [adam]", ['function.expression: missing ")" at column 9 to close the "(" at column 1 in "(x - 3^2"']],
  ["constant expression", "function: { expression: \"3 + 4\" }\noptimizers: [adam]", ['function.expression: has no variables: "3 + 4" is a constant']],
  ["expression with unknown keys", "function: { expression: \"x^2\", range: [0, 1] }\nstart: [1]\noptimizers: [adam]", ['function.range: unknown key (known: expression, name, variables, domain, minima)']],
  ["expression with a bad domain", "function: { expression: \"x^2 + y^2\", domain: [[0, 1]] }\nstart: [1, 1]\noptimizers: [adam]", ['function.domain: has 1 interval, the function has 2 variables (x, y)']],
  ["expression with an upside-down interval", "function: { expression: \"x^2\", domain: [[1, 0]] }\nstart: [1]\noptimizers: [adam]", ['function.domain[0]: must be an interval [low, high] of finite numbers with low <= high, got [1,0]']],
  ["expression with a minimum of the wrong length", "function: { expression: \"x^2 + y^2\", minima: [[0, 0, 0]] }\nstart: [1, 1]\noptimizers: [adam]", ['function.minima[0]: has 3 coordinates, the function has 2 variables (x, y)']],
  ["expression with bad variable names", "function: { expression: \"x^2\", variables: [\"1x\"] }\nstart: [1]\noptimizers: [adam]", ['function.variables[0]: must be a variable name, got "1x"']],
  ["expression missing a variable", "function: { expression: \"x^2 + y\", variables: [x] }\nstart: [1]\noptimizers: [adam]", ['function.expression: "y" at column 7 is not among the variables ["x"] in "x^2 + y"']],
  ["start of the wrong length", "function: rosenbrock\nstart: [1, 2, 3]\noptimizers: [adam]", ['start: has 3 coordinates, the function has 2 variables (x, y)']],
  ["start with a string", "function: rosenbrock\nstart: [1, \"a\"]\noptimizers: [adam]", ['start: must be a list of finite numbers, got [1,"a"]']],
  ["one of several starts of the wrong length", "function: rosenbrock\nstarts: [[1, 2], [1]]\noptimizers: [adam]", ['starts[1]: has 1 coordinate, the function has 2 variables (x, y)']],
  ["start and starts", "function: rosenbrock\nstart: [1, 2]\nstarts: [[1, 2]]\noptimizers: [adam]", ['starts: give start (one point) or starts (a list), not both']],
  ["starts not a list", "function: rosenbrock\nstarts: 3\noptimizers: [adam]", ['starts: must be a list of points or { random: n }, got 3']],
  ["random starts of zero", "function: rosenbrock\nstarts: { random: 0 }\noptimizers: [adam]", ['starts.random: must be an integer >= 1, got 0']],
  ["no start where the function suggests none", "function: { expression: \"x^2\" }\noptimizers: [adam]", ['start: is required: the function suggests no start point']],
  ["random starts with no domain", "function: { expression: \"x^2\" }\nstarts: { random: 3 }\noptimizers: [adam]", ['starts.random: needs bounds, or a function with a domain, to draw from']],
  ["missing optimizers", "function: rosenbrock", ['optimizers: is required']],
  ["empty optimizers", "function: rosenbrock\noptimizers: []", ['optimizers: needs at least 1 item, got []']],
  ["optimizers not a list", "function: rosenbrock\noptimizers: adam", ['optimizers: must be a list, got "adam"']],
  ["unknown optimizer", "function: rosenbrock\noptimizers: [{ name: adamm }]", [`optimizers[0].name: unknown optimizer "adamm" (known: ${optimizerNames})`]],
  ["unknown optimizer as text", "function: rosenbrock\noptimizers: [\"adamm lr=0.1\"]", [`optimizers[0]: unknown optimizer "adamm" (known: ${optimizerNames})`]],
  ["negative lr", "function: rosenbrock\noptimizers: [adam, sgd, { name: adam, lr: -1 }]", ['optimizers[2].lr: must be >= 0, got -1']],
  ["lr of the wrong type", "function: rosenbrock\noptimizers: [{ name: adam, lr: \"fast\" }]", ['optimizers[0].lr: must be >= 0, got "fast"']],
  ["text lr that is not a number", "function: rosenbrock\noptimizers: [\"adam lr=fast\"]", ['optimizers[0].lr: needs a number, got "fast"']],
  ["bad betas", "function: rosenbrock\noptimizers: [{ name: adam, betas: [0.9] }, { name: adam, betas: [0.9, 1] }]", [
    'optimizers[0].betas: must be a pair of numbers, got [0.9]',
    'optimizers[1].betas[1]: must be in [0, 1), got 1',
  ]],
  ["boolean of the wrong type", "function: rosenbrock\noptimizers: [{ name: adam, amsgrad: \"yes\" }]", ['optimizers[0].amsgrad: must be true or false, got "yes"']],
  ["unknown optimizer option", "function: rosenbrock\noptimizers: [{ name: adam, learningRate: 0.1 }]", ['optimizers[0].learningRate: unknown option "learningRate" (known options: lr, betas, eps, weightDecay, amsgrad, maximize, epsRoot, biasCorrection)']],
  ["optimizer without a name", "function: rosenbrock\noptimizers: [{ lr: 0.1 }]", ['optimizers[0].name: is required']],
  ["optimizer of the wrong type", "function: rosenbrock\noptimizers: [5]", ['optimizers[0]: must be an optimizer as text ("adam lr=0.05") or { name, label?, schedule?, ...options }, got 5']],
  ["options that conflict", "function: rosenbrock\noptimizers: [{ name: sgd, nesterov: true }]", ['optimizers[0]: nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0']],
  ["label twice", "function: rosenbrock\noptimizers: [{ name: sgd, label: a }, { name: adam, label: a }]", ['optimizers[1].label: "a" is already the label of optimizers[0]']],
  ["empty label", "function: rosenbrock\noptimizers: [{ name: sgd, label: \"\" }]", ['optimizers[0].label: must be a non-empty string, got ""']],
  ["unknown scheduler", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: { name: StepLRR } }]", [`optimizers[0].schedule.name: unknown scheduler "StepLRR" (known: ${schedulerNames})`]],
  ["bad scheduler option", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: \"StepLR stepSize=0\" }]", ['optimizers[0].schedule.stepSize: must be an integer >= 1, got 0']],
  ["unknown scheduler option", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: { name: StepLR, step: 5 } }]", ['optimizers[0].schedule.step: unknown option "step" (known options: stepSize, gamma)']],
  ["plateau scheduler", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: ReduceLROnPlateau }]", ['optimizers[0].schedule: ReduceLROnPlateau steps on a validation metric, which minimizing a function does not have; use it with fit']],
  ["lambda scheduler", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: LambdaLR }]", ['optimizers[0].schedule: LambdaLR takes a function (lrLambda), which a description cannot hold']],
  ["composite without children", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: { name: SequentialLR, milestones: [5] } }]", ['optimizers[0].schedule.schedulers: is required: SequentialLR is made of a list of schedulers']],
  ["composite with a bad child", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: { name: SequentialLR, schedulers: [LinearLR, { name: CosineAnnealingLR, tMax: 0 }], milestones: [5] } }]", ['optimizers[0].schedule.schedulers[1].tMax: must be an integer >= 1, got 0']],
  ["composite with too many milestones", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: { name: SequentialLR, schedulers: [LinearLR, CosineAnnealingLR], milestones: [5, 10] } }]", ['optimizers[0].schedule: expects one milestone fewer than schedulers, got 2 schedulers and milestones [5,10]']],
  ["schedule of the wrong type", "function: rosenbrock\noptimizers: [{ name: sgd, schedule: 3 }]", ['optimizers[0].schedule: must be a scheduler as text ("StepLR stepSize=5") or { name, ...options }, got 3']],
  ["bad top-level schedule", "function: rosenbrock\noptimizers: [sgd]\nschedule: { name: StepLR, gamma: -1 }", ['schedule.gamma: must be > 0, got -1']],
  ["steps 0", "function: rosenbrock\noptimizers: [adam]\nsteps: 0", ['steps: must be an integer >= 1, got 0']],
  ["steps not an integer", "function: rosenbrock\noptimizers: [adam]\nsteps: 2.5", ['steps: must be an integer >= 1, got 2.5']],
  ["steps as text", "function: rosenbrock\noptimizers: [adam]\nsteps: many", ['steps: must be an integer >= 1, got "many"']],
  ["negative tol", "function: rosenbrock\noptimizers: [adam]\ntol: -1e-6", ['tol: must be >= 0, got -0.000001']],
  ["unknown stop rule", "function: rosenbrock\noptimizers: [adam]\nstop: never", ['stop: must be one of "value-change", "grad-norm", got "never"']],
  ["bounds of the wrong length", "function: rosenbrock\noptimizers: [adam]\nbounds: [[-2, 2]]", ['bounds: has 1 interval, the function has 2 variables (x, y)']],
  ["bounds upside down", "function: rosenbrock\noptimizers: [adam]\nbounds: [[2, -2], [0, 1]]", ['bounds[0]: must be an interval [low, high] of finite numbers with low <= high, got [2,-2]']],
  ["seed not an integer", "function: rosenbrock\noptimizers: [adam]\nseed: 1.5", ['seed: must be an integer, got 1.5']],
  ["divergeAbove zero", "function: rosenbrock\noptimizers: [adam]\ndivergeAbove: 0", ['divergeAbove: must be > 0, got 0']],
  ["name of the wrong type", "name: 5\nfunction: rosenbrock\noptimizers: [adam]", ['name: must be a non-empty string, got 5']],
  ["unknown keys", "function: rosenbrock\noptimizers: [adam]\niterations: 100\nlearningRate: 0.1", [
    `iterations: unknown key (known: ${experimentKeys})`,
    `learningRate: unknown key (known: ${experimentKeys})`,
  ]],
  ["not a mapping", "- function: rosenbrock", ['must be a mapping of keys to values, got [{"function":"rosenbrock"}]']],
  ["empty file", "", ['is empty: an experiment needs at least a function and optimizers']],
  ["bad YAML", "function: rosenbrock\noptimizers: [adam\n", ['invalid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ["duplicate key", "function: rosenbrock\nfunction: beale\noptimizers: [adam]", ['invalid YAML at line 2, column 1: Map keys must be unique']],
  ["many problems at once", "function: rosenbrock\nstart: [1, 2, 3]\noptimizers: [adamm, { name: sgd, lr: -1, momentum: -0.5 }]\nsteps: 0\nstop: never\nfoo: 1", [
    'start: has 3 coordinates, the function has 2 variables (x, y)',
    `optimizers[0]: unknown optimizer "adamm" (known: ${optimizerNames})`,
    'optimizers[1].lr: must be >= 0, got -1',
    'optimizers[1].momentum: must be >= 0, got -0.5',
    'steps: must be an integer >= 1, got 0',
    'stop: must be one of "value-change", "grad-norm", got "never"',
    `foo: unknown key (known: ${experimentKeys})`,
  ]],
];

/** The problems of a description, as the lines of its error; [] if it is accepted. */
function problemsOf(text: string, format?: 'json' | 'yaml'): string[] {
  try {
    parseExperimentText(text, format ? { format } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(ExperimentError);
    expect(error).toBeInstanceOf(DescentError);
    return (error as Error).message.split('\n');
  }
  return [];
}

describe('malformed experiment descriptions', () => {
  it('the corpus has at least 30 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(schedulerNames).toContain('StepLR');
  });

  it.each(corpus)('%s', (_what, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('JSON: a syntax error is one problem, with where it is', () => {
    const [line, ...rest] = problemsOf('{ "function": "rosenbrock", }', 'json');
    expect(rest).toEqual([]);
    expect(line).toMatch(/^invalid JSON: .*position 28/);
  });

  it('JSON: wrong types are reported as in YAML', () => {
    const text = JSON.stringify({ function: 'rosenbrock', optimizers: [{ name: 'adam', lr: '0.1' }], steps: '100', tol: null });
    expect(problemsOf(text, 'json')).toEqual(['optimizers[0].lr: must be >= 0, got "0.1"', 'steps: must be an integer >= 1, got "100"', 'tol: must be >= 0, got null']);
  });

  it('the source is named on every line', () => {
    try {
      parseExperimentText('function: rosenbrock\noptimizers: [adamm]\nsteps: 0', { source: 'bad.yaml' });
      expect.unreachable();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line).toMatch(/^bad\.yaml: (optimizers\[0\]|steps): /);
      expect((error as ExperimentError).problems.map((p) => p.path)).toEqual(['optimizers[0]', 'steps']);
    }
  });
});
