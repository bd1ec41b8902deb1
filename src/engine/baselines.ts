/**
 * The two baselines lecture notes 004 start from, run by the same engine so that a report can set evaluations,
 * time and accuracy against analytic-gradient descent:
 * - random search: try random points, keep the best;
 * - gradient descent on the numeric gradient: the analytic gradient replaced by central differences
 *   (2n evaluations of f per gradient instead of one pass).
 */
import { fail, show } from '../core/errors.js';
import { Random } from '../core/random.js';
import { numericGradient, type NumericGradientOptions } from '../objective/numeric-gradient.js';
import type { Objective } from '../objective/objective.js';
import type { Trace } from './minimize.js';

export interface RandomSearchOptions {
  /** A box [low, high] per coordinate to sample from. */
  domain: ReadonlyArray<readonly [number, number]>;
  /** Number of points tried (= evaluations of f). */
  samples: number;
  seed: number;
  /**
   * 'uniform': every point uniform in the domain. 'local': start at `start` (or a uniform point) and try the best
   * so far plus Gaussian noise of standard deviation `scale` × the domain's width, as in notes 004's second version.
   */
  mode?: 'uniform' | 'local';
  scale?: number;
  start?: ArrayLike<number>;
}

/**
 * Random search: x_k drawn at random, x_best ← x_k whenever f(x_k) < f(x_best). The trace records the best point
 * after each sample, so its values never increase; `evaluations` counts f, the only thing it calls.
 */
export function randomSearch(objective: Objective, options: RandomSearchOptions): Trace {
  const { domain, samples, seed, mode = 'uniform', scale = 0.05 } = options;
  if (domain?.length !== objective.dim) fail('randomSearch', `domain needs one [low, high] per coordinate (${objective.dim}), got ${show(domain)}`);
  if (!(Number.isInteger(samples) && samples >= 1)) fail('randomSearch', `samples must be an integer >= 1, got ${show(samples)}`);
  if (mode !== 'uniform' && mode !== 'local') fail('randomSearch', `mode must be "uniform" or "local", got ${show(mode)}`);
  if (!(scale > 0)) fail('randomSearch', `scale must be > 0, got ${show(scale)}`);
  const started = performance.now();
  const random = new Random(seed);
  const uniformPoint = () => domain.map(([low, high]) => random.between(low, high));
  let best = options.start ? Array.from(options.start) : uniformPoint();
  let bestValue = objective.value(best);
  if (Number.isNaN(bestValue)) bestValue = Infinity;
  const trace: Trace = { points: [best], values: [bestValue], gradNorms: [], lrs: [], status: 'max-steps', stoppedAt: samples - 1, evaluations: 1, timeMs: 0 };
  for (let k = 1; k < samples; k++) {
    const candidate = mode === 'uniform' ? uniformPoint() : best.map((b, i) => b + scale * (domain[i][1] - domain[i][0]) * random.normal());
    const value = objective.value(candidate);
    trace.evaluations += 1;
    if (value < bestValue) {
      best = candidate;
      bestValue = value;
    }
    trace.points.push(best);
    trace.values.push(bestValue);
  }
  trace.timeMs = performance.now() - started;
  return trace;
}

/** An objective whose gradient is computed by finite differences, counting every evaluation of f. */
export interface CountingObjective extends Objective {
  /** Evaluations of f so far (each numeric gradient costs 2n of them). */
  readonly evaluations: number;
}

/** Wraps an objective so that minimize runs gradient descent on the numeric gradient. */
export function withNumericGradient(objective: Objective, options: NumericGradientOptions = {}): CountingObjective {
  let evaluations = 0;
  const counted: Objective = {
    dim: objective.dim,
    value(x) {
      evaluations += 1;
      return objective.value(x);
    },
    valueAndGrad: () => NaN,
  };
  return {
    dim: objective.dim,
    meta: objective.meta,
    get evaluations() {
      return evaluations;
    },
    value: (x) => counted.value(x),
    valueAndGrad(x, grad) {
      numericGradient(counted, x, options, grad);
      return counted.value(x);
    },
  };
}
