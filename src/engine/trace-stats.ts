/**
 * Numbers read off a finished trace, which the demo's claims are decided on: how far a run ended from a target,
 * how long each step was, when it got below a tolerance for good, how far it swung past the target, how often its
 * value went up, and the step each coordinate actually took per unit of gradient (the "effective learning rate"
 * of the adaptive methods). They read traces only and know nothing of the optimizer that made them.
 */
import { fail, show } from '../core/errors.js';
import type { Objective } from '../objective/objective.js';
import type { Trace } from './minimize.js';

type Points = Pick<Trace, 'points'>;

/** ‖a − b‖₂. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) fail('distance', `the points have ${a.length} and ${b.length} coordinates`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** ‖x_t − x_{t−1}‖₂ for t = 1 … n: the length of each step. */
export function stepLengths(trace: Points): number[] {
  const lengths: number[] = [];
  for (let t = 1; t < trace.points.length; t++) lengths.push(distance(trace.points[t], trace.points[t - 1]));
  return lengths;
}

/**
 * The first step t after which the value stays at or below `threshold`: f_s ≤ threshold for every s ≥ t.
 * Undefined when the last value is above it (the run never got there for good). "For good" matters for
 * momentum, whose value can dip below a tolerance and climb back over it.
 */
export function stepsToReach(trace: Pick<Trace, 'values'>, threshold: number): number | undefined {
  if (Number.isNaN(threshold)) fail('stepsToReach', `threshold must be a number, got ${show(threshold)}`);
  const v = trace.values;
  let t = v.length;
  while (t > 0 && v[t - 1] <= threshold) t--;
  return t === v.length ? undefined : t;
}

/**
 * How far coordinate `axis` swung past the target, as a fraction of where it started:
 *   max_t max(0, −(x_t − x*) / (x_0 − x*)).
 * 0 for a coordinate that approaches from one side; 0.5 for one that went past by half its starting offset.
 * A coordinate that starts on the target cannot overshoot it (0).
 */
export function overshoot(trace: Points, target: ArrayLike<number>, axis: number): number {
  if (!(Number.isInteger(axis) && axis >= 0 && axis < target.length)) fail('overshoot', `axis must be an index below ${target.length}, got ${show(axis)}`);
  const offset = trace.points[0][axis] - target[axis];
  if (offset === 0) return 0;
  let worst = 0;
  for (const p of trace.points) worst = Math.max(worst, -(p[axis] - target[axis]) / offset);
  return worst;
}

/** The number of steps whose value is higher than the one before: how often a run climbed instead of descending. */
export function ascents(trace: Pick<Trace, 'values'>): number {
  let n = 0;
  for (let t = 1; t < trace.values.length; t++) if (trace.values[t] > trace.values[t - 1]) n++;
  return n;
}

/**
 * The step each coordinate took per unit of gradient, for each step t = 0 … n−1:
 *   η_eff,t,i = |x_{t+1,i} − x_{t,i}| / |∂f/∂x_i (x_t)|.
 * For SGD this is lr; for Adagrad lr / (√G_t,i + ε), for RMSprop lr / (√v_t,i + ε): the "effective learning rate"
 * of the adaptive methods, read from the path without opening the optimizer. NaN where the gradient is 0.
 * (With momentum it mixes in past gradients and is no longer a learning rate.)
 */
export function effectiveSteps(objective: Objective, trace: Points): number[][] {
  const grad = new Float64Array(objective.dim);
  const steps: number[][] = [];
  for (let t = 0; t + 1 < trace.points.length; t++) {
    const x = trace.points[t];
    if (x.length !== objective.dim) fail('effectiveSteps', `point ${t} has ${x.length} coordinates, the objective has ${objective.dim}`);
    objective.valueAndGrad(x, grad);
    const next = trace.points[t + 1];
    steps.push(Array.from(grad, (g, i) => (g === 0 ? NaN : Math.abs(next[i] - x[i]) / Math.abs(g))));
  }
  return steps;
}
