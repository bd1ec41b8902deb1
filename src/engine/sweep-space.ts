/**
 * The values a sweep tries for one optimizer option: a list (`lr: [0.001, 0.01]`, `betas: [[0.9, 0.999], [0.8,
 * 0.99]]`, `amsgrad: [false, true]`) or a range of numbers, evenly spaced on a log scale (`{ log: [1e-4, 1], num:
 * 9 }`) or a linear one (`{ linear: [0, 0.99], num: 4 }`). A grid takes every listed value (a range gives `num`);
 * random search draws each sample uniformly from the list, or from the range (log-uniformly on a log scale).
 * Each value is checked against the optimizer's own schema here, so a bad value is reported with its path before
 * anything runs: `optimizers[0].grid.lr.log: must be > 0 at both ends on a log scale, got [0, 1]`.
 */
import { DescentError, show } from '../core/errors.js';
import { checkOptions } from '../core/options.js';
import { Parameter } from '../core/parameter.js';
import type { Random } from '../core/random.js';
import type { OptimizerEntry } from '../optim/registry.js';
import { withoutOwner } from './experiment-function.js';
import { joinPath, type Problems } from './problems.js';

export type Space =
  | { kind: 'list'; values: unknown[] }
  | { kind: 'log' | 'linear'; low: number; high: number; /** Grid only: how many values. */ num?: number; /** The option takes integers: values are rounded. */ integer?: boolean };

export type SearchMode = 'grid' | 'random';

/** Significant digits kept of a computed value, so that labels read `lr=0.000316228`, not 17 digits. */
const DIGITS = 6;
const round = (x: number, integer: boolean | undefined) => (integer ? Math.round(x) : Number(x.toPrecision(DIGITS)));

/** The canonical text of a value, to find duplicates and to make run keys. */
export const valueKey = (v: unknown): string => JSON.stringify(v);

/**
 * The values of a range on a grid: x_i = low·(high/low)^(i/(num−1)) on a log scale, low + (high − low)·i/(num−1)
 * on a linear one, i = 0 … num−1. The ends are kept exactly as given; the points between are rounded.
 */
export function gridValues(space: Space): unknown[] {
  if (space.kind === 'list') return space.values;
  const { low, high, num = 1, integer } = space;
  if (num === 1) return [low];
  return Array.from({ length: num }, (_, i) => {
    if (i === 0) return low;
    if (i === num - 1) return high;
    const t = i / (num - 1);
    const x = space.kind === 'log' ? 10 ** (Math.log10(low) + t * (Math.log10(high) - Math.log10(low))) : low + t * (high - low);
    return round(x, integer);
  });
}

/** How many values a grid takes from the space, without making them. */
export const gridSize = (space: Space): number => (space.kind === 'list' ? space.values.length : space.num ?? 1);

/** One random draw: uniform over a list, uniform or log-uniform (exp of uniform in log) over a range. */
export function sampleValue(space: Space, random: Random): unknown {
  if (space.kind === 'list') return space.values[random.int(space.values.length)];
  const { low, high, integer } = space;
  const u = random.uniform();
  const x = space.kind === 'log' ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
  return round(x, integer);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const SHAPES = 'a list of values, { log: [low, high], num } or { linear: [low, high], num }';

/** The space described at `path`, checked for its shape only; undefined after reporting. */
function readSpace(raw: unknown, mode: SearchMode, path: string, problems: Problems): Space | undefined {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return problems.add(path, 'is an empty list: give at least one value');
    const seen = new Set<string>();
    for (const v of raw) {
      if (seen.has(valueKey(v))) return problems.add(path, `has the value ${show(v)} twice`);
      seen.add(valueKey(v));
    }
    return { kind: 'list', values: raw };
  }
  if (!isObject(raw)) return problems.add(path, `must be ${SHAPES}, got ${show(raw)}`);
  const before = problems.size;
  const known = ['log', 'linear', ...(mode === 'grid' ? ['num'] : [])];
  for (const key of Object.keys(raw)) {
    if (key === 'num' && mode === 'random') problems.add(joinPath(path, key), 'is for a grid: random search draws `samples` values');
    else if (!known.includes(key)) problems.add(joinPath(path, key), `unknown key (known: ${known.join(', ')})`);
  }
  const kinds = (['log', 'linear'] as const).filter((k) => raw[k] !== undefined);
  if (kinds.length !== 1) return problems.add(path, kinds.length === 0 ? `must be ${SHAPES}, got ${show(raw)}` : 'give log or linear, not both');
  const kind = kinds[0];
  const ends = raw[kind];
  const rangePath = joinPath(path, kind);
  if (!(Array.isArray(ends) && ends.length === 2 && ends.every(isFiniteNumber) && ends[0] <= ends[1])) {
    problems.add(rangePath, `must be a range [low, high] of finite numbers with low <= high, got ${show(ends)}`);
  } else if (kind === 'log' && !(ends[0] > 0)) {
    problems.add(rangePath, `must be > 0 at both ends on a log scale, got ${show(ends)}`);
  }
  let num: number | undefined;
  if (mode === 'grid') {
    const n = raw.num;
    if (n === undefined) problems.add(joinPath(path, 'num'), 'is required: how many values to take from the range');
    else if (!(Number.isInteger(n) && (n as number) >= 1)) problems.add(joinPath(path, 'num'), `must be an integer >= 1, got ${show(n)}`);
    else if (n === 1 && Array.isArray(ends) && ends[0] !== ends[1]) problems.add(joinPath(path, 'num'), `is 1, which takes one value from a range of two ends; give a list instead, e.g. [${show(ends[0])}]`);
    else num = n as number;
  }
  if (problems.size > before) return undefined;
  const [low, high] = ends as [number, number];
  return { kind, low, high, ...(num !== undefined ? { num } : {}) };
}

