/** `descent optimizers [name]`: the registry as a table, or one optimizer's options with defaults, ranges and help. */
import { makeTable } from './table.js';
import { describeRange, type OptionSpec } from '../core/options.js';
import { getOptimizer, optimizers } from '../optim/registry.js';

export function formatOptimizerList(): string {
  const table = makeTable(['name', 'what it does', 'reference']);
  for (const o of optimizers) table.push([o.name, o.summary, o.reference]);
  return table.toString();
}

function describeSpec(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'nullable-number':
      return describeRange(spec) + (spec.kind === 'nullable-number' ? ' or null' : '');
    case 'boolean':
      return 'true or false';
    case 'pair':
      return `[${describeRange(spec.items[0])}, ${describeRange(spec.items[1])}]`;
    case 'choice':
      return spec.values.map((v) => JSON.stringify(v)).join(' | ');
  }
}

export function formatOptimizerHelp(name: string): string {
  const entry = getOptimizer(name);
  const table = makeTable(['option', 'default', 'valid', 'meaning']);
  for (const [key, spec] of Object.entries(entry.schema)) {
    table.push([key, JSON.stringify(spec.default), describeSpec(spec), spec.description]);
  }
  return `${entry.name}: ${entry.summary} (${entry.reference})\n${table.toString()}`;
}
