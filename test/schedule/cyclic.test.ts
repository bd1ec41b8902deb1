/** CyclicLR: hand-derived triangles and scales, momentum, torch 1.13's construction, state dict, bad input. */
import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { Adam } from '../../src/optim/adam.js';
import { SGD } from '../../src/optim/sgd.js';
import { CyclicLR } from '../../src/schedule/cyclic.js';
import type { SchedulerStateDict } from '../../src/schedule/scheduler.js';
import { LinearLR } from '../../src/schedule/warmup.js';
import { assertClose } from '../helpers/assert-close.js';

const param = () => new Parameter(new Float64Array(1));
const sgd = (...lrs: number[]) => new SGD(lrs.map((lr) => ({ params: [param()], lr })), { momentum: 0.5 });

/** The triangle wave in [0, 1]: up over `up` steps, down over `down`, and the cycle number (from 1). */
function triangle(t: number, up: number, down: number): { height: number; cycle: number } {
  const cycle = Math.floor(t / (up + down)) + 1;
  const inCycle = t - (cycle - 1) * (up + down);
  return { height: inCycle <= up ? inCycle / up : 1 - (inCycle - up) / down, cycle };
}

/** lr and momentum of group 0 for `steps` steps, starting at construction. */
function trace(opt: SGD, scheduler: CyclicLR, steps: number): Array<[number, number]> {
  return Array.from({ length: steps }, (_, t) => {
    if (t > 0) scheduler.step();
    return [opt.paramGroups[0].lr, opt.paramGroups[0].momentum];
  });
}

