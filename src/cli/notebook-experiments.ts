/**
 * The seed notebook's experiments (../shared/seeds/002, "Advanced optimization methods"): six optimizer settings
 * run for 100 iterations on f(x, y) = 5x² + y² from (5, 5), written as registry specs. The notebook's own forms are
 * reached through options: Adagrad and RMSProp put ε inside the root (epsRoot), and its Adam cell steps with the
 * uncorrected moments (biasCorrection: false).
 */
export interface OptimizerSetting {
  /** The notebook's name for the run. */
  label: string;
  /** Registry name. */
  optimizer: string;
  options: Record<string, unknown>;
}

export const notebookSettings: readonly OptimizerSetting[] = [
  { label: 'SGD', optimizer: 'SGD', options: { lr: 0.01 } },
  { label: 'SGD Momentum (μ=0.9)', optimizer: 'SGD', options: { lr: 0.01, momentum: 0.9 } },
  { label: 'SGD Momentum (μ=0.7)', optimizer: 'SGD', options: { lr: 0.01, momentum: 0.7 } },
  { label: 'Adagrad', optimizer: 'Adagrad', options: { lr: 0.1, eps: 0, epsRoot: 1e-6 } },
  { label: 'RMSProp', optimizer: 'RMSprop', options: { lr: 0.1, alpha: 0.9, eps: 0, epsRoot: 1e-6 } },
  { label: 'Adam (notebook, no bias correction)', optimizer: 'Adam', options: { lr: 0.1, betas: [0.9, 0.9], eps: 1e-6, biasCorrection: false } },
];

/** f(x, y) = 5x² + y², the notebook's `square_sum`, with its gradient (10x, 2y). */
export const squareSum = {
  formula: 'f(x, y) = 5x^2 + y^2',
  start: [5, 5] as const,
  iterations: 100,
  valueAndGrad(x: Float64Array, grad: Float64Array): number {
    grad[0] = 10 * x[0];
    grad[1] = 2 * x[1];
    return 5 * x[0] ** 2 + x[1] ** 2;
  },
};
