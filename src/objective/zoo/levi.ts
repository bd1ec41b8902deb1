/**
 * Lévy function N. 13 (the VLSE's "Levy function N. 13"):
 *
 *   f(x, y) = sin²(3πx) + (x − 1)² [1 + sin²(3πy)] + (y − 1)² [1 + sin²(2πy)]
 *   ∂f/∂x = 3π sin(6πx) + 2(x − 1) [1 + sin²(3πy)]
 *   ∂f/∂y = 3π (x − 1)² sin(6πy) + 2(y − 1) [1 + sin²(2πy)] + 2π (y − 1)² sin(4πy)
 *
 * A bowl under fine ripples; global minimum 0 at (1, 1), domain [−10, 10]². The double angles are formed as
 * 2 sin cos from the sines and cosines already computed.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

const PI = Math.PI;

export function levi(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'levi',
      formula: 'sin^2(3 pi x) + (x - 1)^2 (1 + sin^2(3 pi y)) + (y - 1)^2 (1 + sin^2(2 pi y))',
      tex: '\\sin^2(3\\pi x) + (x - 1)^2\\left[1 + \\sin^2(3\\pi y)\\right] + (y - 1)^2\\left[1 + \\sin^2(2\\pi y)\\right]',
      variables: ['x', 'y'],
      domain: box(2, -10, 10),
      minima: [{ x: [1, 1], value: 0, kind: 'global' }],
      starts: [[-4.5, 6.5]],
      startsSource: 'ours',
      source: vlse('levy13.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const s3x = Math.sin(3 * PI * x);
      const c3x = Math.cos(3 * PI * x);
      const s3y = Math.sin(3 * PI * y);
      const c3y = Math.cos(3 * PI * y);
      const s2y = Math.sin(2 * PI * y);
      const c2y = Math.cos(2 * PI * y);
      const dx = x - 1;
      const dy = y - 1;
      const wx = 1 + s3y * s3y;
      const wy = 1 + s2y * s2y;
      g[0] = 6 * PI * s3x * c3x + 2 * dx * wx;
      g[1] = 6 * PI * dx * dx * s3y * c3y + 2 * dy * wy + 4 * PI * dy * dy * s2y * c2y;
      return s3x * s3x + dx * dx * wx + dy * dy * wy;
    },
  );
}
