/**
 * From a table to Datasets a model can train on: choose the target and feature columns, decide the task, handle
 * missing cells (drop or impute, as the user chose), one-hot encode text features, split train / validation / test
 * with a seed, and scale with statistics of the training rows only. Everything done is reported in the summary.
 *
 * Order matters for honesty: the split comes before imputation and scaling, so the values filled in and the
 * means and scales used are fitted on the training rows and merely applied to validation and test.
 */
import { fail, show } from '../../core/errors.js';
import type { DType } from '../../core/float-array.js';
import type { Dataset, Task, TargetInfo } from '../types.js';
import { allocate, makeDataset, splitIndices, type SplitFractions } from './dataset.js';
import { imputeValue, MISSING_POLICIES, type ColumnMissing, type MissingPolicy } from './missing.js';
import { Scaler, SCALE_KINDS, type ScaleKind } from './scaler.js';
import { cellNumber, distinct, firstNonNumber, getColumn, isMissing, label, type Column, type Table } from './table.js';

export interface PrepareOptions {
  /** The column to predict. */
  target: string;
  /** The input columns; every other column by default. */
  features?: readonly string[];
  /** Inferred when absent: a text target is binary (2 classes) or multiclass, a number target a regression. */
  task?: Task;
  /** Encode text features as one indicator column per category, named `Origin=USA` (default true). */
  oneHot?: boolean;
  /** A text feature with more categories than this is refused (an identifier, not a category); default 50. */
  maxCategories?: number;
  /** Rows with a missing cell are dropped, or the cell is filled from the training rows; default 'drop'. */
  missing?: MissingPolicy;
  /** Drop rows whose target is missing even when feature cells are imputed; default: only under missing 'drop'. */
  dropMissingTarget?: boolean;
  /** Fitted on the training rows only; default 'standard'. One-hot columns are never scaled. */
  scale?: ScaleKind;
  /** Fractions of rows held out; none by default. */
  split?: SplitFractions;
  /** Seeds the split; default 0. */
  seed?: number;
  /** The precision of x and y; default 'float64'. */
  dtype?: DType;
}

export interface DataSummary {
  name: string;
  source: string;
  /** Rows read, rows kept, rows dropped for a missing cell. */
  rows: { read: number; used: number; dropped: number };
  target: TargetInfo;
  featureNames: readonly string[];
  /** The target's and every feature column's missing cells and what was done with them. */
  missing: ColumnMissing[];
  /** Classification: rows of each class among the kept rows. */
  classCounts?: Record<string, number>;
  splits: { train: number; validation: number; test: number };
  missingPolicy: MissingPolicy;
  scale: ScaleKind;
  dtype: DType;
  seed: number;
}

export interface PreparedData {
  train: Dataset;
  validation?: Dataset;
  test?: Dataset;
  summary: DataSummary;
  /** Fitted on the training rows; apply it to new rows before predicting, or invert it. */
  scaler: Scaler;
}

const TASKS: readonly Task[] = ['regression', 'binary', 'multiclass'];

