/**
 * The Matyas function:
 *
 *   f(x, y) = 0.26(x² + y²) − 0.48xy,   ∇f = (0.52x − 0.48y, 0.52y − 0.48x)
 *
 * A convex quadratic whose Hessian has eigenvalues 1 (along (1, −1)) and 0.04 (along (1, 1)): a long, nearly flat
 * trough on the diagonal, condition number 25. Global minimum 0 at the origin, domain [−10, 10]².
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export function matyas(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'matyas',
      formula: '0.26(x^2 + y^2) - 0.48xy',
      tex: '0.26\\,(x^2 + y^2) - 0.48\\,xy',
      variables: ['x', 'y'],
      domain: box(2, -10, 10),
      minima: [{ x: [0, 0], value: 0, kind: 'global' }],
      starts: [[8, 6]],
      startsSource: 'ours: mostly along the flat diagonal',
      source: vlse('matya.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      g[0] = 0.52 * x - 0.48 * y;
      g[1] = 0.52 * y - 0.48 * x;
      return 0.26 * (x * x + y * y) - 0.48 * x * y;
    },
  );
}
