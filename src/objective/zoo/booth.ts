/**
 * Booth's function:
 *
 *   f(x, y) = (x + 2y − 7)² + (2x + y − 5)²,   ∇f = (2u + 4v, 4u + 2v),  u = x + 2y − 7,  v = 2x + y − 5
 *
 * A convex quadratic (Hessian [[10, 8], [8, 10]], condition number 9); global minimum 0 at (1, 3), domain [−10, 10]².
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export function booth(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'booth',
      formula: '(x + 2y - 7)^2 + (2x + y - 5)^2',
      tex: '(x + 2y - 7)^2 + (2x + y - 5)^2',
      variables: ['x', 'y'],
      domain: box(2, -10, 10),
      minima: [{ x: [1, 3], value: 0, kind: 'global' }],
      starts: [[-5, -5]],
      startsSource: 'ours',
      source: vlse('booth.html'),
    },
    (p, g) => {
      const u = p[0] + 2 * p[1] - 7;
      const v = 2 * p[0] + p[1] - 5;
      g[0] = 2 * u + 4 * v;
      g[1] = 4 * u + 2 * v;
      return u * u + v * v;
    },
  );
}
