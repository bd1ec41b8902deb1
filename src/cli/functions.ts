/**
 * `descent functions [name] [--option value …]`: the zoo as a table (name, formula, domain, global minima), or one
 * function in full: formula in text and TeX, domain, every known minimum with its source and published figures,
 * start points, and the options of a family (given as flags, they shape the instance shown).
 */
import { fail, show } from '../core/errors.js';
import { functions, getFunctionEntry } from '../objective/zoo/registry.js';
import type { ZooMeta, ZooMinimum } from '../objective/zoo/zoo-function.js';
import { formatOptionsTable } from './registry-help.js';
import { parseSchemaFlags } from './schema-flags.js';
import { makeTable } from './table.js';

/** Short form of a number for the list: 7 significant digits, no trailing zeros. */
const short = (v: number) => String(Number(v.toPrecision(7)));

/** A point; a long one with all coordinates equal is shown as (c, …, c). */
export function formatPoint(x: readonly number[], format: (v: number) => string = String): string {
  if (x.length > 3 && x.every((v) => v === x[0])) return `(${format(x[0])}, …, ${format(x[0])})`;
  return `(${x.map(format).join(', ')})`;
}

/** `[-5, 10]²` when every coordinate has the same interval, else `x ∈ [-1.5, 4], y ∈ [-3, 4]`. */
export function formatDomain(meta: Pick<ZooMeta, 'domain' | 'variables'>): string {
  const { domain, variables } = meta;
  const [low, high] = domain[0];
  if (domain.every(([a, b]) => a === low && b === high)) {
    const power = domain.length === 1 ? '' : domain.length === 2 ? '²' : domain.length === 3 ? '³' : `^${domain.length}`;
    return `[${low}, ${high}]${power}`;
  }
  return domain.map(([a, b], i) => `${variables[i]} ∈ [${a}, ${b}]`).join(', ');
}

function formatGlobalMinima(meta: ZooMeta): string {
  if (meta.minima.length === 0) return `none: ${(meta.noMinimum ?? 'no minimum').split(';')[0]}`;
  const globals = meta.minima.filter((m) => m.kind === 'global');
  return `${short(globals[0].value)} at ${globals.map((m) => formatPoint(m.x, short)).join(', ')}`;
}

export function formatFunctionList(): string {
  const table = makeTable(['name', 'formula', 'domain', 'global minimum'], [30, 44, 22, 36]);
  for (const entry of functions) {
    const { meta } = entry.create();
    table.push([entry.schema ? `${entry.name} (dim ${meta.domain.length})` : entry.name, meta.formula, formatDomain(meta), formatGlobalMinima(meta)]);
  }
  return `${table.toString()}\ndescent functions NAME shows one function in full: TeX, every minimum with its source, starts, options.`;
}

function publishedText(m: ZooMinimum): string {
  const notes: string[] = [];
  if (m.published) {
    const p = m.published;
    notes.push(`published: ${p.value} at ${formatPoint(p.x)} (to ${p.tolerance})${p.note ? `; ${p.note}` : ''}`);
  }
  if (m.note) notes.push(m.note);
  return notes.join('; ') || 'exact';
}

/** One function in full; `flags` are a family's options (`--dim 3`). */
export function formatFunctionHelp(name: string, flags: readonly string[] = []): string {
  const entry = getFunctionEntry(name);
  if (!entry.schema && flags.length > 0) fail(entry.name, `takes no options, got ${show(flags.join(' '))}`);
  const options = entry.schema ? parseSchemaFlags(entry.name, entry.schema, flags) : undefined;
  const { meta } = entry.create(options);
  const lines = [
    `${entry.name}: ${entry.summary}`,
    `formula   ${meta.formula}`,
    `TeX       ${meta.tex}`,
    `variables ${meta.variables.length > 4 ? `${meta.variables.slice(0, 2).join(', ')}, …, ${meta.variables[meta.variables.length - 1]}` : meta.variables.join(', ')}`,
    `domain    ${formatDomain(meta)}`,
    `starts    ${meta.starts.map((s) => formatPoint(s)).join(', ')}  (${meta.startsSource})`,
    `source    ${meta.source}`,
  ];
  if (meta.minima.length === 0) {
    lines.push(`minima    none: ${meta.noMinimum ?? 'no minimum'}`);
  } else {
    const table = makeTable(['minimum', 'x', 'f(x)', 'published figures, or how it was found'], [9, 44, 22, 56]);
    for (const m of meta.minima) table.push([m.kind, formatPoint(m.x), String(m.value), publishedText(m)]);
    lines.push('minima', table.toString());
  }
  if (entry.schema) lines.push('options', formatOptionsTable(entry.schema));
  return lines.join('\n');
}
