/** Hand-made objectives and runs shared by the picture tests: the seed notebook's 5x² + y², from (5, 5). */
import { minimize, type OptimizerSpec } from '../../src/engine/minimize.js';
import type { Objective } from '../../src/objective/objective.js';
import type { Run } from '../../src/viz/runs.js';

export const paraboloid: Objective = {
  dim: 2,
  value: (x) => 5 * x[0] * x[0] + x[1] * x[1],
  valueAndGrad(x, g) {
    g[0] = 10 * x[0];
    g[1] = 2 * x[1];
    return 5 * x[0] * x[0] + x[1] * x[1];
  },
  meta: { name: 'paraboloid', formula: '5x^2 + y^2', variables: ['x', 'y'], domain: [[-7, 7], [-7, 7]], minima: [{ x: [0, 0], value: 0 }] },
};

export function run(label: string, optimizer: OptimizerSpec, steps = 100, start: number[] = [5, 5]): Run {
  return { label, trace: minimize(paraboloid, start, { optimizer, maxSteps: steps }) };
}

/**
 * Six optimizers racing from (5, 5). From that symmetric start the sign-like methods (Adam, Adagrad, RMSprop) all
 * set off along the diagonal, so they come first: each later one covers a shorter stretch of it and every run keeps
 * pixels of its own in the picture (Adam's overshoot past the minimum, Adagrad's last steps, RMSprop's first ones).
 */
export function sixRuns(steps = 100): Run[] {
  return [
    run('Adam lr=0.5', { name: 'adam', lr: 0.5 }, steps),
    run('Adagrad lr=1', { name: 'adagrad', lr: 1 }, steps),
    run('RMSprop lr=0.01', { name: 'rmsprop', lr: 0.01 }, steps),
    run('SGD lr=0.01', { name: 'sgd', lr: 0.01 }, steps),
    run('SGD momentum=0.9', { name: 'sgd', lr: 0.01, momentum: 0.9 }, steps),
    run('SGD lr=0.19', { name: 'sgd', lr: 0.19 }, steps),
  ];
}
