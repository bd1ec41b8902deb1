/**
 * Networks through the WebAssembly products: a float32 MLP must give the same loss and gradients on the wasm path
 * as on the TypeScript path (to 1e-5 of the gradient's scale: float32 sums in another order), and its gradients
 * must match the float64 network's on the same weights (which passes gradCheck in gradients.test.ts), so the
 * gradient check carries over to the wasm path. Also: growing and shrinking batches, predict, switching paths.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { MLP } from '../../../src/learn/models/mlp.js';
import { getMatmulBackend, setMatmulBackend, type MatmulBackend } from '../../../src/learn/models/matmul.js';
import type { Task } from '../../../src/learn/types.js';
import { randomBatch } from './helpers.js';

afterEach(() => setMatmulBackend('auto'));

function gradients(model: MLP): number[] {
  return model.parameters.flatMap((p) => Array.from(p.grad as Float32Array | Float64Array));
}

/** max |a − b| / max |b|: the error relative to the gradient's scale. */
function relativeToScale(a: readonly number[], b: readonly number[]): number {
  let scale = 1e-30;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
  }
  return worst / scale;
}

const cases: { layers: number[]; activation: 'relu' | 'tanh' | 'sigmoid'; task: Task; rows: number }[] = [
  { layers: [7, 13, 3], activation: 'relu', task: 'multiclass', rows: 9 },
  { layers: [5, 6, 11, 1], activation: 'tanh', task: 'regression', rows: 13 },
  { layers: [16, 9, 1], activation: 'sigmoid', task: 'binary', rows: 4 },
  { layers: [33, 17, 5], activation: 'relu', task: 'multiclass', rows: 1 },
  { layers: [3, 2], activation: 'relu', task: 'multiclass', rows: 6 },
];

describe('float32 MLP: wasm path against the TypeScript path and against float64', () => {
  cases.forEach((c, s) => {
    it(`${c.layers.join('-')} ${c.activation} ${c.task}, ${c.rows} rows`, () => {
      const make = (dtype: 'float32' | 'float64') => new MLP({ layers: c.layers, activation: c.activation, task: c.task, seed: 7 + s, dtype, l2: 0.01 });
      const batch = randomBatch(30 + s, c.rows, c.layers[0], c.task, c.layers[c.layers.length - 1], 'float32');
      const model = make('float32');
      setMatmulBackend('js');
      const lossJs = model.lossAndGrad(batch);
      const gradJs = gradients(model);
      setMatmulBackend('wasm');
      const lossWasm = model.lossAndGrad(batch);
      const gradWasm = gradients(model);
      expect(Math.abs(lossWasm - lossJs)).toBeLessThan(1e-6 * Math.max(1, Math.abs(lossJs)));
      expect(relativeToScale(gradWasm, gradJs)).toBeLessThan(1e-5);
      // float64 on the same (float32-representable) weights: the reference gradCheck vouches for
      const exact = make('float64');
      exact.parameters.forEach((p, i) => p.data.set(model.parameters[i].data));
      exact.lossAndGrad(batch);
      expect(relativeToScale(gradWasm, gradients(exact))).toBeLessThan(1e-4);
    });
  });

  it('grows for a bigger batch, then serves a smaller one and predict from the same workspace', () => {
    setMatmulBackend('wasm');
    const model = new MLP({ layers: [6, 10, 3], seed: 3, dtype: 'float32' });
    const small = randomBatch(1, 5, 6, 'multiclass', 3, 'float32');
    const big = randomBatch(2, 300, 6, 'multiclass', 3, 'float64'); // a float64 batch is converted on the way in
    const first = model.lossAndGrad(small);
    model.lossAndGrad(big);
    expect(model.lossAndGrad(small)).toBe(first); // same inputs, same bits
    const outWasm = new Float32Array(300 * 3);
    model.predict(big.x, 300, outWasm);
    setMatmulBackend('js');
    const outJs = new Float32Array(300 * 3);
    model.predict(big.x, 300, outJs);
    expect(relativeToScale(Array.from(outWasm), Array.from(outJs))).toBeLessThan(1e-5);
    expect(Math.abs(model.loss(small) - first)).toBeLessThan(1e-5); // loss without grad, back on the js path
  });

  it('leaves float64 networks on the TypeScript kernels, bit for bit', () => {
    const batch = randomBatch(4, 8, 5, 'multiclass', 3);
    const model = new MLP({ layers: [5, 7, 3], seed: 1 });
    setMatmulBackend('js');
    const js = model.lossAndGrad(batch);
    const gradJs = gradients(model);
    setMatmulBackend('wasm');
    expect(model.lossAndGrad(batch)).toBe(js);
    expect(gradients(model)).toEqual(gradJs);
  });
});

describe('the matmul backend switch', () => {
  it('defaults to auto and rejects an unknown backend, naming it', () => {
    expect(getMatmulBackend()).toBe('auto');
    expect(() => setMatmulBackend('gpu' as MatmulBackend)).toThrow(DescentError);
    expect(() => setMatmulBackend('gpu' as MatmulBackend)).toThrow(/"gpu"/);
    expect(getMatmulBackend()).toBe('auto');
  });
});
