/**
 * The objective interface: what every optimizer, experiment and picture consumes. A function f: ℝⁿ → ℝ with its
 * exact gradient, computed in one pass, plus optional metadata for plots and reports.
 *
 * Points outside a function's domain (√ of a negative number, log 0) give NaN or ±Infinity in the value and the
 * gradient; they never throw, so a run that wanders there is reported as diverged by the experiment layer.
 */

/** A published or known minimum. */
export interface KnownMinimum {
  x: number[];
  value: number;
}

export interface ObjectiveMeta {
  /** Registry name or a user-facing label, e.g. `rosenbrock`. */
  name?: string;
  /** Plain-text formula, e.g. `(1 - x)^2 + 100 (y - x^2)^2`. */
  formula?: string;
  /** The same formula in TeX, for reports and the playground. */
  tex?: string;
  /** Names of the variables, in the order of x (e.g. ['x', 'y']). */
  variables?: string[];
  /** A box per dimension, [low, high], for plots (the recommended search domain where one is published). */
  domain?: Array<[number, number]>;
  /** Global (and notable local) minima. */
  minima?: KnownMinimum[];
  /** Suggested start points (the seeds' own where they give one). */
  starts?: number[][];
  /** Where the minima and domain come from. */
  source?: string;
}

export interface Objective {
  /** Number of variables n. */
  readonly dim: number;
  /** f(x). */
  value(x: ArrayLike<number>): number;
  /** f(x), writing ∇f(x) into `grad` (length n) in the same pass. */
  valueAndGrad(x: ArrayLike<number>, grad: Float64Array): number;
  readonly meta?: ObjectiveMeta;
}
