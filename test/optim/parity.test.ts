/**
 * Parity with torch.optim 1.13 (and numpy references for Lion and the seeds' textbook forms), step by step.
 *
 * test/fixtures/optim/generate.py ran every case for 60 steps in float64 and float32 and recorded, per step, the
 * gradient it fed the optimizer and the parameters after the step. Here each case replays the recorded gradients
 * through the library's optimizer and compares every coordinate after every step:
 *   |x_ts − x_ref| <= tol · max(max over the run of |x_ref_i|, 1e-300),  tol 1e-10 (float64), 1e-5 (float32).
 * ASGD cases also compare the averaged iterate `ax` (state only). Set PARITY_REPORT=1 to print the worst errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import type { FloatArray } from '../../src/core/float-array.js';
import type { OptimizerLike } from '../../src/optim/optimizer.js';
import { getOptimizer } from '../../src/optim/registry.js';
import { coordinateScale } from '../helpers/assert-close.js';

type DType = 'float64' | 'float32';

interface ParityCase {
  name: string;
  optimizer: string;
  source: 'torch' | 'numpy';
  problem: 'rosenbrock' | 'quadratic' | 'noisy' | 'groups';
  dtype: DType;
  options: Record<string, unknown>;
  /** Param groups by parameter index, each with the options that differ from `options`; null: one plain list. */
  groups: Array<{ params: number[]; options: Record<string, unknown> }> | null;
  maximizeNegated: boolean;
  /** Per parameter, the starting point. */
  x0: number[][];
  /** Per step, per parameter: the gradient fed at that step. */
  grads: number[][][];
  /** Per step, per parameter: the parameters after that step. */
  params: number[][][];
  /** ASGD only: per step, per parameter, the averaged iterate after that step. */
  ax?: number[][][];
}

interface Fixture {
  torch: string;
  steps: number;
  cases: ParityCase[];
}

const FIXTURE = new URL('../fixtures/optim/parity.json', import.meta.url);
const TOLERANCE: Record<DType, number> = { float64: 1e-10, float32: 1e-5 };
/** Every optimizer but LBFGS (its own suite); a fixture without one of them is stale. */
const OPTIMIZERS = ['SGD', 'Adagrad', 'RMSprop', 'Adam', 'AdamW', 'Adadelta', 'Adamax', 'NAdam', 'RAdam', 'ASGD', 'Rprop', 'Lion'];
const NOTEBOOK_FORMS = ['Adagrad epsRoot', 'RMSprop epsRoot', 'Adam biasCorrection=false', 'Adam epsRoot', 'Adam eps=0,epsRoot'];
/** Cases per dtype that generate.py writes today; fewer means a truncated or stale fixture. */
const MIN_CASES = 202;
const STEPS = 60;

const fixture: Fixture | null = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture) : null;
const allCases = fixture?.cases ?? [];

/** The worst error seen, relative to the coordinate's scale, per optimizer and dtype (for PARITY_REPORT). */
const worst = new Map<string, { error: number; where: string }>();

function makeArray(dtype: DType, values: readonly number[]): FloatArray {
  return dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}

function build(c: ParityCase, params: Parameter[]): OptimizerLike {
  const entry = getOptimizer(c.optimizer);
  if (c.groups === null) return entry.create(params, c.options);
  return entry.create(
    c.groups.map((g) => ({ params: g.params.map((i) => params[i]), ...g.options })),
    c.options,
  );
}

/**
 * Compares one buffer with the reference after one step; fails with the case, dtype, step, coordinate and both values.
 * Returns the largest error relative to the scale.
 */
function compare(c: ParityCase, what: string, step: number, k: number, actual: ArrayLike<number>, expected: readonly number[], scale: Float64Array): number {
  const tol = TOLERANCE[c.dtype];
  const round = c.dtype === 'float32' ? Math.fround : (x: number) => x;
  expect(actual.length, `${c.name} [${c.dtype}] ${what} ${k} length`).toBe(expected.length);
  let largest = 0;
  for (let i = 0; i < expected.length; i++) {
    const want = round(expected[i]);
    const s = Math.max(scale[i], 1e-300);
    const error = Math.abs(actual[i] - want);
    if (!(error <= tol * s)) {
      expect.fail(
        `${c.name} [${c.dtype}] (${c.source}) step ${step}, ${what} ${k} coordinate ${i}: ` +
          `got ${actual[i]}, ${c.source} has ${want} (error ${error.toExponential(3)} > ${tol} × scale ${s.toPrecision(4)})`,
      );
    }
    largest = Math.max(largest, error / s);
  }
  return largest;
}

