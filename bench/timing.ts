/**
 * Timing by repeated runs: warm up (JIT compilation, first-touch page faults, lazily created optimizer state),
 * then time `repeats` runs of `steps` calls each and keep the median time per call. The median, not the mean or
 * the minimum, because the machine is shared: one slow run from a neighbour's burst must not move the result,
 * and the minimum would report a lucky run rather than a typical one.
 */
import { performance } from 'node:perf_hooks';

export interface RepeatScheme {
  /** Untimed calls before the first timed run. */
  warmup: number;
  /** Calls per timed run. */
  steps: number;
  /** Timed runs; the median over them is reported. */
  repeats: number;
}

export interface Timing {
  /** Median over the runs of the mean time per call, in milliseconds. */
  medianMs: number;
  /** The mean time per call of each run, in milliseconds, in the order they ran. */
  runsMs: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times `call` under `scheme` and returns the median time per call. */
export function timePerCall(call: () => void, scheme: RepeatScheme): Timing {
  for (let i = 0; i < scheme.warmup; i++) call();
  const runsMs: number[] = [];
  for (let r = 0; r < scheme.repeats; r++) {
    const start = performance.now();
    for (let i = 0; i < scheme.steps; i++) call();
    runsMs.push((performance.now() - start) / scheme.steps);
  }
  return { medianMs: median(runsMs), runsMs };
}
