/**
 * Parsing JSON into a column-typed table: an array of row objects, the shape vega-datasets ships (`[{"Name": …,
 * "Horsepower": 130}, …]`). The columns are the keys in order of first appearance; a null or absent key is a missing
 * cell; a column is numbers when every present value is a JSON number (a string "12" stays text, as the file says).
 */
import { fail, show } from '../../core/errors.js';
import { tableFromCells, type Table } from './table.js';

export interface JsonTableOptions {
  name?: string;
  /** Where the text came from, named in errors (a path); `JSON` by default. */
  source?: string;
}

/** A table from rows already parsed (an array of plain objects). */
export function tableFromRecords(records: unknown, options: JsonTableOptions = {}): Table {
  const source = options.source ?? 'JSON';
  const name = options.name ?? source;
  if (!Array.isArray(records)) fail(source, `must be an array of row objects, got ${show(records)}`);
  if (records.length === 0) fail(source, 'has no rows');
  const index = new Map<string, number>();
  const cells: unknown[][] = [];
  records.forEach((record: unknown, r) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      fail(source, `row ${r + 1} must be an object, got ${show(record)}`);
    }
    for (const [key, value] of Object.entries(record)) {
      if (value !== null && typeof value === 'object') fail(source, `row ${r + 1}, column ${show(key)}: a nested value ${show(value)} is not a cell`);
      let c = index.get(key);
      if (c === undefined) {
        c = cells.length;
        index.set(key, c);
        cells.push(new Array<unknown>(records.length).fill(null));
      }
      cells[c][r] = value;
    }
  });
  const toNumber = (cell: unknown): number | undefined => (typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined);
  return tableFromCells(name, source, [...index.keys()], cells, toNumber, (cell) => cell === null || cell === undefined);
}

export function parseJsonTable(text: string, options: JsonTableOptions = {}): Table {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    fail(options.source ?? 'JSON', `is not valid JSON: ${(error as Error).message}`);
  }
  return tableFromRecords(records, options);
}