function replay(c: ParityCase): void {
  expect(c.grads, `${c.name} [${c.dtype}] grads`).toHaveLength(STEPS);
  expect(c.params, `${c.name} [${c.dtype}] params`).toHaveLength(STEPS);
  const params = c.x0.map((x) => new Parameter(makeArray(c.dtype, x)));
  const optimizer = build(c, params);
  const scales = c.x0.map((x, k) => coordinateScale([x, ...c.params.map((step) => step[k])]));
  const axScales = c.ax ? c.x0.map((_, k) => coordinateScale(c.ax!.map((step) => step[k]))) : [];
  let largest = 0;
  let compared = 0;
  for (let t = 0; t < STEPS; t++) {
    params.forEach((p, k) => p.grad!.set(c.grads[t][k]));
    optimizer.step();
    params.forEach((p, k) => {
      largest = Math.max(largest, compare(c, 'param', t + 1, k, p.data, c.params[t][k], scales[k]));
      compared += p.data.length;
    });
    if (c.ax) {
      const state = optimizer.stateDict().state;
      params.forEach((_, k) => {
        const ax = state[String(k)]?.ax;
        expect(Array.isArray(ax), `${c.name} [${c.dtype}] step ${t + 1}: state ${k} has no ax array`).toBe(true);
        largest = Math.max(largest, compare(c, 'ax of param', t + 1, k, ax as number[], c.ax![t][k], axScales[k]));
      });
    }
  }
  expect(compared).toBeGreaterThan(0);
  const key = `${c.optimizer} ${c.dtype}`;
  const previous = worst.get(key);
  if (previous === undefined || largest > previous.error) worst.set(key, { error: largest, where: c.name });
}

describe('the parity fixture', () => {
  it('exists, was written by torch 1.13, and holds every case in both dtypes', () => {
    expect(fixture, `missing ${FIXTURE.pathname}: run /usr/bin/python3 test/fixtures/optim/generate.py`).not.toBeNull();
    expect(fixture!.torch).toMatch(/^1\.13/);
    expect(fixture!.steps).toBe(STEPS);
    const unknown = allCases.filter((c) => !OPTIMIZERS.includes(c.optimizer)).map((c) => c.name);
    expect(unknown, 'cases of optimizers this suite does not run').toEqual([]);
    for (const dtype of ['float64', 'float32'] as const) {
      const ofType = allCases.filter((c) => c.dtype === dtype);
      expect(ofType.length, `${dtype} cases`).toBeGreaterThanOrEqual(MIN_CASES);
      for (const name of OPTIMIZERS) {
        expect(ofType.some((c) => c.optimizer === name && c.groups !== null), `${name} ${dtype} with param groups`).toBe(true);
        for (const problem of ['rosenbrock', 'quadratic', 'noisy']) {
          expect(ofType.some((c) => c.optimizer === name && c.problem === problem), `${name} ${dtype} on ${problem}`).toBe(true);
        }
      }
      for (const form of NOTEBOOK_FORMS) {
        expect(ofType.some((c) => c.source === 'numpy' && c.name.startsWith(form)), `${form} ${dtype}`).toBe(true);
      }
    }
  });
});

// An optimizer without cases gets no suite here; the fixture test above fails for it instead.
for (const optimizer of OPTIMIZERS) {
  const cases = allCases.filter((x) => x.optimizer === optimizer);
  if (cases.length === 0) continue;
  describe(`${optimizer} follows its reference step by step`, () => {
    for (const c of cases) it(`${c.name} [${c.dtype}]`, () => replay(c));
  });
}

afterAll(() => {
  if (!process.env.PARITY_REPORT) return;
  const rows = [...worst.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(rows.map(([key, { error, where }]) => `${key.padEnd(18)} ${error.toExponential(2)}  (${where})`).join('\n'));
});
