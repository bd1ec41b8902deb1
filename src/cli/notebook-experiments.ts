/**
 * The seed notebook's experiments (../shared/seeds/002, "Advanced optimization methods"): six optimizer settings
 * run for 100 iterations on each of its two functions, 5x² + y² from (5, 5) and (x − 3)² + 8(y − 5)⁴ + √x + sin(xy)
 * from (5, −2), written as registry specs. The notebook's own forms are reached through options: Adagrad and
 * RMSProp put ε inside the root (epsRoot), and its Adam cell steps with the uncorrected moments
 * (biasCorrection: false). On the second function the notebook lowers SGD's and momentum's lr to 0.0002 (its
 * quartic term makes the gradient at (5, −2) about 1.1e4); the adaptive methods keep 0.1.
 */
export interface OptimizerSetting {
  /** The notebook's name for the run. */
  label: string;
  /** Registry name. */
  optimizer: string;
  options: Record<string, unknown>;
}

/** The six settings of the notebook's first function, square_sum. */
export const notebookSettings: readonly OptimizerSetting[] = [
  { label: 'SGD', optimizer: 'SGD', options: { lr: 0.01 } },
  { label: 'SGD Momentum (μ=0.9)', optimizer: 'SGD', options: { lr: 0.01, momentum: 0.9 } },
  { label: 'SGD Momentum (μ=0.7)', optimizer: 'SGD', options: { lr: 0.01, momentum: 0.7 } },
  { label: 'Adagrad', optimizer: 'Adagrad', options: { lr: 0.1, eps: 0, epsRoot: 1e-6 } },
  { label: 'RMSProp', optimizer: 'RMSprop', options: { lr: 0.1, alpha: 0.9, eps: 0, epsRoot: 1e-6 } },
  { label: 'Adam (notebook, no bias correction)', optimizer: 'Adam', options: { lr: 0.1, betas: [0.9, 0.9], eps: 1e-6, biasCorrection: false } },
];

/** The same six on complex_sum: SGD and momentum at lr = 0.0002, the rest unchanged. */
export const complexSettings: readonly OptimizerSetting[] = notebookSettings.map((s) =>
  s.optimizer === 'SGD' ? { ...s, options: { ...s.options, lr: 0.0002 } } : s,
);

/** Torch's Adam (bias-corrected, torch's betas and eps) at the notebook's lr, shown beside the notebook's Adam. */
export const torchAdam: OptimizerSetting = { label: 'Adam (torch, bias-corrected)', optimizer: 'Adam', options: { lr: 0.1 } };

/** The notebook's contour levels: it draws log f at log([0.5, 10, …, 900]), i.e. f at these values. */
export const notebookLevels: readonly number[] = [0.5, 10, 30, 80, 130, 200, 300, 500, 900];

export const notebookIterations = 100;

export interface NotebookFunction {
  /** The zoo's name for it. */
  zoo: 'seed-quadratic' | 'seed-complex';
  /** The notebook's name for it. */
  notebookName: 'square_sum' | 'complex_sum';
  start: readonly [number, number];
  /** make_experiment's box: [−7, 7]² by default, x ∈ [0, 10], y ∈ [−5, 10] for complex_sum. */
  box: readonly [readonly [number, number], readonly [number, number]];
  settings: readonly OptimizerSetting[];
}

export const notebookFunctions: readonly NotebookFunction[] = [
  { zoo: 'seed-quadratic', notebookName: 'square_sum', start: [5, 5], box: [[-7, 7], [-7, 7]], settings: notebookSettings },
  { zoo: 'seed-complex', notebookName: 'complex_sum', start: [5, -2], box: [[0, 10], [-5, 10]], settings: complexSettings },
];

/** f(x, y) = 5x² + y², the notebook's `square_sum`, with its gradient (10x, 2y). */
export const squareSum = {
  formula: 'f(x, y) = 5x^2 + y^2',
  start: [5, 5] as const,
  iterations: notebookIterations,
  valueAndGrad(x: Float64Array, grad: Float64Array): number {
    grad[0] = 10 * x[0];
    grad[1] = 2 * x[1];
    return 5 * x[0] ** 2 + x[1] ** 2;
  },
};
