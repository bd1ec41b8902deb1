/** `descent datasets`: the named data sets `descent train --data` accepts, with their default target and features. */
import { datasets } from '../learn/data/named.js';
import { makeTable } from './table.js';

export function formatDatasetList(): string {
  const table = makeTable(['name', 'task', 'rows', 'target', 'features', 'source'], [10, 12, 9, 18, 34, 28]);
  for (const d of Object.values(datasets)) table.push([d.name, d.task, String(d.rows.file), d.target, d.features.join(', '), d.source]);
  const lines = Object.values(datasets).map((d) => `  ${d.name}: ${d.description}`);
  return `${table.toString()}\n${lines.join('\n')}\n\nTrain on one: descent train --data cars --model linear --optimizer "sgd lr=0.01"; or give a CSV or JSON file with --data and --target.`;
}
