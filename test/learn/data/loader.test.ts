import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { makeDataset, splitDataset } from '../../../src/learn/data/dataset.js';
import { DataLoader } from '../../../src/learn/data/loader.js';
import type { Batch, Dataset } from '../../../src/learn/types.js';

/** Row i has x = (i, 1000 + i) and y = i, so a batch tells which rows it holds. */
function rowsData(rows: number, dtype: 'float32' | 'float64' = 'float64'): Dataset {
  const Array_ = dtype === 'float32' ? Float32Array : Float64Array;
  const x = new Array_(rows * 2);
  const y = new Array_(rows);
  for (let i = 0; i < rows; i++) [x[2 * i], x[2 * i + 1], y[i]] = [i, 1000 + i, i];
  return makeDataset({ name: 'rows', x, y, featureNames: ['a', 'b'], target: { name: 'y', task: 'regression' } });
}

/** The row ids of each batch of an epoch, checking each batch's x matches its y. */
function epochRows(loader: DataLoader, k: number): number[][] {
  const out: number[][] = [];
  for (const batch of loader.epoch(k)) {
    const ids = Array.from(batch.y);
    expect(batch.x.length).toBe(batch.rows * 2);
    ids.forEach((id, i) => expect([batch.x[2 * i], batch.x[2 * i + 1]]).toEqual([id, 1000 + id]));
    out.push(ids);
  }
  return out;
}

describe('DataLoader', () => {
  const data = rowsData(100);

  it.each([
    [1, false, 100, 1],
    [100, false, 1, 100],
    [32, false, 4, 4],
    [32, true, 3, 32],
  ])('batchSize %i, dropLast %s: %i batches, the last of %i rows', (batchSize, dropLast, batches, lastRows) => {
    const loader = new DataLoader(data, { batchSize, dropLast, shuffle: true, seed: 1 });
    expect(loader.batchesPerEpoch).toBe(batches);
    const sizes = epochRows(loader, 0).map((b) => b.length);
    expect(sizes).toHaveLength(batches);
    expect(sizes.at(-1)).toBe(lastRows);
    expect(sizes.slice(0, -1).every((s) => s === batchSize)).toBe(true);
  });

  it('hands out every row exactly once per epoch', () => {
    const loader = new DataLoader(data, { batchSize: 32, shuffle: true, seed: 9 });
    for (const k of [0, 1, 2]) expect(epochRows(loader, k).flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('with dropLast, each epoch leaves out a different tail of rows', () => {
    const loader = new DataLoader(data, { batchSize: 32, shuffle: true, dropLast: true, seed: 2 });
    const seen = epochRows(loader, 0).flat();
    expect(new Set(seen).size).toBe(96);
    expect(loader.rowsPerEpoch).toBe(96);
  });

  it('same seed and epoch: the same order; another epoch or seed: another order', () => {
    const a = new DataLoader(data, { batchSize: 10, shuffle: true, seed: 4 });
    const b = new DataLoader(data, { batchSize: 10, shuffle: true, seed: 4 });
    epochRows(a, 0); // the order of epoch 1 does not depend on the epochs read before
    expect(epochRows(a, 1)).toEqual(epochRows(b, 1));
    expect(epochRows(a, 1)).not.toEqual(epochRows(a, 2));
    expect(epochRows(new DataLoader(data, { batchSize: 10, shuffle: true, seed: 5 }), 1)).not.toEqual(epochRows(a, 1));
    expect(Array.from(a.orderOf(3))).toEqual(epochRows(a, 3).flat());
  });

  it('without shuffle, batches are views of the data in order; with shuffle, reused buffers of its precision', () => {
    const data32 = rowsData(10, 'float32');
    const plain = [...new DataLoader(data32, { batchSize: 4 }).epoch(3)];
    expect(plain.map((b) => Array.from(b.y))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(plain[1].x.buffer).toBe(data32.x.buffer);
    const loader = new DataLoader(data32, { batchSize: 4, shuffle: true });
    const batches: Batch[] = [];
    for (const batch of loader.epoch(0)) batches.push(batch);
    expect(batches[0].x).toBeInstanceOf(Float32Array);
    expect(batches[0]).toBe(batches[1]);
    expect(batches[2].x.buffer).toBe(batches[0].x.buffer);
    expect(batches[0].x.buffer).not.toBe(data32.x.buffer);
    // Iterating the loader itself is epoch 0.
    expect([...loader].length).toBe(3);
  });

  it.each([
    [{ batchSize: 0 }, 'batchSize must be an integer >= 1, got 0'],
    [{ batchSize: 2.5 }, 'batchSize must be an integer >= 1, got 2.5'],
    [{ batchSize: 101 }, "batchSize 101 is larger than the data set's 100 rows"],
    [{ batchSize: 10, seed: 0.5 }, 'seed must be an integer, got 0.5'],
  ])('rejects %j', (options, message) => {
    expect(() => new DataLoader(data, options)).toThrow(DescentError);
    expect(() => new DataLoader(data, options)).toThrow(`DataLoader(rows): ${message}`);
  });

  it('rejects a bad epoch number', () => {
    expect(() => [...new DataLoader(data, { batchSize: 10 }).epoch(-1)]).toThrow('epoch must be an integer >= 0, got -1');
  });
});

describe('splitDataset', () => {
  it('splits a whole Dataset by seed into disjoint parts covering every row', () => {
    const parts = splitDataset(rowsData(100), { validation: 0.2, test: 0.1 }, 7);
    expect([parts.train.rows, parts.validation?.rows, parts.test?.rows]).toEqual([70, 20, 10]);
    const all = [...parts.train.y, ...(parts.validation?.y ?? []), ...(parts.test?.y ?? [])].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(splitDataset(rowsData(100), { validation: 0.2 }, 7).validation?.y ?? [])).not.toEqual([]);
    expect(() => splitDataset(rowsData(3), { validation: 0.1 }, 1)).toThrow('rows: 3 rows are too few for validation 0.1 and test 0');
  });

  it('makeDataset rejects an empty or inconsistent set', () => {
    const target = { name: 'y', task: 'regression' as const };
    expect(() => makeDataset({ name: 'e', x: new Float64Array(0), y: new Float64Array(0), featureNames: ['a'], target })).toThrow('e: has no rows');
    expect(() => makeDataset({ name: 'e', x: new Float64Array(3), y: new Float64Array(2), featureNames: ['a'], target })).toThrow('x has 3 values, expected rows × features = 2 × 1');
    expect(() => makeDataset({ name: 'e', x: new Float32Array(2), y: new Float64Array(2), featureNames: ['a'], target })).toThrow('same precision');
  });
});
