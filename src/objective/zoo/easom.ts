/**
 * Easom's function (Easom 1990):
 *
 *   f(x, y) = −cos x cos y exp(−(x − π)² − (y − π)²)
 *   ∇f = E · (cos y (sin x + 2(x − π) cos x),  cos x (sin y + 2(y − π) cos y)),   E = exp(−(x − π)² − (y − π)²)
 *
 * A single narrow well, global minimum −1 at (π, π), in a plain that is flat to rounding over almost all of the
 * domain [−100, 100]²: there the gradient underflows to 0 and no gradient method can find the well.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

const PI = Math.PI;

export function easom(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'easom',
      formula: '-cos(x) cos(y) exp(-(x - pi)^2 - (y - pi)^2)',
      tex: '-\\cos x \\cos y \\; e^{-(x - \\pi)^2 - (y - \\pi)^2}',
      variables: ['x', 'y'],
      domain: box(2, -100, 100),
      minima: [{ x: [PI, PI], value: -1, kind: 'global' }],
      starts: [[2, 2]],
      startsSource: 'ours: on the rim of the well, where the gradient is still visible',
      source: vlse('easom.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const dx = x - PI;
      const dy = y - PI;
      const E = Math.exp(-dx * dx - dy * dy);
      const cx = Math.cos(x);
      const cy = Math.cos(y);
      g[0] = E * cy * (Math.sin(x) + 2 * dx * cx);
      g[1] = E * cx * (Math.sin(y) + 2 * dy * cy);
      return -cx * cy * E;
    },
  );
}
