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

/**
 * One thing wrong with a given options object. `key` is where (`lr`, `betas[0]`, or the unknown key itself; empty
 * when the whole object is wrong), `message` what, without the key: `must be >= 0, got -1`.
 */
export interface OptionProblem {
  readonly key: string;
  readonly message: string;
  /** `unknown-key`: a key the schema does not know; `invalid`: a bad value (or a missing required one). */
  readonly code: 'not-an-object' | 'unknown-key' | 'invalid';
}

/** The sentence resolveOptions throws for a problem (after the owner): `lr must be >= 0, got -1`. */
export function describeProblem(problem: OptionProblem): string {
  return problem.code === 'invalid' && problem.key !== '' ? `${problem.key} ${problem.message}` : problem.message;
}

type Check = (key: string, message: string) => undefined;

function checkNumber(key: string, value: unknown, range: Range, report: Check): number | undefined {
  if (typeof value !== 'number' || !inRange(value, range)) return report(key, `must be ${describeRange(range)}, got ${show(value)}`);
  return value;
}

/** The value, validated; undefined after reporting a problem. */
function checkValue(key: string, spec: OptionSpec, value: unknown, report: Check): unknown {
  switch (spec.kind) {
    case 'number':
      return checkNumber(key, value, spec, report);
    case 'nullable-number':
      return value === null ? null : checkNumber(key, value, spec, report);
    case 'boolean':
      if (typeof value !== 'boolean') return report(key, `must be true or false, got ${show(value)}`);
      return value;
    case 'pair': {
      if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return report(key, `must be a pair of numbers, got ${show(value)}`);
      const pair = Array.from(value as ArrayLike<unknown>);
      if (pair.length !== 2) return report(key, `must be a pair of numbers, got ${show(pair)}`);
      // Like the throwing version, the first bad item is the one reported.
      const first = checkNumber(`${key}[0]`, pair[0], spec.items[0], report);
      if (first === undefined) return undefined;
      const second = checkNumber(`${key}[1]`, pair[1], spec.items[1], report);
      return second === undefined ? undefined : [first, second];
    }
    case 'choice':
      if (!spec.values.includes(value as string | null)) {
        return report(key, `must be one of ${spec.values.map(show).join(', ')}, got ${show(value)}`);
      }
      return value;
    case 'list': {
      if (spec.acceptScalar && typeof value === 'number') return checkNumber(key, value, spec.item, report);
      if (!Array.isArray(value)) return report(key, `must be a list of numbers, got ${show(value)}`);
      const list: number[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = checkNumber(`${key}[${i}]`, value[i], spec.item, report);
        if (item === undefined) return undefined;
        list.push(item);
      }
      if (spec.increasing) {
        for (let i = 1; i < list.length; i++) {
          if (!(list[i] > list[i - 1])) return report(key, `must be increasing, got ${show(list)}`);
        }
      }
      return list;
    }
    case 'function': {
      const isFunction = (f: unknown) => typeof f === 'function';
      if (!isFunction(value) && !(Array.isArray(value) && value.length > 0 && value.every(isFunction))) {
        return report(key, `must be a function of the step (or a list of them, one per group), got ${show(value)}`);
      }
      return value;
    }
  }
}

/**
 * Fills in defaults (from `base`, or the schema's own defaults) and validates every given option, reporting every
 * problem instead of stopping at the first: one per unknown key, then one per bad option in the schema's order.
 * Keys listed in `passThrough` are ignored. `options` holds the defaults where a given value was bad.
 */
export function checkOptions<S extends OptionSchema>(
  schema: S,
  given: object | undefined,
  base?: OptionsOf<S>,
  passThrough: readonly string[] = [],
): { options: OptionsOf<S>; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const source = (given ?? {}) as Record<string, unknown>;
  if (typeof source !== 'object' || Array.isArray(source)) {
    problems.push({ key: '', message: `options must be an object, got ${show(given)}`, code: 'not-an-object' });
    return { options: checkOptions(schema, {}, base).options, problems };
  }
  for (const key of Object.keys(source)) {
    if (!(key in schema) && !passThrough.includes(key)) {
      problems.push({ key, message: `unknown option ${show(key)} (known options: ${Object.keys(schema).join(', ')})`, code: 'unknown-key' });
    }
  }
  const report: Check = (key, message) => {
    problems.push({ key, message, code: 'invalid' });
    return undefined;
  };
  const resolved: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const value = source[key];
    const fallback = base ? (base as Record<string, unknown>)[key] : spec.default;
    const copy = Array.isArray(fallback) ? [...fallback] : fallback;
    if (value === undefined) {
      if (fallback === null && spec.kind === 'function') report(key, 'is required');
      resolved[key] = copy;
    } else {
      const checked = checkValue(key, spec, value, report);
      resolved[key] = checked === undefined ? copy : checked;
    }
  }
  return { options: resolved as OptionsOf<S>, problems };
}

/**
 * Fills in defaults (from `base`, or the schema's own defaults) and validates every given option, throwing on the
 * first problem: `Adam: lr must be >= 0, got -1`. Keys listed in `passThrough` (such as a param group's `params`)
 * are ignored here; any other unknown key is an error.
 */
export function resolveOptions<S extends OptionSchema>(
  owner: string,
  schema: S,
  given: object | undefined,
  base?: OptionsOf<S>,
  passThrough: readonly string[] = [],
): OptionsOf<S> {
  const { options, problems } = checkOptions(schema, given, base, passThrough);
  if (problems.length > 0) fail(owner, describeProblem(problems[0]));
  return options;
}
