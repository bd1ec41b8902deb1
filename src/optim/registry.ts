/**
 * Every optimizer in one plain table: its torch name, a one-line summary, its option schema (defaults, ranges,
 * help) and a factory. The command line, the experiment engine and the playground build their forms, help and
 * validation from this table; nothing else lists the optimizers.
 */
import { fail } from '../core/errors.js';
import type { OptionSchema } from '../core/options.js';
import type { Parameter } from '../core/parameter.js';
import { Adadelta, adadeltaSchema } from './adadelta.js';
import { Adagrad, adagradSchema } from './adagrad.js';
import { Adam, adamSchema } from './adam.js';
import { Adamax, adamaxSchema } from './adamax.js';
import { AdamW, adamwSchema } from './adamw.js';
import { ASGD, asgdSchema } from './asgd.js';
import { LBFGS, lbfgsSchema } from './lbfgs.js';
import { Lion, lionSchema } from './lion.js';
import { NAdam, nadamSchema } from './nadam.js';
import { RAdam, radamSchema } from './radam.js';
import { RMSprop, rmspropSchema } from './rmsprop.js';
import { Rprop, rpropSchema } from './rprop.js';
import type { OptimizerLike, ParamGroupInput } from './optimizer.js';
import { SGD, sgdSchema } from './sgd.js';

export interface OptimizerEntry {
  /** torch's class name, e.g. `Adam`. */
  readonly name: string;
  readonly summary: string;
  /** Where the method comes from. */
  readonly reference: string;
  readonly schema: OptionSchema;
  /** Whether `step` needs a closure that re-evaluates the objective (LBFGS). */
  readonly needsClosure: boolean;
  /** Builds the optimizer; options are validated against the schema. */
  create(params: Parameter[] | ParamGroupInput<Record<string, unknown>>[], options?: Record<string, unknown>): OptimizerLike;
}

// Each class takes its own options type; the table accepts any options and lets the schema validate them.
type Ctor = new (params: never, options?: never) => OptimizerLike;
type LooseCtor = new (params: unknown, options: unknown) => OptimizerLike;

function entry(name: string, ctor: Ctor, schema: OptionSchema, summary: string, reference: string, needsClosure = false): OptimizerEntry {
  const create = (params: unknown, options?: unknown) => new (ctor as unknown as LooseCtor)(params, options);
  return Object.freeze({ name, summary, reference, schema, needsClosure, create });
}

export const optimizers: readonly OptimizerEntry[] = Object.freeze([
  entry('SGD', SGD, sgdSchema, 'gradient descent with optional heavy-ball or Nesterov momentum', 'Polyak 1964; Sutskever et al. 2013'),
  entry('Adagrad', Adagrad, adagradSchema, 'per-coordinate steps scaled by the root of all past squared gradients', 'Duchi, Hazan & Singer 2011'),
  entry('RMSprop', RMSprop, rmspropSchema, 'Adagrad with a forgetting (exponential) average of squared gradients', 'Hinton 2012'),
  entry('Adam', Adam, adamSchema, 'adaptive moments: momentum on g and a per-coordinate scale from g²', 'Kingma & Ba 2015'),
  entry('AdamW', AdamW, adamwSchema, 'Adam with weight decay decoupled from the gradient', 'Loshchilov & Hutter 2019'),
  entry('Adadelta', Adadelta, adadeltaSchema, 'steps in the units of θ from averages of squared gradients and updates', 'Zeiler 2012'),
  entry('Adamax', Adamax, adamaxSchema, 'Adam with a decaying infinity norm in place of the second moment', 'Kingma & Ba 2015, §7.1'),
  entry('NAdam', NAdam, nadamSchema, 'Adam with Nesterov momentum and a warming momentum schedule', 'Dozat 2016'),
  entry('RAdam', RAdam, radamSchema, 'Adam that rectifies the variance of its early adaptive steps', 'Liu et al. 2020'),
  entry('ASGD', ASGD, asgdSchema, 'SGD with a decaying step and averaging of the iterates', 'Polyak & Juditsky 1992'),
  entry('Rprop', Rprop, rpropSchema, 'sign-based steps with per-coordinate adaptive sizes', 'Riedmiller & Braun 1993'),
  entry('LBFGS', LBFGS, lbfgsSchema, 'limited-memory quasi-Newton steps, optionally with a strong-Wolfe line search; needs a closure', 'Liu & Nocedal 1989', true),
  entry('Lion', Lion, lionSchema, 'sign of an interpolated momentum: every coordinate moves by ±lr', 'Chen et al. 2023'),
]);

/** Looks an optimizer up by name, ignoring case (`adam`, `Adam`, `ADAM`). */
export function getOptimizer(name: string): OptimizerEntry {
  const found = optimizers.find((o) => o.name.toLowerCase() === String(name).toLowerCase());
  if (!found) fail('optimizer', `unknown optimizer ${JSON.stringify(name)} (known: ${optimizers.map((o) => o.name).join(', ')})`);
  return found;
}
