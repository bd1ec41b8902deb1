/** SequentialLR and ChainedScheduler: torch 1.13's hand-over, composition, nesting, state dicts, bad input. */
import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { ChainedScheduler, SequentialLR } from '../../src/schedule/compose.js';
import { CosineAnnealingLR } from '../../src/schedule/cosine.js';
import { ReduceLROnPlateau } from '../../src/schedule/plateau.js';
import { createScheduler } from '../../src/schedule/registry.js';
import type { SchedulerStateDict } from '../../src/schedule/scheduler.js';
import { ExponentialLR, StepLR } from '../../src/schedule/step.js';
import { ConstantLR, LinearLR } from '../../src/schedule/warmup.js';
import { assertClose } from '../helpers/assert-close.js';

const sgd = (...lrs: number[]) => new SGD(lrs.map((lr) => ({ params: [new Parameter(new Float64Array(1))], lr })));

/** The lr of group 0 at construction and after each of `steps` steps. */
function lrs(opt: SGD, scheduler: { step(): void }, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, t) => {
    if (t > 0) scheduler.step();
    return opt.paramGroups[0].lr;
  });
}

describe('SequentialLR', () => {
  it('hands over at the milestone, restarting the next scheduler from initialLr', () => {
    const opt = sgd(1);
    const scheduler = new SequentialLR(opt, { schedulers: [new ConstantLR(opt, { factor: 0.1, totalIters: 2 }), new ExponentialLR(opt, { gamma: 0.9 })], milestones: [2] });
    assertClose(lrs(opt, scheduler, 5), [0.1, 0.1, 1, 0.9, 0.81, 0.729], 1e-15, 1);
  });

  it('a warm-up into a cosine: the cosine starts at step(0), its closed form at 0, whatever the warm-up reached', () => {
    const opt = sgd(0.1);
    const warmup = new LinearLR(opt, { startFactor: 0.25, totalIters: 3 });
    const cosine = new CosineAnnealingLR(opt, { tMax: 5, etaMin: 0.001 });
    const got = lrs(opt, new SequentialLR(opt, { schedulers: [warmup, cosine], milestones: [3] }), 13);
    const expected = [0.025, 0.05, 0.075, ...Array.from({ length: 11 }, (_, k) => 0.001 + (0.099 * (1 + Math.cos((Math.PI * k) / 5))) / 2)];
    assertClose(got, expected, 1e-14, 0.1);
  });

  it('undoes the children’s constructor steps and replays the first child’s initial step (torch 1.13)', () => {
    const opt = sgd(0.1);
    const first = new StepLR(opt, { stepSize: 2, gamma: 0.5 });
    const second = new ExponentialLR(opt, { gamma: 0.5 });
    opt.paramGroups[0].lr = 123; // put back to initialLr by SequentialLR
    const scheduler = new SequentialLR(opt, { schedulers: [first, second], milestones: [3] });
    expect([first.lastEpoch, second.lastEpoch, scheduler.lastEpoch, opt.paramGroups[0].lr]).toEqual([0, -1, 0, 0.1]);
    expect(scheduler.getLastLr()).toEqual([0.1]);
  });

  it('three schedulers, built from a spec by the registry', () => {
    const opt = sgd(1);
    const scheduler = createScheduler(opt, {
      name: 'SequentialLR',
      milestones: [2, 5],
      schedulers: [{ name: 'ConstantLR', factor: 0.5, totalIters: 2 }, { name: 'StepLR', stepSize: 2, gamma: 0.5 }, { name: 'ExponentialLR', gamma: 0.1 }],
    }) as SequentialLR;
    // StepLR restarts at 2 from lr 1 (epochs 0, 1, 2 → 1, 1, 0.5); ExponentialLR restarts at 5 from 1.
    assertClose(lrs(opt, scheduler, 7), [0.5, 0.5, 1, 1, 0.5, 1, 0.1, 0.010000000000000002], 1e-15, 1);
  });

  it('stateDict() nests the children’s, survives JSON mid-run, and the copy continues identically', () => {
    const make = () => {
      const opt = sgd(0.1, 0.2);
      const spec = { name: 'SequentialLR', milestones: [3, 7], schedulers: [{ name: 'LinearLR', totalIters: 3 }, { name: 'CosineAnnealingWarmRestarts', t0: 2, tMult: 2 }, { name: 'ExponentialLR', gamma: 0.9 }] };
      return { opt, scheduler: createScheduler(opt, spec) as SequentialLR };
    };
    for (const cut of [1, 3, 5, 8]) {
      const a = make();
      for (let t = 0; t < cut; t++) a.scheduler.step();
      const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
      expect(saved.scheduler.schedulers.map((s: SchedulerStateDict) => s.name)).toEqual(['LinearLR', 'CosineAnnealingWarmRestarts', 'ExponentialLR']);
      const b = make();
      b.opt.loadStateDict(saved.opt);
      b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
      for (let t = cut; t < 15; t++) {
        a.scheduler.step();
        b.scheduler.step();
        expect(b.scheduler.getLastLr(), `cut ${cut}, t ${t}`).toEqual(a.scheduler.getLastLr());
      }
    }
  });

  it('refuses bad milestones, mixed optimizers and schedulers it cannot restart', () => {
    const opt = sgd(0.1);
    const children = () => [new ConstantLR(opt), new ExponentialLR(opt)];
    expect(() => new SequentialLR(opt, { schedulers: children(), milestones: [] })).toThrow(/^SequentialLR: expects one milestone fewer than schedulers, got 2 schedulers and milestones \[\]$/);
    expect(() => new SequentialLR(opt, { schedulers: children(), milestones: [2, 4] })).toThrow(/^SequentialLR: expects one milestone fewer than schedulers, got 2 schedulers and milestones \[2,4\]$/);
    expect(() => new SequentialLR(opt, { schedulers: [...children(), new StepLR(opt)], milestones: [4, 2] })).toThrow(/^SequentialLR: milestones must be increasing, got \[4,2\]$/);
    expect(() => new SequentialLR(opt, { schedulers: children(), milestones: [0] })).toThrow(/^SequentialLR: milestones\[0\] must be an integer >= 1, got 0$/);
    expect(() => new SequentialLR(opt, { schedulers: [], milestones: [] })).toThrow(/^SequentialLR: schedulers must be a non-empty list of schedulers, got \[\]$/);
    const other = sgd(0.1);
    expect(() => new SequentialLR(opt, { schedulers: [new ConstantLR(opt), new ExponentialLR(other)], milestones: [2] })).toThrow(
      /^SequentialLR: all schedulers must step the same optimizer, but schedulers\[1\] steps another one$/,
    );
    const plateau = new ReduceLROnPlateau(opt) as unknown as ConstantLR;
    expect(() => new SequentialLR(opt, { schedulers: [new ConstantLR(opt), plateau], milestones: [2] })).toThrow(
      /^SequentialLR: schedulers\[1\] must be an LRScheduler \(not a composite, not ReduceLROnPlateau\), got "ReduceLROnPlateau"$/,
    );
  });
});

