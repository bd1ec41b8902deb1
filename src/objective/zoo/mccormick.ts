/**
 * McCormick's function:
 *
 *   f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1
 *   ∇f = (cos(x + y) + 2(x − y) − 1.5,  cos(x + y) − 2(x − y) + 2.5)
 *
 * Domain x ∈ [−1.5, 4], y ∈ [−3, 4]. The minima have a closed form: ∇f = 0 gives x − y = 1 and cos(x + y) = −1/2,
 * and the Hessian is positive definite where sin(x + y) < 0, so x + y = −2π/3 + 2kπ or 4π/3 + 2kπ. In the domain:
 * the global minimum −√3/2 − π/3 ≈ −1.913223 at (1/2 − π/3, −1/2 − π/3) (the VLSE gives −1.9133 at
 * (−0.54719, −1.54719)) and a local one, −√3/2 + 2π/3 ≈ 1.228370, at (1/2 + 2π/3, −1/2 + 2π/3).
 */
import { vlse, zooObjective, type ZooObjective } from './zoo-function.js';

const ROOT3_2 = Math.sqrt(3) / 2;

export function mccormick(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'mccormick',
      formula: 'sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1',
      tex: '\\sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1',
      variables: ['x', 'y'],
      domain: [[-1.5, 4], [-3, 4]],
      minima: [
        {
          x: [0.5 - Math.PI / 3, -0.5 - Math.PI / 3],
          value: -ROOT3_2 - Math.PI / 3,
          kind: 'global',
          published: {
            x: [-0.54719, -1.54719],
            value: -1.9133,
            tolerance: 1e-4,
            note: 'the exact −1.913223 rounds to −1.9132; the published −1.9133 is within one unit of its last digit',
          },
          note: 'closed form: x − y = 1, x + y = −2π/3',
        },
        {
          x: [0.5 + (2 * Math.PI) / 3, -0.5 + (2 * Math.PI) / 3],
          value: -ROOT3_2 + (2 * Math.PI) / 3,
          kind: 'local',
          note: 'ours, closed form: x − y = 1, x + y = 4π/3',
        },
      ],
      starts: [[3, 3]],
      startsSource: 'ours',
      source: vlse('mccorm.html'),
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const c = Math.cos(x + y);
      const d = x - y;
      g[0] = c + 2 * d - 1.5;
      g[1] = c - 2 * d + 2.5;
      return Math.sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1;
    },
  );
}
