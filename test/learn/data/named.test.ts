import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasets, getDataset } from '../../../src/learn/data/named.js';
import { prepareData } from '../../../src/learn/data/prepare-data.js';

// The raw files, read here on their own to count rows independently of the loader.
const require = createRequire(import.meta.url);
const vegaData = join(dirname(require.resolve('vega-datasets')), '..', 'data');
const raw = (file: string): Record<string, unknown>[] => JSON.parse(readFileSync(join(vegaData, file), 'utf8')) as Record<string, unknown>[];
const complete = (rows: Record<string, unknown>[], keys: readonly string[]): number => rows.filter((r) => keys.every((k) => r[k] !== null && r[k] !== undefined)).length;

describe('named data sets', () => {
  it('lists cars, penguins, iris and flights, each with a description, source and default target', () => {
    expect(Object.keys(datasets)).toEqual(['cars', 'penguins', 'iris', 'flights']);
    for (const d of Object.values(datasets)) {
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.features.length).toBeGreaterThan(0);
    }
    expect(() => getDataset('mnist')).toThrow('datasets: no data set named "mnist"; the named sets are cars, penguins, iris, flights');
  });

  it('cars: a regression of Miles_per_Gallon on Horsepower and Weight_in_lbs, rows with a missing cell dropped', () => {
    const file = raw('cars.json');
    const keys = ['Miles_per_Gallon', 'Horsepower', 'Weight_in_lbs'];
    expect(file.length).toBe(datasets.cars.rows.file);
    expect(complete(file, keys)).toBe(datasets.cars.rows.complete);
    const { train, summary } = prepareData('cars');
    expect(train.rows).toBe(complete(file, keys));
    expect(train.featureNames).toEqual(['Horsepower', 'Weight_in_lbs']);
    expect(train.target).toEqual({ name: 'Miles_per_Gallon', task: 'regression' });
    expect(summary.missing.map((m) => m.missing)).toEqual(keys.map((k) => file.filter((r) => r[k] === null || r[k] === undefined).length));
    // Imputing Horsepower keeps the rows whose only gap is there.
    const imputed = prepareData('cars', { missing: 'mean', dropMissingTarget: true });
    expect(imputed.train.rows).toBe(complete(file, ['Miles_per_Gallon', 'Weight_in_lbs']));
  });

  it('penguins: 3 species from four measurements', () => {
    const file = raw('penguins.json');
    const { train, summary } = prepareData('penguins');
    expect(train.rows).toBe(complete(file, ['Species', ...datasets.penguins.features]));
    expect(train.rows).toBe(datasets.penguins.rows.complete);
    expect(train.target.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const counts = { Adelie: 0, Chinstrap: 0, Gentoo: 0 } as Record<string, number>;
    for (const r of file) if (datasets.penguins.features.every((k) => r[k] !== null)) counts[r.Species as string]++;
    expect(summary.classCounts).toEqual(counts);
  });

  it('iris: 150 rows, 4 features, 50 of each class', () => {
    const { train, summary } = prepareData('iris', { scale: 'none' });
    expect([train.rows, train.features]).toEqual([150, 4]);
    expect(summary.classCounts).toEqual({ setosa: 50, versicolor: 50, virginica: 50 });
    expect(Array.from(train.x.slice(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2]);
  });

  it('flights: 200,000 rows of delay from distance and time, loadable in float32', () => {
    const file = raw('flights-200k.json');
    const { train, test } = prepareData('flights', { dtype: 'float32', split: { test: 0.1 }, scale: 'none' });
    expect(train.rows + (test?.rows ?? 0)).toBe(complete(file, ['delay', 'distance', 'time']));
    expect(train.rows + (test?.rows ?? 0)).toBe(200000);
    expect(train.x).toBeInstanceOf(Float32Array);
    expect(train.featureNames).toEqual(['distance', 'time']);
  });

  it('a different target starts from every other column', () => {
    const { train } = prepareData('penguins', { target: 'Island', features: ['Body Mass (g)'] });
    expect(train.target.classes).toEqual(['Biscoe', 'Dream', 'Torgersen']);
  });
});
