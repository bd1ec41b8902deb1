/** CosineAnnealingWarmRestarts: hand-derived periods, fractional epochs, torch's quirks, state dict, bad input. */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { CosineAnnealingWarmRestarts } from '../../src/schedule/cosine.js';
import { correctlyRoundedLog } from '../../src/core/exact-log.js';
import type { SchedulerStateDict } from '../../src/schedule/scheduler.js';
import { assertClose } from '../helpers/assert-close.js';

const sgd = (...lrs: number[]) => new SGD(lrs.map((lr) => ({ params: [new Parameter(new Float64Array(1))], lr })));
const lrs = (opt: SGD) => opt.paramGroups.map((g) => g.lr);

/** SGDR's lr at (possibly fractional) epoch t, walking the periods T₀, T₀·T_mult, … by hand. */
function sgdr(base: number, etaMin: number, t0: number, tMult: number, t: number): number {
  let start = 0;
  let period = t0;
  while (t >= start + period) {
    start += period;
    period *= tMult;
  }
  return etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * (t - start)) / period))) / 2;
}

describe('CosineAnnealingWarmRestarts', () => {
  it('step() anneals each period from η₀ to η_min and restarts, periods growing by tMult', () => {
    const opt = sgd(0.1, 0.5);
    const scheduler = new CosineAnnealingWarmRestarts(opt, { t0: 2, tMult: 2, etaMin: 0.01 });
    for (let t = 0; t < 40; t++) {
      assertClose(lrs(opt), [sgdr(0.1, 0.01, 2, 2, t), sgdr(0.5, 0.01, 2, 2, t)], 1e-14, [0.1, 0.5], `t=${t}`);
      if ([0, 2, 6, 14, 30].includes(t)) expect(lrs(opt)).toEqual([0.1, 0.5]);
      scheduler.step();
    }
  });

  it('tMult 1 restarts every t0 steps', () => {
    const opt = sgd(1);
    const scheduler = new CosineAnnealingWarmRestarts(opt, { t0: 3 });
    const seen = Array.from({ length: 9 }, () => {
      const lr = opt.paramGroups[0].lr;
      scheduler.step();
      return lr;
    });
    expect([seen[0], seen[3], seen[6]]).toEqual([1, 1, 1]);
    assertClose(seen, [0, 1, 2, 0, 1, 2, 0, 1, 2].map((c) => (1 + Math.cos((Math.PI * c) / 3)) / 2), 1e-15, 1);
  });

  it('step(epoch) takes fractional epochs and sets lastEpoch to ⌊epoch⌋', () => {
    const opt = sgd(0.1);
    const scheduler = new CosineAnnealingWarmRestarts(opt, { t0: 2, tMult: 2, etaMin: 0.001 });
    for (const epoch of [0.3, 1.99, 2.5, 5.999, 13.7, 29.9, 100.25, 0.5]) {
      scheduler.step(epoch);
      assertClose(lrs(opt), [sgdr(0.1, 0.001, 2, 2, epoch)], 1e-13, 0.1, `epoch ${epoch}`);
      expect(scheduler.lastEpoch).toBe(Math.floor(epoch));
    }
  });

  it('step() after step(epoch) goes on from T_cur + 1', () => {
    const opt = sgd(1);
    const scheduler = new CosineAnnealingWarmRestarts(opt, { t0: 4 });
    scheduler.step(5.5); // T_cur 1.5 in the second period
    scheduler.step(); // T_cur 2.5
    assertClose(lrs(opt), [(1 + Math.cos((Math.PI * 2.5) / 4)) / 2], 1e-15, 1);
    expect(scheduler.lastEpoch).toBe(6);
  });

  it("step(epoch) on a restart follows torch's truncated ratio of glibc logarithms", () => {
    // Restarts of T₀ = 1, T_mult = 3 fall at 1, 4, 13, 40, 121. At 121, ln 243 / ln 3 rounds to 4.999999999999999,
    // so torch puts the epoch at the end of period 4 (η_min) rather than the start of period 5 (η₀).
    const opt = sgd(1);
    const scheduler = new CosineAnnealingWarmRestarts(opt, { t0: 1, tMult: 3 });
    expect(correctlyRoundedLog(243) / correctlyRoundedLog(3)).toBe(4.999999999999999);
    for (const [epoch, lr] of [[4, 1], [13, 1], [40, 1], [121, 0]] as const) {
      scheduler.step(epoch);
      expect(lrs(opt), `epoch ${epoch}`).toEqual([lr]);
    }
  });

  it('resuming at lastEpoch k continues from T_cur = k + 1, restarting at most once (torch)', () => {
    const opt = new SGD([{ params: [new Parameter(new Float64Array(1))], lr: 0.1, initialLr: 0.2 }]);
    new CosineAnnealingWarmRestarts(opt, { t0: 3, lastEpoch: 7 });
    // T_cur = 8 ≥ T_i = 3: one restart leaves T_cur = 5 in a period of 3.
    assertClose(lrs(opt), [(0.2 * (1 + Math.cos((Math.PI * 5) / 3))) / 2], 1e-15, 0.2);
  });

  it('stateDict() survives JSON mid-run and the copy continues identically', () => {
    const make = () => {
      const opt = sgd(0.1, 0.3);
      return { opt, scheduler: new CosineAnnealingWarmRestarts(opt, { t0: 3, tMult: 2, etaMin: 0.002 }) };
    };
    const a = make();
    for (let t = 0; t < 5; t++) a.scheduler.step();
    a.scheduler.step(7.25);
    const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
    expect(saved.scheduler.state).toEqual({ tI: 6, tCur: 4.25 });
    expect(saved.scheduler.stepCount).toBe(0);
    const b = make();
    b.opt.loadStateDict(saved.opt);
    b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
    for (let t = 0; t < 20; t++) {
      a.scheduler.step();
      b.scheduler.step();
      expect(lrs(b.opt)).toEqual(lrs(a.opt));
      expect(b.scheduler.getLastLr()).toEqual(a.scheduler.getLastLr());
    }
  });

  const bad: ReadonlyArray<[Record<string, unknown>, RegExp]> = [
    [{ t0: 0 }, /^CosineAnnealingWarmRestarts: t0 must be an integer >= 1, got 0$/],
    [{ t0: 2.5 }, /^CosineAnnealingWarmRestarts: t0 must be an integer >= 1, got 2.5$/],
    [{ tMult: 0 }, /^CosineAnnealingWarmRestarts: tMult must be an integer >= 1, got 0$/],
    [{ tMult: 1.5 }, /^CosineAnnealingWarmRestarts: tMult must be an integer >= 1, got 1.5$/],
    [{ etaMin: -1 }, /^CosineAnnealingWarmRestarts: etaMin must be >= 0, got -1$/],
  ];
  it.each(bad)('%j is refused', (options, message) => {
    expect(() => new CosineAnnealingWarmRestarts(sgd(0.1), options)).toThrow(message);
  });

  it('step(epoch) refuses a negative or non-finite epoch', () => {
    const scheduler = new CosineAnnealingWarmRestarts(sgd(0.1), { t0: 2 });
    expect(() => scheduler.step(-1)).toThrow(DescentError);
    expect(() => scheduler.step(-1)).toThrow(/^CosineAnnealingWarmRestarts: epoch must be a finite number >= 0, got -1$/);
    expect(() => scheduler.step(NaN)).toThrow(/got NaN$/);
  });
});

