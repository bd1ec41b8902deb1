/**
 * The seed notebook's second function (its `complex_sum`, 002):
 *
 *   f(x, y) = (x − 3)² + 8(y − 5)⁴ + √x + sin(xy)
 *   ∂f/∂x = 2(x − 3) + 1/(2√x) + y cos(xy)
 *   ∂f/∂y = 32(y − 5)³ + x cos(xy)
 *
 * descended from (5, −2) and plotted on x ∈ [0, 10], y ∈ [−5, 10] (the notebook's `make_experiment(…, −5, 10, 0,
 * 10)`). √x needs x ≥ 0: for x < 0 the value and the gradient are NaN (never an exception), so a run that leaves
 * the domain is reported as diverged; at x = 0 the value is finite and ∂f/∂x is +∞.
 *
 * No minimum is published. We found it numerically: f evaluated on a 2001 × 2001 grid of the plot box, the grid's
 * local minima polished by Newton's method with the exact Hessian until ∇f = 0 to rounding. It is global over the
 * whole domain x ≥ 0, not only the box: f ≥ (x − 3)² + 8(y − 5)⁴ − 1, so f < 0.92 needs |x − 3| < 1.4 and
 * |y − 5| < 0.7, well inside the box. The second-lowest minimum, 0.99987 at (2.356, 4.754), is listed too: the
 * sin(xy) ripples make the valley floor two basins of nearly equal depth.
 */
import { zooObjective, type ZooObjective } from './zoo-function.js';

const howFound = 'ours: grid search on the plot box (2001 × 2001) polished by Newton’s method; no minimum is published';

export function seedComplex(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'seed-complex',
      formula: '(x - 3)^2 + 8(y - 5)^4 + sqrt(x) + sin(xy)',
      tex: '(x - 3)^2 + 8(y - 5)^4 + \\sqrt{x} + \\sin(xy)',
      variables: ['x', 'y'],
      domain: [[0, 10], [-5, 10]],
      minima: [
        { x: [3.2622206131213503, 5.2496533765622], value: 0.9177156346963714, kind: 'global', note: howFound },
        { x: [2.3558495202629812, 4.753893768504008], value: 0.9998681168741701, kind: 'local', note: howFound },
      ],
      starts: [[5, -2]],
      startsSource: 'the seed notebook (002): parameters = (5, −2)',
      source: 'the seed notebook (002), complex_sum and its plot box; minima are ours (see note)',
    },
    (p, g) => {
      const x = p[0];
      const y = p[1];
      const dx = x - 3;
      const dy = y - 5;
      const dy3 = dy * dy * dy;
      const root = Math.sqrt(x); // NaN for x < 0, and so are f and ∇f
      const xy = x * y;
      const c = Math.cos(xy);
      g[0] = 2 * dx + 0.5 / root + y * c;
      g[1] = 32 * dy3 + x * c;
      return dx * dx + 8 * dy3 * dy + root + Math.sin(xy);
    },
  );
}
