/** OneCycleLR: hand-derived phases, momentum and betas, the end of the cycle, state dict, bad input. */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { Parameter } from '../../src/core/parameter.js';
import { Adagrad } from '../../src/optim/adagrad.js';
import { Adam } from '../../src/optim/adam.js';
import { SGD } from '../../src/optim/sgd.js';
import { OneCycleLR } from '../../src/schedule/one-cycle.js';
import { createScheduler } from '../../src/schedule/registry.js';
import type { SchedulerStateDict } from '../../src/schedule/scheduler.js';
import { assertClose } from '../helpers/assert-close.js';

const param = () => new Parameter(new Float64Array(1));
const sgd = (...lrs: number[]) => new SGD(lrs.map((lr) => ({ params: [param()], lr })), { momentum: 0.9 });

/** a → b along half a cosine (p = 0 … 1), and along a line. */
const cos = (a: number, b: number, p: number) => b + ((a - b) * (1 + Math.cos(Math.PI * p))) / 2;
const line = (a: number, b: number, p: number) => a + (b - a) * p;

/** Steps the scheduler `steps` times, returning the [lr, momentum] of group 0 before each step and after the last. */
function run(opt: SGD | Adam, scheduler: OneCycleLR, steps: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const read = (): [number, number] => {
    const g = opt.paramGroups[0] as { lr: number; momentum?: number; betas?: [number, number] };
    return [g.lr, g.momentum ?? g.betas![0]];
  };
  for (let t = 0; t < steps; t++) {
    out.push(read());
    scheduler.step();
  }
  out.push(read());
  return out;
}

