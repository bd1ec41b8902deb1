/**
 * What every function of the zoo carries beyond the Objective interface: complete metadata (formula in text and
 * TeX, domain, minima with where they come from, start points), and, for each minimum whose published figures are
 * rounded, both the published figures and the full-precision refinement.
 */
import type { KnownMinimum, Objective, ObjectiveMeta } from '../objective.js';

/** A minimum as published (rounded), kept beside its refinement so that tests can check the publication itself. */
export interface PublishedMinimum {
  x: number[];
  value: number;
  /**
   * How far f(published x) may be from the published value: one unit of the value's last published digit, or 1e-9
   * where the published value is exact (0, 3, −1) and only the point is rounded. A wider tolerance is explained in
   * `note`.
   */
  tolerance: number;
  note?: string;
}

export interface ZooMinimum extends KnownMinimum {
  /** The global minimum (all of them, when several tie), or a notable local one. */
  kind: 'global' | 'local';
  /**
   * Present when `x` and `value` are a refinement (Newton's method on the analytic gradient, started at the
   * published point) of rounded published figures; absent when the minimum is exact as published or found by us.
   */
  published?: PublishedMinimum;
  /** How a minimum without a publication was found, or a caveat (a minimum on the edge of the domain). */
  note?: string;
}

export interface ZooMeta extends ObjectiveMeta {
  name: string;
  formula: string;
  tex: string;
  variables: string[];
  domain: Array<[number, number]>;
  /** Empty only for a function without a minimum, which then says why in `noMinimum`. */
  minima: ZooMinimum[];
  /** Why there is no minimum (the saddle x² − y² is unbounded below). */
  noMinimum?: string;
  starts: number[][];
  /** Where the start points come from: the seeds' own, a standard one from the literature, or ours. */
  startsSource: string;
  source: string;
}

export interface ZooObjective extends Objective {
  readonly meta: ZooMeta;
}

/** f(x) and ∇f(x) written into `grad`, in one pass. */
export type ValueAndGrad = (x: ArrayLike<number>, grad: Float64Array) => number;

/** An Objective from a one-pass valueAndGrad; `value` runs the same pass into a scratch gradient. */
export function zooObjective(dim: number, meta: ZooMeta, valueAndGrad: ValueAndGrad): ZooObjective {
  const scratch = new Float64Array(dim);
  return Object.freeze({
    dim,
    meta,
    valueAndGrad,
    value: (x: ArrayLike<number>) => valueAndGrad(x, scratch),
  });
}

/** The Virtual Library of Simulation Experiments, where the standard benchmarks' domains and minima are published. */
export function vlse(page: string): string {
  return `Surjanovic & Bingham, Virtual Library of Simulation Experiments (SFU, 2013), https://www.sfu.ca/~ssurjano/${page}`;
}

/** The same interval for each of `dim` coordinates. */
export function box(dim: number, low: number, high: number): Array<[number, number]> {
  return Array.from({ length: dim }, () => [low, high] as [number, number]);
}
