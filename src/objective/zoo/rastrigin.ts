/**
 * Rastrigin's function (Rastrigin 1974; the VLSE's d-dimensional form):
 *
 *   f(x) = 10d + Σ_{i=1}^{d} [x_i² − 10 cos(2π x_i)]
 *   ∂f/∂x_i = 2x_i + 20π sin(2π x_i)
 *
 * A bowl under an egg-box of local minima near the integer points, 11^d of them in the domain [−5.12, 5.12]^d;
 * global minimum 0 at the origin.
 */
import type { OptionsOf } from '../../core/options.js';
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export const rastriginNdSchema = {
  dim: { kind: 'number', default: 10, min: 1, max: 1_000_000, integer: true, description: 'number of variables d' },
} as const;

const TWO_PI = 2 * Math.PI;

function valueAndGrad(x: ArrayLike<number>, g: Float64Array): number {
  const n = x.length;
  let f = 10 * n;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const angle = TWO_PI * xi;
    f += xi * xi - 10 * Math.cos(angle);
    g[i] = 2 * xi + 10 * TWO_PI * Math.sin(angle);
  }
  return f;
}

function create(dim: number, name: string): ZooObjective {
  const twoD = dim === 2;
  return zooObjective(
    dim,
    {
      name,
      formula: twoD ? '20 + x^2 - 10 cos(2 pi x) + y^2 - 10 cos(2 pi y)' : '10d + sum_{i=1}^{d} [x_i^2 - 10 cos(2 pi x_i)]',
      tex: twoD
        ? '20 + x^2 - 10\\cos(2\\pi x) + y^2 - 10\\cos(2\\pi y)'
        : '10d + \\sum_{i=1}^{d} \\left[x_i^2 - 10\\cos(2\\pi x_i)\\right]',
      variables: twoD ? ['x', 'y'] : Array.from({ length: dim }, (_, i) => `x${i + 1}`),
      domain: box(dim, -5.12, 5.12),
      minima: [{ x: new Array<number>(dim).fill(0), value: 0, kind: 'global' }],
      starts: [new Array<number>(dim).fill(3.3)],
      startsSource: 'ours: every x_i = 3.3, among the ripples three basins away from the global minimum',
      source: vlse('rastr.html'),
    },
    valueAndGrad,
  );
}

export function rastrigin(): ZooObjective {
  return create(2, 'rastrigin');
}

export function rastriginNd(options: OptionsOf<typeof rastriginNdSchema>): ZooObjective {
  return create(options.dim, 'rastrigin-nd');
}