describe('correctlyRoundedLog', () => {
  it('rounds ln to the nearest double where Math.log may miss by an ulp', () => {
    // Nearest doubles to ln 3, ln 10, ln 243 and ln 2 (from 40-digit values).
    expect(correctlyRoundedLog(3)).toBe(1.0986122886681098);
    expect(correctlyRoundedLog(10)).toBe(2.302585092994046);
    expect(correctlyRoundedLog(243)).toBe(5.493061443340548);
    expect(correctlyRoundedLog(2)).toBe(Math.LN2);
    expect(correctlyRoundedLog(1)).toBe(0);
  });

  it('is within an ulp of Math.log, and Math.log at the edges', () => {
    for (let i = 1; i < 2000; i++) {
      const x = i ** 3 / 7 + 1e-3 * i;
      const y = Math.log(x);
      expect(Math.abs(correctlyRoundedLog(x) - y)).toBeLessThanOrEqual(Math.abs(y) * 2.3e-16);
    }
    expect(correctlyRoundedLog(0)).toBe(-Infinity);
    expect(correctlyRoundedLog(-1)).toBeNaN();
    expect(correctlyRoundedLog(Infinity)).toBe(Infinity);
    expect(correctlyRoundedLog(1e-310)).toBe(Math.log(1e-310));
  });
});
