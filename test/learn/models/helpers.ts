/** Seeded random batches and parameters for the model tests. */
import { Random } from '../../../src/core/random.js';
import type { Batch, Model, Task } from '../../../src/learn/types.js';
import { getFlatParameters } from '../../../src/learn/models/model-objective.js';

/** rows × inputs standard-normal features and targets fitting the task (class ids for classification). */
export function randomBatch(seed: number, rows: number, inputs: number, task: Task, classes = 3, dtype: 'float32' | 'float64' = 'float64'): Batch {
  const random = new Random(seed);
  const make = (n: number) => (dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
  const x = make(rows * inputs);
  for (let i = 0; i < x.length; i++) x[i] = random.normal();
  const y = make(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = task === 'regression' ? random.normal() * 2 : task === 'binary' ? random.int(2) : random.int(classes);
  }
  return { x, y, rows };
}

/** The model's flattened parameters replaced by N(0, scale²) draws (so no weight sits at an L1 kink). */
export function randomParameters(model: Model, seed: number, scale = 0.5): Float64Array {
  const random = new Random(seed);
  const theta = getFlatParameters(model);
  for (let i = 0; i < theta.length; i++) theta[i] = scale * random.normal();
  return theta;
}
