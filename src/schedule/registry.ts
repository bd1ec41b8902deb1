/**
 * Every learning-rate scheduler in one plain table (name, summary, option schema, factory), read by the command
 * line, the experiment engine and the playground, and `createScheduler`, which builds one from a JSON spec
 * `{ name, ...options }` (nested specs for SequentialLR and ChainedScheduler).
 */
import { fail, show } from '../core/errors.js';
import type { OptionSchema } from '../core/options.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { ChainedScheduler, chainedSchedulerSchema, SequentialLR, sequentialLRSchema } from './compose.js';
import { CosineAnnealingLR, cosineAnnealingLRSchema, CosineAnnealingWarmRestarts, cosineAnnealingWarmRestartsSchema } from './cosine.js';
import { CyclicLR, cyclicLRSchema } from './cyclic.js';
import { LambdaLR, lambdaLRSchema, MultiplicativeLR, multiplicativeLRSchema } from './lambda.js';
import { OneCycleLR, oneCycleLRSchema } from './one-cycle.js';
import { ReduceLROnPlateau, reduceLROnPlateauSchema } from './plateau.js';
import { PolynomialLR, polynomialLRSchema } from './polynomial.js';
import type { Scheduler } from './scheduler.js';
import { ExponentialLR, exponentialLRSchema, MultiStepLR, multiStepLRSchema, StepLR, stepLRSchema } from './step.js';
import { ConstantLR, constantLRSchema, LinearLR, linearLRSchema } from './warmup.js';

export interface SchedulerEntry {
  /** torch's class name, e.g. `StepLR`. */
  readonly name: string;
  readonly summary: string;
  readonly schema: OptionSchema;
  /** Builds the scheduler on an optimizer; options are validated against the schema. */
  create(optimizer: OptimizerLike, options?: Record<string, unknown>): Scheduler;
  /** For schedulers made of schedulers (SequentialLR, ChainedScheduler): the key holding the child specs. */
  readonly children?: 'schedulers';
}

/** A scheduler as data: its registry name and options. */
export type SchedulerSpec = { name: string } & Record<string, unknown>;

type LooseCtor = new (optimizer: OptimizerLike, options: unknown) => Scheduler;

export function schedulerEntry(name: string, ctor: unknown, schema: OptionSchema, summary: string, children?: 'schedulers'): SchedulerEntry {
  const create = (optimizer: OptimizerLike, options?: unknown) => new (ctor as LooseCtor)(optimizer, options);
  return Object.freeze({ name, summary, schema, create, ...(children ? { children } : {}) });
}

export const schedulers: readonly SchedulerEntry[] = Object.freeze([
  schedulerEntry('StepLR', StepLR, stepLRSchema, 'multiply the lr by gamma every stepSize steps'),
  schedulerEntry('MultiStepLR', MultiStepLR, multiStepLRSchema, 'multiply the lr by gamma at each milestone'),
  schedulerEntry('ExponentialLR', ExponentialLR, exponentialLRSchema, 'multiply the lr by gamma every step'),
  schedulerEntry('CosineAnnealingLR', CosineAnnealingLR, cosineAnnealingLRSchema, 'half a cosine from the lr down to etaMin over tMax steps'),
  schedulerEntry('LinearLR', LinearLR, linearLRSchema, 'linear warm-up of the lr factor from startFactor to endFactor'),
  schedulerEntry('ConstantLR', ConstantLR, constantLRSchema, 'a constant factor for the first totalIters steps'),
  schedulerEntry('PolynomialLR', PolynomialLR, polynomialLRSchema, 'polynomial decay to 0 over totalIters steps'),
  schedulerEntry('LambdaLR', LambdaLR, lambdaLRSchema, 'the initial lr times a function of the step'),
  schedulerEntry('MultiplicativeLR', MultiplicativeLR, multiplicativeLRSchema, 'the current lr times a function of the step'),
  schedulerEntry('CosineAnnealingWarmRestarts', CosineAnnealingWarmRestarts, cosineAnnealingWarmRestartsSchema, 'cosine from the lr down to etaMin, restarting with periods t0, t0·tMult, …'),
  schedulerEntry('OneCycleLR', OneCycleLR, oneCycleLRSchema, 'one cycle up to maxLr and down far below the start, momentum the other way'),
  schedulerEntry('CyclicLR', CyclicLR, cyclicLRSchema, 'triangular cycles between baseLr and maxLr, momentum the other way'),
  schedulerEntry('ReduceLROnPlateau', ReduceLROnPlateau, reduceLROnPlateauSchema, 'multiply the lr by factor when a metric stops improving'),
  schedulerEntry('SequentialLR', SequentialLR, sequentialLRSchema, 'one scheduler after another, switching at the milestones', 'schedulers'),
  schedulerEntry('ChainedScheduler', ChainedScheduler, chainedSchedulerSchema, 'step several schedulers together, composing their factors', 'schedulers'),
]);

/** Looks a scheduler up by name, ignoring case. */
export function getScheduler(name: string): SchedulerEntry {
  const found = schedulers.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  if (!found) fail('schedule', `unknown scheduler ${show(name)} (known: ${schedulers.map((s) => s.name).join(', ')})`);
  return found;
}

/** Builds a scheduler from a spec such as `{ name: 'StepLR', stepSize: 5, gamma: 0.5 }`. */
export function createScheduler(optimizer: OptimizerLike, spec: SchedulerSpec): Scheduler {
  if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string') {
    fail('schedule', `a scheduler spec must be an object with a name, got ${show(spec)}`);
  }
  const { name, ...options } = spec;
  const entry = getScheduler(name);
  if (entry.children) {
    const children = options[entry.children];
    if (!Array.isArray(children) || children.length === 0) fail(entry.name, `${entry.children} must be a non-empty list of scheduler specs, got ${show(children)}`);
    options[entry.children] = children.map((child) => createScheduler(optimizer, child as SchedulerSpec));
  }
  return entry.create(optimizer, options);
}
