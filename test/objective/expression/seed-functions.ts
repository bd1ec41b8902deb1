/**
 * The seeds' functions written by hand, value and gradient, as the notebook and the notes give them: the oracle the
 * compiled expressions are tested against, and the reference `npm run bench -- functions` times them against.
 */
import type { Objective } from '../../../src/objective/objective.js';

export interface SeedFunction {
  name: string;
  /** The formula as typed in (explicit `*`: there is no implicit multiplication). */
  expression: string;
  /** A box of points where the function and its gradient are defined, one [low, high] per variable. */
  box: Array<[number, number]>;
  handWritten: Objective;
}

function objective(dim: number, valueAndGrad: (x: ArrayLike<number>, g: Float64Array) => number, value: (x: ArrayLike<number>) => number): Objective {
  return { dim, value, valueAndGrad };
}

export const seedFunctions: SeedFunction[] = [
  {
    name: 'seed-quadratic',
    expression: '5*x^2 + y^2',
    box: [[-6, 6], [-6, 6]],
    handWritten: objective(2, (p, g) => {
      const x = p[0], y = p[1];
      g[0] = 10 * x;
      g[1] = 2 * y;
      return 5 * x * x + y * y;
    }, (p) => 5 * p[0] * p[0] + p[1] * p[1]),
  },
  {
    // notebook: (x[0]-3)**2 + 8 * (x[1]-5)**4 + x[0]**0.5 + np.sin(x[0]*x[1]) and its gradient
    name: 'seed-complex',
    expression: '(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)',
    box: [[0.1, 6], [-3, 7]],
    handWritten: objective(2, (p, g) => {
      const x = p[0], y = p[1];
      const dx = x - 3, dy = y - 5, dy2 = dy * dy, r = Math.sqrt(x), xy = x * y, c = Math.cos(xy);
      g[0] = 2 * dx + 0.5 / r + y * c;
      g[1] = 32 * dy2 * dy + x * c;
      return dx * dx + 8 * dy2 * dy2 + r + Math.sin(xy);
    }, (p) => {
      const dx = p[0] - 3, dy = p[1] - 5, dy2 = dy * dy;
      return dx * dx + 8 * dy2 * dy2 + Math.sqrt(p[0]) + Math.sin(p[0] * p[1]);
    }),
  },
  {
    name: 'parabola',
    expression: '(theta - 5)^2',
    box: [[-10, 20]],
    handWritten: objective(1, (p, g) => {
      const d = p[0] - 5;
      g[0] = 2 * d;
      return d * d;
    }, (p) => (p[0] - 5) * (p[0] - 5)),
  },
  {
    name: 'wavy',
    expression: '(x - 5)^2 + 50*sin(x) + 50',
    box: [[-10, 20]],
    handWritten: objective(1, (p, g) => {
      const x = p[0], d = x - 5;
      g[0] = 2 * d + 50 * Math.cos(x);
      return d * d + 50 * Math.sin(x) + 50;
    }, (p) => (p[0] - 5) * (p[0] - 5) + 50 * Math.sin(p[0]) + 50),
  },
  {
    name: 'paraboloid',
    expression: '4*x^2 + 16*y^2',
    box: [[-6, 6], [-6, 6]],
    handWritten: objective(2, (p, g) => {
      const x = p[0], y = p[1];
      g[0] = 8 * x;
      g[1] = 32 * y;
      return 4 * x * x + 16 * y * y;
    }, (p) => 4 * p[0] * p[0] + 16 * p[1] * p[1]),
  },
];
