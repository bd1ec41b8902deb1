/**
 * The shape of an experiment description, as zod schemas: which keys exist, their types and ranges. What the shape
 * cannot know (the options of each optimizer and scheduler, the function's dimension) is checked afterwards
 * against the registries and the objective, in experiment.ts. Messages are ours (`must be an integer >= 1, got 0`),
 * in the words the option schemas use.
 */
import * as z from 'zod';
import { show } from '../core/errors.js';
import { describeRange, inRange, type Range } from '../core/options.js';

/** A value checked by `test`, described as `what` when it fails: `must be <what>, got <value>`. */
function value<T>(test: (v: unknown) => boolean, what: string) {
  return z.custom<T>(test, { error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}, got ${show(issue.input)}`) });
}

/** A strict object: unknown keys are problems, each listing the known keys. */
function strict<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = `known: ${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? known : undefined) });
}

export const numberIn = (range: Range) => value<number>((v) => typeof v === 'number' && inRange(v, range), describeRange(range));

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const text = value<string>((v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string');

/** A point: a non-empty list of finite numbers. */
export const point = value<number[]>((v) => Array.isArray(v) && v.length > 0 && v.every(isFiniteNumber), 'a list of finite numbers');

/** An interval [low, high] with low <= high, both finite. */
export const interval = value<[number, number]>(
  (v) => Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber) && v[0] <= v[1],
  'an interval [low, high] of finite numbers with low <= high',
);

export const box = z.array(interval).min(1);

/** `{ random: 5 }`: five start points drawn uniformly (seeded) from the bounds, or else the function's domain. */
export const randomStarts = strict({ random: numberIn({ min: 1, integer: true }) });

export const startsSchema = z.union([z.array(point).min(1), randomStarts], {
  error: (issue) => (issue.code === 'invalid_union' ? 'a list of points or { random: n }' : undefined),
});

/** A scheduler or optimizer spec: its text form, or `{ name, ...options }` (options checked by the registry). */
const specUnion = <S extends z.core.$ZodLooseShape>(shape: S, what: string) =>
  z.union([text, z.looseObject({ name: text, ...shape })], { error: (issue) => (issue.code === 'invalid_union' ? what : undefined) });

export const scheduleSchema = specUnion({}, 'a scheduler as text ("StepLR stepSize=5") or { name, ...options }');

export const optimizerSchema = specUnion(
  { label: text.optional(), schedule: scheduleSchema.optional() },
  'an optimizer as text ("adam lr=0.05") or { name, label?, schedule?, ...options }',
);

/** A function typed in: the expression, and optionally its variables' order, a plotting domain and known minima. */
export const expressionSchema = strict({
  expression: value<string>((v) => typeof v === 'string', 'a string'),
  name: text.optional(),
  variables: z.array(value<string>((v) => typeof v === 'string' && /^[A-Za-z_]\w*$/.test(v), 'a variable name')).min(1).optional(),
  domain: box.optional(),
  minima: z.array(point).min(1).optional(),
});

/** A function of the zoo with its options: `{ name: rosenbrock-nd, dim: 10 }`. */
export const zooSpecSchema = z.looseObject({ name: text });

export const experimentSchema = strict({
  name: text.optional(),
  description: z.string().optional(),
  /** A zoo name, `{ name, ...options }` or `{ expression, ... }`: told apart and checked in experiment-function.ts. */
  function: z.unknown().optional(),
  start: point.optional(),
  starts: startsSchema.optional(),
  /** Each checked on its own (optimizerSchema, then the registry) in experiment-optimizers.ts. */
  optimizers: z.array(z.unknown()).min(1),
  /** A schedule for every optimizer that gives none of its own. */
  schedule: z.unknown().optional(),
  steps: numberIn({ min: 1, integer: true }).optional(),
  tol: numberIn({ min: 0 }).optional(),
  stop: z.enum(['value-change', 'grad-norm']).optional(),
  bounds: box.optional(),
  seed: numberIn({ integer: true }).optional(),
  divergeAbove: numberIn({ min: 0, minExclusive: true }).optional(),
});

export type ExperimentInput = z.infer<typeof experimentSchema>;
export type OptimizerInput = z.infer<typeof optimizerSchema>;
export type ScheduleInput = z.infer<typeof scheduleSchema>;
export type ExpressionInput = z.infer<typeof expressionSchema>;

/** The keys of an experiment description, for help and error messages. */
export const experimentKeys = Object.keys(experimentSchema.shape);
