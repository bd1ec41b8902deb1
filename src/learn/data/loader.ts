/**
 * DataLoader: one epoch of a Dataset as batches, the way torch.utils.data.DataLoader hands them out. The batch
 * size picks the flavour of gradient descent: 1 is stochastic, the whole set is batch, 32–256 is mini-batch.
 *
 * With shuffling, each epoch k draws its own order — a Fisher–Yates shuffle of the row indices by a generator
 * seeded from (seed, k) — so an epoch's batches depend only on the seed and k, not on which epochs came before.
 * Each batch's rows are gathered into buffers allocated once, in the data's precision: no copy of the whole set per
 * epoch and no allocation per batch. Without shuffling, batches are views of the data itself.
 * A batch's arrays are reused by the next batch: read them before asking for the next.
 */
import { fail, show } from '../../core/errors.js';
import type { FloatArray } from '../../core/float-array.js';
import { Random } from '../../core/random.js';
import type { Batch, Dataset } from '../types.js';
import { allocate } from './dataset.js';

export interface LoaderOptions {
  /** Rows per batch, an integer in [1, rows]. */
  batchSize: number;
  /** Reshuffle the rows every epoch (default false, as torch). */
  shuffle?: boolean;
  /** Leave out the last batch when it is smaller than batchSize (default false). */
  dropLast?: boolean;
  /** Seeds the shuffling; default 0. */
  seed?: number;
}

/** A batch whose fields the loader fills in; handed out as the read-only Batch. */
interface BatchSlot {
  x: FloatArray;
  y: FloatArray;
  rows: number;
}

/** A 32-bit seed for epoch k from the loader's seed (a multiply–xorshift mix, so nearby epochs differ widely). */
function epochSeed(seed: number, epoch: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(epoch + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h | 0;
}

export class DataLoader {
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly seed: number;
  /** Batches in one epoch: ⌈rows / batchSize⌉, or ⌊rows / batchSize⌋ with dropLast. */
  readonly batchesPerEpoch: number;
  private readonly order: Int32Array;
  private readonly full: BatchSlot;
  private readonly last: BatchSlot | undefined;
  private views: Batch[] | undefined;

  constructor(
    readonly dataset: Dataset,
    options: LoaderOptions,
  ) {
    const where = `DataLoader(${dataset.name})`;
    const { batchSize } = options;
    if (dataset.rows === 0) fail(where, 'the data set has no rows');
    if (!(Number.isInteger(batchSize) && batchSize >= 1)) fail(where, `batchSize must be an integer >= 1, got ${show(batchSize)}`);
    if (batchSize > dataset.rows) fail(where, `batchSize ${batchSize} is larger than the data set's ${dataset.rows} rows`);
    const seed = options.seed ?? 0;
    if (!Number.isInteger(seed)) fail(where, `seed must be an integer, got ${show(seed)}`);
    this.batchSize = batchSize;
    this.shuffle = options.shuffle ?? false;
    this.dropLast = options.dropLast ?? false;
    this.seed = seed;
    const remainder = dataset.rows % batchSize;
    this.batchesPerEpoch = this.dropLast ? Math.floor(dataset.rows / batchSize) : Math.ceil(dataset.rows / batchSize);
    this.order = new Int32Array(dataset.rows);
    const dtype = dataset.x instanceof Float32Array ? 'float32' : 'float64';
    const f = dataset.features;
    const x = allocate(dtype, batchSize * f);
    const y = allocate(dataset.y instanceof Float32Array ? 'float32' : 'float64', batchSize);
    this.full = { x, y, rows: batchSize };
    // The smaller last batch views the front of the same buffers; both views are made once, here.
    this.last = remainder > 0 && !this.dropLast ? { x: x.subarray(0, remainder * f), y: y.subarray(0, remainder), rows: remainder } : undefined;
  }

  /** Rows the loader hands out per epoch. */
  get rowsPerEpoch(): number {
    return this.dropLast ? this.batchesPerEpoch * this.batchSize : this.dataset.rows;
  }

  /** The row order of epoch `k` (a fresh array; the identity without shuffling). */
  orderOf(epoch: number): Int32Array {
    this.fillOrder(epoch);
    return this.order.slice();
  }

  /** The batches of epoch `k` (0, 1, 2, …); deterministic given the seed and k. */
  *epoch(epoch = 0): Generator<Batch, void, undefined> {
    if (!(Number.isInteger(epoch) && epoch >= 0)) fail(`DataLoader(${this.dataset.name})`, `epoch must be an integer >= 0, got ${show(epoch)}`);
    if (!this.shuffle) {
      yield* this.viewBatches();
      return;
    }
    this.fillOrder(epoch);
    const { x, y } = this.dataset;
    const f = this.dataset.features;
    const order = this.order;
    for (let b = 0; b < this.batchesPerEpoch; b++) {
      const start = b * this.batchSize;
      const slot = start + this.batchSize <= order.length ? this.full : (this.last as BatchSlot);
      const bx = slot.x;
      const by = slot.y;
      // Gather: row order[start + i] of the data becomes row i of the batch.
      for (let i = 0; i < slot.rows; i++) {
        const r = order[start + i];
        by[i] = y[r];
        const from = r * f;
        const to = i * f;
        for (let j = 0; j < f; j++) bx[to + j] = x[from + j];
      }
      yield slot;
    }
  }

  /** Epoch 0's batches, so `for (const batch of loader)` works. */
  [Symbol.iterator](): Generator<Batch, void, undefined> {
    return this.epoch(0);
  }

  private fillOrder(epoch: number): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (this.shuffle) new Random(epochSeed(this.seed, epoch)).shuffle(order);
  }

  /** Without shuffling every epoch is the same: consecutive rows, as views made once and reused. */
  private viewBatches(): Batch[] {
    if (this.views === undefined) {
      const { x, y, features: f } = this.dataset;
      this.views = [];
      for (let b = 0; b < this.batchesPerEpoch; b++) {
        const start = b * this.batchSize;
        const end = Math.min(start + this.batchSize, this.dataset.rows);
        this.views.push({ x: x.subarray(start * f, end * f), y: y.subarray(start, end), rows: end - start });
      }
    }
    return this.views;
  }
}
