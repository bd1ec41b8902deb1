/**
 * Making and cutting Datasets (src/learn/types.ts): a checked constructor, gathering chosen rows into a new set,
 * and the seeded train / validation / test split. A split shuffles the row indices with the seed (Fisher–Yates),
 * takes the test rows first, then the validation rows, and keeps each part in the file's order.
 */
import { fail, show } from '../../core/errors.js';
import type { DType, FloatArray } from '../../core/float-array.js';
import { Random } from '../../core/random.js';
import type { Dataset, TargetInfo } from '../types.js';

export interface DatasetParts {
  name: string;
  x: FloatArray;
  y: FloatArray;
  featureNames: readonly string[];
  target: TargetInfo;
}

/** A Dataset whose arrays agree with each other: x is rows × features, y has one value per row, one precision. */
export function makeDataset(parts: DatasetParts): Dataset {
  const features = parts.featureNames.length;
  const rows = parts.y.length;
  if (features === 0) fail(parts.name, 'has no feature columns');
  if (rows === 0) fail(parts.name, 'has no rows');
  if (parts.x.length !== rows * features) {
    fail(parts.name, `x has ${parts.x.length} values, expected rows × features = ${rows} × ${features}`);
  }
  if (parts.x.constructor !== parts.y.constructor) fail(parts.name, 'x and y must have the same precision');
  return { name: parts.name, x: parts.x, y: parts.y, rows, features, featureNames: [...parts.featureNames], target: parts.target };
}

export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** A new Dataset holding the rows `indices` of `data`, in that order, in the same precision. */
export function gatherRows(data: Dataset, indices: ArrayLike<number>, name = data.name): Dataset {
  const f = data.features;
  const x = allocate(data.x instanceof Float32Array ? 'float32' : 'float64', indices.length * f);
  const y = allocate(data.y instanceof Float32Array ? 'float32' : 'float64', indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!(Number.isInteger(r) && r >= 0 && r < data.rows)) fail(data.name, `row index ${show(r)} is outside 0 … ${data.rows - 1}`);
    y[i] = data.y[r];
    for (let j = 0; j < f; j++) x[i * f + j] = data.x[r * f + j];
  }
  return makeDataset({ name, x, y, featureNames: data.featureNames, target: data.target });
}

export interface SplitFractions {
  /** Fraction of rows for validation, in [0, 1). */
  validation?: number;
  /** Fraction of rows for test, in [0, 1). */
  test?: number;
}

export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Seeded row indices of each part; every row lands in exactly one part and train keeps at least one row. */
export function splitIndices(rows: number, fractions: SplitFractions, seed: number, where = 'split'): SplitIndices {
  const validation = fractions.validation ?? 0;
  const test = fractions.test ?? 0;
  for (const [key, value] of [['validation', validation], ['test', test]] as const) {
    if (!(typeof value === 'number' && value >= 0 && value < 1)) fail(where, `${key} must be a fraction in [0, 1), got ${show(value)}`);
  }
  if (validation + test >= 1) fail(where, `validation + test must be below 1 to leave training rows, got ${validation} + ${test}`);
  const nTest = Math.round(rows * test);
  const nValidation = Math.round(rows * validation);
  if (rows - nTest - nValidation < 1) fail(where, `${rows} rows leave none for training after ${nValidation} validation and ${nTest} test rows`);
  if ((validation > 0 && nValidation === 0) || (test > 0 && nTest === 0)) {
    fail(where, `${rows} rows are too few for validation ${validation} and test ${test}: a part would be empty`);
  }
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  new Random(seed).shuffle(order);
  const part = (from: number, to: number): Int32Array => order.slice(from, to).sort();
  return { test: part(0, nTest), validation: part(nTest, nTest + nValidation), train: part(nTest + nValidation, rows) };
}

export interface SplitDatasets {
  train: Dataset;
  validation?: Dataset;
  test?: Dataset;
}

/** The seeded train / validation / test split of a whole Dataset (e.g. a synthetic one). */
export function splitDataset(data: Dataset, fractions: SplitFractions, seed: number): SplitDatasets {
  const parts = splitIndices(data.rows, fractions, seed, data.name);
  const result: SplitDatasets = { train: gatherRows(data, parts.train) };
  if (parts.validation.length > 0) result.validation = gatherRows(data, parts.validation, `${data.name} (validation)`);
  if (parts.test.length > 0) result.test = gatherRows(data, parts.test, `${data.name} (test)`);
  return result;
}
