import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';
import { LinearRegression } from '../../../src/learn/models/linear.js';
import { leastSquares } from '../../../src/learn/models/least-squares.js';
import { Adam } from '../../../src/optim/adam.js';
import { LBFGS } from '../../../src/optim/lbfgs.js';

/** y = Xw* + b* + noise, with features of different scales and means (as real data has). */
function linearData(seed: number, rows: number, features: number) {
  const random = new Random(seed);
  const x = new Float64Array(rows * features);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let t = 1.5;
    for (let j = 0; j < features; j++) {
      const v = 2 + (j + 1) * random.normal();
      x[r * features + j] = v;
      t += (j % 2 === 0 ? 0.7 : -1.3) * v;
    }
    y[r] = t + 0.3 * random.normal();
  }
  return { x, y, rows, features };
}

describe('leastSquares', () => {
  it('recovers an exact linear relation, bias included', () => {
    const x = Float64Array.from([0, 1, 1, 0, 2, 3, 5, -1]);
    const y = Float64Array.from([0, 1, 2, 3]).map((_, r) => 2 * x[2 * r] - 3 * x[2 * r + 1] + 4);
    const { weight, bias, loss } = leastSquares(x, y);
    expect(weight[0]).toBeCloseTo(2, 10);
    expect(weight[1]).toBeCloseTo(-3, 10);
    expect(bias).toBeCloseTo(4, 10);
    expect(loss).toBeLessThan(1e-20);
  });

  it('zeroes the gradient of the model’s own loss, with and without l2', () => {
    const data = linearData(1, 60, 3);
    for (const l2 of [0, 0.5]) {
      const solution = leastSquares(data, { l2 });
      const model = new LinearRegression({ inputs: 3, l2 });
      model.parameters[0].data.set(solution.weight);
      model.parameters[1].data[0] = solution.bias;
      const loss = model.lossAndGrad(data);
      expect(loss).toBeCloseTo(solution.loss, 12);
      for (const p of model.parameters) for (const g of p.grad!) expect(Math.abs(g)).toBeLessThan(1e-10);
    }
  });

  it('agrees to 1e-6 with LinearRegression trained by Adam, full batch', () => {
    const data = linearData(2, 80, 3);
    const solution = leastSquares(data);
    const model = new LinearRegression({ inputs: 3 });
    const optimizer = new Adam([...model.parameters], { lr: 0.05 });
    for (let step = 0; step < 6000; step++) {
      model.lossAndGrad(data);
      optimizer.step();
    }
    const [w, b] = model.parameters;
    for (let j = 0; j < 3; j++) expect(Math.abs(w.data[j] - solution.weight[j])).toBeLessThan(1e-6);
    expect(Math.abs(b.data[0] - solution.bias)).toBeLessThan(1e-6);
  });

  it('agrees with LinearRegression with l2 trained by LBFGS', () => {
    const data = linearData(3, 50, 4);
    const solution = leastSquares(data, { l2: 0.1 });
    const model = new LinearRegression({ inputs: 4, l2: 0.1 });
    const optimizer = new LBFGS([...model.parameters], { lr: 1, maxIter: 200, lineSearchFn: 'strong_wolfe', toleranceGrad: 1e-12, toleranceChange: 1e-15 });
    optimizer.step(() => model.lossAndGrad(data));
    model.parameters[0].data.forEach((v, j) => expect(Math.abs(v - solution.weight[j])).toBeLessThan(1e-6));
    expect(Math.abs(model.parameters[1].data[0] - solution.bias)).toBeLessThan(1e-6);
  });

  it('fails clearly on a constant column and on bad input', () => {
    const x = Float64Array.from([1, 5, 2, 5, 3, 5]);
    const y = Float64Array.from([1, 2, 3]);
    expect(() => leastSquares(x, y)).toThrow(/leastSquares: XᵀX is singular: feature 1/);
    expect(leastSquares(x, y, { l2: 0.1 }).weight[1]).toBe(0);
    expect(() => leastSquares(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2]))).toThrow(/not a whole number/);
    expect(() => leastSquares(x, y, { l2: -1 })).toThrow(/l2 must be a finite number >= 0, got -1/);
  });
});
