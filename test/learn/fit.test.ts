/** fit: epochs and batches, early stopping with the best weights, ReduceLROnPlateau, divergence, reproducibility. */
import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { SGD } from '../../src/optim/sgd.js';
import { fit } from '../../src/learn/fit.js';
import type { History } from '../../src/learn/history.js';
import { lineData, tinyLinear } from './fit-helpers.js';

const data = lineData(100, 3, 1);
const withoutTimes = (h: History) => ({ ...h, timeMs: 0, trainTimeMs: 0, samplesPerSecond: 0, epochs: h.epochs.map((e) => ({ ...e, timeMs: 0 })) });

describe('fit: epochs and batches', () => {
  it.each([
    [1, false, 100],
    [100, false, 1],
    [32, false, 4],
    [32, true, 3],
  ])('batchSize %i (dropLast %s) takes %i steps an epoch', (batchSize, dropLast, perEpoch) => {
    const h = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 3, batchSize, dropLast });
    expect(h.epochs).toHaveLength(3);
    expect(h.epochs.map((e) => e.steps)).toEqual([perEpoch, perEpoch, perEpoch]);
    expect(h.steps.lr).toHaveLength(3 * perEpoch);
    expect(h.steps.loss).toHaveLength(3 * perEpoch);
    expect(h.samples).toBe(3 * (dropLast ? perEpoch * batchSize : 100));
    expect(h.stopReason).toBe('epochs');
    expect(h.epochs[2].trainLossFull).toBeLessThan(h.initial.trainLoss);
    expect(h.samplesPerSecond).toBeGreaterThan(0);
  });

  it('mini-batch SGD learns the line: small loss, r² near 1, mse the loss of a model without regulariser', () => {
    const model = tinyLinear(3);
    const h = fit(model, data, { optimizer: { name: 'sgd', lr: 0.05 }, epochs: 30, batchSize: 10, seed: 3 });
    const last = h.epochs.at(-1)!;
    expect(last.trainLossFull).toBeLessThan(0.02);
    expect(last.trainMetrics.r2).toBeGreaterThan(0.99);
    expect(last.trainMetrics.mse).toBeCloseTo(last.trainLossFull, 12);
    expect(last.trainMetrics.rmse).toBeCloseTo(Math.sqrt(last.trainLossFull), 12);
    expect(Array.from(model.parameters[0].data).map((v) => Math.round(v * 10) / 10)).toEqual([1, 2, 3]);
    const full = h.epochs.map((e) => e.trainLossFull);
    expect(full[h.bestEpoch - 1]).toBe(Math.min(...full));
    expect(h.monitor).toBe('train loss');
  });

  it('full-batch LBFGS converges in a few epochs; with mini-batches it is refused', () => {
    const model = tinyLinear(3);
    const h = fit(model, data, { optimizer: { name: 'lbfgs' }, epochs: 3 }); // full-batch by default
    expect(h.epochs.at(-1)!.trainLossFull).toBeLessThan(0.012);
    expect(() => fit(tinyLinear(3), data, { optimizer: { name: 'lbfgs' }, epochs: 3, batchSize: 10 })).toThrow(/LBFGS .*full-batch \(batchSize 100/);
  });

  it('takes an optimizer instance built on the model, and refuses one built on other parameters', () => {
    const model = tinyLinear(3);
    const h = fit(model, data, { optimizer: new SGD([...model.parameters], { lr: 0.01 }), epochs: 2 });
    expect(h.epochs).toHaveLength(2);
    expect(() => fit(model, data, { optimizer: new SGD([...tinyLinear(3).parameters], { lr: 0.01 }), epochs: 1 })).toThrow(/does not hold the model's parameter "w"/);
  });
});

describe('fit: same seed, same bits', () => {
  it('two fits with one seed have identical histories and weights; another seed differs', () => {
    const run = (seed: number) => {
      const model = tinyLinear(3);
      const h = fit(model, data, { optimizer: { name: 'adam', lr: 0.05 }, epochs: 5, batchSize: 8, seed, validation: lineData(30, 3, 9) });
      return { h: withoutTimes(h), w: Array.from(model.parameters[0].data) };
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8).h.steps.loss).not.toEqual(a.h.steps.loss);
  });

  it('without shuffling the order is the data\'s and the seed does not matter', () => {
    const run = (seed: number) => fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 2, batchSize: 8, shuffle: false, seed }).steps.loss;
    expect(run(1)).toEqual(run(2));
  });
});