export function prepareTable(table: Table, options: PrepareOptions): PreparedData {
  const where = table.source;
  const policy = options.missing ?? 'drop';
  const scale = options.scale ?? 'standard';
  const dtype = options.dtype ?? 'float64';
  const seed = options.seed ?? 0;
  const oneHot = options.oneHot ?? true;
  const dropTarget = options.dropMissingTarget ?? policy === 'drop';
  const maxCategories = options.maxCategories ?? 50;
  if (!MISSING_POLICIES.includes(policy)) fail(where, `missing must be one of ${MISSING_POLICIES.join(', ')}, got ${show(policy)}`);
  if (!SCALE_KINDS.includes(scale)) fail(where, `scale must be one of ${SCALE_KINDS.join(', ')}, got ${show(scale)}`);
  if (dtype !== 'float32' && dtype !== 'float64') fail(where, `dtype must be float32 or float64, got ${show(dtype)}`);
  if (!Number.isInteger(seed)) fail(where, `seed must be an integer, got ${show(seed)}`);
  if (options.task !== undefined && !TASKS.includes(options.task)) fail(where, `task must be one of ${TASKS.join(', ')}, got ${show(options.task)}`);
  if (typeof options.target !== 'string') fail(where, `target must be a column name, got ${show(options.target)}`);
  if (table.rows === 0) fail(where, 'has no rows');

  const targetColumn = getColumn(table, options.target);
  const featureNamesIn = options.features ?? table.columns.filter((c) => c.name !== options.target).map((c) => c.name);
  if (featureNamesIn.length === 0) fail(where, 'no feature columns: give at least one besides the target');
  if (new Set(featureNamesIn).size !== featureNamesIn.length) fail(where, `features name a column twice: ${show(featureNamesIn)}`);
  if (featureNamesIn.includes(options.target)) fail(where, `the target ${show(options.target)} cannot also be a feature`);
  const featureColumns = featureNamesIn.map((name) => getColumn(table, name));

  const task = options.task ?? (targetColumn.kind === 'text' ? (distinct(targetColumn).length === 2 ? 'binary' : 'multiclass') : 'regression');
  if (task === 'regression' && targetColumn.kind === 'text') {
    const row = firstNonNumber(targetColumn);
    fail(where, `target ${show(targetColumn.name)} is text (row ${row + 1}: ${show(targetColumn.values[row])}), not numbers; a regression needs a number column`);
  }

  // Rows with a missing target or (under 'drop') a missing feature cell are left out.
  const keep = new Uint8Array(table.rows).fill(1);
  const missing: ColumnMissing[] = [];
  for (const column of [targetColumn, ...featureColumns]) {
    let count = 0;
    let first = -1;
    for (let r = 0; r < table.rows; r++) {
      if (!isMissing(column, r)) continue;
      if (first < 0) first = r;
      count++;
    }
    const drops = count > 0 && (column === targetColumn ? dropTarget : policy === 'drop');
    if (count > 0 && column === targetColumn && !dropTarget) {
      fail(where, `target ${show(column.name)} is missing in ${count} rows (first: row ${first + 1}); use missing 'drop' or dropMissingTarget to leave them out`);
    }
    if (drops) for (let r = 0; r < table.rows; r++) if (isMissing(column, r)) keep[r] = 0;
    missing.push({ column: column.name, missing: count, action: count === 0 ? 'none' : drops ? 'dropped' : 'imputed' });
  }
  const used: number[] = [];
  for (let r = 0; r < table.rows; r++) if (keep[r] === 1) used.push(r);
  if (used.length === 0) fail(where, `no rows left after dropping the ${table.rows} rows with missing cells`);

  // Classes: the sorted distinct labels among the kept rows; y holds each row's index into them.
  let classes: string[] | undefined;
  let classCounts: Record<string, number> | undefined;
  if (task !== 'regression') {
    classes = distinct(targetColumn, used);
    if (task === 'binary' && classes.length !== 2) fail(where, `a binary target needs 2 classes; ${show(targetColumn.name)} has ${classes.length}: ${show(classes)}`);
    if (task === 'multiclass' && classes.length < 2) fail(where, `target ${show(targetColumn.name)} has only ${classes.length} class: ${show(classes)}`);
    classCounts = Object.fromEntries(classes.map((c) => [c, 0]));
    for (const r of used) classCounts[label(targetColumn, r)]++;
  }

  const parts = splitIndices(used.length, options.split ?? {}, seed, where);
  const trainRows = Array.from(parts.train, (p) => used[p]);

  // Imputed values come from the training rows only.
  const fill = new Map<Column, number | string>();
  featureColumns.forEach((column, j) => {
    const report = missing[j + 1];
    if (report.action !== 'imputed') return;
    const fitted = imputeValue(column, trainRows, policy as 'mean' | 'median' | 'mode');
    if (fitted === undefined) fail(where, `column ${show(column.name)} has no value in the training rows to impute from`);
    fill.set(column, fitted.value);
    report.method = fitted.method;
    report.value = fitted.value;
    report.imputed = used.reduce((n, r) => n + (isMissing(column, r) ? 1 : 0), 0);
  });

  // The layout of x: a number column is one feature; a text column one indicator per category.
  const featureNames: string[] = [];
  const skipScaling: boolean[] = [];
  const encoders: { width: number; write: (r: number, out: Float64Array, at: number) => void }[] = [];
  for (const column of featureColumns) {
    const filled = fill.get(column);
    if (column.kind === 'number') {
      featureNames.push(column.name);
      skipScaling.push(false);
      const v = column.values;
      encoders.push({ width: 1, write: (r, out, at) => void (out[at] = Number.isNaN(v[r]) ? (filled as number) : v[r]) });
      continue;
    }
    const row = firstNonNumber(column, used);
    const numbers = used.filter((r) => column.values[r] !== null && cellNumber(column.values[r]) !== undefined).length;
    if (numbers > 0 && numbers * 2 >= used.length) {
      fail(where, `column ${show(column.name)} holds numbers but row ${row + 1} has ${show(column.values[row])}; a text column cannot be used as a number`);
    }
    if (!oneHot) fail(where, `column ${show(column.name)} is text (row ${row + 1}: ${show(column.values[row])}), not numbers; turn on one-hot encoding or leave it out of the features`);
    const categories = distinct(column, used);
    if (categories.length > maxCategories) fail(where, `column ${show(column.name)} has ${categories.length} distinct texts, more than maxCategories ${maxCategories}; leave it out of the features`);
    const index = new Map(categories.map((c, k) => [c, k]));
    for (const c of categories) {
      featureNames.push(`${column.name}=${c}`);
      skipScaling.push(true);
    }
    const v = column.values;
    encoders.push({
      width: categories.length,
      write: (r, out, at) => {
        for (let k = 0; k < categories.length; k++) out[at + k] = 0;
        out[at + (index.get(v[r] ?? (filled as string)) as number)] = 1;
      },
    });
  }

  // x in float64 first: scaling is fitted and applied at full precision, then stored in the chosen dtype.
  const f = featureNames.length;
  const x = new Float64Array(used.length * f);
  const y = new Float64Array(used.length);
  const classIndex = classes === undefined ? undefined : new Map(classes.map((c, k) => [c, k]));
  used.forEach((r, i) => {
    let at = i * f;
    for (const encoder of encoders) {
      encoder.write(r, x, at);
      at += encoder.width;
    }
    y[i] = classIndex === undefined ? (targetColumn.values[r] as number) : (classIndex.get(label(targetColumn, r)) as number);
  });
  const scaler = Scaler.fit(scale, x, featureNames, parts.train, skipScaling);
  scaler.transform(x);

  const target: TargetInfo = classes === undefined ? { name: targetColumn.name, task } : { name: targetColumn.name, task, classes };
  const build = (positions: Int32Array, name: string): Dataset => {
    const px = allocate(dtype, positions.length * f);
    const py = allocate(dtype, positions.length);
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i];
      py[i] = y[p];
      for (let j = 0; j < f; j++) px[i * f + j] = x[p * f + j];
    }
    return makeDataset({ name, x: px, y: py, featureNames, target });
  };
  const result: PreparedData = {
    train: build(parts.train, table.name),
    scaler,
    summary: {
      name: table.name,
      source: table.source,
      rows: { read: table.rows, used: used.length, dropped: table.rows - used.length },
      target,
      featureNames,
      missing,
      ...(classCounts ? { classCounts } : {}),
      splits: { train: parts.train.length, validation: parts.validation.length, test: parts.test.length },
      missingPolicy: policy,
      scale,
      dtype,
      seed,
    },
  };
  if (parts.validation.length > 0) result.validation = build(parts.validation, `${table.name} (validation)`);
  if (parts.test.length > 0) result.test = build(parts.test, `${table.name} (test)`);
  return result;
}
