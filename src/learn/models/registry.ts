/**
 * Every model in one table, as the optimizers are (src/optim/registry.ts): its name on the command line, a
 * summary, the tasks it fits, its option schema, and a factory that takes the data's shape. `createModel` builds
 * one from a spec object `{ name: 'mlp', hidden: [64, 32], activation: 'relu' }` or the same spec as text,
 * `mlp hidden=64,32 activation=relu`.
 */
import { fail, show } from '../../core/errors.js';
import { parseOptionText } from '../../core/option-text.js';
import { resolveOptions, type OptionSchema } from '../../core/options.js';
import type { Model, Task } from '../types.js';
import { LinearRegression, linearSchema } from './linear.js';
import { LogisticRegression, logisticSchema } from './logistic.js';
import { MLP, mlpSchema } from './mlp.js';
import { SoftmaxRegression, softmaxSchema } from './softmax.js';

/** What the data tells a model: the number of features, the task, and for classification the number of classes. */
export interface ModelContext {
  inputs: number;
  task: Task;
  classes?: number;
}

export interface ModelEntry {
  readonly name: string;
  readonly summary: string;
  readonly tasks: readonly Task[];
  readonly schema: OptionSchema;
  /** Builds the model; options are validated against the schema. */
  create(context: ModelContext, options?: Record<string, unknown>): Model;
}

const outputsOf = (context: ModelContext): number => {
  if (context.task !== 'multiclass') return 1;
  const { classes } = context;
  if (!(typeof classes === 'number' && Number.isInteger(classes) && classes >= 2)) fail('model', `a multiclass target needs 2 or more classes, got ${show(classes)}`);
  return classes;
};

const mlpRegistrySchema = {
  hidden: { kind: 'list', default: [32], item: { min: 1, integer: true }, description: 'sizes of the hidden layers, e.g. 64,32' },
  ...mlpSchema,
} as const satisfies OptionSchema;

const entries: ModelEntry[] = [
  {
    name: 'linear', summary: 'linear regression, ½ mean squared error (closed form: leastSquares)', tasks: ['regression'], schema: linearSchema,
    create: (c, o) => new LinearRegression({ ...resolveOptions('linear', linearSchema, o), inputs: c.inputs }),
  },
  {
    name: 'logistic', summary: 'logistic regression, binary cross-entropy from the logit', tasks: ['binary'], schema: logisticSchema,
    create: (c, o) => new LogisticRegression({ ...resolveOptions('logistic', logisticSchema, o), inputs: c.inputs }),
  },
  {
    name: 'softmax', summary: 'softmax regression, cross-entropy by log-sum-exp', tasks: ['multiclass'], schema: softmaxSchema,
    create: (c, o) => new SoftmaxRegression({ ...resolveOptions('softmax', softmaxSchema, o), inputs: c.inputs, classes: outputsOf(c) }),
  },
  {
    name: 'mlp', summary: 'multilayer perceptron; head and loss by task (identity + MSE, logit + BCE, softmax + CE)',
    tasks: ['regression', 'binary', 'multiclass'], schema: mlpRegistrySchema,
    create: (c, o) => {
      const { hidden, ...rest } = resolveOptions('mlp', mlpRegistrySchema, o);
      return new MLP({ ...rest, layers: [c.inputs, ...hidden, outputsOf(c)], task: c.task });
    },
  },
];

export const models: readonly ModelEntry[] = Object.freeze(entries.map((entry) => Object.freeze(entry)));

/** The entry of a model by name, ignoring case; undefined if there is none. */
export function findModel(name: string): ModelEntry | undefined {
  return models.find((m) => m.name === String(name).toLowerCase());
}

/** The entry of a model by name, ignoring case; throws naming the known models otherwise. */
export function getModel(name: string): ModelEntry {
  const found = findModel(name);
  if (!found) fail('model', `unknown model ${show(name)} (known: ${models.map((m) => m.name).join(', ')})`);
  return found;
}

export type ModelSpec = string | ({ name: string } & Record<string, unknown>);

/** Reads `mlp hidden=64,32 activation=relu` (option names in camelCase or kebab-case) into a spec object. */
export function parseModelSpec(text: string): { name: string } & Record<string, unknown> {
  const [name, ...words] = text.trim().split(/\s+/);
  if (name === undefined || name === '' || name.includes('=')) fail('model', `a model spec must start with a name, got ${show(text)}`);
  const entry = getModel(name);
  const spec: { name: string } & Record<string, unknown> = { name: entry.name };
  for (const word of words) {
    const at = word.indexOf('=');
    const key = (at < 0 ? word : word.slice(0, at)).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const option = entry.schema[key];
    if (option === undefined) fail(entry.name, `unknown option ${show(key)} (known options: ${Object.keys(entry.schema).join(', ')})`);
    const parsed = parseOptionText(option, at < 0 ? undefined : word.slice(at + 1));
    if ('problem' in parsed) fail(entry.name, `${key} ${parsed.problem}`);
    spec[key] = parsed.value;
  }
  return spec;
}

/** Builds a model for data of the given shape from a spec; a model that does not fit the task is an error. */
export function createModel(spec: ModelSpec, context: ModelContext): Model {
  const { name, ...options } = typeof spec === 'string' ? parseModelSpec(spec) : spec;
  const entry = getModel(name);
  if (!entry.tasks.includes(context.task)) {
    const fitting = models.filter((m) => m.tasks.includes(context.task)).map((m) => m.name);
    fail('model', `${entry.name} fits ${entry.tasks.join(' or ')} targets, but the target is ${context.task} (use ${fitting.join(' or ')})`);
  }
  return entry.create(context, options);
}
