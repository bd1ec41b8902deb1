/**
 * Resuming a schedule from JSON. For a representative spec of every scheduler: run it, stop after `stop` steps,
 * JSON.stringify the optimizer's and the scheduler's state dicts, build a fresh optimizer and scheduler from the
 * same specs, load both, continue, and require the lr (and momentum / β₁) of every later step to be identical
 * (Object.is) to those of an uninterrupted run, the values right after loading included.
 *
 * Two orders of rebuilding are checked:
 *   create, then load  the optimizer and the scheduler are built fresh, then the optimizer's state dict is loaded,
 *                      then the scheduler's (torch's documented order);
 *   load, then create  the optimizer's state dict is loaded first, the scheduler is created on that optimizer,
 *                      then the scheduler's state dict is loaded.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerLike, OptimizerStateDict } from '../../src/optim/optimizer.js';
import { createScheduler, type SchedulerSpec } from '../../src/schedule/registry.js';
import type { Scheduler, SchedulerStateDict } from '../../src/schedule/scheduler.js';
import { build, buildOptimizer, lrs, momenta, stepScheduler, withLambdas, type OptimizerSpec } from './replay.js';

const SGD2: OptimizerSpec = { name: 'SGD', options: { lr: 0.1, momentum: 0.9 }, groups: [{ lr: 0.1 }, { lr: 0.02 }] };
const ADAM2: OptimizerSpec = { name: 'Adam', options: { lr: 0.01, betas: [0.9, 0.999] }, groups: [{ lr: 0.01 }, { lr: 0.003 }] };
const STEPS = 40;
/** Where the run is interrupted: before any step, after the first, mid-run, and late. */
const STOPS = [0, 1, 13, 27];

/** A loss that falls, then wobbles around a plateau: ReduceLROnPlateau reduces several times within STEPS. */
const LOSS = Array.from({ length: STEPS }, (_, t) => (t < 10 ? 0.9 ** t : 0.9 ** 10 * (1 + 0.03 * Math.sin(1.7 * t))));
const ACCURACY = LOSS.map((x) => 1 - x);

interface ResumeCase {
  optimizer: OptimizerSpec;
  spec: SchedulerSpec;
  metrics?: number[];
}

/** One representative spec per scheduler (two for OneCycleLR: β₁ on Adam, and ReduceLROnPlateau: max mode). */
const CASES: Record<string, ResumeCase> = {
  StepLR: { optimizer: SGD2, spec: { name: 'StepLR', stepSize: 5, gamma: 0.5 } },
  MultiStepLR: { optimizer: SGD2, spec: { name: 'MultiStepLR', milestones: [5, 14, 30], gamma: 0.3 } },
  ExponentialLR: { optimizer: SGD2, spec: { name: 'ExponentialLR', gamma: 0.9 } },
  CosineAnnealingLR: { optimizer: SGD2, spec: { name: 'CosineAnnealingLR', tMax: 12, etaMin: 0.001 } },
  CosineAnnealingWarmRestarts: { optimizer: SGD2, spec: { name: 'CosineAnnealingWarmRestarts', t0: 4, tMult: 2, etaMin: 0.001 } },
  LinearLR: { optimizer: SGD2, spec: { name: 'LinearLR', startFactor: 0.1, endFactor: 1, totalIters: 20 } },
  ConstantLR: { optimizer: SGD2, spec: { name: 'ConstantLR', factor: 0.5, totalIters: 20 } },
  PolynomialLR: { optimizer: SGD2, spec: { name: 'PolynomialLR', totalIters: 30, power: 2 } },
  OneCycleLR: { optimizer: SGD2, spec: { name: 'OneCycleLR', maxLr: 0.5, totalSteps: STEPS } },
  'OneCycleLR (Adam β₁, threePhase, linear)': {
    optimizer: ADAM2,
    spec: { name: 'OneCycleLR', maxLr: 0.05, totalSteps: STEPS, threePhase: true, annealStrategy: 'linear' },
  },
  CyclicLR: { optimizer: SGD2, spec: { name: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, stepSizeUp: 6, stepSizeDown: 3, mode: 'triangular2' } },
  LambdaLR: { optimizer: SGD2, spec: { name: 'LambdaLR', lrLambda: { kind: 'exp', base: 0.95 } } },
  MultiplicativeLR: { optimizer: SGD2, spec: { name: 'MultiplicativeLR', lrLambda: { kind: 'warmup', steps: 10 } } },
  SequentialLR: {
    optimizer: SGD2,
    spec: {
      name: 'SequentialLR',
      schedulers: [
        { name: 'LinearLR', startFactor: 0.2, totalIters: 5 },
        { name: 'CosineAnnealingLR', tMax: 10, etaMin: 0.001 },
        { name: 'ExponentialLR', gamma: 0.9 },
      ],
      milestones: [5, 20],
    },
  },
  ChainedScheduler: {
    optimizer: SGD2,
    spec: {
      name: 'ChainedScheduler',
      schedulers: [
        { name: 'ConstantLR', factor: 0.1, totalIters: 3 },
        { name: 'ExponentialLR', gamma: 0.9 },
      ],
    },
  },
  ReduceLROnPlateau: {
    optimizer: SGD2,
    spec: { name: 'ReduceLROnPlateau', factor: 0.5, patience: 2, cooldown: 1, threshold: 0.01 },
    metrics: LOSS,
  },
  'ReduceLROnPlateau (max, abs)': {
    optimizer: SGD2,
    spec: { name: 'ReduceLROnPlateau', mode: 'max', factor: 0.5, patience: 1, threshold: 0.001, thresholdMode: 'abs', minLr: 0.005 },
    metrics: ACCURACY,
  },
};

