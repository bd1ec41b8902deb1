/**
 * Beale's function (Beale 1958):
 *
 *   f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
 *   ∂f/∂x = 2t₁(y − 1) + 2t₂(y² − 1) + 2t₃(y³ − 1),   ∂f/∂y = 2t₁x + 4t₂xy + 6t₃xy²
 *
 * with t₁, t₂, t₃ the three bracketed terms. Global minimum 0 at (3, 0.5); domain [−4.5, 4.5]². Sharp ridges near
 * the corners (the y³ term) make it a test of step-size control.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export function beale(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'beale',
      formula: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
      tex: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
      variables: ['x', 'y'],
      domain: box(2, -4.5, 4.5),
      minima: [{ x: [3, 0.5], value: 0, kind: 'global' }],
      starts: [[1, 1]],
      startsSource: 'Moré, Garbow & Hillstrom (1981), Beale function: (1, 1)',
      source: vlse('beale.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const y2 = y * y;
      const y3 = y2 * y;
      const t1 = 1.5 - x + x * y;
      const t2 = 2.25 - x + x * y2;
      const t3 = 2.625 - x + x * y3;
      g[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
      g[1] = 2 * x * (t1 + 2 * t2 * y + 3 * t3 * y2);
      return t1 * t1 + t2 * t2 + t3 * t3;
    },
  );
}
