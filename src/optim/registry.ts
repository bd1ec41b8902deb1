/**
 * Every optimizer in one plain table: its torch name, a one-line summary, its option schema (defaults, ranges,
 * help) and a factory. The command line, the experiment engine and the playground build their forms, help and
 * validation from this table; nothing else lists the optimizers.
 */
import { fail } from '../core/errors.js';
import type { OptionSchema } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { Adam, adamSchema } from './adam.js';
import { AdamW, adamwSchema } from './adamw.js';
import type { OptimizerLike, ParamGroupInput } from './optimizer.js';
import { SGD, sgdSchema } from './sgd.js';

export interface OptimizerEntry {
  /** torch's class name, e.g. `Adam`. */
  readonly name: string;
  readonly summary: string;
  /** Where the method comes from. */
  readonly reference: string;
  readonly schema: OptionSchema;
  /** Builds the optimizer; options are validated against the schema. */
  create(params: Parameter[] | ParamGroupInput<Record<string, unknown>>[], options?: Record<string, unknown>): OptimizerLike;
}

// Each class takes its own options type; the table accepts any options and lets the schema validate them.
type Ctor = new (params: never, options?: never) => OptimizerLike;
type LooseCtor = new (params: unknown, options: unknown) => OptimizerLike;

function entry(name: string, ctor: Ctor, schema: OptionSchema, summary: string, reference: string): OptimizerEntry {
  const create = (params: unknown, options?: unknown) => new (ctor as unknown as LooseCtor)(params, options);
  return Object.freeze({ name, summary, reference, schema, create });
}

export const optimizers: readonly OptimizerEntry[] = Object.freeze([
  entry('SGD', SGD, sgdSchema, 'gradient descent with optional heavy-ball or Nesterov momentum', 'Polyak 1964; Sutskever et al. 2013'),
  entry('Adam', Adam, adamSchema, 'adaptive moments: momentum on g and a per-coordinate scale from g²', 'Kingma & Ba 2015'),
  entry('AdamW', AdamW, adamwSchema, 'Adam with weight decay decoupled from the gradient', 'Loshchilov & Hutter 2019'),
]);

/** Looks an optimizer up by name, ignoring case (`adam`, `Adam`, `ADAM`). */
export function getOptimizer(name: string): OptimizerEntry {
  const found = optimizers.find((o) => o.name.toLowerCase() === String(name).toLowerCase());
  if (!found) fail('optimizer', `unknown optimizer ${JSON.stringify(name)} (known: ${optimizers.map((o) => o.name).join(', ')})`);
  return found;
}
