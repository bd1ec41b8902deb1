/**
 * Synthetic data sets with a seed, for experiments where the answer is known: linear data with chosen noise and
 * conditioning (the true weights come back with it), two interleaved moons, and k-armed spirals. Same seed, same
 * bits; rows are shuffled so a loader without shuffling still sees the classes mixed.
 */
import { fail, show } from '../../core/errors.js';
import type { DType } from '../../core/float-array.js';
import { Random } from '../../core/random.js';
import type { Dataset } from '../types.js';
import { allocate, makeDataset } from './dataset.js';

function checkCount(where: string, key: string, value: unknown, min: number): number {
  if (!(Number.isInteger(value) && (value as number) >= min)) fail(where, `${key} must be an integer >= ${min}, got ${show(value)}`);
  return value as number;
}

function checkNonNegative(where: string, key: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) fail(where, `${key} must be a finite number >= 0, got ${show(value)}`);
  return value;
}

export interface LinearDataOptions {
  rows: number;
  features: number;
  /** Standard deviation of the Gaussian noise added to y; default 0.1. */
  noise?: number;
  /** Condition number κ = λmax / λmin of the features' covariance; default 1 (isotropic). */
  condition?: number;
  seed: number;
  dtype?: DType;
}

export interface LinearData {
  dataset: Dataset;
  /** The w and b that made y: y = x·w + b + noise. */
  weights: Float64Array;
  bias: number;
}

/**
 * x = Q Λ^{1/2} z with z ~ N(0, I), Q a random rotation and Λ = diag(λ₁ … λ_d), λ_i = κ^{−(i−1)/(d−1)} spaced
 * geometrically from 1 down to 1/κ, so Cov(x) = Q Λ Qᵀ has condition number exactly κ. The rotation mixes the
 * features, so the ill-conditioning is not undone by scaling each feature on its own.
 * y = x·w + b + σ ε, with w, b ~ N(0, 1) and ε ~ N(0, 1).
 */
export function linearData(options: LinearDataOptions): LinearData {
  const where = 'linearData';
  const rows = checkCount(where, 'rows', options.rows, 1);
  const d = checkCount(where, 'features', options.features, 1);
  const noise = checkNonNegative(where, 'noise', options.noise ?? 0.1);
  const condition = options.condition ?? 1;
  if (!(Number.isFinite(condition) && condition >= 1)) fail(where, `condition must be a finite number >= 1, got ${show(condition)}`);
  const random = new Random(options.seed);
  // Q: Gram–Schmidt on a Gaussian matrix gives a random orthogonal matrix (columns q_k).
  const q = new Float64Array(d * d);
  for (let i = 0; i < d * d; i++) q[i] = random.normal();
  for (let k = 0; k < d; k++) {
    for (let m = 0; m < k; m++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += q[i * d + k] * q[i * d + m];
      for (let i = 0; i < d; i++) q[i * d + k] -= dot * q[i * d + m];
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += q[i * d + k] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < d; i++) q[i * d + k] /= norm;
  }
  const root = new Float64Array(d);
  for (let k = 0; k < d; k++) root[k] = Math.sqrt(d === 1 ? 1 : condition ** (-k / (d - 1)));
  const weights = new Float64Array(d);
  for (let j = 0; j < d; j++) weights[j] = random.normal();
  const bias = random.normal();
  const dtype = options.dtype ?? 'float64';
  const x = allocate(dtype, rows * d);
  const y = allocate(dtype, rows);
  const z = new Float64Array(d);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < d; k++) z[k] = root[k] * random.normal();
    let target = bias;
    for (let i = 0; i < d; i++) {
      let v = 0;
      for (let k = 0; k < d; k++) v += q[i * d + k] * z[k];
      x[r * d + i] = v;
      target += weights[i] * v;
    }
    y[r] = target + noise * random.normal();
  }
  const featureNames = Array.from({ length: d }, (_, j) => `x${j + 1}`);
  return { dataset: makeDataset({ name: 'linear', x, y, featureNames, target: { name: 'y', task: 'regression' } }), weights, bias };
}

export interface ShapeOptions {
  rows: number;
  /** Standard deviation of Gaussian noise; default 0.1 (moons) or 0.2 (spirals, on the angle). */
  noise?: number;
  seed: number;
  dtype?: DType;
}

/** Writes points (xs, ys) with labels into a Dataset in an order shuffled by `random`. */
function shuffled(name: string, xs: Float64Array, ys: Float64Array, labels: Float64Array, classes: string[], random: Random, dtype: DType): Dataset {
  const rows = labels.length;
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  random.shuffle(order);
  const x = allocate(dtype, rows * 2);
  const y = allocate(dtype, rows);
  for (let i = 0; i < rows; i++) {
    const p = order[i];
    x[2 * i] = xs[p];
    x[2 * i + 1] = ys[p];
    y[i] = labels[p];
  }
  const task = classes.length === 2 ? 'binary' : 'multiclass';
  return makeDataset({ name, x, y, featureNames: ['x1', 'x2'], target: { name: 'class', task, classes } });
}

/**
 * Two interleaved half circles (as scikit-learn's make_moons): the upper (cos t, sin t) and the lower
 * (1 − cos t, ½ − sin t) for t evenly spaced in [0, π], plus N(0, noise²) on each coordinate. Binary.
 */
export function twoMoons(options: ShapeOptions): Dataset {
  const rows = checkCount('twoMoons', 'rows', options.rows, 2);
  const noise = checkNonNegative('twoMoons', 'noise', options.noise ?? 0.1);
  const random = new Random(options.seed);
  const upper = Math.ceil(rows / 2);
  const xs = new Float64Array(rows);
  const ys = new Float64Array(rows);
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const isUpper = i < upper;
    const count = isUpper ? upper : rows - upper;
    const k = isUpper ? i : i - upper;
    const t = count === 1 ? 0 : (Math.PI * k) / (count - 1);
    xs[i] = (isUpper ? Math.cos(t) : 1 - Math.cos(t)) + noise * random.normal();
    ys[i] = (isUpper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * random.normal();
    labels[i] = isUpper ? 0 : 1;
  }
  return shuffled('two moons', xs, ys, labels, ['upper', 'lower'], random, options.dtype ?? 'float64');
}

/**
 * k spirals (as in CS231n's notes): class c has points at radius r evenly spaced in [0, 1] and angle
 * θ = 4c + 4r + noise · N(0, 1), at (r sin θ, r cos θ). Binary for k = 2, multiclass beyond.
 */
export function spirals(options: ShapeOptions & { classes?: number }): Dataset {
  const rows = checkCount('spirals', 'rows', options.rows, 2);
  const k = checkCount('spirals', 'classes', options.classes ?? 3, 2);
  if (rows < k) fail('spirals', `rows (${rows}) must be at least classes (${k})`);
  const noise = checkNonNegative('spirals', 'noise', options.noise ?? 0.2);
  const random = new Random(options.seed);
  const xs = new Float64Array(rows);
  const ys = new Float64Array(rows);
  const labels = new Float64Array(rows);
  let i = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(rows / k) + (c < rows % k ? 1 : 0);
    for (let n = 0; n < count; n++, i++) {
      const r = count === 1 ? 0 : n / (count - 1);
      const theta = 4 * c + 4 * r + noise * random.normal();
      xs[i] = r * Math.sin(theta);
      ys[i] = r * Math.cos(theta);
      labels[i] = c;
    }
  }
  const classes = Array.from({ length: k }, (_, c) => `arm ${c}`);
  return shuffled('spirals', xs, ys, labels, classes, random, options.dtype ?? 'float64');
}
