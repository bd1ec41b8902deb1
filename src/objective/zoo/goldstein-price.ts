/**
 * The Goldstein–Price function (Goldstein & Price 1971):
 *
 *   f(x, y) = A · B
 *   A = 1 + (x + y + 1)² P,   P = 19 − 14x + 3x² − 14y + 6xy + 3y²
 *   B = 30 + (2x − 3y)² Q,    Q = 18 − 32x + 12x² + 48y − 36xy + 27y²
 *   ∂A/∂x = ∂A/∂y = 2(x + y + 1) P + (x + y + 1)² (6x + 6y − 14)
 *   ∂B/∂x = 4(2x − 3y) Q + (2x − 3y)² (24x − 36y − 32),   ∂B/∂y = −6(2x − 3y) Q + (2x − 3y)² (54y − 36x + 48)
 *   ∇f = B ∇A + A ∇B
 *
 * Global minimum 3 at (0, −1); values span six orders of magnitude over the domain [−2, 2]², the reason it is
 * usually plotted on a log scale.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export function goldsteinPrice(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'goldstein-price',
      formula:
        '[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)] [30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]',
      tex:
        '\\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right] \\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]',
      variables: ['x', 'y'],
      domain: box(2, -2, 2),
      minima: [{ x: [0, -1], value: 3, kind: 'global' }],
      starts: [[1.5, 1.5]],
      startsSource: 'ours',
      source: vlse('goldpr.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const s = x + y + 1;
      const P = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
      const A = 1 + s * s * P;
      const dA = 2 * s * P + s * s * (6 * x + 6 * y - 14);
      const t = 2 * x - 3 * y;
      const Q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
      const B = 30 + t * t * Q;
      const dBx = 4 * t * Q + t * t * (24 * x - 36 * y - 32);
      const dBy = -6 * t * Q + t * t * (54 * y - 36 * x + 48);
      g[0] = B * dA + A * dBx;
      g[1] = B * dA + A * dBy;
      return A * B;
    },
  );
}
