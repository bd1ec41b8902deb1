/**
 * One run of a sweep as plain data (a task a worker thread can receive), and running it: minimize from its start,
 * summarized. Deterministic: the outcome depends on the task only (its measured time aside).
 *
 * This is all a sweep's worker thread loads, so it builds the objective straight from the zoo or the expression
 * compiler rather than through the description's parser: a thread starts in a third of the time without the
 * parser's schema and YAML libraries. The description was checked before the sweep began.
 */
import type { Objective } from '../objective/objective.js';
import { compile } from '../objective/expression/compile.js';
import { getFunction } from '../objective/zoo/registry.js';
import type { SchedulerSpec } from '../schedule/registry.js';
import type { StopRule } from './experiment.js';
import type { FunctionSpec } from './experiment-function.js';
import { minimize, type OptimizerSpec, type RunStatus } from './minimize.js';

/** One run as plain data: all a worker needs, and all the result depends on. */
export interface SweepTask {
  function: FunctionSpec;
  start: number[];
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  steps: number;
  tol?: number;
  stop: StopRule;
  bounds?: Array<[number, number]>;
  divergeAbove?: number;
}

/** What a run gives (the trace itself is not kept: a sweep has too many). */
export interface RunOutcome {
  status: RunStatus;
  stoppedAt: number;
  finalValue: number;
  finalPoint: number[];
  distanceToMinimum: number | null;
  evaluations: number;
  /** Measured, so it differs between sessions: kept apart from the results that must not. */
  timeMs: number;
}

/** Objectives built once per thread: an expression is compiled on its first run only. */
const objectives = new Map<string, { objective: Objective; minima?: number[][] }>();

function objectiveOf(spec: FunctionSpec): { objective: Objective; minima?: number[][] } {
  const id = JSON.stringify(spec);
  let built = objectives.get(id);
  if (built === undefined) {
    if ('expression' in spec) {
      built = { objective: compile(spec.expression, spec.variables ? { variables: spec.variables } : {}), ...(spec.minima ? { minima: spec.minima } : {}) };
    } else {
      const objective = getFunction(spec.name, spec.options);
      built = { objective, ...(objective.meta?.minima ? { minima: objective.meta.minima.map((m) => m.x) } : {}) };
    }
    objectives.set(id, built);
  }
  return built;
}

/** ‖x − m‖ to the nearest known minimum m (as run-experiment's distanceToNearest, without its imports); null when none. */
function distance(x: readonly number[], minima: readonly number[][] | undefined): number | null {
  if (minima === undefined || minima.length === 0) return null;
  let best = Infinity;
  for (const m of minima) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += (x[i] - m[i]) ** 2;
    best = Math.min(best, Math.sqrt(s));
  }
  return best;
}

export function runTask(task: SweepTask): RunOutcome {
  const { objective, minima } = objectiveOf(task.function);
  const trace = minimize(objective, task.start, {
    optimizer: task.optimizer,
    ...(task.schedule ? { schedule: task.schedule } : {}),
    maxSteps: task.steps,
    ...(task.tol !== undefined ? { tol: task.tol } : {}),
    stop: task.stop,
    ...(task.bounds ? { bounds: task.bounds } : {}),
    ...(task.divergeAbove !== undefined ? { divergeAbove: task.divergeAbove } : {}),
  });
  const last = trace.points.length - 1;
  return {
    status: trace.status,
    stoppedAt: trace.stoppedAt,
    finalValue: trace.values[last],
    finalPoint: trace.points[last],
    distanceToMinimum: distance(trace.points[last], minima),
    evaluations: trace.evaluations,
    timeMs: trace.timeMs,
  };
}
