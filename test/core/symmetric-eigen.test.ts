import { describe, expect, it } from 'vitest';
import { DescentError } from '../../src/core/errors.js';
import { symmetricEigenvalues } from '../../src/core/symmetric-eigen.js';

describe('symmetricEigenvalues', () => {
  it('finds the spectrum of [[1, ρ], [ρ, 1]]: 1 ± ρ', () => {
    const e = symmetricEigenvalues([1, 0.8, 0.8, 1], 2);
    expect(e[0]).toBeCloseTo(0.2, 14);
    expect(e[1]).toBeCloseTo(1.8, 14);
  });

  it('agrees with a rotated diagonal matrix QΛQᵀ, including badly scaled ones', () => {
    const lambda = [1e-3, 2, 5e6];
    // Q: a rotation by 0.3 about z followed by 0.7 about x.
    const [c1, s1, c2, s2] = [Math.cos(0.3), Math.sin(0.3), Math.cos(0.7), Math.sin(0.7)];
    const q = [
      [c1, -s1, 0],
      [c2 * s1, c2 * c1, -s2],
      [s2 * s1, s2 * c1, c2],
    ];
    const a = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) a[i * 3 + j] += q[i][k] * lambda[k] * q[j][k];
    for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) a[i * 3 + j] = a[j * 3 + i];
    const e = symmetricEigenvalues(a, 3);
    expect(e[2] / 5e6).toBeCloseTo(1, 12);
    expect(e[1]).toBeCloseTo(2, 8);
    // λmin is known to about ε‖A‖ = 1e-9 in absolute terms.
    expect(Math.abs(e[0] - 1e-3)).toBeLessThan(1e-8);
    expect(e[0] + e[1] + e[2]).toBeCloseTo(a[0] + a[4] + a[8], 6);
  });

  it('refuses a matrix that is not symmetric or of the wrong size', () => {
    expect(() => symmetricEigenvalues([1, 2, 3, 4], 2)).toThrow(DescentError);
    expect(() => symmetricEigenvalues([1, 2, 3], 2)).toThrow(/n² = 4/);
  });
});
