import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { parseCsv } from '../../../src/learn/data/csv.js';
import { prepareData } from '../../../src/learn/data/prepare-data.js';
import { prepareTable } from '../../../src/learn/data/prepare.js';
import { Scaler } from '../../../src/learn/data/scaler.js';
import { formatSummary } from '../../../src/learn/data/summary.js';
import type { Dataset } from '../../../src/learn/types.js';

const cars = parseCsv(
  [
    'Name,Miles_per_Gallon,Horsepower,Weight,Origin',
    'a,18,130,3504,USA',
    'b,15,,3693,USA',
    'c,,150,3436,Japan',
    'd,24,95,2372,Japan',
    'e,26,88,2130,Europe',
    'f,30,70,2000,',
    'g,14,200,4000,USA',
    'h,28,80,2200,Japan',
  ].join('\n'),
  { source: 'cars.csv', name: 'cars' },
);

function column(data: Dataset, name: string): number[] {
  const j = data.featureNames.indexOf(name);
  return Array.from({ length: data.rows }, (_, i) => data.x[i * data.features + j]);
}
const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

describe('prepareTable', () => {
  it('one-hot encodes a text feature as Origin=… columns in sorted order, and drops rows with missing cells', () => {
    const { train, summary } = prepareTable(cars, { target: 'Miles_per_Gallon', features: ['Horsepower', 'Origin'], scale: 'none' });
    expect(train.featureNames).toEqual(['Horsepower', 'Origin=Europe', 'Origin=Japan', 'Origin=USA']);
    // Rows b (no horsepower), c (no target) and f (no origin) are dropped.
    expect(train.rows).toBe(5);
    expect(Array.from(train.x)).toEqual([130, 0, 0, 1, 95, 0, 1, 0, 88, 1, 0, 0, 200, 0, 0, 1, 80, 0, 1, 0]);
    expect(Array.from(train.y)).toEqual([18, 24, 26, 14, 28]);
    expect(summary.rows).toEqual({ read: 8, used: 5, dropped: 3 });
    expect(summary.missing).toEqual([
      { column: 'Miles_per_Gallon', missing: 1, action: 'dropped' },
      { column: 'Horsepower', missing: 1, action: 'dropped' },
      { column: 'Origin', missing: 1, action: 'dropped' },
    ]);
    expect(train.target).toEqual({ name: 'Miles_per_Gallon', task: 'regression' });
  });

  it('imputes with the mean / median / mode of the training rows and reports the value and count', () => {
    const target = parseCsv('y,a,t\n1,1,p\n2,,q\n3,2,q\n4,10,\n5,2,r\n', { source: 'i.csv' });
    const run = (missing: 'mean' | 'median' | 'mode') => prepareTable(target, { target: 'y', missing, scale: 'none' });
    const mean_ = run('mean');
    expect(mean_.train.rows).toBe(5);
    expect(column(mean_.train, 'a')[1]).toBe(15 / 4);
    expect(mean_.summary.missing[1]).toEqual({ column: 'a', missing: 1, action: 'imputed', method: 'mean', value: 3.75, imputed: 1 });
    // Text columns take their mode whatever the policy: q is the most frequent.
    expect(mean_.summary.missing[2]).toMatchObject({ column: 't', action: 'imputed', method: 'mode', value: 'q', imputed: 1 });
    expect(column(mean_.train, 't=q')[3]).toBe(1);
    expect(column(run('median').train, 'a')[1]).toBe(2);
    expect(run('mode').summary.missing[1].value).toBe(2);
    expect(formatSummary(mean_.summary).join('\n')).toMatch(/a: 1 missing, 1 imputed with the training mean 3\.75/);
  });

  it('fits the imputed value on the training split only', () => {
    // y = a = i, with a missing when i is a multiple of 10: y tells which rows the training split holds.
    const rows = ['y,a', ...Array.from({ length: 40 }, (_, i) => `${i},${i % 10 === 0 ? '' : i}`)];
    const table = parseCsv(rows.join('\n'), { source: 's.csv' });
    const { train, summary } = prepareTable(table, { target: 'y', missing: 'mean', split: { validation: 0.5 }, seed: 3, scale: 'none' });
    const trainPresent = Array.from(train.y).filter((i) => i % 10 !== 0);
    expect(summary.missing[1].value).toBe(mean(trainPresent));
    expect(summary.missing[1].value).not.toBe(mean(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 10 !== 0)));
    expect(summary.missing[1].imputed).toBe(4);
  });

  it('standardises with training statistics only: train mean 0 and sd 1, validation mean not 0', () => {
    const table = parseCsv(['y,a,b', ...Array.from({ length: 100 }, (_, i) => `${i},${(i * 37) % 101},${i * i}`)].join('\n'), { source: 'n.csv' });
    const { train, validation, scaler, summary } = prepareTable(table, { target: 'y', scale: 'standard', split: { validation: 0.3 }, seed: 1 });
    expect(summary.splits).toEqual({ train: 70, validation: 30, test: 0 });
    for (const name of ['a', 'b']) {
      const t = column(train, name);
      expect(Math.abs(mean(t))).toBeLessThan(1e-12);
      expect(mean(t.map((v) => v * v))).toBeCloseTo(1, 12);
      expect(Math.abs(mean(column(validation as Dataset, name)))).toBeGreaterThan(1e-3);
    }
    // The scaler inverts back to the raw values.
    const copy = Float64Array.from(train.x);
    scaler.inverse(copy);
    const again = Float64Array.from(copy);
    scaler.transform(again);
    expect(Array.from(again).every((v, i) => Math.abs(v - train.x[i]) < 1e-12)).toBe(true);
    expect(Array.from(copy).every((v, k) => Number.isInteger(Math.round(v * 1e9) / 1e9))).toBe(true);
    const json = scaler.toJSON();
    expect(Scaler.from(json).toJSON()).toEqual(json);
  });

  it('min-max scales training values into [0, 1] and leaves one-hot columns alone', () => {
    const { train, scaler } = prepareTable(cars, { target: 'Miles_per_Gallon', features: ['Weight', 'Origin'], scale: 'minmax', missing: 'mode', dropMissingTarget: true });
    const w = column(train, 'Weight');
    expect(Math.min(...w)).toBe(0);
    expect(Math.max(...w)).toBe(1);
    expect(Array.from(scaler.offset.slice(1))).toEqual([0, 0, 0]);
    expect(Array.from(scaler.scale.slice(1))).toEqual([1, 1, 1]);
  });

  it('infers classification from a text target, with sorted classes and counts', () => {
    const table = parseCsv('s,x\nb,1\na,2\nc,3\na,4\n', { source: 'c.csv' });
    const { train, summary } = prepareTable(table, { target: 's' });
    expect(train.target).toEqual({ name: 's', task: 'multiclass', classes: ['a', 'b', 'c'] });
    expect(Array.from(train.y)).toEqual([1, 0, 2, 0]);
    expect(summary.classCounts).toEqual({ a: 2, b: 1, c: 1 });
    const binary = prepareTable(parseCsv('s,x\nno,1\nyes,2\nno,3\n'), { target: 's' });
    expect(binary.train.target.task).toBe('binary');
    expect(Array.from(binary.train.y)).toEqual([0, 1, 0]);
  });

  it('splits reproducibly by seed, every row in exactly one part, and keeps the chosen dtype', () => {
    const table = parseCsv(['y,a', ...Array.from({ length: 50 }, (_, i) => `${i},${i}`)].join('\n'));
    const split = (seed: number) => prepareTable(table, { target: 'y', split: { validation: 0.2, test: 0.1 }, seed, dtype: 'float32', scale: 'none' });
    const a = split(5);
    expect(a.train.x).toBeInstanceOf(Float32Array);
    expect(a.test?.y).toBeInstanceOf(Float32Array);
    expect([a.train.rows, a.validation?.rows, a.test?.rows]).toEqual([35, 10, 5]);
    const all = [...a.train.y, ...(a.validation?.y ?? []), ...(a.test?.y ?? [])].sort((p, q) => p - q);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(split(5).validation?.y ?? [])).toEqual(Array.from(a.validation?.y ?? []));
    expect(Array.from(split(6).validation?.y ?? [])).not.toEqual(Array.from(a.validation?.y ?? []));
    expect(a.validation?.name).toBe('CSV (validation)');
  });
});

