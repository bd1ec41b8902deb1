/**
 * The camel-back functions of the global-optimization test sets (the six-hump one from Dixon & Szegő 1978,
 * Towards Global Optimisation 2):
 *
 *   three-hump:  f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²
 *                ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y)
 *   six-hump:    f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²
 *                ∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³)
 *
 * Three-hump: global minimum 0 at the origin and two local minima, domain [−5, 5]². Six-hump: two global minima
 * −1.0316 at (0.0898, −0.7126) and (−0.0898, 0.7126) (VLSE, four decimals, refined here by Newton's method) and four
 * local ones; domain x ∈ [−3, 3], y ∈ [−2, 2]. The local minima are ours: Newton's method from the local minima of a
 * fine grid over the domain.
 */
import { vlse, zooObjective, type ZooMinimum, type ZooObjective } from './zoo-function.js';

const ours = 'ours: Newton’s method from the local minima of a grid over the domain';

export function threeHumpCamel(): ZooObjective {
  const local = (x: number[], value: number): ZooMinimum => ({ x, value, kind: 'local', note: ours });
  return zooObjective(
    2,
    {
      name: 'three-hump-camel',
      formula: '2x^2 - 1.05x^4 + x^6/6 + xy + y^2',
      tex: '2x^2 - 1.05x^4 + \\frac{x^6}{6} + xy + y^2',
      variables: ['x', 'y'],
      domain: [[-5, 5], [-5, 5]],
      minima: [
        { x: [0, 0], value: 0, kind: 'global' },
        local([1.747552345830289, -0.8737761729151445], 0.29863844223685965),
        local([-1.747552345830289, 0.8737761729151445], 0.29863844223685965),
      ],
      starts: [[2, -2]],
      startsSource: 'ours: in the basin of a local minimum',
      source: vlse('camel3.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const x2 = x * x;
      const x3 = x2 * x;
      g[0] = 4 * x - 4.2 * x3 + x3 * x2 + y;
      g[1] = x + 2 * y;
      return 2 * x2 - 1.05 * x2 * x2 + (x3 * x3) / 6 + x * y + y * y;
    },
  );
}

export function sixHumpCamel(): ZooObjective {
  const global = (x: number[], published: number[]): ZooMinimum => ({
    x,
    value: -1.0316284534898774,
    kind: 'global',
    published: { x: published, value: -1.0316, tolerance: 1e-4 },
  });
  const local = (x: number[], value: number): ZooMinimum => ({ x, value, kind: 'local', note: ours });
  return zooObjective(
    2,
    {
      name: 'six-hump-camel',
      formula: '(4 - 2.1x^2 + x^4/3)x^2 + xy + (-4 + 4y^2)y^2',
      tex: '\\left(4 - 2.1x^2 + \\frac{x^4}{3}\\right)x^2 + xy + (-4 + 4y^2)\\,y^2',
      variables: ['x', 'y'],
      domain: [[-3, 3], [-2, 2]],
      minima: [
        global([0.08984201310031807, -0.7126564030207396], [0.0898, -0.7126]),
        global([-0.08984201310031807, 0.7126564030207396], [-0.0898, 0.7126]),
        local([1.7036067149699812, -0.7960835686726252], -0.21546382438371792),
        local([-1.7036067149699812, 0.7960835686726252], -0.21546382438371792),
        local([1.6071047529201976, 0.5686514548841314], 2.1042503103112598),
        local([-1.6071047529201976, -0.5686514548841314], 2.1042503103112598),
      ],
      starts: [[-1.5, 1.5]],
      startsSource: 'ours',
      source: vlse('camel6.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const x2 = x * x;
      const x3 = x2 * x;
      const y2 = y * y;
      g[0] = 8 * x - 8.4 * x3 + 2 * x3 * x2 + y;
      g[1] = x - 8 * y + 16 * y2 * y;
      return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    },
  );
}
