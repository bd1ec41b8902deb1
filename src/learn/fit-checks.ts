/**
 * The fit loop's checks of its input, made before any step so that bad input fails early with a message that names
 * the thing and the value: the data (not empty, finite, as many features as the model takes, a target the model's
 * task can learn), the batch size, the epochs, and an optimizer given as an instance (it must hold the model's
 * parameters).
 */
import { fail, show } from '../core/errors.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import type { Dataset, Model } from './types.js';

/** Checks one split against the model; `what` names it in messages (`data`, `validation`). */
export function checkDataset(data: Dataset, model: Model, what: string): void {
  if (data === null || typeof data !== 'object' || !ArrayBuffer.isView(data.x) || !ArrayBuffer.isView(data.y)) {
    fail('fit', `${what} must be a Dataset ({ x, y, rows, features, … }), got ${show(data)}`);
  }
  const { rows, features, name } = data;
  if (!(Number.isInteger(rows) && rows > 0)) fail('fit', `${what} ${show(name)} is empty (${show(rows)} rows)`);
  if (features !== model.inputs) fail('fit', `${what} ${show(name)} has ${features} features, the model ${show(model.name)} takes ${model.inputs}`);
  if (data.x.length < rows * features || data.y.length < rows) {
    fail('fit', `${what} ${show(name)} says ${rows} rows × ${features} features, but x has ${data.x.length} numbers and y ${data.y.length}`);
  }
  const task = data.target?.task;
  if (task !== undefined && task !== model.task) fail('fit', `${what} ${show(name)} is a ${task} problem, the model ${show(model.name)} is for ${model.task}`);
  for (let i = 0; i < rows * features; i++) {
    if (!Number.isFinite(data.x[i])) fail('fit', `${what} ${show(name)} has ${data.x[i]} in row ${Math.floor(i / features)}, feature ${show(data.featureNames[i % features] ?? i % features)}`);
  }
  const classes = model.task === 'regression' ? 0 : model.task === 'binary' ? 2 : model.outputs;
  for (let i = 0; i < rows; i++) {
    const y = data.y[i];
    if (!Number.isFinite(y)) fail('fit', `${what} ${show(name)} has the target ${y} in row ${i}`);
    if (classes > 0 && !(Number.isInteger(y) && y >= 0 && y < classes)) {
      fail('fit', `${what} ${show(name)} has the class ${y} in row ${i}; the model ${show(model.name)} expects 0 … ${classes - 1}`);
    }
  }
}

export function checkCount(value: unknown, what: string, min: number, max = Infinity): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Infinity ? `>= ${min}` : `in ${min} … ${max}`;
    fail('fit', `${what} must be an integer ${range}, got ${show(value)}`);
  }
  return value;
}

/** Whether `value` looks like an optimizer instance rather than a spec. */
export function isOptimizer(value: unknown): value is OptimizerLike {
  const o = value as OptimizerLike;
  return typeof o === 'object' && o !== null && typeof o.step === 'function' && Array.isArray(o.paramGroups);
}

/** An optimizer given as an instance must update the model's own parameters, every one of them. */
export function checkOptimizerParams(optimizer: OptimizerLike, model: Model): void {
  const held = new Set(optimizer.paramGroups.flatMap((g) => g.params));
  const missing = model.parameters.findIndex((p) => !held.has(p));
  if (missing >= 0) {
    const p = model.parameters[missing];
    fail('fit', `the optimizer ${optimizer.name} does not hold the model's parameter ${show(p.name ?? missing)}; build it on model.parameters`);
  }
}
