/**
 * A well in a plateau, for the lecture's "plateaus: the gradient is almost zero and learning freezes" (000):
 *
 *   f(x, y) = tanh(u),  u = x²/4 + y²
 *   ∇f = sech²(u) · (x/2, 2y)
 *
 * The function is ours, made for that point of the lecture: a tanh saturates as a tanh unit of a network does, so
 * f ≈ 1 − 2e^{−2u} is flat wherever u ≳ 3, with a gradient that shrinks like e^{−2u}, around a single elliptical well
 * with its minimum 0 at the origin. From the start (4, 1), u = 5 and |∇f| ≈ 5e−4. Measured steps until f < 0.5:
 * gradient descent with lr 0.1, about 4200; with momentum 0.9, about 470; Adam with lr 0.1, which divides by the
 * gradient's own scale, 26.
 *
 * Numerics: sech²(u) and tanh(u) are computed from e = e^{−2u} (u ≥ 0), as 4e/(1 + e)² and (1 − e)/(1 + e), so the
 * tiny gradient on the plateau keeps full relative precision instead of being the difference 1 − tanh²(u).
 */
import { zooObjective, type ZooObjective } from './zoo-function.js';

export function plateau(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'plateau',
      formula: 'tanh(x^2/4 + y^2)',
      tex: '\\tanh\\left(\\frac{x^2}{4} + y^2\\right)',
      variables: ['x', 'y'],
      domain: [[-5, 5], [-5, 5]],
      minima: [{ x: [0, 0], value: 0, kind: 'global' }],
      starts: [[4, 1]],
      startsSource: 'ours: a point of the plateau, where |∇f| ≈ 5e−4',
      source: 'ours (descent), for lecture 4’s "plateaus and saddle points"; a saturating tanh, as in a network’s units',
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const e = Math.exp(-2 * (0.25 * x * x + y * y));
      const onePlusE = 1 + e;
      const sech2 = (4 * e) / (onePlusE * onePlusE);
      g[0] = 0.5 * x * sech2;
      g[1] = 2 * y * sech2;
      return (1 - e) / onePlusE;
    },
  );
}