const ORDERS = ['create, then load', 'load, then create'] as const;
type Order = (typeof ORDERS)[number];

interface Trace {
  lr: number[][];
  momentum: number[][];
}

function record(trace: Trace, optimizer: OptimizerLike): void {
  trace.lr.push(lrs(optimizer));
  trace.momentum.push(momenta(optimizer));
}

function advance(c: ResumeCase, scheduler: Scheduler, optimizer: OptimizerLike, from: number, to: number, trace: Trace): void {
  for (let t = from; t < to; t++) {
    optimizer.step();
    stepScheduler(scheduler, c.metrics?.[t]);
    record(trace, optimizer);
  }
}

/** lr and momentum after construction and after each of STEPS steps, without interruption. */
function uninterrupted(c: ResumeCase): Trace {
  const { optimizer, scheduler } = build(c.optimizer, c.spec);
  const trace: Trace = { lr: [], momentum: [] };
  record(trace, optimizer);
  advance(c, scheduler, optimizer, 0, STEPS, trace);
  return trace;
}

/** The same run, stopped after `stop` steps, saved as JSON, rebuilt in `order`, and continued. */
function resumed(c: ResumeCase, stop: number, order: Order): Trace {
  const first = build(c.optimizer, c.spec);
  const before: Trace = { lr: [], momentum: [] };
  record(before, first.optimizer);
  advance(c, first.scheduler, first.optimizer, 0, stop, before);
  const savedOptimizer = JSON.stringify(first.optimizer.stateDict());
  const savedScheduler = JSON.stringify(first.scheduler.stateDict());

  const optimizer = buildOptimizer(c.optimizer);
  let scheduler: Scheduler;
  if (order === 'create, then load') {
    scheduler = createScheduler(optimizer, withLambdas(c.spec));
    optimizer.loadStateDict(JSON.parse(savedOptimizer) as OptimizerStateDict);
  } else {
    optimizer.loadStateDict(JSON.parse(savedOptimizer) as OptimizerStateDict);
    scheduler = createScheduler(optimizer, withLambdas(c.spec));
  }
  scheduler.loadStateDict(JSON.parse(savedScheduler) as SchedulerStateDict);
  const after: Trace = { lr: [], momentum: [] };
  record(after, optimizer);
  advance(c, scheduler, optimizer, stop, STEPS, after);
  return { lr: [...before.lr.slice(0, stop), ...after.lr], momentum: [...before.momentum.slice(0, stop), ...after.momentum] };
}

function expectIdentical(label: string, stop: number, got: number[][], want: number[][]): void {
  expect(got.length, `${label}: number of recorded steps`).toBe(want.length);
  for (let t = 0; t < want.length; t++) {
    want[t].forEach((w, g) => {
      if (!Object.is(got[t][g], w)) {
        expect.fail(`${label}, stopped after ${stop} steps: at step ${t}${t === stop ? ' (right after loading)' : ''}, group ${g}: resumed run has ${got[t][g]}, uninterrupted run ${w}`);
      }
    });
  }
}

describe('scheduler state dicts resume a run exactly through JSON', () => {
  it('every scheduler has a case', () => {
    const names = new Set(Object.values(CASES).map((c) => c.spec.name));
    for (const name of [
      'StepLR', 'MultiStepLR', 'ExponentialLR', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts', 'LinearLR', 'ConstantLR', 'PolynomialLR',
      'OneCycleLR', 'CyclicLR', 'LambdaLR', 'MultiplicativeLR', 'SequentialLR', 'ChainedScheduler', 'ReduceLROnPlateau',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  for (const [label, c] of Object.entries(CASES)) {
    for (const order of ORDERS) {
      it(`${label} (${order})`, () => {
        const reference = uninterrupted(c);
        // The schedule must actually move within the run, or the comparison proves little.
        expect(new Set(reference.lr.map((v) => v[0])).size, `${label}: distinct lrs in the run`).toBeGreaterThan(1);
        for (const stop of STOPS) {
          const trace = resumed(c, stop, order);
          expectIdentical(`${label} lr`, stop, trace.lr, reference.lr);
          expectIdentical(`${label} momentum`, stop, trace.momentum, reference.momentum);
        }
      });
    }
  }
});
