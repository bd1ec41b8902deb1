/**
 * A column-typed table: what a CSV or JSON file becomes before it is turned into numbers. Each column is either
 * numbers (a Float64Array, NaN where a cell is missing) or text (strings, null where a cell is missing); the type is
 * inferred per column from its cells. The table keeps where it came from, so every later error can name the file.
 */
import { fail, show } from '../../core/errors.js';

export interface NumberColumn {
  readonly name: string;
  readonly kind: 'number';
  /** One value per row; NaN marks a missing cell. */
  readonly values: Float64Array;
}

export interface TextColumn {
  readonly name: string;
  readonly kind: 'text';
  /** One value per row; null marks a missing cell. */
  readonly values: readonly (string | null)[];
}

export type Column = NumberColumn | TextColumn;

export interface Table {
  /** A short name, e.g. `cars` or the file's base name. */
  readonly name: string;
  /** Where the rows came from (a path, or a package and file), named in error messages. */
  readonly source: string;
  readonly rows: number;
  readonly columns: readonly Column[];
}

/** The column called `name`, or an error that names it and lists the columns there are. */
export function getColumn(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) {
    fail(table.source, `no column ${show(name)}; the columns are ${table.columns.map((c) => show(c.name)).join(', ')}`);
  }
  return column;
}

/** Whether the cell at `row` is missing. */
export function isMissing(column: Column, row: number): boolean {
  return column.kind === 'number' ? Number.isNaN(column.values[row]) : column.values[row] === null;
}

/** How many cells of the column are missing. */
export function countMissing(column: Column): number {
  let count = 0;
  for (let r = 0; r < column.values.length; r++) if (isMissing(column, r)) count++;
  return count;
}

/**
 * A table from columns of raw cells, inferring each column's type: numbers when every present cell is a finite
 * number, text otherwise. `isMissingCell` decides which cells count as missing.
 */
export function tableFromCells(
  name: string,
  source: string,
  columnNames: readonly string[],
  cells: readonly (readonly unknown[])[],
  toNumber: (cell: unknown) => number | undefined,
  isMissingCell: (cell: unknown) => boolean,
): Table {
  const rows = cells.length === 0 ? 0 : cells[0].length;
  const columns = columnNames.map((columnName, c): Column => {
    const raw = cells[c];
    const numbers = new Float64Array(rows);
    let numeric = true;
    for (let r = 0; r < rows && numeric; r++) {
      const cell = raw[r];
      if (isMissingCell(cell)) {
        numbers[r] = NaN;
        continue;
      }
      const value = toNumber(cell);
      if (value === undefined) numeric = false;
      else numbers[r] = value;
    }
    if (numeric) return { name: columnName, kind: 'number', values: numbers };
    const texts = new Array<string | null>(rows);
    for (let r = 0; r < rows; r++) {
      const cell = raw[r];
      texts[r] = isMissingCell(cell) ? null : typeof cell === 'string' ? cell : String(cell);
    }
    return { name: columnName, kind: 'text', values: texts };
  });
  return { name, source, rows, columns };
}

/** The base name of a path without its extension, e.g. `data/cars.csv` → `cars`. */
export function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** A decimal number as written in a data file: 12, -3.5, .5, 1e-3 (not hex, not Infinity, not a date). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a trimmed cell spells, or undefined when it is not one. */
export function cellNumber(cell: unknown): number | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

/** A class label as text: the cell itself, or the number written out. */
export function label(column: Column, r: number): string {
  return column.kind === 'text' ? (column.values[r] as string) : String(column.values[r]);
}

/** The sorted distinct present labels of a column (numbers in numeric order), over `rows` or every row. */
export function distinct(column: Column, rows?: readonly number[]): string[] {
  const seen = new Set<string>();
  const n = rows?.length ?? column.values.length;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    if (!isMissing(column, r)) seen.add(label(column, r));
  }
  const all = [...seen];
  return column.kind === 'number' ? all.sort((a, b) => Number(a) - Number(b)) : all.sort();
}

/** The first row (among `rows`, or all) whose present cell is not a number: the value to name in an error. */
export function firstNonNumber(column: Column, rows?: readonly number[]): number {
  const n = rows?.length ?? column.values.length;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    const v = column.values[r];
    if (v !== null && typeof v === 'string' && cellNumber(v) === undefined) return r;
  }
  return rows?.[0] ?? 0;
}
