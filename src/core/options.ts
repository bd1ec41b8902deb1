/**
 * Option schemas: one table per optimizer (later, per scheduler) giving each option its default, its valid range
 * and a one-line description. The same table fills in defaults, validates at construction, types the options
 * object (`OptionsOf<typeof schema>`), and feeds the registry that the command line and the playground read.
 */
import { fail, show } from './errors.js';

/** A closed, open or half-open interval; a missing bound is unbounded. */
export interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

export interface NumberOption extends Range {
  readonly kind: 'number';
  readonly default: number;
  readonly description: string;
}

/** A number that may also be null (for example LBFGS's maxEval, which then derives from maxIter). */
export interface NullableNumberOption extends Range {
  readonly kind: 'nullable-number';
  readonly default: number | null;
  readonly description: string;
}

export interface BooleanOption {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly description: string;
}

/** A pair of numbers such as Adam's betas, each with its own range. */
export interface PairOption {
  readonly kind: 'pair';
  readonly default: readonly [number, number];
  readonly items: readonly [Range, Range];
  readonly description: string;
}

export interface ChoiceOption<V extends string | null = string | null> {
  readonly kind: 'choice';
  readonly values: readonly V[];
  readonly default: V;
  readonly description: string;
}

export type OptionSpec = NumberOption | NullableNumberOption | BooleanOption | PairOption | ChoiceOption;
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

type ValueOf<O extends OptionSpec> = O extends NumberOption
  ? number
  : O extends NullableNumberOption
    ? number | null
    : O extends BooleanOption
      ? boolean
      : O extends PairOption
        ? [number, number]
        : O extends ChoiceOption<infer V>
          ? V
          : never;

/** The fully resolved options object described by a schema. */
export type OptionsOf<S extends OptionSchema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Human form of a range: `>= 0`, `> 0`, `in [0, 1)`, `an integer >= 1`. */
export function describeRange(range: Range): string {
  const { min, max, minExclusive, maxExclusive, integer } = range;
  const prefix = integer ? 'an integer ' : '';
  if (min !== undefined && max !== undefined) {
    return `${prefix}in ${minExclusive ? '(' : '['}${min}, ${max}${maxExclusive ? ')' : ']'}`;
  }
  if (min !== undefined) return `${prefix}${minExclusive ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${prefix}${maxExclusive ? '<' : '<='} ${max}`;
  return integer ? 'an integer' : 'a number';
}

export function inRange(value: number, range: Range): boolean {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  const { min, max } = range;
  if (min !== undefined && (range.minExclusive ? !(value > min) : !(value >= min))) return false;
  if (max !== undefined && (range.maxExclusive ? !(value < max) : !(value <= max))) return false;
  return true;
}

function checkNumber(owner: string, key: string, value: unknown, range: Range): number {
  if (typeof value !== 'number' || !inRange(value, range)) fail(owner, `${key} must be ${describeRange(range)}, got ${show(value)}`);
  return value;
}

function checkValue(owner: string, key: string, spec: OptionSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'number':
      return checkNumber(owner, key, value, spec);
    case 'nullable-number':
      return value === null ? null : checkNumber(owner, key, value, spec);
    case 'boolean':
      if (typeof value !== 'boolean') fail(owner, `${key} must be true or false, got ${show(value)}`);
      return value;
    case 'pair': {
      if (!Array.isArray(value) && !ArrayBuffer.isView(value)) fail(owner, `${key} must be a pair of numbers, got ${show(value)}`);
      const pair = Array.from(value as ArrayLike<unknown>);
      if (pair.length !== 2) fail(owner, `${key} must be a pair of numbers, got ${show(pair)}`);
      return [checkNumber(owner, `${key}[0]`, pair[0], spec.items[0]), checkNumber(owner, `${key}[1]`, pair[1], spec.items[1])];
    }
    case 'choice':
      if (!spec.values.includes(value as string | null)) {
        fail(owner, `${key} must be one of ${spec.values.map(show).join(', ')}, got ${show(value)}`);
      }
      return value;
  }
}

/**
 * Fills in defaults (from `base`, or the schema's own defaults) and validates every given option.
 * Keys listed in `passThrough` (such as a param group's `params`) are ignored here; any other unknown key is an error.
 */
export function resolveOptions<S extends OptionSchema>(
  owner: string,
  schema: S,
  given: object | undefined,
  base?: OptionsOf<S>,
  passThrough: readonly string[] = [],
): OptionsOf<S> {
  const source = (given ?? {}) as Record<string, unknown>;
  if (typeof source !== 'object' || Array.isArray(source)) fail(owner, `options must be an object, got ${show(given)}`);
  for (const key of Object.keys(source)) {
    if (!(key in schema) && !passThrough.includes(key)) {
      fail(owner, `unknown option ${show(key)} (known options: ${Object.keys(schema).join(', ')})`);
    }
  }
  const resolved: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const value = source[key];
    if (value === undefined) {
      const fallback = base ? (base as Record<string, unknown>)[key] : spec.default;
      resolved[key] = Array.isArray(fallback) ? [...fallback] : fallback;
    } else {
      resolved[key] = checkValue(owner, key, spec, value);
    }
  }
  return resolved as OptionsOf<S>;
}
