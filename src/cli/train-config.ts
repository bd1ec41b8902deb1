/**
 * What `descent train` trains, as data: the data set (a name or a CSV/JSON path) with its target, features,
 * missing-value policy, scaling and split; the model; the optimizer, schedule and early stopping; epochs, batch
 * size, metrics, seed. It comes from a YAML/JSON file or from the command line's flags, which are turned into the
 * same description, so both are checked by one zod schema and the registries, every problem reported at once with
 * its path (`optimizer.lr: must be >= 0, got -1`; from flags, `--batch-size: …`).
 *
 * ```yaml
 * data: cars                        # or a path: data/my.csv
 * target: Miles_per_Gallon           # a named set has a default target and features
 * features: [Horsepower, Weight_in_lbs]
 * model: linear                     # default: linear, logistic or softmax by the task; or "mlp hidden=16,16 activation=tanh", or { name: mlp, hidden: [16, 16] }
 * optimizer: sgd lr=0.01            # or { name: sgd, lr: 0.01 }
 * schedule: StepLR stepSize=5 gamma=0.5
 * earlyStopping: patience=5 restoreBest
 * epochs: 50
 * batchSize: 32
 * ```
 */
import * as z from 'zod';
import { show } from '../core/errors.js';
import { checkOptions, type OptionSchema } from '../core/options.js';
import { readDescriptionText } from '../engine/experiment.js';
import { numberIn, text } from '../engine/experiment-schema.js';
import type { OptimizerSpec } from '../engine/minimize.js';
import { addOptionProblems, ExperimentError, joinPath, Problems, zodProblems } from '../engine/problems.js';
import { parseSpecText, type SpecObject } from '../engine/spec-text.js';
import { metricNames } from '../learn/metrics.js';
import { optimizers } from '../optim/registry.js';
import { earlyStoppingSchema, type EarlyStoppingOptions } from '../schedule/early-stopping.js';
import { schedulers, type SchedulerSpec } from '../schedule/registry.js';
import { modelNames, modelSchemaOf } from './train-models.js';

const spec = (what: string) =>
  z.union([text, z.looseObject({ name: text })], { error: (issue) => (issue.code === 'invalid_union' ? what : undefined) });

export const trainSchema = z.strictObject(
  {
    name: text.optional(),
    description: z.string().optional(),
    data: text,
    target: text.optional(),
    features: z.array(text).min(1).optional(),
    missing: z.enum(['drop', 'mean', 'median', 'mode']).optional(),
    scale: z.enum(['standard', 'minmax', 'none']).optional(),
    validation: numberIn({ min: 0, max: 1, maxExclusive: true }).optional(),
    test: numberIn({ min: 0, max: 1, maxExclusive: true }).optional(),
    dtype: z.enum(['float64', 'float32']).optional(),
    model: spec('a model as text ("mlp hidden=16,16") or { name, ...options }').optional(),
    optimizer: spec('an optimizer as text ("sgd lr=0.01") or { name, ...options }'),
    schedule: spec('a scheduler as text ("StepLR stepSize=5") or { name, ...options }').optional(),
    scheduleStep: z.enum(['epoch', 'step']).optional(),
    earlyStopping: z.union([z.string(), z.looseObject({})], { error: () => 'text ("patience=5 restoreBest") or { patience, minDelta, mode, restoreBest }' }).optional(),
    epochs: numberIn({ min: 1, integer: true }).optional(),
    batchSize: numberIn({ min: 1, integer: true }).optional(),
    shuffle: z.boolean().optional(),
    metrics: z.array(z.enum(metricNames as [string, ...string[]])).min(1).optional(),
    seed: numberIn({ integer: true }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'known: name, description, data, target, features, missing, scale, validation, test, dtype, model, optimizer, schedule, scheduleStep, earlyStopping, epochs, batchSize, shuffle, metrics, seed' : undefined) },
);

export interface TrainConfig {
  name: string;
  description?: string;
  data: string;
  /** Unset: the named data set's default target. */
  target?: string;
  features?: string[];
  missing: 'drop' | 'mean' | 'median' | 'mode';
  scale: 'standard' | 'minmax' | 'none';
  validation: number;
  test: number;
  dtype: 'float64' | 'float32';
  /** Unset: the plain model of the data's task (linear, logistic or softmax regression). */
  model?: SpecObject;
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  scheduleStep: 'epoch' | 'step';
  earlyStopping?: Partial<EarlyStoppingOptions>;
  epochs: number;
  /** Unset: 32 (at most the training rows); for LBFGS, every training row. */
  batchSize?: number;
  shuffle: boolean;
  metrics?: string[];
  seed: number;
}

export const trainDefaults = { missing: 'drop', scale: 'standard', validation: 0.2, test: 0, dtype: 'float64', scheduleStep: 'epoch', epochs: 50, shuffle: true, seed: 0 } as const;

const byName = <E extends { name: string; schema: OptionSchema }>(entries: readonly E[]) => (name: string) => entries.find((e) => e.name.toLowerCase() === name.toLowerCase());

