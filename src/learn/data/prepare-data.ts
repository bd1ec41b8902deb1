/**
 * prepareData: the one call from "a data set" to train / validation / test Datasets. The source is a table, a
 * named data set (`cars`, `penguins`, `iris`, `flights`: its default target and features apply unless given), or
 * a path to a CSV or JSON file (Node only, as reading files is).
 */
import { fail, show } from '../../core/errors.js';
import { datasets, getDataset } from './named.js';
import { prepareTable, type PrepareOptions, type PreparedData } from './prepare.js';
import { looksLikePath, readTable } from './read-table.js';
import type { Table } from './table.js';

export type PrepareDataOptions = Omit<PrepareOptions, 'target'> & { target?: string };

export function prepareData(source: Table | string, options: PrepareDataOptions = {}): PreparedData {
  if (typeof source !== 'string') {
    if (options.target === undefined) fail(source.source, 'give the target column to predict');
    return prepareTable(source, { ...options, target: options.target });
  }
  if (Object.hasOwn(datasets, source)) {
    const named = getDataset(source);
    // The default features belong to the default target; a different target starts from every other column.
    const features = options.features ?? (options.target === undefined || options.target === named.target ? named.features : undefined);
    return prepareTable(named.load(), {
      ...options,
      target: options.target ?? named.target,
      ...(features !== undefined ? { features } : {}),
    });
  }
  if (looksLikePath(source)) {
    const table = readTable(source);
    if (options.target === undefined) fail(source, 'give the target column to predict');
    return prepareTable(table, { ...options, target: options.target });
  }
  return fail('data', `${show(source)} is neither a named data set (${Object.keys(datasets).join(', ')}) nor a .csv or .json file`);
}
