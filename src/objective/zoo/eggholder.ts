/**
 * The Eggholder function:
 *
 *   f(x, y) = −(y + 47) sin √|u| − x sin √|v|,   u = x/2 + y + 47,  v = x − y − 47
 *   ∂f/∂x = −(y + 47) cos √|u| · sgn(u) / (4√|u|) − sin √|v| − x cos √|v| · sgn(v) / (2√|v|)
 *   ∂f/∂y = −sin √|u| − (y + 47) cos √|u| · sgn(u) / (2√|u|) + x cos √|v| · sgn(v) / (2√|v|)
 *
 * Deep, irregular basins over the domain [−512, 512]². The global minimum lies on the edge of the domain: −959.6407
 * at (512, 404.2319) (VLSE, four decimals). There ∂f/∂x < 0 (f keeps falling beyond x = 512), so it is a minimum of
 * the box, not a stationary point; ∂f/∂y = 0. Refined here by Newton's method in y with x = 512.
 *
 * On the lines u = 0 and v = 0 f has √-cusps and no derivative; the cusp's term of the gradient is taken as 0 there
 * (the symmetric choice), so the gradient stays finite everywhere.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

export function eggholder(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'eggholder',
      formula: '-(y + 47) sin(sqrt(|x/2 + y + 47|)) - x sin(sqrt(|x - (y + 47)|))',
      tex: '-(y + 47)\\sin\\sqrt{\\left|\\tfrac{x}{2} + y + 47\\right|} - x\\sin\\sqrt{\\left|x - (y + 47)\\right|}',
      variables: ['x', 'y'],
      domain: box(2, -512, 512),
      minima: [
        {
          x: [512, 404.2318051137578],
          value: -959.6406627208507,
          kind: 'global',
          published: { x: [512, 404.2319], value: -959.6407, tolerance: 1e-4 },
          note: 'on the edge x = 512 of the domain: ∂f/∂y = 0 but ∂f/∂x < 0',
        },
      ],
      starts: [[0, 0]],
      startsSource: 'ours',
      source: vlse('egg.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const w = y + 47;
      const u = 0.5 * x + w;
      const v = x - w;
      const ru = Math.sqrt(Math.abs(u));
      const rv = Math.sqrt(Math.abs(v));
      const su = Math.sin(ru);
      const sv = Math.sin(rv);
      // d/du sin √|u| = cos √|u| · sgn(u) / (2√|u|); 0 on the cusp u = 0.
      const du = u === 0 ? 0 : (Math.cos(ru) * Math.sign(u)) / (2 * ru);
      const dv = v === 0 ? 0 : (Math.cos(rv) * Math.sign(v)) / (2 * rv);
      g[0] = -w * du * 0.5 - sv - x * dv;
      g[1] = -su - w * du + x * dv;
      return -w * su - x * sv;
    },
  );
}