/** A `{ name, ...options }` from text or an object, its name and options checked against a registry. */
function registrySpec(raw: unknown, path: string, kind: string, find: (name: string) => { name: string; schema: OptionSchema } | undefined, known: () => string[], problems: Problems): SpecObject | undefined {
  const parsed = typeof raw === 'string' ? parseSpecText(raw, (name) => find(name)?.schema, path, problems) : ({ ...(raw as SpecObject) } as SpecObject);
  if (parsed === undefined) return undefined;
  const { name, ...options } = parsed;
  const entry = find(name);
  if (entry === undefined) return problems.add(typeof raw === 'string' ? path : joinPath(path, 'name'), `unknown ${kind} ${show(name)} (known: ${known().join(', ')})`);
  const before = problems.size;
  const children = (entry as { children?: string }).children;
  addOptionProblems(problems, path, checkOptions(entry.schema, options, undefined, children ? [children] : []).problems);
  return problems.size > before ? undefined : { ...options, name: entry.name };
}

function earlyStoppingOf(raw: unknown, problems: Problems): Partial<EarlyStoppingOptions> | undefined {
  const path = 'earlyStopping';
  const parsed = typeof raw === 'string' ? parseSpecText(`earlyStopping ${raw}`, () => earlyStoppingSchema, path, problems) : { name: '', ...(raw as object) };
  if (parsed === undefined) return undefined;
  const { name: _name, ...options } = parsed;
  const before = problems.size;
  addOptionProblems(problems, path, checkOptions(earlyStoppingSchema, options).problems);
  return problems.size > before ? undefined : (options as Partial<EarlyStoppingOptions>);
}

/** Checks a description (parsed from YAML/JSON, or made from flags) and fills in the defaults. */
export function parseTrainConfig(data: unknown, options: { name?: string; source?: string } = {}): TrainConfig {
  const problems = new Problems();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ExperimentError([{ path: '', message: `must be a mapping with at least data, target, model and optimizer, got ${show(data)}` }], options.source);
  }
  const parsed = trainSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) zodProblems(parsed.error.issues).forEach((p) => problems.add(p.path, p.message));
  const raw = data as Record<string, unknown>;
  const bad = (key: string) => problems.list.some((p) => p.path === key || p.path.startsWith(`${key}.`));
  const model = raw.model !== undefined && !bad('model') ? registrySpec(raw.model, 'model', 'model', modelSchemaOf, modelNames, problems) : undefined;
  const optimizer = raw.optimizer !== undefined && !bad('optimizer') ? registrySpec(raw.optimizer, 'optimizer', 'optimizer', byName(optimizers), () => optimizers.map((o) => o.name), problems) : undefined;
  const schedule = raw.schedule !== undefined && !bad('schedule') ? registrySpec(raw.schedule, 'schedule', 'scheduler', byName(schedulers), () => schedulers.map((s) => s.name), problems) : undefined;
  const earlyStopping = raw.earlyStopping !== undefined && !bad('earlyStopping') ? earlyStoppingOf(raw.earlyStopping, problems) : undefined;
  const split = ((raw.validation as number) ?? trainDefaults.validation) + ((raw.test as number) ?? trainDefaults.test);
  if (!bad('validation') && !bad('test') && split >= 1) problems.add('validation', `and test together must leave rows to train on, got ${split}`);
  problems.throwIfAny(options.source);

  const e = parsed.data!;
  const dataName = e.data.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    name: e.name ?? options.name ?? (model ? `${dataName}-${model.name.toLowerCase()}` : dataName),
    ...(e.description !== undefined ? { description: e.description } : {}),
    data: e.data,
    ...(e.target !== undefined ? { target: e.target } : {}),
    ...(e.features ? { features: e.features } : {}),
    missing: e.missing ?? trainDefaults.missing,
    scale: e.scale ?? trainDefaults.scale,
    validation: e.validation ?? trainDefaults.validation,
    test: e.test ?? trainDefaults.test,
    dtype: e.dtype ?? trainDefaults.dtype,
    ...(model ? { model } : {}),
    optimizer: optimizer as OptimizerSpec,
    ...(schedule ? { schedule: schedule as SchedulerSpec } : {}),
    scheduleStep: e.scheduleStep ?? trainDefaults.scheduleStep,
    ...(earlyStopping ? { earlyStopping } : {}),
    epochs: e.epochs ?? trainDefaults.epochs,
    ...(e.batchSize !== undefined ? { batchSize: e.batchSize } : {}),
    shuffle: e.shuffle ?? trainDefaults.shuffle,
    ...(e.metrics ? { metrics: e.metrics } : {}),
    seed: e.seed ?? trainDefaults.seed,
  };
}

/** Parses a description file's text (YAML or JSON by `format`) and checks it. */
export function parseTrainText(textContent: string, options: { name?: string; source?: string; format?: 'yaml' | 'json' } = {}): TrainConfig {
  return parseTrainConfig(readDescriptionText(textContent, options), options);
}
