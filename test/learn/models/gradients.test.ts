import { describe, expect, it } from 'vitest';
import { LinearRegression } from '../../../src/learn/models/linear.js';
import { LogisticRegression } from '../../../src/learn/models/logistic.js';
import { MLP } from '../../../src/learn/models/mlp.js';
import { modelObjective } from '../../../src/learn/models/model-objective.js';
import { SoftmaxRegression } from '../../../src/learn/models/softmax.js';
import type { Model, Task } from '../../../src/learn/types.js';
import { gradCheck } from '../../../src/objective/grad-check.js';
import { randomBatch, randomParameters } from './helpers.js';

/**
 * Relative error 1e-6, measured against at least 1e-3: central differences with h = 1e-5 carry ~1e-10 of absolute
 * noise, which would fail a coordinate of 1e-9 on noise alone; a wrong backward pass errs by O(1) relatively.
 */
const CHECK = { tolerance: 1e-6, floor: 1e-3 };

const penalties = [
  { l1: 0, l2: 0 },
  { l1: 0, l2: 0.3 },
  { l1: 0.05, l2: 0 },
  { l1: 0.05, l2: 0.3 },
];

function check(model: Model, seed: number, classes = 3): void {
  const batch = randomBatch(seed, 13, model.inputs, model.task, classes);
  const theta = randomParameters(model, seed + 1);
  const result = gradCheck(modelObjective(model, batch), theta, CHECK);
  expect(result.maxRelativeError, `worst at ${result.worstIndex}: ${result.analytic[result.worstIndex]} vs ${result.numeric[result.worstIndex]}`).toBeLessThan(1e-6);
}

describe('every model passes gradCheck on random float64 batches', () => {
  for (const p of penalties) {
    const label = `l1=${p.l1} l2=${p.l2}`;
    it(`LinearRegression, ${label}`, () => check(new LinearRegression({ inputs: 5, ...p }), 1));
    it(`LogisticRegression, ${label}`, () => check(new LogisticRegression({ inputs: 5, ...p }), 2));
    it(`SoftmaxRegression, ${label}`, () => check(new SoftmaxRegression({ inputs: 5, classes: 4, ...p }), 3, 4));
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      for (const task of ['regression', 'binary', 'multiclass'] as const satisfies readonly Task[]) {
        it(`MLP ${activation} ${task}, ${label}`, () => {
          const outputs = task === 'multiclass' ? 3 : 1;
          // Two hidden layers, odd sizes, so every remainder path of the matrix kernels runs.
          check(new MLP({ layers: [4, 7, 5, outputs], activation, task, seed: 9, ...p }), 10, 3);
        });
      }
    }
  }

  it('checks a batch of one row and a batch larger than the first (buffers grow)', () => {
    const model = new MLP({ layers: [3, 6, 2], task: 'multiclass', seed: 1 });
    for (const rows of [1, 2, 40]) {
      const batch = randomBatch(rows, rows, 3, 'multiclass', 2);
      const result = gradCheck(modelObjective(model, batch), randomParameters(model, rows), CHECK);
      expect(result.maxRelativeError).toBeLessThan(1e-6);
    }
  });

  it('allocates its buffers once: a smaller or equal batch reuses them, only a bigger one grows them', () => {
    const model = new MLP({ layers: [3, 5, 2], task: 'multiclass', seed: 1 });
    const buffers = () => ['acts', 'deltas', 'deltaT', 'inputT'].flatMap((key) => Reflect.get(model, key) as unknown[]);
    model.lossAndGrad(randomBatch(1, 40, 3, 'multiclass', 2));
    const first = buffers();
    model.lossAndGrad(randomBatch(2, 10, 3, 'multiclass', 2));
    model.lossAndGrad(randomBatch(3, 40, 3, 'multiclass', 2));
    model.predict(new Float64Array(3 * 7), 7, new Float64Array(14));
    buffers().forEach((b, i) => expect(b).toBe(first[i]));
    model.lossAndGrad(randomBatch(4, 41, 3, 'multiclass', 2));
    expect(buffers()[0]).not.toBe(first[0]);
  });

  it('a float32 model gives the float64 model’s loss and gradient to float32 precision, with batches of either type', () => {
    const make = (dtype: 'float32' | 'float64') => new MLP({ layers: [6, 8, 3], activation: 'tanh', task: 'multiclass', seed: 4, dtype });
    const m64 = make('float64');
    const m32 = make('float32');
    for (const batchType of ['float32', 'float64'] as const) {
      const batch = randomBatch(5, 20, 6, 'multiclass', 3, batchType);
      // The same starting weights: the float64 model's, rounded.
      m32.parameters.forEach((p, i) => p.data.set(m64.parameters[i].data));
      m64.parameters.forEach((p, i) => p.data.set(m32.parameters[i].data));
      const l64 = m64.lossAndGrad(batch);
      const l32 = m32.lossAndGrad(batch);
      expect(Math.abs(l32 - l64)).toBeLessThan(1e-5 * Math.abs(l64));
      m64.parameters.forEach((p, i) => {
        const g32 = m32.parameters[i].grad!;
        expect(g32).toBeInstanceOf(Float32Array);
        p.grad!.forEach((g, j) => expect(Math.abs(g32[j] - g)).toBeLessThan(1e-5));
      });
    }
  });
});
