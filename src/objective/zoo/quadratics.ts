/**
 * The seeds' quadratics: the notebook's 5x² + y², the notes' parabola (θ − 5)² and paraboloid 4x² + 16y², and the
 * saddle x² − y² of the lecture's "plateaus and saddle points".
 */
import { zooObjective, type ZooObjective } from './zoo-function.js';

/**
 * f(x, y) = 5x² + y²,  ∇f = (10x, 2y).
 * The seed notebook's first function (its `square_sum`, 002), descended from (5, 5) for 100 iterations by each
 * optimizer; plotted on the notebook's default box [−7, 7]².
 */
export function seedQuadratic(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'seed-quadratic',
      formula: '5x^2 + y^2',
      tex: '5x^2 + y^2',
      variables: ['x', 'y'],
      domain: [[-7, 7], [-7, 7]],
      minima: [{ x: [0, 0], value: 0, kind: 'global' }],
      starts: [[5, 5]],
      startsSource: 'the seed notebook (002): parameters = (5, 5)',
      source: 'the seed notebook (002), square_sum; its plot box is make_experiment’s default [−7, 7]²',
    },
    (x, g) => {
      const a = x[0];
      const b = x[1];
      g[0] = 10 * a;
      g[1] = 2 * b;
      return 5 * a * a + b * b;
    },
  );
}

/**
 * f(θ) = (θ − 5)²,  f′(θ) = 2(θ − 5).
 * The worked example of notes 003: from θ = 0 with α = 0.1, 0.9 and 1.2 for 25 steps (1.2 diverges, since
 * gradient descent on a parabola of curvature 2 is stable only for α < 1).
 */
export function parabola(): ZooObjective {
  return zooObjective(
    1,
    {
      name: 'parabola',
      formula: '(theta - 5)^2',
      tex: '(\\theta - 5)^2',
      variables: ['theta'],
      domain: [[-5, 15]],
      minima: [{ x: [5], value: 0, kind: 'global' }],
      starts: [[0]],
      startsSource: 'notes 003: "let θ = 0 initially"',
      source: 'notes 003 (gradient descent), first worked example; the plot interval, centred on the minimum, is ours',
    },
    (x, g) => {
      const d = x[0] - 5;
      g[0] = 2 * d;
      return d * d;
    },
  );
}

/**
 * f(x, y) = 4x² + 16y²,  ∇f = (8x, 32y).
 * The paraboloid of notes 003, whose gradient is not aimed at the minimum (the level sets are ellipses with axis
 * ratio 2), so that one step along −∇f cannot land on it.
 */
export function paraboloid(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'paraboloid',
      formula: '4x^2 + 16y^2',
      tex: '4x^2 + 16y^2',
      variables: ['x', 'y'],
      domain: [[-7, 7], [-7, 7]],
      minima: [{ x: [0, 0], value: 0, kind: 'global' }],
      starts: [[5, 5]],
      startsSource: 'ours: notes 003 give none; (5, 5) is the seed notebook’s start for its own quadratic',
      source: 'notes 003 (gradient descent), "an example with a three-dimensional function"; the plot box is ours',
    },
    (x, g) => {
      const a = x[0];
      const b = x[1];
      g[0] = 8 * a;
      g[1] = 32 * b;
      return 4 * a * a + 16 * b * b;
    },
  );
}

/**
 * f(x, y) = x² − y²,  ∇f = (2x, −2y).
 * No minimum: f → −∞ along the y axis; the only stationary point, the origin, is a saddle. Gradient descent from
 * (1, 0), on the saddle's stable line, converges to the saddle; from (1, 0.001) it lingers there, the more steps the
 * closer it started to the line, before escaping downhill along y.
 */
export function saddle(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'saddle',
      formula: 'x^2 - y^2',
      tex: 'x^2 - y^2',
      variables: ['x', 'y'],
      domain: [[-2, 2], [-2, 2]],
      minima: [],
      noMinimum: 'unbounded below (f → −∞ along the y axis); its only stationary point, (0, 0), is a saddle with f = 0',
      starts: [[1, 0], [1, 0.001]],
      startsSource: 'ours: on the saddle’s stable line (descent converges to the saddle) and just off it (descent stalls, then escapes)',
      source: 'lecture 4 (000), "problems of gradient descent: plateaus and saddle points"',
    },
    (x, g) => {
      const a = x[0];
      const b = x[1];
      g[0] = 2 * a;
      g[1] = -2 * b;
      return a * a - b * b;
    },
  );
}
