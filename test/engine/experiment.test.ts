/** Experiment descriptions: JSON and YAML, defaults, every kind of function, start, optimizer and schedule spec. */
import { describe, expect, it } from 'vitest';
import { experimentConfig, experimentDefaults, parseExperiment, parseExperimentText } from '../../src/engine/experiment.js';
import { getFunction } from '../../src/objective/zoo/registry.js';

const yaml = `
name: banana
description: Adam against heavy-ball SGD on Rosenbrock's valley
function: rosenbrock
start: [-1.5, 2]
optimizers:
  - adam lr=0.05
  - { name: sgd, lr: 0.001, momentum: 0.9, label: heavy ball }
  - name: SGD
    lr: 0.002
    schedule: { name: steplr, stepSize: 100, gamma: 0.5 }
steps: 500
tol: 1e-12
stop: grad-norm
bounds: [[-2, 2], [-1, 3]]
seed: 7
divergeAbove: 1e9
`;

describe('parseExperimentText(text)', () => {
  it('reads a YAML description with every key', () => {
    const e = parseExperimentText(yaml);
    expect(e.name).toBe('banana');
    expect(e.description).toMatch(/heavy-ball/);
    expect(e.function).toEqual({ name: 'rosenbrock', options: {} });
    expect(e.objective.dim).toBe(2);
    expect(e.objective.meta?.name).toBe('rosenbrock');
    expect(e.starts).toEqual([[-1.5, 2]]);
    expect(e.optimizers).toEqual([
      { label: 'Adam lr=0.05', optimizer: { name: 'Adam', lr: 0.05 } },
      { label: 'heavy ball', optimizer: { name: 'SGD', lr: 0.001, momentum: 0.9 } },
      { label: 'SGD lr=0.002 + StepLR stepSize=100 gamma=0.5', optimizer: { name: 'SGD', lr: 0.002 }, schedule: { name: 'StepLR', stepSize: 100, gamma: 0.5 } },
    ]);
    expect(e).toMatchObject({ steps: 500, tol: 1e-12, stop: 'grad-norm', bounds: [[-2, 2], [-1, 3]], seed: 7, divergeAbove: 1e9 });
  });

  it('reads the same description as JSON', () => {
    const data = {
      name: 'banana',
      function: 'rosenbrock',
      start: [-1.5, 2],
      optimizers: ['adam lr=0.05', { name: 'sgd', lr: 0.001, momentum: 0.9, label: 'heavy ball' }],
      steps: 500,
    };
    const fromJson = parseExperimentText(JSON.stringify(data), { format: 'json' });
    const fromYaml = parseExperimentText(JSON.stringify(data)); // JSON is YAML too
    for (const e of [fromJson, fromYaml]) {
      expect(experimentConfig(e)).toEqual({
        name: 'banana',
        function: { name: 'rosenbrock' },
        starts: [[-1.5, 2]],
        optimizers: [
          { label: 'Adam lr=0.05', name: 'Adam', lr: 0.05 },
          { label: 'heavy ball', name: 'SGD', lr: 0.001, momentum: 0.9 },
        ],
        steps: 500,
        stop: 'value-change',
        seed: 0,
      });
    }
  });

  it('fills in defaults: the function’s start points, 100 steps, value-change, seed 0, the name given by the caller', () => {
    const e = parseExperiment({ function: 'seed-quadratic', optimizers: ['sgd'] }, { name: 'from-file-name' });
    expect(e.name).toBe('from-file-name');
    expect(e.starts).toEqual(getFunction('seed-quadratic').meta.starts);
    expect(e.steps).toBe(experimentDefaults.steps);
    expect(e.steps).toBe(100);
    expect(e.stop).toBe('value-change');
    expect(e.seed).toBe(0);
    expect(e.tol).toBeUndefined();
    expect(e.bounds).toBeUndefined();
    expect(e.optimizers).toEqual([{ label: 'SGD', optimizer: { name: 'SGD' } }]);
  });

  it('names an experiment after its function when neither the description nor the caller does', () => {
    expect(parseExperiment({ function: 'beale', optimizers: ['adam'] }).name).toBe('beale');
    expect(parseExperiment({ function: { expression: 'x^2' }, start: [1], optimizers: ['adam'] }).name).toBe('expression');
  });
});