describe('CyclicLR', () => {
  it("'triangular' rises from baseLr to maxLr over stepSizeUp and falls over stepSizeDown; momentum goes the other way", () => {
    const opt = sgd(0.5);
    const got = trace(opt, new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 3, stepSizeDown: 2 }), 17);
    got.forEach(([lr, momentum], t) => {
      const { height } = triangle(t, 3, 2);
      assertClose([lr, momentum], [0.01 + 0.09 * height, 0.9 - 0.1 * height], 1e-14, [0.1, 1], `t=${t}`);
    });
  });

  it("'triangular2' halves the amplitude each cycle", () => {
    const opt = sgd(0.5);
    const got = trace(opt, new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.09, stepSizeUp: 2, mode: 'triangular2' }), 20);
    got.forEach(([lr], t) => {
      const { height, cycle } = triangle(t, 2, 2);
      assertClose([lr], [0.01 + 0.08 * height * 0.5 ** (cycle - 1)], 1e-14, 0.1, `t=${t}`);
    });
    expect([got[2][0], got[6][0], got[10][0]]).toEqual([0.09, 0.05, 0.03]);
  });

  it("'exp_range' scales the amplitude by γ^step", () => {
    const opt = sgd(0.5);
    const got = trace(opt, new CyclicLR(opt, { baseLr: 0.001, maxLr: 0.006, stepSizeUp: 4, mode: 'exp_range', gamma: 0.9 }), 25);
    got.forEach(([lr], t) => assertClose([lr], [0.001 + 0.005 * triangle(t, 4, 4).height * 0.9 ** t], 1e-13, 0.006, `t=${t}`));
  });

  it('scaleFn replaces mode, taking the cycle or (scaleMode iterations) the step', () => {
    const scaleFn = (x: number) => 1 / (1 + x);
    for (const scaleMode of ['cycle', 'iterations'] as const) {
      const opt = sgd(0.5);
      const got = trace(opt, new CyclicLR(opt, { baseLr: 0, maxLr: 1, stepSizeUp: 2.5, mode: 'exp_range', gamma: 0.5, scaleFn, scaleMode }), 12);
      got.forEach(([lr], t) => {
        const { height, cycle } = triangle(t, 2.5, 2.5);
        assertClose([lr], [height * scaleFn(scaleMode === 'cycle' ? cycle : t)], 1e-14, 1, `${scaleMode} t=${t}`);
      });
    }
  });

  it('takes baseLr, maxLr and momenta per group, and writes baseLr into the groups at construction (torch 1.13)', () => {
    const opt = sgd(0.5, 0.7);
    const scheduler = new CyclicLR(opt, { baseLr: [0.01, 0.02], maxLr: [0.1, 0.3], stepSizeUp: 2, baseMomentum: [0.8, 0.7], maxMomentum: [0.9, 0.95] });
    expect(opt.paramGroups.map((g) => [g.lr, g.initialLr, g.momentum])).toEqual([[0.01, 0.01, 0.9], [0.02, 0.02, 0.95]]);
    scheduler.step();
    assertClose(opt.paramGroups.map((g) => g.lr), [0.055, 0.16], 1e-15, 0.3);
    assertClose(opt.paramGroups.map((g) => g.momentum!), [0.85, 0.825], 1e-15, 1);
  });

  it("keeps a group's earlier initialLr, so step 0 starts there and step 1 follows baseLr (torch 1.13)", () => {
    const opt = sgd(0.1);
    new LinearLR(opt, { totalIters: 3 });
    const scheduler = new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.05, stepSizeUp: 2 });
    expect([opt.paramGroups[0].lr, opt.paramGroups[0].initialLr]).toEqual([0.1, 0.1]);
    scheduler.step();
    assertClose([opt.paramGroups[0].lr], [0.03], 1e-15, 0.05);
  });

  it('cycleMomentum false works with Adam; true refuses it, as torch 1.13 does', () => {
    const scheduler = new CyclicLR(new Adam([param()]), { stepSizeUp: 3, cycleMomentum: false });
    scheduler.step();
    assertClose(scheduler.getLastLr(), [0.001 + 0.005 / 3], 1e-15, 0.006);
    expect(() => new CyclicLR(new Adam([param()]))).toThrow(/^CyclicLR: cycleMomentum needs an optimizer with a momentum option \(SGD, RMSprop\), got "Adam"; pass cycleMomentum: false$/);
  });

  it('stateDict() survives JSON mid-run and the copy continues identically', () => {
    const make = () => {
      const opt = sgd(0.5, 0.6);
      return { opt, scheduler: new CyclicLR(opt, { baseLr: [0.01, 0.02], maxLr: 0.1, stepSizeUp: 3, stepSizeDown: 4, mode: 'triangular2' }) };
    };
    const a = make();
    for (let t = 0; t < 9; t++) a.scheduler.step();
    const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
    const b = make();
    b.opt.loadStateDict(saved.opt);
    b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
    for (let t = 0; t < 20; t++) {
      a.scheduler.step();
      b.scheduler.step();
      expect(b.opt.paramGroups.map((g) => [g.lr, g.momentum])).toEqual(a.opt.paramGroups.map((g) => [g.lr, g.momentum]));
    }
  });

  const bad: ReadonlyArray<[Record<string, unknown>, RegExp]> = [
    [{ baseLr: [0.1, 0.2] }, /^CyclicLR: expected 1 values for baseLr \(one per param group\), got 2$/],
    [{ maxLr: [] }, /^CyclicLR: expected 1 values for maxLr \(one per param group\), got 0$/],
    [{ baseLr: -0.1 }, /^CyclicLR: baseLr must be >= 0, got -0.1$/],
    [{ stepSizeUp: 0 }, /^CyclicLR: stepSizeUp must be > 0, got 0$/],
    [{ stepSizeDown: -2 }, /^CyclicLR: stepSizeDown must be > 0, got -2$/],
    [{ mode: 'sine' }, /^CyclicLR: mode must be one of "triangular", "triangular2", "exp_range", got "sine"$/],
    [{ maxMomentum: 1.5 }, /^CyclicLR: maxMomentum must be in \[0, 1\], got 1.5$/],
    [{ baseMomentum: [0.8, 0.8] }, /^CyclicLR: expected 1 values for baseMomentum \(one per param group\), got 2$/],
    [{ scaleFn: 0.5 }, /^CyclicLR: scaleFn must be a function of the cycle or the step, got 0.5$/],
  ];
  it.each(bad)('%j is refused', (options, message) => {
    expect(() => new CyclicLR(sgd(0.1), options)).toThrow(message);
  });
});
