/**
 * The learning layer by name: the shapes that connect it (types.ts), the data layer (data/), the models with their
 * registry (models/), and the fit loop with its history and metrics. src/index.ts re-exports this file.
 */
export type { Task, TargetInfo, Dataset, Batch, Model } from './types.js';
export * from './data/index.js';
export { models, getModel, findModel, createModel, parseModelSpec, type ModelEntry, type ModelContext, type ModelSpec } from './models/registry.js';
export { LinearRegression, type LinearRegressionOptions } from './models/linear.js';
export { LogisticRegression, type LogisticRegressionOptions } from './models/logistic.js';
export { SoftmaxRegression, type SoftmaxRegressionOptions } from './models/softmax.js';
export { MLP, type MLPOptions } from './models/mlp.js';
export { leastSquares, type LeastSquaresOptions, type LeastSquaresSolution } from './models/least-squares.js';
export { fit, type FitOptions } from './fit.js';
export { historyToJson, historyToCsv, type History, type EpochRecord, type StopReason } from './history.js';
export { evaluate, Evaluator, defaultMetrics, metricNames, type MetricName, type Evaluation } from './metrics.js';
