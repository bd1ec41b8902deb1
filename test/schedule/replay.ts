/**
 * Shared by the scheduler suites: optimizers over parameters with zero gradients, scheduler specs whose lambdas
 * are written as data (as in test/fixtures/schedule/parity.json), and a loop that records what each step sets.
 */
import { Parameter } from '../../src/core/parameter.js';
import type { StepFunction } from '../../src/core/options.js';
import type { GroupView, OptimizerLike } from '../../src/optim/optimizer.js';
import { getOptimizer } from '../../src/optim/registry.js';
import { createScheduler, type SchedulerSpec } from '../../src/schedule/registry.js';
import type { Scheduler } from '../../src/schedule/scheduler.js';

/** An optimizer as data: its registry name, its options and, for several groups, each group's own options. */
export interface OptimizerSpec {
  name: string;
  options: Record<string, unknown>;
  /** One entry per param group (one parameter each); null: one group from a plain parameter list. */
  groups: Array<Record<string, unknown>> | null;
}

/**
 * A step function as data, as generate.py records it:
 *   exp     t -> base ** t
 *   warmup  t -> min(1, (t + 1) / steps)
 *   const   t -> value
 */
export type LambdaSpec = { kind: 'exp'; base: number } | { kind: 'warmup'; steps: number } | { kind: 'const'; value: number };

export function makeLambda(desc: LambdaSpec): StepFunction {
  switch (desc.kind) {
    case 'exp':
      return (t) => desc.base ** t;
    case 'warmup':
      return (t) => Math.min(1, (t + 1) / desc.steps);
    case 'const':
      return () => desc.value;
    default:
      throw new Error(`unknown lambda kind ${JSON.stringify(desc)}`);
  }
}

/** The spec with every recorded lambda (nested specs included) turned into a function, ready for createScheduler. */
export function withLambdas(spec: SchedulerSpec): SchedulerSpec {
  const out: SchedulerSpec = { ...spec };
  if (out.lrLambda !== undefined) {
    const desc = out.lrLambda as LambdaSpec | LambdaSpec[];
    out.lrLambda = Array.isArray(desc) ? desc.map(makeLambda) : makeLambda(desc);
  }
  if (Array.isArray(out.schedulers)) out.schedulers = (out.schedulers as SchedulerSpec[]).map(withLambdas);
  return out;
}

/** One parameter of three zeros per group, each with a zero gradient: the steps move nothing. */
export function makeParams(spec: OptimizerSpec): Parameter[] {
  const count = spec.groups === null ? 1 : spec.groups.length;
  return Array.from({ length: count }, () => new Parameter(new Float64Array(3)));
}

export function buildOptimizer(spec: OptimizerSpec, params: Parameter[] = makeParams(spec)): OptimizerLike {
  const entry = getOptimizer(spec.name);
  if (spec.groups === null) return entry.create(params, { ...spec.options });
  return entry.create(
    spec.groups.map((g, i) => ({ params: [params[i]], ...g })),
    { ...spec.options },
  );
}

/** SGD's momentum, Adam's β₁: what OneCycleLR and CyclicLR cycle. */
export function momentumOf(group: GroupView): number {
  if (group.betas !== undefined) return group.betas[0];
  if (group.momentum !== undefined) return group.momentum;
  throw new Error('the group has neither momentum nor betas');
}

export function lrs(optimizer: OptimizerLike): number[] {
  return optimizer.paramGroups.map((g) => g.lr);
}

export function momenta(optimizer: OptimizerLike): number[] {
  return optimizer.paramGroups.map(momentumOf);
}

/** scheduler.step(), or step(metric) for ReduceLROnPlateau; fails loudly on a scheduler without step. */
export function stepScheduler(scheduler: Scheduler, metric?: number): void {
  const step = (scheduler as Scheduler & { step?: (metric?: number) => void }).step;
  if (typeof step !== 'function') throw new Error(`${scheduler.name} has no step method`);
  if (metric === undefined) step.call(scheduler);
  else step.call(scheduler, metric);
}

export function build(optimizerSpec: OptimizerSpec, spec: SchedulerSpec): { optimizer: OptimizerLike; scheduler: Scheduler } {
  const optimizer = buildOptimizer(optimizerSpec);
  const scheduler = createScheduler(optimizer, withLambdas(spec));
  return { optimizer, scheduler };
}
