/**
 * Himmelblau's function (Himmelblau 1972, Applied Nonlinear Programming):
 *
 *   f(x, y) = (x² + y − 11)² + (x + y² − 7)²,   ∇f = (4xu + 2v, 2u + 4yv),  u = x² + y − 11,  v = x + y² − 7
 *
 * Four global minima, all 0 (the four common roots of u and v), one of them at the integers (3, 2); a local maximum
 * 181.617 at (−0.270845, −0.923039) in between. The VLSE does not list this function: the three irrational minima
 * are the six-decimal figures found throughout the literature (e.g. Wikipedia's "Test functions for optimization"),
 * refined here by Newton's method on u = v = 0. Domain [−5, 5]².
 */
import { box, zooObjective, type ZooMinimum, type ZooObjective } from './zoo-function.js';

const refined = (x: number[], published: number[]): ZooMinimum => ({
  x,
  value: 0,
  kind: 'global',
  published: { x: published, value: 0, tolerance: 1e-9 },
});

export function himmelblau(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'himmelblau',
      formula: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
      tex: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
      variables: ['x', 'y'],
      domain: box(2, -5, 5),
      minima: [
        { x: [3, 2], value: 0, kind: 'global' },
        refined([-2.805118086952745, 3.131312518250573], [-2.805118, 3.131312]),
        refined([-3.779310253377747, -3.2831859912861696], [-3.77931, -3.283186]),
        refined([3.5844283403304917, -1.8481265269644034], [3.584428, -1.848126]),
      ],
      starts: [[0, 0]],
      startsSource: 'ours: near the local maximum (−0.2708, −0.9230) in the middle of the four minima',
      source: 'Himmelblau (1972), Applied Nonlinear Programming; domain and six-decimal minima as commonly tabulated (not in the VLSE)',
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const u = x * x + y - 11;
      const v = x + y * y - 7;
      g[0] = 4 * x * u + 2 * v;
      g[1] = 2 * u + 4 * y * v;
      return u * u + v * v;
    },
  );
}
