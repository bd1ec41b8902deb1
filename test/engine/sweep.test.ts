/** Sweeps in process: the plan (grid values and order, random draws, seeds, keys), one run, and the ranking. */
import { describe, expect, it } from 'vitest';
import { parseSweepText } from '../../src/engine/sweep-schema.js';
import { canonicalJson, hashKey, planSweep, runTask, type RunOutcome, type SweepPlan } from '../../src/engine/sweep.js';
import { rankSweep, spread } from '../../src/engine/sweep-rank.js';
import { gridValues } from '../../src/engine/sweep-space.js';

const plan = (yaml: string) => planSweep(parseSweepText(yaml));

describe('planSweep', () => {
  it('expands a grid in order, the first option slowest, log values evenly spaced in log with exact ends', () => {
    const p = plan('function: rosenbrock\noptimizers:\n  - name: adam\n    grid: { lr: { log: [1e-4, 1], num: 5 }, betas: [[0.9, 0.999], [0.8, 0.99]] }\n  - lbfgs');
    expect(p.configurations.map((c) => c.label)).toEqual([
      'Adam lr=0.0001 betas=0.9,0.999',
      'Adam lr=0.0001 betas=0.8,0.99',
      'Adam lr=0.001 betas=0.9,0.999',
      'Adam lr=0.001 betas=0.8,0.99',
      'Adam lr=0.01 betas=0.9,0.999',
      'Adam lr=0.01 betas=0.8,0.99',
      'Adam lr=0.1 betas=0.9,0.999',
      'Adam lr=0.1 betas=0.8,0.99',
      'Adam lr=1 betas=0.9,0.999',
      'Adam lr=1 betas=0.8,0.99',
      'LBFGS',
    ]);
    expect(p.configurations[3].optimizer).toEqual({ name: 'Adam', lr: 0.001, betas: [0.8, 0.99] });
    expect(p.runs).toHaveLength(11);
    expect(gridValues({ kind: 'log', low: 1e-4, high: 1, num: 9 })).toEqual([1e-4, 0.000316228, 0.001, 0.00316228, 0.01, 0.0316228, 0.1, 0.316228, 1]);
    expect(gridValues({ kind: 'linear', low: 0, high: 0.99, num: 4 })).toEqual([0, 0.33, 0.66, 0.99]);
  });

  it('puts swept values before the schedule, and keeps fixed options', () => {
    const p = plan('function: rosenbrock\noptimizers:\n  - { name: sgd, momentum: 0.9, schedule: "StepLR stepSize=100", grid: { lr: [0.001, 0.01] } }');
    expect(p.configurations.map((c) => c.label)).toEqual(['SGD momentum=0.9 lr=0.001 + StepLR stepSize=100', 'SGD momentum=0.9 lr=0.01 + StepLR stepSize=100']);
    expect(p.configurations[1].optimizer).toEqual({ name: 'SGD', momentum: 0.9, lr: 0.01 });
    expect(p.configurations[1].schedule).toEqual({ name: 'StepLR', stepSize: 100 });
  });

  it('draws random configurations from their seed: the same seed the same draws, another seed others', () => {
    const yaml = (seed: number) => `function: rosenbrock\noptimizers:\n  - name: sgd\n    random: { samples: 6, seed: ${seed}, lr: { log: [1e-5, 1e-1] }, momentum: { linear: [0, 0.99] } }`;
    const a = plan(yaml(1)).configurations.map((c) => c.params);
    expect(plan(yaml(1)).configurations.map((c) => c.params)).toEqual(a);
    expect(plan(yaml(2)).configurations.map((c) => c.params)).not.toEqual(a);
    expect(a).toHaveLength(6);
    for (const { lr, momentum } of a as Array<{ lr: number; momentum: number }>) {
      expect(lr).toBeGreaterThanOrEqual(1e-5);
      expect(lr).toBeLessThanOrEqual(1e-1);
      expect(momentum).toBeGreaterThanOrEqual(0);
      expect(momentum).toBeLessThanOrEqual(0.99);
    }
    // Log-uniform: about as many draws below 1e-3 as above.
    const many = plan(yaml(3).replace('samples: 6', 'samples: 400')).configurations.map((c) => c.params.lr as number);
    expect(many.filter((lr) => lr < 1e-3).length).toBeGreaterThan(150);
    expect(many.filter((lr) => lr > 1e-3).length).toBeGreaterThan(150);
  });

  it('repeats every configuration for each seed, with that seed’s random starts', () => {
    const p = plan('function: rosenbrock\nstarts: { random: 2 }\nseeds: [0, 1, 2]\noptimizers:\n  - { name: adam, grid: { lr: [0.01, 0.1] } }');
    expect(p.runs).toHaveLength(12);
    expect(p.runs.slice(0, 6).map((r) => [r.configuration, r.seed, r.startIndex])).toEqual([[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [0, 2, 0], [0, 2, 1]]);
    const starts = p.runs.slice(0, 6).map((r) => JSON.stringify(r.task.start));
    expect(new Set(starts).size).toBe(6);
    // The second configuration starts where the first did.
    expect(p.runs.slice(6).map((r) => JSON.stringify(r.task.start))).toEqual(starts);
    expect(plan('function: rosenbrock\nstarts: { random: 2 }\nseeds: 3\noptimizers: [adam]').runs.map((r) => r.seed)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('keys a run by what its result depends on, not by its label or place', () => {
    const a = plan('function: rosenbrock\nstart: [-1.5, 2]\noptimizers:\n  - { name: adam, grid: { lr: [0.01, 0.1] } }');
    const b = plan('function: rosenbrock\nstart: [-1.5, 2]\noptimizers:\n  - sgd\n  - { name: adam, label: mine, lr: 0.1 }');
    expect(b.runs[1].key).toBe(a.runs[1].key);
    expect(new Set(a.runs.map((r) => r.key)).size).toBe(2);
    expect(a.runs[0].key).toMatch(/^[0-9a-f]{16}$/);
    const longer = plan('function: rosenbrock\nstart: [-1.5, 2]\nsteps: 101\noptimizers:\n  - { name: adam, grid: { lr: [0.01, 0.1] } }');
    expect(longer.runs[0].key).not.toBe(a.runs[0].key);
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
    expect(hashKey('a')).not.toBe(hashKey('b'));
  });

  it('runs a task as minimize does, and deterministically', () => {
    const p = plan('function: rosenbrock\nstart: [-1.5, 2]\nsteps: 300\ntol: 1e-12\noptimizers: [lbfgs]');
    const o = runTask(p.runs[0].task);
    expect(o.status).toBe('converged');
    expect(o.finalValue).toBeLessThan(1e-8);
    expect(o.distanceToMinimum).toBeLessThan(1e-4);
    const { timeMs: _a, ...first } = o;
    const { timeMs: _b, ...again } = runTask(p.runs[0].task);
    expect(again).toEqual(first);
  });
});

/** Outcomes made up for the ranking: `value` is the final value; diverged and converged runs as given. */
function outcomes(p: SweepPlan, make: (configuration: number, seedIndex: number) => Partial<RunOutcome>): Map<string, RunOutcome> {
  const map = new Map<string, RunOutcome>();
  for (const run of p.runs) {
    const o = make(run.configuration, p.sweep.seeds.indexOf(run.seed));
    map.set(run.key, { status: 'max-steps', stoppedAt: 100, finalValue: 1, finalPoint: [0, 0], distanceToMinimum: 1, evaluations: 101, timeMs: 0, ...o });
  }
  return map;
}

describe('rankSweep', () => {
  const grid = (extra = '') => plan(`function: rosenbrock\ntol: 1e-9\n${extra}optimizers:\n  - { name: sgd, grid: { lr: [0.001, 0.002, 0.003, 0.004, 0.005] } }`);

  it('ranks by final value, ties share a rank and keep the file’s order, diverged runs rank last together', () => {
    const p = grid();
    const values = [0.5, 0.1, 0.5, NaN, 0.01];
    const ranked = rankSweep(p, outcomes(p, (c) => (Number.isNaN(values[c]) ? { status: 'diverged', finalValue: NaN, stoppedAt: 7 } : { finalValue: values[c] })));
    expect(ranked.map((r) => [r.rank, r.tied, r.label, r.standing])).toEqual([
      [1, false, 'SGD lr=0.005', 'ok'],
      [2, false, 'SGD lr=0.002', 'ok'],
      [3, true, 'SGD lr=0.001', 'ok'],
      [3, true, 'SGD lr=0.003', 'ok'],
      [5, false, 'SGD lr=0.004', 'diverged'],
    ]);
    expect(ranked[4].metric).toBeNull();
  });

  it('breaks a tie by fewer steps before the file’s order', () => {
    const p = grid();
    const ranked = rankSweep(p, outcomes(p, (c) => ({ finalValue: 0, stoppedAt: [50, 40, 60, 40, 30][c], status: 'converged' })));
    expect(ranked.map((r) => `${r.rank}${r.tied ? '=' : ''} ${r.label}`)).toEqual(['1= SGD lr=0.005', '1= SGD lr=0.002', '1= SGD lr=0.004', '1= SGD lr=0.001', '1= SGD lr=0.003']);
  });

  it('metric steps: converged runs first by steps, then the others by final value, then the diverged', () => {
    const p = grid('metric: steps\n');
    const runs: Array<Partial<RunOutcome>> = [
      { status: 'max-steps', finalValue: 0.2 },
      { status: 'converged', stoppedAt: 80 },
      { status: 'diverged', finalValue: Infinity, stoppedAt: 3 },
      { status: 'max-steps', finalValue: 0.1 },
      { status: 'converged', stoppedAt: 20 },
    ];
    const ranked = rankSweep(p, outcomes(p, (c) => runs[c]));
    expect(ranked.map((r) => [r.rank, r.label, r.standing])).toEqual([
      [1, 'SGD lr=0.005', 'ok'],
      [2, 'SGD lr=0.002', 'ok'],
      [3, 'SGD lr=0.004', 'not-converged'],
      [4, 'SGD lr=0.001', 'not-converged'],
      [5, 'SGD lr=0.003', 'diverged'],
    ]);
    expect(ranked[0].metric).toEqual({ median: 20, min: 20, max: 20 });
  });

  it('ranks configurations by the median over seeds, with min and max; one diverged seed sends it last', () => {
    const p = plan('function: rosenbrock\nstarts: { random: 1 }\nseeds: [0, 1, 2]\noptimizers:\n  - { name: sgd, grid: { lr: [0.001, 0.002, 0.003] } }');
    const values = [
      [1, 5, 9],
      [4, 0.5, 4.5],
      [0, 0, NaN],
    ];
    const ranked = rankSweep(p, outcomes(p, (c, s) => (Number.isNaN(values[c][s]) ? { status: 'diverged', finalValue: NaN } : { finalValue: values[c][s] })));
    expect(ranked.map((r) => [r.label, r.metric])).toEqual([
      ['SGD lr=0.002', { median: 4, min: 0.5, max: 4.5 }],
      ['SGD lr=0.001', { median: 5, min: 1, max: 9 }],
      ['SGD lr=0.003', { median: 0, min: 0, max: 0 }],
    ]);
    expect(ranked[2]).toMatchObject({ standing: 'diverged', diverged: 1, runs: 3 });
  });

  it('metric distance ranks by the distance to the nearest known minimum', () => {
    const p = grid('metric: distance\n');
    const ranked = rankSweep(p, outcomes(p, (c) => ({ finalValue: c, distanceToMinimum: 5 - c })));
    expect(ranked[0].label).toBe('SGD lr=0.005');
    expect(ranked[0].metric?.median).toBe(1);
  });

  it('spread: the median of an even count is the mean of the middle two', () => {
    expect(spread([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10 });
    expect(spread([1, Infinity])).toEqual({ median: Infinity, min: 1, max: Infinity });
    expect(spread([])).toBeNull();
  });
});
