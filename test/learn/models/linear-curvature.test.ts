import { describe, expect, it } from 'vitest';
import { linearCurvature } from '../../../src/learn/models/linear-curvature.js';

describe('linearCurvature', () => {
  it('H = AᵀA/N with a bias column; eigenvalues, κ and 2/λmax', () => {
    // x = (1, 2, 3): AᵀA/N = [[14/3, 2], [2, 1]].
    const c = linearCurvature({ x: Float64Array.from([1, 2, 3]), rows: 3, features: 1 });
    expect(Array.from(c.hessian)).toEqual([14 / 3, 2, 2, 1]);
    const tr = 14 / 3 + 1;
    const det = 14 / 3 - 4;
    const root = Math.sqrt(tr * tr - 4 * det);
    expect(c.eigenvalues[0]).toBeCloseTo((tr - root) / 2, 13);
    expect(c.eigenvalues[1]).toBeCloseTo((tr + root) / 2, 13);
    expect(c.condition).toBeCloseTo((tr + root) / (tr - root), 10);
    expect(c.largestStableLr).toBeCloseTo(4 / (tr + root), 13);
  });

  it('standardised, uncorrelated features give H = I', () => {
    const c = linearCurvature({ x: Float64Array.from([1, 1, 1, -1, -1, 1, -1, -1]), rows: 4, features: 2 });
    expect(Array.from(c.eigenvalues)).toEqual([1, 1, 1]);
    expect(c.condition).toBe(1);
  });
});
