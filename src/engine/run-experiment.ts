/**
 * Runs an experiment: every start point × every optimizer, each a minimize trajectory from the same start, in a
 * fixed order (start by start, optimizers in the order given). Nothing here is random: the seed has already fed
 * whatever was (random start points), so the same experiment gives the same numbers every time; only the
 * measured times differ.
 */
import type { Objective } from '../objective/objective.js';
import type { SchedulerSpec } from '../schedule/registry.js';
import { experimentConfig, type Experiment } from './experiment.js';
import { minimize, type OptimizerSpec, type RunStatus, type Trace } from './minimize.js';

export interface RunResult {
  label: string;
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  /** Which start point (index into the experiment's starts). */
  startIndex: number;
  start: number[];
  status: RunStatus;
  stoppedAt: number;
  /** The last finite point of the trace (for a diverged run: the last point before it diverged). */
  finalPoint: number[];
  finalValue: number;
  /** Euclidean distance from the final point to the nearest known minimum; null when none is known. */
  distanceToMinimum: number | null;
  evaluations: number;
  timeMs: number;
  trace: Trace;
}

export interface FunctionSummary {
  name?: string;
  formula?: string;
  dim: number;
  variables?: string[];
  domain?: Array<[number, number]>;
  minima?: Array<{ x: number[]; value: number }>;
}

export interface ExperimentResults {
  name: string;
  description?: string;
  /** The experiment in full, defaults filled in: enough to run it again. */
  config: Record<string, unknown>;
  function: FunctionSummary;
  runs: RunResult[];
}

export interface RunExperimentOptions {
  /** Called after each run: the run, its position (from 1) and the number of runs. */
  onRun?: (run: RunResult, done: number, total: number) => void;
  /** Called after each step of a run (index from 0), e.g. for a progress bar. */
  onStep?: (runIndex: number, step: number) => void;
}

/** Distance from x to the nearest of the known minima, or null. */
export function distanceToNearest(x: readonly number[], minima: ReadonlyArray<{ x: readonly number[] }> | undefined): number | null {
  if (minima === undefined || minima.length === 0) return null;
  let best = Infinity;
  for (const m of minima) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += (x[i] - m.x[i]) ** 2;
    best = Math.min(best, Math.sqrt(s));
  }
  return best;
}

function summarize(objective: Objective): FunctionSummary {
  const meta = objective.meta ?? {};
  return {
    ...(meta.name !== undefined ? { name: meta.name } : {}),
    ...(meta.formula !== undefined ? { formula: meta.formula } : {}),
    dim: objective.dim,
    ...(meta.variables !== undefined ? { variables: meta.variables } : {}),
    ...(meta.domain !== undefined ? { domain: meta.domain } : {}),
    ...(meta.minima !== undefined ? { minima: meta.minima.map(({ x, value }) => ({ x, value })) } : {}),
  };
}

export function runExperiment(experiment: Experiment, options: RunExperimentOptions = {}): ExperimentResults {
  const { objective, starts, optimizers, steps, tol, stop, bounds, divergeAbove } = experiment;
  const total = starts.length * optimizers.length;
  const runs: RunResult[] = [];
  starts.forEach((start, startIndex) => {
    for (const o of optimizers) {
      const trace = minimize(objective, start, {
        optimizer: o.optimizer,
        ...(o.schedule ? { schedule: o.schedule } : {}),
        maxSteps: steps,
        ...(tol !== undefined ? { tol } : {}),
        stop,
        ...(bounds ? { bounds } : {}),
        ...(divergeAbove !== undefined ? { divergeAbove } : {}),
        ...(options.onStep ? { onStep: (step: number) => options.onStep!(runs.length, step) } : {}),
      });
      const last = trace.points.length - 1;
      const finalPoint = trace.points[last];
      const run: RunResult = {
        label: o.label,
        optimizer: o.optimizer,
        ...(o.schedule ? { schedule: o.schedule } : {}),
        startIndex,
        start: [...start],
        status: trace.status,
        stoppedAt: trace.stoppedAt,
        finalPoint,
        finalValue: trace.values[last],
        distanceToMinimum: distanceToNearest(finalPoint, objective.meta?.minima),
        evaluations: trace.evaluations,
        timeMs: trace.timeMs,
        trace,
      };
      runs.push(run);
      options.onRun?.(run, runs.length, total);
    }
  });
  return {
    name: experiment.name,
    ...(experiment.description !== undefined ? { description: experiment.description } : {}),
    config: experimentConfig(experiment),
    function: summarize(objective),
    runs,
  };
}
