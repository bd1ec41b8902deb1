/**
 * fit with the models and data of the learning layer: least squares reached by full-batch LBFGS and by mini-batch
 * Adam, classification with accuracy, float32 end to end, and the loss the Evaluator reports equal to the model's
 * own on the whole set.
 */
import { describe, expect, it } from 'vitest';
import { linearData, spirals, twoMoons } from '../../src/learn/data/synthetic.js';
import { splitDataset } from '../../src/learn/data/dataset.js';
import { fit } from '../../src/learn/fit.js';
import { evaluate } from '../../src/learn/metrics.js';
import { leastSquares } from '../../src/learn/models/least-squares.js';
import { LinearRegression } from '../../src/learn/models/linear.js';
import { LogisticRegression } from '../../src/learn/models/logistic.js';
import { createModel } from '../../src/learn/models/registry.js';

describe('fit with the library\'s models', () => {
  const { dataset } = linearData({ rows: 400, features: 4, noise: 0.3, condition: 10, seed: 2 });
  const exact = leastSquares(dataset);

  it('full-batch LBFGS on LinearRegression reaches the normal equations\' solution', () => {
    const model = new LinearRegression({ inputs: 4 });
    const h = fit(model, dataset, { optimizer: { name: 'lbfgs', lineSearchFn: 'strong_wolfe', toleranceGrad: 1e-12, toleranceChange: 1e-15 }, epochs: 5, batchSize: dataset.rows });
    expect(h.stopReason).toBe('epochs');
    const [w, b] = model.parameters;
    Array.from(exact.weight).forEach((v, j) => expect(w.data[j]).toBeCloseTo(v, 8));
    expect(b.data[0]).toBeCloseTo(exact.bias, 8);
    expect(h.epochs.at(-1)!.trainLossFull).toBeCloseTo(exact.loss, 12);
  });

  it('mini-batch Adam gets within noise of the least-squares loss, and the evaluator agrees with the model', () => {
    const model = new LinearRegression({ inputs: 4 });
    const h = fit(model, dataset, { optimizer: { name: 'adam', lr: 0.05 }, epochs: 40, batchSize: 32, seed: 1 });
    expect(h.epochs.at(-1)!.trainLossFull).toBeLessThan(exact.loss * 1.02);
    const whole = model.loss({ x: dataset.x, y: dataset.y, rows: dataset.rows });
    expect(evaluate(model, dataset).loss).toBeCloseTo(whole, 12);
    expect(h.epochs.at(-1)!.trainLossFull).toBe(evaluate(model, dataset).loss);
  });

  it('logistic regression on two moons: accuracy per epoch on both splits', () => {
    const { train, validation } = splitDataset(twoMoons({ rows: 400, seed: 3 }), { validation: 0.25 }, 3);
    const model = new LogisticRegression({ inputs: 2 });
    const h = fit(model, train, { optimizer: { name: 'sgd', lr: 0.5 }, epochs: 20, batchSize: 16, validation });
    const last = h.epochs.at(-1)!;
    expect(Object.keys(last.trainMetrics)).toEqual(['accuracy']);
    expect(last.validationMetrics!.accuracy).toBeGreaterThan(0.8);
    expect(last.validationMetrics!.accuracy! * validation!.rows).toBe(Math.round(last.validationMetrics!.accuracy! * validation!.rows));
  });

  it('an MLP on float32 spirals trains in float32 and learns', () => {
    const data = spirals({ rows: 300, seed: 4, dtype: 'float32' });
    const classes = data.target.classes?.length ?? 2;
    const model = createModel({ name: 'mlp', hidden: [32], activation: 'tanh', dtype: 'float32', seed: 1 }, { inputs: data.features, task: data.target.task, classes });
    expect(model.parameters[0].data).toBeInstanceOf(Float32Array);
    const h = fit(model, data, { optimizer: { name: 'adam', lr: 0.02 }, epochs: 60, batchSize: 32 });
    expect(h.epochs.at(-1)!.trainLossFull).toBeLessThan(h.initial.trainLoss / 2);
    expect(h.epochs.at(-1)!.trainMetrics.accuracy).toBeGreaterThan(0.7);
  });
});