describe('ChainedScheduler', () => {
  it('steps every child each step, so their factors multiply', () => {
    const opt = sgd(1);
    const scheduler = new ChainedScheduler([new ConstantLR(opt, { factor: 0.1, totalIters: 2 }), new ExponentialLR(opt, { gamma: 0.9 })]);
    const expected = Array.from({ length: 6 }, (_, t) => (t < 2 ? 0.1 : 1) * 0.9 ** t);
    assertClose(lrs(opt, scheduler, 5), expected, 1e-15, 1);
  });

  it('takes a list, { schedulers } or (optimizer, { schedulers }), and nests', () => {
    const run = (build: (opt: SGD) => ChainedScheduler) => {
      const opt = sgd(1);
      return lrs(opt, build(opt), 6);
    };
    const children = (opt: SGD) => [new StepLR(opt, { stepSize: 2, gamma: 0.5 }), new ExponentialLR(opt, { gamma: 0.9 })];
    const fromList = run((opt) => new ChainedScheduler(children(opt)));
    expect(run((opt) => new ChainedScheduler({ schedulers: children(opt) }))).toEqual(fromList);
    expect(run((opt) => new ChainedScheduler(opt, { schedulers: children(opt) }))).toEqual(fromList);
    expect(run((opt) => new ChainedScheduler([new ChainedScheduler(children(opt))]))).toEqual(fromList);
    expect(run((opt) => createScheduler(opt, { name: 'ChainedScheduler', schedulers: [{ name: 'StepLR', stepSize: 2, gamma: 0.5 }, { name: 'ExponentialLR', gamma: 0.9 }] }) as ChainedScheduler)).toEqual(fromList);
  });

  it('stateDict() nests a SequentialLR child and round-trips through JSON mid-run', () => {
    const make = () => {
      const opt = sgd(0.1);
      const spec = {
        name: 'ChainedScheduler',
        schedulers: [{ name: 'SequentialLR', milestones: [2], schedulers: [{ name: 'ConstantLR', factor: 0.5, totalIters: 2 }, { name: 'ExponentialLR', gamma: 0.9 }] }, { name: 'CosineAnnealingWarmRestarts', t0: 4 }],
      };
      return { opt, scheduler: createScheduler(opt, spec) as ChainedScheduler };
    };
    const a = make();
    for (let t = 0; t < 3; t++) a.scheduler.step();
    const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
    expect(saved.scheduler.schedulers[0].schedulers).toHaveLength(2);
    const b = make();
    b.opt.loadStateDict(saved.opt);
    b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
    for (let t = 0; t < 10; t++) {
      a.scheduler.step();
      b.scheduler.step();
      expect(b.scheduler.getLastLr()).toEqual(a.scheduler.getLastLr());
    }
  });

  it('refuses an empty list, mixed optimizers and ReduceLROnPlateau', () => {
    expect(() => new ChainedScheduler([])).toThrow(/^ChainedScheduler: schedulers must be a non-empty list of schedulers, got \[\]$/);
    const opt = sgd(0.1);
    expect(() => new ChainedScheduler([new StepLR(opt), new StepLR(sgd(0.1))])).toThrow(/^ChainedScheduler: all schedulers must step the same optimizer, but schedulers\[1\] steps another one$/);
    expect(() => new ChainedScheduler(sgd(0.1), { schedulers: [new StepLR(opt)] })).toThrow(/^ChainedScheduler: all schedulers must step the same optimizer, but schedulers\[0\] steps another one$/);
    expect(() => new ChainedScheduler([new ReduceLROnPlateau(opt) as never])).toThrow(/^ChainedScheduler: schedulers\[0\] must be a scheduler stepped without a metric \(not ReduceLROnPlateau\), got "ReduceLROnPlateau"$/);
  });
});
