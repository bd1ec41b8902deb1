import { describe, expect, it } from 'vitest';
import { MLP } from '../../../src/learn/models/mlp.js';
import { initStd, initWeights } from '../../../src/learn/init.js';
import { Random } from '../../../src/core/random.js';

/** Mean and variance of the values. */
function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += (values[i] - mean) ** 2;
  return { mean, variance: variance / values.length };
}

describe('seeded initialisation', () => {
  it('the same seed gives the same bits; another seed other weights', () => {
    const make = (seed: number, dtype: 'float32' | 'float64' = 'float64') => new MLP({ layers: [5, 8, 3], seed, dtype });
    const a = make(7);
    const b = make(7);
    a.parameters.forEach((p, i) => expect(Buffer.from(p.data.buffer).equals(Buffer.from(b.parameters[i].data.buffer))).toBe(true));
    expect(Array.from(make(8).parameters[0].data)).not.toEqual(Array.from(a.parameters[0].data));
    // float32 holds the same draws, rounded.
    expect(Array.from(make(7, 'float32').parameters[0].data)).toEqual(Array.from(Float32Array.from(a.parameters[0].data)));
  });

  it('names and shapes the parameters as torch.nn.Linear: weight out × in, bias out, biases at zero', () => {
    const mlp = new MLP({ layers: [5, 8, 3] });
    expect(mlp.parameters.map((p) => [p.name, p.data.length])).toEqual([['layer1.weight', 40], ['layer1.bias', 8], ['layer2.weight', 24], ['layer2.bias', 3]]);
    expect(mlp.biases.every((b) => b.data.every((v) => v === 0))).toBe(true);
  });

  // 200 × 300 = 60,000 draws: the sample variance has a relative standard error of √(2/60000) ≈ 0.6%; 3% is 5 of them.
  for (const [scheme, expected] of [['he', 2 / 300], ['xavier', 2 / 500]] as const) {
    it(`${scheme}: mean 0 and variance ${scheme === 'he' ? '2 / fan_in' : '2 / (fan_in + fan_out)'}`, () => {
      const data = new Float64Array(200 * 300);
      initWeights(data, scheme, 300, 200, new Random(11));
      const { mean, variance } = moments(data);
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / data.length));
      expect(Math.abs(variance / expected - 1)).toBeLessThan(0.03);
    });
  }

  it('the MLP picks He for relu and Xavier for tanh and sigmoid unless told', () => {
    const varianceOf = (options: ConstructorParameters<typeof MLP>[0]) => moments(new MLP(options).weights[0].data).variance;
    expect(varianceOf({ layers: [400, 200, 2], activation: 'relu' }) / (2 / 400)).toBeCloseTo(1, 1);
    expect(varianceOf({ layers: [400, 200, 2], activation: 'tanh' }) / (2 / 600)).toBeCloseTo(1, 1);
    expect(varianceOf({ layers: [400, 200, 2], activation: 'sigmoid', init: 'he' }) / (2 / 400)).toBeCloseTo(1, 1);
  });

  it('initStd rejects bad fans', () => {
    expect(() => initStd('he', 0, 3)).toThrow(/init: fan-in and fan-out must be integers >= 1, got 0 and 3/);
  });
});
