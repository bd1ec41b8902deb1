import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, crossEntropy, meanSquaredError, penalty } from '../../../src/learn/losses.js';
import { LogisticRegression } from '../../../src/learn/models/logistic.js';
import { MLP } from '../../../src/learn/models/mlp.js';
import { SoftmaxRegression } from '../../../src/learn/models/softmax.js';
import { Parameter } from '../../../src/core/parameter.js';
import { randomBatch } from './helpers.js';

const f64 = (values: number[]) => Float64Array.from(values);

describe('losses agree with a direct naive computation', () => {
  it('mean squared error, ½ mean of squares', () => {
    const pred = f64([1, 2, -3]);
    const y = f64([0.5, 2, 1]);
    const grad = new Float64Array(3);
    const naive = (0.5 * (0.25 + 0 + 16)) / 3;
    expect(meanSquaredError(pred, y, 3, grad)).toBeCloseTo(naive, 14);
    expect(Array.from(grad)).toEqual([0.5 / 3, 0, -4 / 3]);
  });

  it('binary cross-entropy from logits, −y log σ(z) − (1 − y) log(1 − σ(z))', () => {
    const z = f64([0.3, -2, 4, -0.1]);
    const y = f64([1, 0, 0, 1]);
    const grad = new Float64Array(4);
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const naive = Array.from(z).reduce((sum, v, i) => sum - (y[i] * Math.log(s(v)) + (1 - y[i]) * Math.log(1 - s(v))), 0) / 4;
    expect(binaryCrossEntropy(z, y, 4, grad)).toBeCloseTo(naive, 13);
    grad.forEach((g, i) => expect(g).toBeCloseTo((s(z[i]) - y[i]) / 4, 14));
  });

  it('cross-entropy of the softmax, −log(e^{z_y} / Σ e^{z_j})', () => {
    const z = f64([1, 2, 0.5, -1, 0, 3]);
    const y = f64([1, 2]);
    const grad = new Float64Array(6);
    let naive = 0;
    for (let r = 0; r < 2; r++) {
      const row = Array.from(z.subarray(3 * r, 3 * r + 3)).map(Math.exp);
      const total = row.reduce((a, b) => a + b);
      naive -= Math.log(row[y[r]] / total);
    }
    expect(crossEntropy(z, y, 2, 3, grad)).toBeCloseTo(naive / 2, 13);
    const p0 = [1, 2, 0.5].map(Math.exp);
    const t0 = p0.reduce((a, b) => a + b);
    expect(grad[0]).toBeCloseTo(p0[0] / t0 / 2, 14);
    expect(grad[1]).toBeCloseTo((p0[1] / t0 - 1) / 2, 14);
  });

  it('the penalty is (λ₂/2)‖W‖² + λ₁‖W‖₁ with gradient λ₂w + λ₁ sign(w), sign(0) = 0', () => {
    const p = new Parameter(f64([2, -1, 0]));
    expect(penalty([p], 0.1, 0.5, true)).toBeCloseTo(0.25 * 5 + 0.1 * 3, 14);
    expect(Array.from(p.grad!)).toEqual([0.5 * 2 + 0.1, -0.5 - 0.1, 0]);
  });

  it('rejects targets that are not class ids', () => {
    expect(() => binaryCrossEntropy(f64([0]), f64([0.5]), 1, null)).toThrow(/binary cross-entropy: the target of row 0 must be 0 or 1, got 0.5/);
    expect(() => crossEntropy(f64([0, 0]), f64([2]), 1, 2, null)).toThrow(/cross-entropy: the target of row 0 must be a class id in 0 … 1, got 2/);
  });
});

describe('stability and predictions', () => {
  it('logits of ±1000 give a finite loss and gradient', () => {
    const z = f64([1000, -1000, 1000, -1000]);
    const y = f64([0, 1, 1, 0]);
    const grad = new Float64Array(4);
    const bce = binaryCrossEntropy(z, y, 4, grad);
    expect(bce).toBeCloseTo((1000 + 1000) / 4, 10);
    expect(Array.from(grad)).toEqual([0.25, -0.25, 0, 0]);
    const ce = crossEntropy(f64([1000, -1000, 0, -1000, 1000, 0]), f64([1, 1]), 2, 3, grad);
    expect(ce).toBeCloseTo(1000, 8);
    expect(grad.every(Number.isFinite)).toBe(true);
  });

  it('models with huge weights stay finite', () => {
    const model = new SoftmaxRegression({ inputs: 2, classes: 3 });
    model.parameters[0].data.set([1000, 0, -1000, 0, 0, 1000]);
    const loss = model.lossAndGrad({ x: f64([1, 1]), y: f64([1]), rows: 1 });
    expect(Number.isFinite(loss)).toBe(true);
    for (const p of model.parameters) expect(p.grad!.every(Number.isFinite)).toBe(true);
  });

  it('predict gives probabilities: each softmax row sums to 1, sigmoid in [0, 1]', () => {
    const mlp = new MLP({ layers: [4, 6, 5], task: 'multiclass', seed: 3 });
    const batch = randomBatch(1, 7, 4, 'multiclass', 5);
    const out = new Float64Array(7 * 5);
    mlp.predict(batch.x, 7, out);
    for (let r = 0; r < 7; r++) {
      const row = out.subarray(5 * r, 5 * r + 5);
      expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
      expect(row.every((p) => p > 0 && p < 1)).toBe(true);
    }
    const logistic = new LogisticRegression({ inputs: 1 });
    logistic.parameters[0].data[0] = 2;
    const p = new Float64Array(3);
    logistic.predict(f64([0, 1000, -1000]), 3, p);
    expect(Array.from(p)).toEqual([0.5, 1, 0]);
  });

  it('the loss equals lossAndGrad’s loss, and predict on regression is the prediction', () => {
    const mlp = new MLP({ layers: [3, 4, 1], task: 'regression', activation: 'sigmoid', seed: 2, l2: 0.1, l1: 0.01 });
    const batch = randomBatch(4, 9, 3, 'regression');
    expect(mlp.loss(batch)).toBe(mlp.lossAndGrad(batch));
    const pred = new Float64Array(9);
    mlp.predict(batch.x, 9, pred);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += 0.5 * (pred[i] - batch.y[i]) ** 2;
    const reg = mlp.weights.reduce((s, w) => s + Array.from(w.data).reduce((a: number, v: number) => a + 0.05 * v * v + 0.01 * Math.abs(v), 0), 0);
    expect(mlp.loss(batch)).toBeCloseTo(sum / 9 + reg, 12);
  });
});
