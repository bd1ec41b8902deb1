/**
 * Small hand-written pieces for the fit tests, independent of the data layer and the models: a linear regression
 * model with MSE (and its backprop), and data sets y = w·x + b + noise drawn from a seed.
 */
import { Parameter } from '../../src/core/parameter.js';
import { Random } from '../../src/core/random.js';
import type { Batch, Dataset, Model } from '../../src/learn/types.js';

/** Linear regression, L = mean (x·w + b − y)²; a plain model written for the tests. */
export function tinyLinear(features: number, init = 0): Model {
  const w = new Parameter(new Float64Array(features).fill(init), { name: 'w' });
  const b = new Parameter(new Float64Array(1), { name: 'b' });
  const lossOf = (batch: Batch, withGrad: boolean): number => {
    const { x, y, rows } = batch;
    if (withGrad) {
      w.grad!.fill(0);
      b.grad!.fill(0);
    }
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      let p = b.data[0];
      for (let j = 0; j < features; j++) p += x[i * features + j] * w.data[j];
      const e = p - y[i];
      sum += e * e;
      if (withGrad) {
        for (let j = 0; j < features; j++) w.grad![j] += (2 * e * x[i * features + j]) / rows;
        b.grad![0] += (2 * e) / rows;
      }
    }
    return sum / rows;
  };
  return {
    name: 'tiny-linear',
    task: 'regression',
    inputs: features,
    outputs: 1,
    parameters: [w, b],
    lossAndGrad: (batch) => lossOf(batch, true),
    loss: (batch) => lossOf(batch, false),
    predict(x, rows, out) {
      for (let i = 0; i < rows; i++) {
        let p = b.data[0];
        for (let j = 0; j < features; j++) p += x[i * features + j] * w.data[j];
        out[i] = p;
      }
    },
  };
}

/** rows of y = Σ_j (j+1)·x_j + 0.5 + noise·N(0,1), x ~ N(0,1), from the seed. */
export function lineData(rows: number, features: number, seed: number, noise = 0.1, name = 'line'): Dataset {
  const random = new Random(seed);
  const x = new Float64Array(rows * features);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let t = 0.5;
    for (let j = 0; j < features; j++) {
      const v = random.normal();
      x[i * features + j] = v;
      t += (j + 1) * v;
    }
    y[i] = t + noise * random.normal();
  }
  return { name, x, y, rows, features, featureNames: Array.from({ length: features }, (_, j) => `x${j}`), target: { name: 'y', task: 'regression' } };
}
