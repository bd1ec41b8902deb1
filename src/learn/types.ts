/**
 * The shapes that connect the learning layer: a data set of rows, the batches a loader hands out, and a model that
 * turns a batch into a loss and the gradients of its parameters. Data (src/learn/data/), models
 * (src/learn/models/) and the fit loop (src/learn/fit.ts) meet only here, so each can be read on its own.
 */
import type { FloatArray } from '../core/float-array.js';
import type { Parameter } from '../core/parameter.js';

/** What the target is: a number to predict, one of two classes, or one of several. */
export type Task = 'regression' | 'binary' | 'multiclass';

export interface TargetInfo {
  /** The target column's name, e.g. `Miles_per_Gallon`. */
  name: string;
  task: Task;
  /** Classification: the class labels, the index of each being the class id stored in `y`. */
  classes?: readonly string[];
}

/**
 * Rows of numeric features and one target per row, in one precision (Float32Array or Float64Array, the user's
 * choice). `x` is row-major, rows × features; `y` holds the target (regression) or the class id 0 … k − 1
 * (classification; 0 or 1 for binary).
 */
export interface Dataset {
  readonly name: string;
  readonly x: FloatArray;
  readonly y: FloatArray;
  readonly rows: number;
  readonly features: number;
  readonly featureNames: readonly string[];
  readonly target: TargetInfo;
}

/** A batch: `rows` rows of x (row-major) and their targets. Its arrays may be views reused by the next batch. */
export interface Batch {
  readonly x: FloatArray;
  readonly y: FloatArray;
  readonly rows: number;
}

/**
 * A model with its loss: linear regression (MSE), logistic regression (binary cross-entropy), softmax regression
 * (cross-entropy), a multilayer perceptron. Its `parameters` are ordinary Parameters, so every optimizer and
 * scheduler of the library trains it unchanged.
 */
export interface Model {
  readonly name: string;
  readonly task: Task;
  readonly inputs: number;
  /** 1 for regression and binary classification, k for k classes. */
  readonly outputs: number;
  readonly parameters: readonly Parameter[];
  /** Mean loss over the batch plus the regulariser λR(W); overwrites every parameter's grad with the gradient. */
  lossAndGrad(batch: Batch): number;
  /** The same loss, without gradients. */
  loss(batch: Batch): number;
  /**
   * rows × outputs into `out`: the prediction (regression), P(y = 1) (binary), or the class probabilities
   * (multiclass, each row summing to 1).
   */
  predict(x: FloatArray, rows: number, out: FloatArray): void;
}
