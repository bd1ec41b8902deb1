/** runExperiment: every start × every optimizer, deterministic; results as JSON and CSV. */
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/engine/experiment.js';
import { minimize } from '../../src/engine/minimize.js';
import { csvColumns, resultsToCsv, resultsToJson } from '../../src/engine/results.js';
import { distanceToNearest, runExperiment, type ExperimentResults } from '../../src/engine/run-experiment.js';
import { getFunction } from '../../src/objective/zoo/registry.js';

const description = {
  name: 'race',
  function: 'rosenbrock',
  starts: [[-1.5, 2], [0, 0]],
  optimizers: ['adam lr=0.05', { name: 'sgd', lr: 0.001, momentum: 0.9, label: 'heavy ball' }, { name: 'sgd', lr: 0.5, label: 'too fast' }],
  steps: 200,
};

/** The results without the measured times, which are the only thing allowed to differ between two runs. */
function timeless(results: ExperimentResults) {
  return results.runs.map(({ timeMs: _t, trace: { timeMs: _tt, ...trace }, ...run }) => ({ ...run, trace }));
}

describe('runExperiment(experiment)', () => {
  const results = runExperiment(parseExperiment(description));

  it('runs every optimizer from every start, start by start', () => {
    expect(results.runs.map((r) => [r.startIndex, r.label])).toEqual([
      [0, 'Adam lr=0.05'],
      [0, 'heavy ball'],
      [0, 'too fast'],
      [1, 'Adam lr=0.05'],
      [1, 'heavy ball'],
      [1, 'too fast'],
    ]);
    expect(results.name).toBe('race');
    expect(results.function).toMatchObject({ name: 'rosenbrock', dim: 2, variables: ['x', 'y'], minima: [{ x: [1, 1], value: 0 }] });
    expect(results.config).toMatchObject({ steps: 200, stop: 'value-change', seed: 0 });
  });

  it('each run is minimize’s trace from its start, summarized', () => {
    const run = results.runs[1];
    const trace = minimize(getFunction('rosenbrock'), [-1.5, 2], { optimizer: { name: 'SGD', lr: 0.001, momentum: 0.9 }, maxSteps: 200, stop: 'value-change' });
    expect(run.trace.points).toEqual(trace.points);
    expect(run.start).toEqual([-1.5, 2]);
    expect(run.status).toBe('max-steps');
    expect(run.stoppedAt).toBe(200);
    expect(run.finalPoint).toEqual(trace.points[200]);
    expect(run.finalValue).toBe(trace.values[200]);
    expect(run.evaluations).toBe(201);
    expect(run.distanceToMinimum).toBeCloseTo(Math.hypot(run.finalPoint[0] - 1, run.finalPoint[1] - 1), 15);
    expect(run.optimizer).toEqual({ name: 'SGD', lr: 0.001, momentum: 0.9 });
  });

  it('a diverging run is a result, with its last finite point', () => {
    const run = results.runs[2];
    expect(run.status).toBe('diverged');
    expect(run.stoppedAt).toBeLessThan(200);
    expect(run.finalPoint.every(Number.isFinite)).toBe(true);
    expect(run.finalPoint).toEqual(run.trace.points.at(-1));
  });

  it('is deterministic: the same experiment gives the same numbers', () => {
    const again = runExperiment(parseExperiment(description));
    expect(timeless(again)).toEqual(timeless(results));
    const random = { ...description, starts: { random: 3 }, seed: 11 };
    expect(timeless(runExperiment(parseExperiment(random)))).toEqual(timeless(runExperiment(parseExperiment(random))));
  });

  it('reports each run as it finishes', () => {
    const seen: string[] = [];
    runExperiment(parseExperiment({ ...description, steps: 5 }), { onRun: (run, done, total) => seen.push(`${done}/${total} ${run.label}`) });
    expect(seen).toEqual(['1/6 Adam lr=0.05', '2/6 heavy ball', '3/6 too fast', '4/6 Adam lr=0.05', '5/6 heavy ball', '6/6 too fast']);
  });

  it('reports every step of every run, for progress bars', () => {
    const steps: string[] = [];
    const r = runExperiment(parseExperiment({ function: 'booth', start: [0, 0], optimizers: ['sgd lr=0.01', 'lbfgs'], steps: 4, tol: 1e-9 }), {
      onStep: (run, step) => steps.push(`${run}:${step}`),
    });
    expect(r.runs[1].status).toBe('converged');
    const lbfgsSteps = r.runs[1].stoppedAt - 1; // the converging step ends the run before it is reported
    expect(steps).toEqual(['0:1', '0:2', '0:3', '0:4', ...Array.from({ length: lbfgsSteps }, (_, i) => `1:${i + 1}`)]);
  });

  it('distance to the nearest of several minima; null when none is known', () => {
    expect(distanceToNearest([3, 2.1], [{ x: [0, 0] }, { x: [3, 2] }])).toBeCloseTo(0.1, 12);
    expect(distanceToNearest([1], undefined)).toBeNull();
    const expression = runExperiment(parseExperiment({ function: { expression: '(x-2)^2' }, start: [0], optimizers: ['sgd lr=0.1'], steps: 3 }));
    expect(expression.runs[0].distanceToMinimum).toBeNull();
  });
});

describe('results files', () => {
  const results = runExperiment(parseExperiment({ ...description, steps: 50 }));

  it('JSON holds everything, traces included, and loads back', () => {
    const loaded = JSON.parse(resultsToJson(results));
    expect(loaded.runs).toHaveLength(6);
    expect(loaded.runs[0].trace.points).toHaveLength(51);
    expect(loaded.runs[0].trace.values).toEqual(results.runs[0].trace.values);
    expect(loaded.config.optimizers[1]).toEqual({ label: 'heavy ball', name: 'SGD', lr: 0.001, momentum: 0.9 });
    const summary = JSON.parse(resultsToJson(results, { summary: true }));
    expect(summary.runs[0].trace).toBeUndefined();
    expect(summary.runs[0].finalValue).toBe(results.runs[0].finalValue);
  });

  it('JSON writes NaN and Infinity as strings', () => {
    const odd = { ...results, runs: [{ ...results.runs[0], finalValue: NaN, distanceToMinimum: Infinity }] };
    const loaded = JSON.parse(resultsToJson(odd));
    expect(loaded.runs[0].finalValue).toBe('NaN');
    expect(loaded.runs[0].distanceToMinimum).toBe('Infinity');
  });

  it('CSV is the summary table: a header and one row per run, fields quoted where needed', () => {
    const lines = resultsToCsv(results).trimEnd().split('\n');
    expect(lines[0]).toBe(csvColumns.join(','));
    expect(lines).toHaveLength(7);
    const heavy = lines[2];
    expect(heavy.startsWith('heavy ball,SGD,"{""lr"":0.001,""momentum"":0.9}",,"[-1.5,2]",max-steps,50,')).toBe(true);
    const fields = heavy.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
    expect(fields[7]).toBe(String(results.runs[1].finalValue));
    expect(fields[8]).toBe(`"${JSON.stringify(results.runs[1].finalPoint)}"`);
    expect(Number(fields[9])).toBe(results.runs[1].distanceToMinimum);
    expect(lines[3]).toMatch(/^too fast,SGD,.*,diverged,\d+,/);
  });
});
