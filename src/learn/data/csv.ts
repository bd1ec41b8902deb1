/**
 * Parsing CSV text into a column-typed table. The splitting into rows and fields (quotes, escaped quotes, newlines
 * inside quotes, delimiters) is papaparse's; this file only decides what a cell means: a header row names the
 * columns, an empty cell (or NA, NaN, null) is missing, and a column is numbers when every present cell is one.
 */
import Papa from 'papaparse';
import { fail, show } from '../../core/errors.js';
import { cellNumber, tableFromCells, type Table } from './table.js';

export { cellNumber };

export interface CsvOptions {
  /** The table's short name; the source by default. */
  name?: string;
  /** Where the text came from, named in errors (a path); `CSV` by default. */
  source?: string;
  /** The field delimiter; guessed by papaparse (comma, tab, pipe, semicolon) when absent. */
  delimiter?: string;
  /** Cell texts (after trimming) that mean "missing". */
  missing?: readonly string[];
}

export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL'];

export function parseCsv(text: string, options: CsvOptions = {}): Table {
  const source = options.source ?? 'CSV';
  const name = options.name ?? source;
  const missing = new Set(options.missing ?? DEFAULT_MISSING);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
  });
  // A one-column file has no delimiter to detect; that is not an error.
  const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (errors.length > 0) {
    const e = errors[0];
    fail(source, `cannot parse CSV at row ${e.row === undefined ? '?' : e.row + 1}: ${e.message}`);
  }
  const [header, ...records] = parsed.data;
  if (header === undefined || header.length === 0) fail(source, 'is empty: no header row');
  const columnNames = header.map((h) => h.trim());
  const seen = new Set<string>();
  columnNames.forEach((column, c) => {
    if (column === '') fail(source, `header cell ${c + 1} is empty; every column needs a name`);
    if (seen.has(column)) fail(source, `column ${show(column)} appears twice in the header`);
    seen.add(column);
  });
  if (records.length === 0) fail(source, 'has a header but no rows');
  const cells = columnNames.map(() => new Array<string>(records.length));
  records.forEach((record, r) => {
    if (record.length !== columnNames.length) {
      fail(source, `row ${r + 2} has ${record.length} fields, the header has ${columnNames.length}`);
    }
    for (let c = 0; c < record.length; c++) cells[c][r] = record[c];
  });
  return tableFromCells(name, source, columnNames, cells, cellNumber, (cell) => missing.has(String(cell).trim()));
}
