/** Help tables for the registries (optimizers, schedulers): one row per entry, or one row per option of an entry. */
import { describeSpec, type OptionSchema } from '../core/options.js';
import { makeTable } from './table.js';

export interface HelpEntry {
  name: string;
  summary: string;
  reference?: string;
  schema: OptionSchema;
}

export function formatEntryList(entries: readonly HelpEntry[]): string {
  const withReference = entries.some((e) => e.reference !== undefined);
  const table = makeTable(withReference ? ['name', 'what it does', 'reference'] : ['name', 'what it does']);
  for (const e of entries) table.push(withReference ? [e.name, e.summary, e.reference ?? ''] : [e.name, e.summary]);
  return table.toString();
}

export function formatEntryOptions(entry: HelpEntry): string {
  const reference = entry.reference ? ` (${entry.reference})` : '';
  return `${entry.name}: ${entry.summary}${reference}\n${formatOptionsTable(entry.schema)}`;
}

/** One row per option: name, flag, default, valid values, meaning. */
export function formatOptionsTable(schema: OptionSchema): string {
  const table = makeTable(['option', 'flag', 'default', 'valid', 'meaning']);
  for (const [key, spec] of Object.entries(schema)) {
    const shown = typeof spec.default === 'function' ? '' : JSON.stringify(spec.default);
    table.push([key, `--${kebab(key)}`, shown ?? 'required', describeSpec(spec), spec.description]);
  }
  return table.toString();
}

/** `stepSize` → `step-size`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `step-size` → `stepSize`. */
export function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
