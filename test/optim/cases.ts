/**
 * One table of optimizer cases drives the generic tests (convergence, state-dict lockstep, both precisions),
 * in the spirit of optax's _OPTIMIZERS_UNDER_TEST and torch's optim_db. Each case's lr is tuned so that it
 * converges on the test quadratic within `steps`.
 */
export interface OptimizerCase {
  name: string;
  options: Record<string, unknown>;
  /** Steps to bring the test quadratic from (1, -1.5, 2) to within `tolerance` of the minimum. */
  steps: number;
  tolerance: number;
}

export const cases: readonly OptimizerCase[] = [
  { name: 'SGD', options: { lr: 0.1 }, steps: 300, tolerance: 1e-6 },
  { name: 'SGD', options: { lr: 0.05, momentum: 0.9 }, steps: 400, tolerance: 1e-6 },
  { name: 'SGD', options: { lr: 0.05, momentum: 0.9, nesterov: true }, steps: 400, tolerance: 1e-6 },
  { name: 'SGD', options: { lr: 0.05, momentum: 0.5, dampening: 0.3, weightDecay: 1e-9 }, steps: 600, tolerance: 1e-5 },
  { name: 'Adagrad', options: { lr: 0.5 }, steps: 800, tolerance: 1e-5 },
  { name: 'Adagrad', options: { lr: 0.5, lrDecay: 1e-4, initialAccumulatorValue: 0.1, epsRoot: 1e-8 }, steps: 800, tolerance: 1e-5 },
  { name: 'RMSprop', options: { lr: 0.01 }, steps: 800, tolerance: 1e-2 },
  { name: 'RMSprop', options: { lr: 0.01, momentum: 0.5, centered: true }, steps: 800, tolerance: 1e-2 },
  { name: 'Adam', options: { lr: 0.05 }, steps: 1000, tolerance: 1e-3 },
  { name: 'Adam', options: { lr: 0.05, amsgrad: true }, steps: 1000, tolerance: 1e-3 },
  { name: 'Adam', options: { lr: 0.05, biasCorrection: false, epsRoot: 1e-12 }, steps: 1000, tolerance: 1e-3 },
  { name: 'AdamW', options: { lr: 0.05, weightDecay: 1e-6 }, steps: 1000, tolerance: 1e-3 },
  { name: 'Adadelta', options: { lr: 1, rho: 0.9 }, steps: 3000, tolerance: 1e-2 },
  { name: 'Adamax', options: { lr: 0.05 }, steps: 1000, tolerance: 1e-3 },
  { name: 'NAdam', options: { lr: 0.05 }, steps: 1000, tolerance: 1e-3 },
  { name: 'RAdam', options: { lr: 0.05 }, steps: 1000, tolerance: 1e-3 },
  // ASGD's λ (lambd, 1e-4) also shrinks θ towards 0 every step, which moves the fixed point by λ·t_i/c_i (up to 5e-4 here).
  { name: 'ASGD', options: { lr: 0.1, t0: 50 }, steps: 400, tolerance: 1e-3 },
  { name: 'Rprop', options: { lr: 0.01 }, steps: 300, tolerance: 1e-5 },
  { name: 'Lion', options: { lr: 0.01 }, steps: 1000, tolerance: 2e-2 },
];

/** f(x) = ½ Σ c_i (x_i − t_i)², the test quadratic; the minimum is at t. */
export const quadratic = {
  curvature: [1, 3, 0.5],
  target: [0.5, -1, 2.5],
  start: [1, -1.5, 2],
  valueAndGrad(x: ArrayLike<number>, grad: { [i: number]: number }): number {
    let f = 0;
    for (let i = 0; i < 3; i++) {
      const d = x[i] - this.target[i];
      f += 0.5 * this.curvature[i] * d * d;
      grad[i] = this.curvature[i] * d;
    }
    return f;
  },
};

/** Rosenbrock's function (1 − x)² + 100(y − x²)², the classic narrow curved valley; minimum (1, 1). */
export function rosenbrock(x: ArrayLike<number>, grad: { [i: number]: number }): number {
  const [a, b] = [x[0], x[1]];
  grad[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  grad[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}

export function caseLabel(c: OptimizerCase): string {
  return `${c.name} ${JSON.stringify(c.options)}`;
}
