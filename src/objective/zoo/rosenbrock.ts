/**
 * Rosenbrock's banana valley (Rosenbrock 1960), in the VLSE's d-dimensional form:
 *
 *   f(x) = Σ_{i=1}^{d−1} [100 (x_{i+1} − x_i²)² + (x_i − 1)²]
 *   ∂f/∂x_i = −400 x_i (x_{i+1} − x_i²) + 2 (x_i − 1)  [i < d]  + 200 (x_i − x_{i−1}²)  [i > 1]
 *
 * Global minimum 0 at (1, …, 1); domain [−5, 10]^d (the VLSE's, which notes it may be restricted to
 * [−2.048, 2.048]^d). The start (−1.2, 1) is Rosenbrock's own; for d > 2 we repeat it, as Moré, Garbow & Hillstrom
 * (1981) start their extended Rosenbrock at (−1.2, 1, −1.2, 1, …).
 */
import type { OptionsOf } from '../../core/options.js';
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export const rosenbrockNdSchema = {
  dim: { kind: 'number', default: 10, min: 2, max: 1_000_000, integer: true, description: 'number of variables d' },
} as const;

function valueAndGrad(x: ArrayLike<number>, g: Float64Array): number {
  const n = x.length;
  let f = 0;
  g[0] = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i];
    const t = x[i + 1] - xi * xi;
    const s = xi - 1;
    f += 100 * t * t + s * s;
    g[i] += -400 * xi * t + 2 * s;
    g[i + 1] = 200 * t; // the next iteration adds its own terms to it
  }
  return f;
}

function create(dim: number, name: string): ZooObjective {
  const twoD = dim === 2;
  return zooObjective(
    dim,
    {
      name,
      formula: twoD ? '(1 - x)^2 + 100(y - x^2)^2' : 'sum_{i=1}^{d-1} [100(x_{i+1} - x_i^2)^2 + (x_i - 1)^2]',
      tex: twoD ? '(1 - x)^2 + 100\\,(y - x^2)^2' : '\\sum_{i=1}^{d-1} \\left[100\\,(x_{i+1} - x_i^2)^2 + (x_i - 1)^2\\right]',
      variables: twoD ? ['x', 'y'] : Array.from({ length: dim }, (_, i) => `x${i + 1}`),
      domain: box(dim, -5, 10),
      minima: [{ x: new Array<number>(dim).fill(1), value: 0, kind: 'global' }],
      starts: [Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? -1.2 : 1))],
      startsSource: twoD ? 'Rosenbrock (1960): (−1.2, 1)' : 'Moré, Garbow & Hillstrom (1981), extended Rosenbrock: (−1.2, 1, −1.2, 1, …)',
      source: vlse('rosen.html'),
    },
    valueAndGrad,
  );
}

export function rosenbrock(): ZooObjective {
  return create(2, 'rosenbrock');
}

export function rosenbrockNd(options: OptionsOf<typeof rosenbrockNdSchema>): ZooObjective {
  return create(options.dim, 'rosenbrock-nd');
}
