import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { EarlyStopping } from '../../src/schedule/early-stopping.js';

/** Feeds metrics until the stopper asks to stop; returns the index of that update, or -1. */
function stopIndex(stopper: EarlyStopping, metrics: number[]): number {
  return metrics.findIndex((m) => stopper.update(m));
}

describe('EarlyStopping', () => {
  it('stops after `patience` updates in a row without improvement', () => {
    // best at index 2 (0.5); indices 3 and 4 do not improve: with patience 2 the second of them stops.
    expect(stopIndex(new EarlyStopping({ patience: 2 }), [1, 0.8, 0.5, 0.6, 0.55, 0.7, 0.1])).toBe(4);
  });

  it('an improvement resets the count', () => {
    // 0.6 (bad), 0.4 (best), 0.45 (bad), 0.5 (bad: stop)
    expect(stopIndex(new EarlyStopping({ patience: 2 }), [0.5, 0.6, 0.4, 0.45, 0.5])).toBe(4);
  });

  it('patience 1 stops at the first update that does not improve', () => {
    expect(stopIndex(new EarlyStopping({ patience: 1 }), [3, 2, 2.5])).toBe(2);
  });

  it('an improvement smaller than minDelta does not count', () => {
    const stopper = new EarlyStopping({ patience: 2, minDelta: 0.1 });
    expect(stopIndex(stopper, [1, 0.95, 0.92, 0.5])).toBe(2);
    expect(stopper.best).toBe(1);
    expect(stopper.bestEpoch).toBe(0);
  });

  it("mode 'max' watches a metric that should grow", () => {
    const stopper = new EarlyStopping({ patience: 2, mode: 'max' });
    expect(stopIndex(stopper, [0.5, 0.7, 0.6, 0.65, 0.9])).toBe(3);
    expect(stopper.best).toBe(0.7);
  });

  it('a NaN metric never counts as an improvement', () => {
    expect(stopIndex(new EarlyStopping({ patience: 2 }), [1, NaN, NaN])).toBe(2);
  });

  it('restoreBest keeps the parameters of the best update and puts them back', () => {
    const p = new Parameter(new Float64Array([0, 0]));
    const stopper = new EarlyStopping({ patience: 2, restoreBest: true });
    const losses = [3, 1, 2, 4];
    losses.forEach((loss, epoch) => {
      p.data.fill(epoch);
      stopper.update(loss, [p]);
    });
    expect(stopper.stopped).toBe(true);
    expect(stopper.restore([p])).toBe(true);
    expect(Array.from(p.data)).toEqual([1, 1]);
  });

  it('refuses bad options and missing parameters, naming them', () => {
    expect(() => new EarlyStopping({ patience: 0 })).toThrow(/^EarlyStopping: patience must be an integer >= 1, got 0$/);
    expect(() => new EarlyStopping({ mode: 'up' as never })).toThrow(/^EarlyStopping: mode must be one of "min", "max", got "up"$/);
    expect(() => new EarlyStopping({ restoreBest: true }).update(1)).toThrow(/restoreBest needs the parameters/);
    expect(() => new EarlyStopping().restore([])).toThrow(/restore\(\) needs the option restoreBest: true/);
  });
});
