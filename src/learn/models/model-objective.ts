/**
 * A model on a fixed batch seen as an Objective f: ℝⁿ → ℝ over its flattened parameters (in the order of
 * `model.parameters`), so the tools made for objectives apply to models: gradCheck, numericGradient, minimize.
 */
import { fail } from '../../core/errors.js';
import type { Objective } from '../../objective/objective.js';
import type { Batch, Model } from '../types.js';

/** The number of scalars in all of the model's parameters. */
export function parameterCount(model: Model): number {
  return model.parameters.reduce((n, p) => n + p.data.length, 0);
}

/** Copies the model's parameters, one after another, into `out` (a new Float64Array by default). */
export function getFlatParameters(model: Model, out = new Float64Array(parameterCount(model))): Float64Array {
  let at = 0;
  for (const p of model.parameters) {
    out.set(p.data, at);
    at += p.data.length;
  }
  return out;
}

/** Writes x into the model's parameters (rounded to float32 where a parameter is float32). */
export function setFlatParameters(model: Model, x: ArrayLike<number>): void {
  let at = 0;
  for (const p of model.parameters) {
    for (let i = 0; i < p.data.length; i++) p.data[i] = x[at + i];
    at += p.data.length;
  }
}

/** f(θ) = model's loss on `batch` with parameters θ; its gradient comes from the model's own backward pass. */
export function modelObjective(model: Model, batch: Batch): Objective {
  const dim = parameterCount(model);
  const check = (x: ArrayLike<number>) => {
    if (x.length !== dim) fail('modelObjective', `x must have ${dim} values (the model's parameters), got ${x.length}`);
  };
  return {
    dim,
    value(x) {
      check(x);
      setFlatParameters(model, x);
      return model.loss(batch);
    },
    valueAndGrad(x, grad) {
      check(x);
      setFlatParameters(model, x);
      const value = model.lossAndGrad(batch);
      let at = 0;
      for (const p of model.parameters) {
        if (p.grad !== null) grad.set(p.grad, at);
        else grad.fill(0, at, at + p.data.length);
        at += p.data.length;
      }
      return value;
    },
    meta: { name: `${model.name} loss` },
  };
}