/**
 * Checks `values` of option `name` against the optimizer: the schema's range for each, then a construction with
 * the fixed options, which catches rules between options (SGD's nesterov needs momentum). `where(i)` is the path
 * a problem with the i-th value is reported at.
 */
function checkValues(entry: OptimizerEntry, fixed: Record<string, unknown>, name: string, values: readonly unknown[], where: (i: number) => string, problems: Problems): void {
  for (let i = 0; i < values.length; i++) {
    const options = { ...fixed, [name]: values[i] };
    const found = checkOptions(entry.schema, options).problems;
    if (found.length > 0) {
      // The problem's key is the option or one of its items (`betas[1]`): the item goes on the path.
      const { key, message } = found[0];
      problems.add(where(i) + (key.startsWith(name) ? key.slice(name.length) : ''), message);
      return;
    }
    try {
      // Options do not depend on the dimension: one coordinate stands in for the parameter.
      entry.create([new Parameter(new Float64Array(1))], options);
    } catch (error) {
      if (!(error instanceof DescentError)) throw error;
      problems.add(where(i), withoutOwner(error.message, entry.name));
      return;
    }
  }
}

/**
 * The space of option `name` for optimizer `entry` at `path` (`optimizers[0].grid.lr`), checked in shape and in
 * every value (the ends of a range stand for it); undefined after reporting.
 */
export function checkSpace(raw: unknown, mode: SearchMode, entry: OptimizerEntry, fixed: Record<string, unknown>, name: string, path: string, problems: Problems): Space | undefined {
  const option = entry.schema[name];
  if (option === undefined) return problems.add(path, `unknown option ${show(name)} of ${entry.name} (known options: ${Object.keys(entry.schema).join(', ')})`);
  if (fixed[name] !== undefined) return problems.add(path, `${name} is also given as a fixed option (${name}: ${show(fixed[name])}); give one or the other`);
  const space = readSpace(raw, mode, path, problems);
  if (space === undefined) return undefined;
  const before = problems.size;
  if (space.kind === 'list') {
    checkValues(entry, fixed, name, space.values, (i) => joinPath(path, i), problems);
    return problems.size > before ? undefined : space;
  }
  if (option.kind !== 'number' && option.kind !== 'nullable-number') {
    return problems.add(path, `is a range, but ${name} is not a number option; give a list of values`);
  }
  const integer = option.integer === true ? { integer: true } : {};
  const ranged: Space = { ...space, ...integer };
  const ends = [ranged.low, ranged.high];
  checkValues(entry, fixed, name, ends, () => joinPath(path, space.kind), problems);
  if (problems.size > before) return undefined;
  if (mode === 'grid' && option.integer === true) {
    const values = gridValues(ranged).map(valueKey);
    if (new Set(values).size < values.length) return problems.add(joinPath(path, 'num'), `is ${ranged.num}, more than the integers in ${show(ends)}`);
  }
  return ranged;
}
