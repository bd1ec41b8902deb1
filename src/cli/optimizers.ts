/** `descent optimizers [name]`: the registry as a table, or one optimizer's options with defaults, ranges and help. */
import { makeTable } from './table.js';
import { describeSpec } from '../core/options.js';
import { getOptimizer, optimizers } from '../optim/registry.js';

export function formatOptimizerList(): string {
  const table = makeTable(['name', 'what it does', 'reference']);
  for (const o of optimizers) table.push([o.name, o.summary, o.reference]);
  return table.toString();
}

export function formatOptimizerHelp(name: string): string {
  const entry = getOptimizer(name);
  const table = makeTable(['option', 'default', 'valid', 'meaning']);
  for (const [key, spec] of Object.entries(entry.schema)) {
    table.push([key, JSON.stringify(spec.default), describeSpec(spec), spec.description]);
  }
  return `${entry.name}: ${entry.summary} (${entry.reference})\n${table.toString()}`;
}
