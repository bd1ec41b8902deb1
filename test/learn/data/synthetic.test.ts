import { describe, expect, it } from 'vitest';
import { linearData, spirals, twoMoons } from '../../../src/learn/data/synthetic.js';

/** The sample covariance matrix (1/n) of the rows of x. */
function covariance(x: ArrayLike<number>, rows: number, d: number): number[][] {
  const mean = new Array<number>(d).fill(0);
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) mean[j] += x[r * d + j] / rows;
  const c = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let r = 0; r < rows; r++) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[i][j] += ((x[r * d + i] - mean[i]) * (x[r * d + j] - mean[j])) / rows;
  return c;
}

describe('linearData', () => {
  it('y = x·w + b + noise with the returned w and b; the covariance has the chosen condition number', () => {
    const { dataset, weights, bias } = linearData({ rows: 20000, features: 2, noise: 0, condition: 100, seed: 3 });
    for (let r = 0; r < 5; r++) {
      expect(dataset.y[r]).toBeCloseTo(bias + weights[0] * dataset.x[2 * r] + weights[1] * dataset.x[2 * r + 1], 12);
    }
    const [[a, b], [, c]] = covariance(dataset.x, dataset.rows, 2);
    const half = Math.sqrt(((a - c) / 2) ** 2 + b * b);
    const ratio = ((a + c) / 2 + half) / ((a + c) / 2 - half);
    expect(ratio).toBeGreaterThan(85);
    expect(ratio).toBeLessThan(115);
    // Rotated: the features are correlated, not just scaled.
    expect(Math.abs(b) / Math.sqrt(a * c)).toBeGreaterThan(0.05);
  });

  it('noise adds residuals of the chosen size; same seed, same bits', () => {
    const { dataset, weights, bias } = linearData({ rows: 5000, features: 3, noise: 0.5, seed: 1, dtype: 'float32' });
    expect(dataset.x).toBeInstanceOf(Float32Array);
    let squares = 0;
    for (let r = 0; r < dataset.rows; r++) {
      let fit = bias;
      for (let j = 0; j < 3; j++) fit += weights[j] * dataset.x[r * 3 + j];
      squares += (dataset.y[r] - fit) ** 2;
    }
    expect(Math.sqrt(squares / dataset.rows)).toBeCloseTo(0.5, 1);
    const again = linearData({ rows: 5000, features: 3, noise: 0.5, seed: 1, dtype: 'float32' });
    expect(again.dataset.x).toEqual(dataset.x);
    expect(linearData({ rows: 5000, features: 3, noise: 0.5, seed: 2 }).dataset.x[0]).not.toBe(dataset.x[0]);
  });

  it.each([
    [{ rows: 0, features: 2, seed: 1 }, 'rows must be an integer >= 1, got 0'],
    [{ rows: 10, features: 1.5, seed: 1 }, 'features must be an integer >= 1, got 1.5'],
    [{ rows: 10, features: 2, condition: 0.5, seed: 1 }, 'condition must be a finite number >= 1, got 0.5'],
    [{ rows: 10, features: 2, noise: -1, seed: 1 }, 'noise must be a finite number >= 0, got -1'],
  ])('rejects %j', (options, message) => {
    expect(() => linearData(options)).toThrow(`linearData: ${message}`);
  });
});

describe('twoMoons and spirals', () => {
  it('two moons: binary, half in each class, points near the unit half circles', () => {
    const moons = twoMoons({ rows: 201, noise: 0, seed: 4 });
    expect(moons.target).toEqual({ name: 'class', task: 'binary', classes: ['upper', 'lower'] });
    expect(Array.from(moons.y).filter((v) => v === 0)).toHaveLength(101);
    for (let i = 0; i < moons.rows; i++) {
      const [px, py] = [moons.x[2 * i], moons.x[2 * i + 1]];
      const radius = moons.y[i] === 0 ? Math.hypot(px, py) : Math.hypot(px - 1, py - 0.5);
      expect(radius).toBeCloseTo(1, 12);
    }
    expect(twoMoons({ rows: 50, noise: 0.1, seed: 4 }).x).toEqual(twoMoons({ rows: 50, noise: 0.1, seed: 4 }).x);
  });

  it('spirals: k classes of nearly equal size within the unit disc, reproducible by seed', () => {
    const data = spirals({ rows: 300, classes: 4, noise: 0.2, seed: 8 });
    expect(data.target.task).toBe('multiclass');
    expect(data.target.classes).toHaveLength(4);
    for (let c = 0; c < 4; c++) expect(Array.from(data.y).filter((v) => v === c)).toHaveLength(75);
    for (let i = 0; i < data.rows; i++) expect(Math.hypot(data.x[2 * i], data.x[2 * i + 1])).toBeLessThanOrEqual(1 + 1e-12);
    expect(spirals({ rows: 300, classes: 4, seed: 8 }).y).toEqual(spirals({ rows: 300, classes: 4, seed: 8 }).y);
    expect(spirals({ rows: 10, classes: 2, seed: 1 }).target.task).toBe('binary');
    expect(() => spirals({ rows: 2, classes: 3, seed: 1 })).toThrow('spirals: rows (2) must be at least classes (3)');
    expect(() => twoMoons({ rows: 1, seed: 1 })).toThrow('twoMoons: rows must be an integer >= 2, got 1');
  });
});