describe('function specs', () => {
  it('a zoo name, in any case', () => {
    const e = parseExperiment({ function: 'Himmelblau', optimizers: ['adam'] });
    expect(e.function).toEqual({ name: 'himmelblau', options: {} });
    expect(e.objective.meta?.minima).toHaveLength(4);
  });

  it('a zoo family with options', () => {
    const e = parseExperiment({ function: { name: 'rosenbrock-nd', dim: 10 }, optimizers: ['adam'] });
    expect(e.function).toEqual({ name: 'rosenbrock-nd', options: { dim: 10 } });
    expect(e.objective.dim).toBe(10);
    expect(e.starts[0]).toHaveLength(10);
    expect(experimentConfig(e).function).toEqual({ name: 'rosenbrock-nd', dim: 10 });
  });

  it('a typed-in expression, its variables inferred', () => {
    const e = parseExperiment({ function: { expression: '(x-3)^2 + 8*(y-5)^4' }, start: [0, 0], optimizers: ['adam'] });
    expect(e.objective.dim).toBe(2);
    expect(e.objective.meta?.variables).toEqual(['x', 'y']);
    expect(e.objective.value([3, 5])).toBe(0);
    expect(e.objective.value([4, 6])).toBe(9);
    expect(e.objective.meta?.minima).toBeUndefined();
  });

  it('an expression with the order of its variables, a domain and known minima', () => {
    const e = parseExperiment({
      function: { expression: '(x-3)^2 + 8*(y-5)^4', variables: ['y', 'x'], domain: [[-5, 10], [0, 10]], minima: [[5, 3]], name: 'valley' },
      start: [0, 0],
      optimizers: ['adam'],
    });
    expect(e.objective.meta?.variables).toEqual(['y', 'x']);
    expect(e.objective.value([5, 3])).toBe(0);
    expect(e.objective.meta?.domain).toEqual([[-5, 10], [0, 10]]);
    expect(e.objective.meta?.minima).toEqual([{ x: [5, 3], value: 0 }]);
    expect(e.objective.meta?.name).toBe('valley');
    const g = new Float64Array(2);
    e.objective.valueAndGrad([6, 4], g);
    expect(Array.from(g)).toEqual([32, 2]);
  });
});

describe('start points', () => {
  const base = { function: 'rosenbrock', optimizers: ['adam'] };

  it('several starts', () => {
    expect(parseExperiment({ ...base, starts: [[0, 0], [1, 2]] }).starts).toEqual([[0, 0], [1, 2]]);
  });

  it('random starts are drawn from the domain (or the bounds) and are the same for the same seed', () => {
    const a = parseExperiment({ ...base, starts: { random: 5 }, seed: 3 });
    const b = parseExperiment({ ...base, starts: { random: 5 }, seed: 3 });
    const c = parseExperiment({ ...base, starts: { random: 5 }, seed: 4 });
    expect(a.starts).toHaveLength(5);
    expect(a.starts).toEqual(b.starts);
    expect(a.starts).not.toEqual(c.starts);
    for (const s of a.starts) for (const x of s) expect(x >= -5 && x <= 10).toBe(true);
    const bounded = parseExperiment({ ...base, starts: { random: 20 }, bounds: [[0, 0.5], [2, 3]] });
    for (const [x, y] of bounded.starts) expect(x >= 0 && x <= 0.5 && y >= 2 && y <= 3).toBe(true);
  });
});

describe('optimizer specs', () => {
  const base = { function: 'rosenbrock' };

  it('text specs read values by the option’s type, kebab-case allowed', () => {
    const e = parseExperiment({ ...base, optimizers: ['adamw lr=0.01 betas=0.8,0.9 amsgrad weight-decay=0.1', 'sgd nesterov=true momentum=0.9 lr=1e-3', 'lbfgs maxEval=null'] });
    expect(e.optimizers.map((o) => o.optimizer)).toEqual([
      { name: 'AdamW', lr: 0.01, betas: [0.8, 0.9], amsgrad: true, weightDecay: 0.1 },
      { name: 'SGD', nesterov: true, momentum: 0.9, lr: 1e-3 },
      { name: 'LBFGS', maxEval: null },
    ]);
  });

  it('a top-level schedule goes to every optimizer without its own', () => {
    const e = parseExperiment({
      ...base,
      optimizers: ['sgd lr=0.01', { name: 'adam', schedule: 'ExponentialLR gamma=0.99' }],
      schedule: { name: 'StepLR', stepSize: 5 },
    });
    expect(e.optimizers.map((o) => o.schedule)).toEqual([
      { name: 'StepLR', stepSize: 5 },
      { name: 'ExponentialLR', gamma: 0.99 },
    ]);
  });

  it('composite schedules nest their children', () => {
    const schedule = { name: 'SequentialLR', schedulers: [{ name: 'linearlr', startFactor: 0.2, totalIters: 5 }, 'CosineAnnealingLR tMax=20'], milestones: [5] };
    const [o] = parseExperiment({ ...base, optimizers: [{ name: 'sgd', lr: 0.1, schedule }] }).optimizers;
    expect(o.schedule).toEqual({
      name: 'SequentialLR',
      schedulers: [{ name: 'LinearLR', startFactor: 0.2, totalIters: 5 }, { name: 'CosineAnnealingLR', tMax: 20 }],
      milestones: [5],
    });
    expect(o.label).toBe('SGD lr=0.1 + SequentialLR(LinearLR startFactor=0.2 totalIters=5; CosineAnnealingLR tMax=20) milestones=5');
  });

  it('labels made from the spec are made unique; given labels are kept', () => {
    const e = parseExperiment({ ...base, optimizers: ['adam', 'adam', { name: 'adam', label: 'mine' }, 'Adam'] });
    expect(e.optimizers.map((o) => o.label)).toEqual(['Adam', 'Adam #2', 'mine', 'Adam #3']);
  });
});
