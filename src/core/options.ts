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

/** A list of numbers such as MultiStepLR's milestones; `acceptScalar` also takes one number (e.g. one value for every group). */
export interface ListOption {
  readonly kind: 'list';
  readonly default: readonly number[] | number;
  readonly item: Range;
  /** Each item strictly greater than the one before. */
  readonly increasing?: boolean;
  readonly acceptScalar?: boolean;
  readonly description: string;
}

/** A function of the step (LambdaLR's lrLambda), or one per param group. */
export type StepFunction = (step: number) => number;

export interface FunctionOption {
  readonly kind: 'function';
  readonly default: StepFunction | null;
  readonly description: string;
}

export type OptionSpec = NumberOption | NullableNumberOption | BooleanOption | PairOption | ChoiceOption | ListOption | FunctionOption;
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
          : O extends ListOption
            ? O extends { acceptScalar: true }
              ? number | number[]
              : number[]
            : O extends FunctionOption
              ? StepFunction | StepFunction[]
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

/** Human form of what a spec accepts, for help tables. */
export function describeSpec(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'number':
      return describeRange(spec);
    case 'nullable-number':
      return `${describeRange(spec)} or null`;
    case 'boolean':
      return 'true or false';
    case 'pair':
      return `[${describeRange(spec.items[0])}, ${describeRange(spec.items[1])}]`;
    case 'choice':
      return spec.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'list':
      return `${spec.increasing ? 'increasing ' : ''}list of ${describeRange(spec.item)}${spec.acceptScalar ? ' (or one number)' : ''}`;
    case 'function':
      return 'a function of the step';
  }
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
    case 'list': {
      if (spec.acceptScalar && typeof value === 'number') return checkNumber(owner, key, value, spec.item);
      if (!Array.isArray(value)) fail(owner, `${key} must be a list of numbers, got ${show(value)}`);
      const list = value.map((x, i) => checkNumber(owner, `${key}[${i}]`, x, spec.item));
      if (spec.increasing) {
        for (let i = 1; i < list.length; i++) {
          if (!(list[i] > list[i - 1])) fail(owner, `${key} must be increasing, got ${show(list)}`);
        }
      }
      return list;
    }
    case 'function': {
      const isFunction = (f: unknown) => typeof f === 'function';
      if (!isFunction(value) && !(Array.isArray(value) && value.length > 0 && value.every(isFunction))) {
        fail(owner, `${key} must be a function of the step (or a list of them, one per group), got ${show(value)}`);
      }
      return value;
    }
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
      if (fallback === null && spec.kind === 'function') fail(owner, `${key} is required`);
      resolved[key] = Array.isArray(fallback) ? [...fallback] : fallback;
    } else {
      resolved[key] = checkValue(owner, key, spec, value);
    }
  }
  return resolved as OptionsOf<S>;
}
