/**
 * How much memory an optimizer keeps per parameter (lecture 6: Adam needs two extra buffers where plain SGD needs
 * none). Measured, not declared: build the optimizer on a small parameter, take one step, count the numbers its
 * state holds.
 */
import { isFloatArray } from '../core/float-array.js';
import { Parameter } from '../core/parameter.js';
import { getOptimizer } from './registry.js';

function countNumbers(value: unknown): number {
  if (isFloatArray(value)) return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countNumbers(v), 0);
  return 0;
}

/**
 * Numbers of state per parameter coordinate after `steps` steps with the given options (scalars such as the step
 * count are not counted). LBFGS's history grows with the steps, up to historySize pairs.
 */
export function stateSizePerParameter(name: string, options: Record<string, unknown> = {}, steps = 1): number {
  const n = 8;
  const p = new Parameter(new Float64Array(n).fill(1));
  const entry = getOptimizer(name);
  const optimizer = entry.create([p], options);
  // A gradient that changes from step to step, so that methods with history (LBFGS) record some.
  const closure = () => {
    for (let i = 0; i < n; i++) p.grad![i] = (i + 1) * p.data[i] + 0.5;
    return p.data.reduce((s, x, i) => s + 0.5 * (i + 1) * x * x + 0.5 * x, 0);
  };
  for (let t = 0; t < steps; t++) {
    closure();
    if (entry.needsClosure) optimizer.step(closure);
    else optimizer.step();
  }
  const state = (optimizer as unknown as { state: Map<Parameter, object> }).state.get(p) ?? {};
  return countNumbers(Object.values(state)) / n;
}
