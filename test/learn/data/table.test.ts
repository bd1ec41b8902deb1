import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { parseCsv } from '../../../src/learn/data/csv.js';
import { parseJsonTable } from '../../../src/learn/data/json.js';
import { readTable } from '../../../src/learn/data/read-table.js';
import { getColumn, type Column } from '../../../src/learn/data/table.js';

const dir = mkdtempSync(join(tmpdir(), 'descent-data-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const values = (c: Column): unknown[] => Array.from(c.values as ArrayLike<unknown>);

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and newlines, and infers number vs text per column', () => {
    const table = parseCsv('name,mpg,origin\n"ford, torino",17,USA\n"the ""beetle""",26.5,Europe\n"two\nlines",-3e1,Japan\n', { source: 'cars.csv' });
    expect(table.rows).toBe(3);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([['name', 'text'], ['mpg', 'number'], ['origin', 'text']]);
    expect(values(getColumn(table, 'name'))).toEqual(['ford, torino', 'the "beetle"', 'two\nlines']);
    expect(values(getColumn(table, 'mpg'))).toEqual([17, 26.5, -30]);
  });

  it('treats empty cells (and NA) as missing: NaN in number columns, null in text columns', () => {
    const table = parseCsv('a,b,c\n1,,x\n,2,\nNA,3, y \n', { source: 't.csv' });
    const a = getColumn(table, 'a');
    expect(a.kind).toBe('number');
    expect(values(a)).toEqual([1, NaN, NaN]);
    expect(values(getColumn(table, 'b'))).toEqual([NaN, 2, 3]);
    expect(values(getColumn(table, 'c'))).toEqual(['x', null, ' y ']);
  });

  it('a column with one text cell among numbers is text, keeping the cells as written', () => {
    const table = parseCsv('h\n1\n2\nabc\n', { source: 't.csv' });
    expect(getColumn(table, 'h').kind).toBe('text');
    expect(values(getColumn(table, 'h'))).toEqual(['1', '2', 'abc']);
  });

  it('reads a single column, tabs and a chosen delimiter', () => {
    expect(parseCsv('x\n1\n2\n').rows).toBe(2);
    expect(values(getColumn(parseCsv('a\tb\n1\t2\n', { delimiter: '\t' }), 'b'))).toEqual([2]);
    expect(values(getColumn(parseCsv('a;b\n1;2\n', { delimiter: ';' }), 'a'))).toEqual([1]);
  });

  it.each([
    ['', /t\.csv: is empty/],
    ['a,b\n', /t\.csv: has a header but no rows/],
    ['a,b\n1,2\n3\n', /t\.csv: row 3 has 1 fields, the header has 2/],
    ['a,a\n1,2\n', /t\.csv: column "a" appears twice/],
    ['a,\n1,2\n', /t\.csv: header cell 2 is empty/],
  ])('rejects %j', (text, message) => {
    expect(() => parseCsv(text, { source: 't.csv' })).toThrow(DescentError);
    expect(() => parseCsv(text, { source: 't.csv' })).toThrow(message);
  });
});

describe('parseJsonTable', () => {
  it('reads an array of row objects; null and absent keys are missing; strings stay text', () => {
    const table = parseJsonTable('[{"a":1,"b":"x"},{"a":null,"b":"y","c":true},{"b":null,"a":2.5}]', { source: 'r.json' });
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([['a', 'number'], ['b', 'text'], ['c', 'text']]);
    expect(values(getColumn(table, 'a'))).toEqual([1, NaN, 2.5]);
    expect(values(getColumn(table, 'b'))).toEqual(['x', 'y', null]);
    expect(values(getColumn(table, 'c'))).toEqual([null, 'true', null]);
    expect(getColumn(parseJsonTable('[{"n":"12"},{"n":3}]'), 'n').kind).toBe('text');
  });

  it.each([
    ['{"a":1}', /r\.json: must be an array of row objects/],
    ['[]', /r\.json: has no rows/],
    ['[1,2]', /r\.json: row 1 must be an object, got 1/],
    ['[{"a":{"b":1}}]', /r\.json: row 1, column "a": a nested value/],
    ['[{"a":1}', /r\.json: is not valid JSON/],
  ])('rejects %s', (text, message) => {
    expect(() => parseJsonTable(text, { source: 'r.json' })).toThrow(message);
  });
});

describe('readTable', () => {
  it('reads .csv, .tsv and .json by extension, named after the file', () => {
    const csv = readTable(file('small.csv', 'x,y\n1,2\n'));
    expect([csv.name, csv.rows]).toEqual(['small', 1]);
    expect(values(getColumn(readTable(file('small.tsv', 'x\ty\n1\t2\n')), 'y'))).toEqual([2]);
    expect(values(getColumn(readTable(file('small.json', '[{"x":5}]')), 'x'))).toEqual([5]);
  });

  it('names a missing file, an unknown type and a missing column (listing the columns)', () => {
    const missing = join(dir, 'nope.csv');
    expect(() => readTable(missing)).toThrow(`${missing}: no such file`);
    expect(() => readTable(dir)).toThrow('is not a file');
    expect(() => readTable(file('data.xlsx', 'x'))).toThrow(/unknown file type "xlsx"/);
    const table = readTable(file('cols.csv', 'Horsepower,Weight\n1,2\n'));
    expect(() => getColumn(table, 'Hp')).toThrow(`${join(dir, 'cols.csv')}: no column "Hp"; the columns are "Horsepower", "Weight"`);
  });
});