describe('fit: early stopping and schedules', () => {
  // The validation set follows another line, so fitting the training set soon makes the validation loss worse.
  const shifted = { ...lineData(40, 3, 5, 0.1, 'shifted') };
  const skewed = { ...shifted, y: shifted.y.map((v, i) => v - 2 * shifted.x[i * 3 + 2]) };

  it('stops after patience epochs without improvement and restores the best epoch\'s weights', () => {
    const model = tinyLinear(3);
    const snapshots: number[][] = [];
    const h = fit(model, data, {
      optimizer: { name: 'sgd', lr: 0.02 },
      epochs: 100,
      batchSize: 10,
      validation: skewed,
      earlyStopping: { patience: 3, restoreBest: true },
      onEpoch: () => {
        snapshots.push([...model.parameters[0].data, ...model.parameters[1].data]);
      },
    });
    expect(h.stopReason).toBe('early-stopping');
    expect(h.monitor).toBe('validation loss');
    expect(h.epochs.length).toBe(h.bestEpoch + 3);
    expect(h.epochs.length).toBeLessThan(100);
    const losses = h.epochs.map((e) => e.validationLoss!);
    expect(Math.min(...losses)).toBe(losses[h.bestEpoch - 1]);
    expect(h.restoredBest).toBe(true);
    const now = [...model.parameters[0].data, ...model.parameters[1].data];
    expect(now).toEqual(snapshots[h.bestEpoch - 1]);
    expect(now).not.toEqual(snapshots.at(-1));
  });

  it('without restoreBest the last weights stay', () => {
    const model = tinyLinear(3);
    let last: number[] = [];
    const h = fit(model, data, { optimizer: { name: 'sgd', lr: 0.02 }, epochs: 100, batchSize: 10, validation: skewed, earlyStopping: { patience: 2 }, onEpoch: () => void (last = [...model.parameters[0].data]) });
    expect(h.stopReason).toBe('early-stopping');
    expect(h.restoredBest).toBe(false);
    expect([...model.parameters[0].data]).toEqual(last);
  });

  it('ReduceLROnPlateau halves the lr after each epoch whose validation loss does not improve', () => {
    const h = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.02 }, epochs: 12, batchSize: 10, validation: skewed, schedule: { name: 'ReduceLROnPlateau', patience: 0, factor: 0.5 } });
    let best = Infinity;
    let reductions = 0;
    for (let k = 0; k + 1 < h.epochs.length; k++) {
      const v = h.epochs[k].validationLoss!;
      const improved = v < best * (1 - 1e-4);
      if (improved) best = v;
      else reductions += 1;
      expect(h.epochs[k + 1].lr).toBe(improved ? h.epochs[k].lr : h.epochs[k].lr * 0.5);
    }
    expect(reductions).toBeGreaterThan(2);
  });

  it('a schedule steps per epoch by default, per step with scheduleStep "step"', () => {
    const perEpoch = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 4, batchSize: 50, schedule: { name: 'StepLR', stepSize: 1, gamma: 0.5 } });
    expect(perEpoch.epochs.map((e) => e.lr)).toEqual([0.01, 0.005, 0.0025, 0.00125]);
    expect(perEpoch.steps.lr.slice(0, 4)).toEqual([0.01, 0.01, 0.005, 0.005]);
    const perStep = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 2, batchSize: 50, schedule: { name: 'StepLR', stepSize: 1, gamma: 0.5 }, scheduleStep: 'step' });
    expect(perStep.steps.lr).toEqual([0.01, 0.005, 0.0025, 0.00125]);
    expect(() => fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 2, schedule: { name: 'ReduceLROnPlateau' }, scheduleStep: 'step' })).toThrow(/ReduceLROnPlateau/);
  });

  it('a diverging lr ends the run with stopReason "diverged", not an exception', () => {
    const h = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 5 }, epochs: 50, batchSize: 10 });
    expect(h.stopReason).toBe('diverged');
    expect(h.epochs.length).toBeLessThan(50);
    expect(Number.isFinite(h.steps.loss.at(-1)!)).toBe(h.steps.loss.at(-1)! > 1e12 * h.initial.trainLoss);
  });

  it('onEpoch returning "stop" ends the run', () => {
    const h = fit(tinyLinear(3), data, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 10, onEpoch: (r) => (r.epoch === 2 ? 'stop' : undefined) });
    expect(h.epochs).toHaveLength(2);
    expect(h.stopReason).toBe('callback');
  });
});

describe('fit: bad input fails early', () => {
  const empty = { ...data, name: 'nothing', rows: 0, x: new Float64Array(0), y: new Float64Array(0) };
  const nanTarget = { ...data, y: data.y.map((v, i) => (i === 7 ? NaN : v)) };
  it.each([
    ['batchSize 0', { batchSize: 0 }, data, /batchSize must be an integer in 1 … 100, got 0/],
    ['batchSize above the rows', { batchSize: 101 }, data, /batchSize must be an integer in 1 … 100, got 101/],
    ['an empty data set', {}, empty, /data "nothing" is empty \(0 rows\)/],
    ['a NaN target', {}, nanTarget, /data "line" has the target NaN in row 7/],
    ['a classification metric', { metrics: ['accuracy'] }, data, /metric "accuracy" does not apply to a regression model/],
    ['an unknown metric', { metrics: ['f1'] }, data, /unknown metric "f1"/],
    ['an unknown optimizer', { optimizer: { name: 'adamm' } }, data, /unknown optimizer "adamm"/],
    ['an unknown optimizer option', { optimizer: { name: 'adam', learningRate: 1 } }, data, /learningRate/],
    ['negative epochs', { epochs: -1 }, data, /epochs must be an integer >= 0, got -1/],
  ])('%s', (_what, extra, d, message) => {
    expect(() => fit(tinyLinear(3), d, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 1, ...extra } as never)).toThrow(DescentError);
    expect(() => fit(tinyLinear(3), d, { optimizer: { name: 'sgd', lr: 0.01 }, epochs: 1, ...extra } as never)).toThrow(message);
  });

  it('data with other features than the model takes', () => {
    expect(() => fit(tinyLinear(2), data, { optimizer: { name: 'sgd' }, epochs: 1 })).toThrow(/has 3 features, the model "tiny-linear" takes 2/);
  });
});