describe('bad input fails early with a DescentError naming the thing', () => {
  const numbers = parseCsv('y,a,t,id\n1,2,x,1\n2,3,y,2\n3,4,z,3\n', { source: 'n.csv' });
  it.each([
    ['a column that does not exist', { target: 'y', features: ['nope'] }, 'n.csv: no column "nope"; the columns are "y", "a", "t", "id"'],
    ['a target that does not exist', { target: 'Y' }, 'n.csv: no column "Y"'],
    ['a text column as a regression target', { target: 't', task: 'regression' as const }, 'n.csv: target "t" is text (row 1: "x"), not numbers'],
    ['a text feature without one-hot', { target: 'y', features: ['t'], oneHot: false }, 'n.csv: column "t" is text (row 1: "x"), not numbers'],
    ['too many categories', { target: 'y', features: ['t'], maxCategories: 2 }, 'column "t" has 3 distinct texts, more than maxCategories 2'],
    ['the target as a feature', { target: 'y', features: ['y', 'a'] }, 'the target "y" cannot also be a feature'],
    ['no features', { target: 'y', features: [] }, 'no feature columns'],
    ['a binary task with 3 classes', { target: 't', features: ['a'], task: 'binary' as const }, 'a binary target needs 2 classes; "t" has 3'],
    ['a bad missing policy', { target: 'y', missing: 'zero' as 'drop' }, 'missing must be one of drop, mean, median, mode, got "zero"'],
    ['a bad scale', { target: 'y', scale: 'log' as 'none' }, 'scale must be one of standard, minmax, none, got "log"'],
    ['a split leaving no training rows', { target: 'y', split: { validation: 0.5, test: 0.5 } }, 'validation + test must be below 1'],
    ['a negative fraction', { target: 'y', split: { validation: -0.1 } }, 'validation must be a fraction in [0, 1), got -0.1'],
  ])('%s', (_what, options, message) => {
    expect(() => prepareTable(numbers, options)).toThrow(DescentError);
    expect(() => prepareTable(numbers, options)).toThrow(message);
  });

  it('a column of numbers with a stray text value, used as a feature', () => {
    const table = parseCsv('y,hp\n1,130\n2,?\n3,95\n', { source: 'h.csv' });
    expect(() => prepareTable(table, { target: 'y' })).toThrow('h.csv: column "hp" holds numbers but row 2 has "?"; a text column cannot be used as a number');
  });

  it('a target with NaN is an error unless missing is drop, which reports it', () => {
    const table = parseCsv('y,a\n1,1\n,2\n3,3\n', { source: 'm.csv' });
    expect(() => prepareTable(table, { target: 'y', missing: 'mean' })).toThrow('m.csv: target "y" is missing in 1 rows (first: row 2)');
    expect(prepareTable(table, { target: 'y', missing: 'mean', dropMissingTarget: true }).train.rows).toBe(2);
    const dropped = prepareTable(table, { target: 'y', missing: 'drop' });
    expect(dropped.summary.rows.dropped).toBe(1);
    expect(dropped.summary.missing[0]).toEqual({ column: 'y', missing: 1, action: 'dropped' });
  });

  it('an empty data set after dropping, and unknown names', () => {
    const table = parseCsv('y,a\n1,\n2,\n', { source: 'e.csv' });
    expect(() => prepareTable(table, { target: 'y' })).toThrow('e.csv: no rows left after dropping the 2 rows with missing cells');
    expect(() => prepareData('carz', {})).toThrow('"carz" is neither a named data set (cars, penguins, iris, flights) nor a .csv or .json file');
    expect(() => prepareData('/no/such/file.csv', { target: 'y' })).toThrow('/no/such/file.csv: no such file');
    expect(() => prepareData(table)).toThrow('e.csv: give the target column');
  });
});
