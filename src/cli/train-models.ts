/**
 * The models `descent train` builds, from the models' registry (src/learn/models/registry.ts): names and option
 * schemas for reading "mlp hidden=16,16" and checking a description, and `buildModel`, which makes one for the
 * prepared data — inputs from its features, outputs from its task — or, given no model, the task's plain one.
 */
import type { OptionSchema } from '../core/options.js';
import type { SpecObject } from '../engine/spec-text.js';
import { createModel, findModel, models } from '../learn/models/registry.js';
import type { Dataset, Model } from '../learn/types.js';

export function modelNames(): string[] {
  return models.map((m) => m.name);
}

/** The entry of a model name (any case), or undefined. */
export function modelSchemaOf(name: string): { name: string; schema: OptionSchema } | undefined {
  return findModel(name);
}

/** The plain model of a task: linear, logistic or softmax regression. */
export function defaultModel(data: Dataset): string {
  const task = data.target.task;
  return task === 'regression' ? 'linear' : task === 'binary' ? 'logistic' : 'softmax';
}

/** Builds the model of `spec` for `data` (no name: the task's plain model); one that cannot learn the task is refused. */
export function buildModel(spec: Partial<SpecObject>, data: Dataset): Model {
  const { name = defaultModel(data), ...options } = spec;
  const classes = data.target.classes?.length;
  return createModel({ name, ...options }, { inputs: data.features, task: data.target.task, ...(classes !== undefined ? { classes } : {}) });
}
