/**
 * Reading a data file from disk into a table (Node only; the parsers beside it also run in a browser). The format
 * follows the extension: .csv and .tsv (and .txt) are CSV, .json is an array of row objects.
 */
import { readFileSync, statSync } from 'node:fs';
import { fail, show } from '../../core/errors.js';
import { parseCsv, type CsvOptions } from './csv.js';
import { parseJsonTable } from './json.js';
import { baseName, type Table } from './table.js';

export type ReadTableOptions = Pick<CsvOptions, 'delimiter' | 'missing'> & { name?: string };

export function readTable(path: string, options: ReadTableOptions = {}): Table {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    fail(path, 'no such file');
  }
  if (!isFile) fail(path, 'is not a file');
  const text = readFileSync(path, 'utf8');
  const name = options.name ?? baseName(path);
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'json') return parseJsonTable(text, { name, source: path });
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') {
    const delimiter = options.delimiter ?? (extension === 'tsv' ? '\t' : undefined);
    return parseCsv(text, { name, source: path, ...(delimiter !== undefined ? { delimiter } : {}), ...(options.missing ? { missing: options.missing } : {}) });
  }
  return fail(path, `unknown file type ${show(extension)}; expected .csv, .tsv or .json`);
}

/** Whether a string looks like a path to a data file rather than a data set's name. */
export function looksLikePath(text: string): boolean {
  return /[\\/]/.test(text) || /\.(csv|tsv|txt|json)$/i.test(text);
}
