/** ReduceLROnPlateau: patience, cooldown, thresholds, NaN, bounds, state dict through JSON, bad input. */
import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { SGD } from '../../src/optim/sgd.js';
import { ReduceLROnPlateau } from '../../src/schedule/plateau.js';
import { createScheduler } from '../../src/schedule/registry.js';
import type { SchedulerStateDict } from '../../src/schedule/scheduler.js';

const sgd = (...lrs: number[]) => new SGD(lrs.map((lr) => ({ params: [new Parameter(new Float64Array(1))], lr })));

/** The lr of group 0 after each metric. */
function lrsAfter(scheduler: ReduceLROnPlateau, metrics: number[]): number[] {
  return metrics.map((m) => {
    scheduler.step(m);
    return scheduler.getLastLr()[0];
  });
}

describe('ReduceLROnPlateau', () => {
  it('multiplies the lr by factor after more than `patience` steps without improvement', () => {
    const scheduler = new ReduceLROnPlateau(sgd(1), { patience: 2, factor: 0.5 });
    // best 0.9 at step 2; steps 3, 4, 5 are bad: the third (> patience) reduces and resets the count.
    expect(lrsAfter(scheduler, [1, 0.9, 0.95, 0.91, 0.92, 0.93, 0.94, 0.5])).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5]);
    expect(scheduler.best).toBe(0.5);
  });

  it("an improvement must beat best · (1 − threshold) in 'rel' mode, best − threshold in 'abs'", () => {
    const rel = new ReduceLROnPlateau(sgd(1), { patience: 0, threshold: 0.1 });
    expect(lrsAfter(rel, [1, 0.91, 0.89])).toEqual([1, 0.1, 0.1]);
    expect(rel.best).toBe(0.89);
    const abs = new ReduceLROnPlateau(sgd(1), { mode: 'max', thresholdMode: 'abs', threshold: 0.1, patience: 0 });
    expect(lrsAfter(abs, [0.1, 0.15, 0.21])).toEqual([1, 0.1, 0.1]);
    expect(abs.best).toBe(0.21);
  });

  it("in 'rel' mode a negative best lowers the bar, as torch's plain product does", () => {
    const scheduler = new ReduceLROnPlateau(sgd(1), { patience: 0, threshold: 0.1 });
    // best −1: the bar is −1 · (1 − 0.1) = −0.9, so −0.95, worse than −1, clears it and becomes the best.
    lrsAfter(scheduler, [-1, -0.95]);
    expect(scheduler.best).toBe(-0.95);
    expect(scheduler.getLastLr()).toEqual([1]);
  });

  it('cooldown: bad steps are not counted for `cooldown` steps after a reduction', () => {
    const scheduler = new ReduceLROnPlateau(sgd(1), { patience: 1, cooldown: 2, factor: 0.5 });
    expect(lrsAfter(scheduler, Array(10).fill(5))).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25]);
  });

  it('stops at minLr (per group) and skips reductions smaller than eps', () => {
    const opt = sgd(0.1, 1);
    const scheduler = new ReduceLROnPlateau(opt, { patience: 0, factor: 0.5, minLr: [0.02, 0.3] });
    for (let t = 0; t < 6; t++) scheduler.step(1);
    expect(scheduler.getLastLr()).toEqual([0.02, 0.3]);
    // 0.01 → 0.005 lowers by 0.005 > eps; 0.005 → 0.0025 would lower by 0.0025 <= eps and is skipped.
    const skipped = new ReduceLROnPlateau(sgd(0.01), { patience: 0, factor: 0.5, eps: 0.004 });
    expect(lrsAfter(skipped, [1, 1, 1])).toEqual([0.01, 0.005, 0.005]);
  });

  it('a NaN metric is never an improvement: it counts as a bad step', () => {
    const scheduler = new ReduceLROnPlateau(sgd(1), { patience: 1 });
    lrsAfter(scheduler, [1, NaN]);
    expect([scheduler.best, scheduler.numBadEpochs]).toEqual([1, 1]);
    lrsAfter(scheduler, [NaN]);
    expect([scheduler.best, scheduler.numBadEpochs, scheduler.getLastLr()[0]]).toEqual([1, 0, 0.1]);
  });

  it('stateDict() survives JSON (best = ±Infinity included) and the copy continues identically', () => {
    for (const [options, first] of [[{ mode: 'min' }, NaN], [{ mode: 'max' }, NaN], [{ mode: 'min' }, -Infinity]] as const) {
      const make = () => {
        const opt = sgd(0.1, 0.2);
        return { opt, scheduler: createScheduler(opt, { name: 'ReduceLROnPlateau', patience: 1, cooldown: 1, minLr: [0, 0.01], ...options }) as ReduceLROnPlateau };
      };
      const a = make();
      a.scheduler.step(first);
      const saved = JSON.parse(JSON.stringify({ opt: a.opt.stateDict(), scheduler: a.scheduler.stateDict() }));
      expect(saved.scheduler.state.best).toBe(first === -Infinity ? '-Infinity' : options.mode === 'min' ? 'Infinity' : '-Infinity');
      const b = make();
      b.opt.loadStateDict(saved.opt);
      b.scheduler.loadStateDict(saved.scheduler as SchedulerStateDict);
      expect(b.scheduler.best).toBe(a.scheduler.best);
      for (const m of [3, 2, 2, 2, 2, 1, 1, 1, 1, 1]) {
        a.scheduler.step(m);
        b.scheduler.step(m);
        expect(b.scheduler.getLastLr()).toEqual(a.scheduler.getLastLr());
        expect([b.scheduler.best, b.scheduler.numBadEpochs, b.scheduler.cooldownCounter]).toEqual([a.scheduler.best, a.scheduler.numBadEpochs, a.scheduler.cooldownCounter]);
      }
    }
  });

  const bad: ReadonlyArray<[Record<string, unknown>, RegExp]> = [
    [{ factor: 1 }, /^ReduceLROnPlateau: factor must be in \(0, 1\), got 1$/],
    [{ factor: 0 }, /^ReduceLROnPlateau: factor must be in \(0, 1\), got 0$/],
    [{ mode: 'lower' }, /^ReduceLROnPlateau: mode must be one of "min", "max", got "lower"$/],
    [{ thresholdMode: 'pct' }, /^ReduceLROnPlateau: thresholdMode must be one of "rel", "abs", got "pct"$/],
    [{ patience: 1.5 }, /^ReduceLROnPlateau: patience must be an integer >= 0, got 1.5$/],
    [{ minLr: [0.1, 0.2] }, /^ReduceLROnPlateau: expected 1 values for minLr \(one per param group\), got 2$/],
    [{ minLr: -1 }, /^ReduceLROnPlateau: minLr must be >= 0, got -1$/],
    [{ lastEpoch: 3 }, /^ReduceLROnPlateau: unknown option "lastEpoch"/],
  ];
  it.each(bad)('%j is refused', (options, message) => {
    expect(() => new ReduceLROnPlateau(sgd(0.1), options)).toThrow(message);
  });

  it('step() needs a number, and loadStateDict() a state dict of its kind', () => {
    const scheduler = new ReduceLROnPlateau(sgd(0.1));
    expect(() => scheduler.step('0.5' as unknown as number)).toThrow(/^ReduceLROnPlateau: step needs a number \(the metric\), got "0.5"$/);
    const dict = scheduler.stateDict();
    expect(() => scheduler.loadStateDict({ ...dict, name: 'StepLR' })).toThrow(/^ReduceLROnPlateau.loadStateDict: expected the state dict of a ReduceLROnPlateau, got "StepLR"$/);
    expect(() => scheduler.loadStateDict({ ...dict, state: { ...dict.state, best: 'x' } })).toThrow(/^ReduceLROnPlateau.loadStateDict: expected a best metric/);
  });
});