describe('OneCycleLR', () => {
  it('two phases: up to maxLr over pctStart · T steps, then down to maxLr / divFactor / finalDivFactor at T − 1', () => {
    const T = 100;
    const opt = sgd(0.1);
    const trace = run(opt, new OneCycleLR(opt, { maxLr: 1, totalSteps: T }), T - 1);
    const [eta0, etaMax, etaMin] = [1 / 25, 1, 1 / 25 / 1e4];
    const up = 0.3 * T - 1;
    trace.forEach(([lr, momentum], t) => {
      const [expLr, expMomentum] = t <= up ? [cos(eta0, etaMax, t / up), cos(0.95, 0.85, t / up)] : [cos(etaMax, etaMin, (t - up) / (T - 1 - up)), cos(0.85, 0.95, (t - up) / (T - 1 - up))];
      assertClose([lr, momentum], [expLr, expMomentum], 1e-13, [expLr, 1], `t=${t}`);
    });
    // Phase ends land exactly on maxLr; the start is η_max + (η₀ − η_max)/2 · 2, an ulp or so off η₀, as in torch.
    assertClose(trace[0], [eta0, 0.95], 1e-14, [eta0, 1]);
    expect(trace[up]).toEqual([etaMax, 0.85]);
    assertClose(trace[T - 1], [etaMin, 0.95], 1e-15, [etaMin, 1]);
    expect(opt.paramGroups[0]).toMatchObject({ initialLr: eta0, maxLr: 1, minLr: etaMin, maxMomentum: 0.95, baseMomentum: 0.85 });
  });

  it("threePhase and 'linear': up, back down to the start at 2 · pctStart · T, then to the final lr", () => {
    const opt = sgd(0.1);
    const scheduler = new OneCycleLR(opt, { maxLr: 0.5, epochs: 4, stepsPerEpoch: 5, threePhase: true, annealStrategy: 'linear', divFactor: 10, finalDivFactor: 100 });
    const trace = run(opt, scheduler, 19);
    const [eta0, etaMax, etaMin] = [0.05, 0.5, 0.0005];
    const [e1, e2, e3] = [0.3 * 20 - 1, 2 * 0.3 * 20 - 2, 19];
    trace.forEach(([lr, momentum], t) => {
      const [a, b, ma, mb, p] = t <= e1 ? [eta0, etaMax, 0.95, 0.85, t / e1] : t <= e2 ? [etaMax, eta0, 0.85, 0.95, (t - e1) / (e2 - e1)] : [eta0, etaMin, 0.95, 0.95, (t - e2) / (e3 - e2)];
      assertClose([lr, momentum], [line(a, b, p), line(ma, mb, p)], 1e-13, [line(a, b, p), 1], `t=${t}`);
    });
  });

  it("drives Adam's betas[0] and leaves betas[1] alone", () => {
    const opt = new Adam([param()], { betas: [0.8, 0.99] });
    new OneCycleLR(opt, { maxLr: 1, totalSteps: 10 });
    expect(opt.paramGroups[0].betas).toEqual([0.95, 0.99]);
    expect(opt.paramGroups[0]).toMatchObject({ initialLr: 0.04, maxLr: 1, minLr: 4e-6 });
  });

  it('takes maxLr and momenta per group', () => {
    const opt = sgd(0.1, 0.2);
    new OneCycleLR(opt, { maxLr: [1, 0.5], maxMomentum: [0.9, 0.99], baseMomentum: 0.8, totalSteps: 10 });
    expect(opt.paramGroups.map((g) => [g.initialLr, g.maxLr, g.momentum, g.baseMomentum])).toEqual([[0.04, 1, 0.9, 0.8], [0.02, 0.5, 0.99, 0.8]]);
  });

  it('runs one step past T − 1 (extrapolating, as torch) and refuses the next', () => {
    const opt = sgd(0.1);
    const scheduler = new OneCycleLR(opt, { maxLr: 1, totalSteps: 10, annealStrategy: 'linear', cycleMomentum: false });
    for (let t = 0; t < 10; t++) scheduler.step();
    // step T = 10: the last phase (2 … 9) goes on to p = 8/7, below the final lr.
    assertClose([opt.paramGroups[0].lr], [line(1, 4e-6, 8 / 7)], 1e-14, 1);
    expect(() => scheduler.step()).toThrow(DescentError);
    expect(() => scheduler.step()).toThrow(/^OneCycleLR: tried to step 13 times, but totalSteps is 10$/);
  });

  it('cycleMomentum false works on an optimizer without momentum', () => {
    const opt = new Adagrad([param()], { lr: 0.1 });
    const scheduler = new OneCycleLR(opt, { maxLr: 1, totalSteps: 5, cycleMomentum: false });
    scheduler.step();
    expect(Object.keys(opt.paramGroups[0])).not.toContain('momentum');
  });

  it('stateDict() survives JSON mid-run and the copy continues identically', () => {
    const make = () => {
      const opt = new Adam([{ params: [param()], lr: 0.1 }, { params: [param()], lr: 0.2 }]);
      return { opt, scheduler: createScheduler(opt, { name: 'OneCycleLR', maxLr: [0.01, 0.02], totalSteps: 30, threePhase: true }) as OneCycleLR };
    };
    const a = make();
    for (let t = 0; t < 7; t++) a.scheduler.step();
    const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
    const b = make();
    b.opt.loadStateDict(saved.opt);
    b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
    for (let t = 7; t < 30; t++) {
      a.scheduler.step();
      b.scheduler.step();
      expect(b.opt.paramGroups.map((g) => [g.lr, g.betas])).toEqual(a.opt.paramGroups.map((g) => [g.lr, g.betas]));
    }
  });

  const bad: ReadonlyArray<[Record<string, unknown>, RegExp]> = [
    [{ maxLr: 1 }, /^OneCycleLR: needs totalSteps, or epochs and stepsPerEpoch; got totalSteps null, epochs null, stepsPerEpoch null$/],
    [{ maxLr: 1, epochs: 3 }, /^OneCycleLR: needs totalSteps, or epochs and stepsPerEpoch; got totalSteps null, epochs 3, stepsPerEpoch null$/],
    [{ totalSteps: 0 }, /^OneCycleLR: totalSteps must be an integer >= 1, got 0$/],
    [{ totalSteps: 10, pctStart: 0 }, /^OneCycleLR: pctStart must be in \(0, 1\), got 0$/],
    [{ totalSteps: 10, pctStart: 1 }, /^OneCycleLR: pctStart must be in \(0, 1\), got 1$/],
    [{ totalSteps: 10, annealStrategy: 'step' }, /^OneCycleLR: annealStrategy must be one of "cos", "linear", got "step"$/],
    [{ totalSteps: 10, maxLr: [1, 2, 3] }, /^OneCycleLR: expected 1 values for maxLr \(one per param group\), got 3$/],
    [{ totalSteps: 10, maxMomentum: [0.9, 0.9] }, /^OneCycleLR: expected 1 values for maxMomentum \(one per param group\), got 2$/],
    [{ totalSteps: 10, divFactor: 0 }, /^OneCycleLR: divFactor must be > 0, got 0$/],
  ];
  it.each(bad)('%j is refused', (options, message) => {
    expect(() => new OneCycleLR(sgd(0.1), options)).toThrow(message);
  });

  it('refuses cycleMomentum on an optimizer with neither momentum nor betas', () => {
    expect(() => new OneCycleLR(new Adagrad([param()]), { totalSteps: 5 })).toThrow(
      /^OneCycleLR: cycleMomentum needs an optimizer with momentum or betas \(SGD, RMSprop, Adam, \.\.\.\), got "Adagrad"; pass cycleMomentum: false$/,
    );
  });

  it('resuming needs the keys the constructor writes into the groups', () => {
    const opt = new SGD([{ params: [param()], lr: 0.1, initialLr: 0.04 }], { momentum: 0.9 });
    expect(() => new OneCycleLR(opt, { totalSteps: 10, lastEpoch: 3 })).toThrow(/^OneCycleLR: param group 0 has no maxLr, which resuming at lastEpoch 3 needs$/);
  });
});
