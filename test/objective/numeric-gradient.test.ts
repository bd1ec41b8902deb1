import { describe, expect, it } from 'vitest';
import { gradCheck } from '../../src/objective/grad-check.js';
import { numericGradient } from '../../src/objective/numeric-gradient.js';
import type { Objective } from '../../src/objective/objective.js';

/** f(x, y) = x³ + 2xy + eʸ: a smooth function whose gradient is known in closed form. */
const cubic: Objective = {
  dim: 2,
  value: (x) => x[0] ** 3 + 2 * x[0] * x[1] + Math.exp(x[1]),
  valueAndGrad(x, grad) {
    grad[0] = 3 * x[0] ** 2 + 2 * x[1];
    grad[1] = 2 * x[0] + Math.exp(x[1]);
    return this.value(x);
  },
};

/** The same function with a wrong ∂f/∂y (2x instead of 2x + eʸ), as a bug would make it. */
const buggy: Objective = {
  ...cubic,
  valueAndGrad(x, grad) {
    const f = cubic.valueAndGrad(x, grad);
    grad[1] -= Math.exp(x[1]);
    return f;
  },
};

describe('numericGradient(objective, x, { h, scheme })', () => {
  const x = [1.5, -0.5];
  const exact = [3 * 1.5 ** 2 + 2 * -0.5, 2 * 1.5 + Math.exp(-0.5)];

  it('central differences are accurate to O(h²)', () => {
    const g = numericGradient(cubic, x);
    for (let i = 0; i < 2; i++) expect(Math.abs(g[i] - exact[i])).toBeLessThan(1e-8);
  });

  it('forward differences are accurate to O(h) and coarser than central ones', () => {
    const forward = numericGradient(cubic, x, { scheme: 'forward', h: 1e-4 });
    const central = numericGradient(cubic, x, { scheme: 'central', h: 1e-4 });
    const err = (g: Float64Array) => Math.max(...exact.map((e, i) => Math.abs(g[i] - e)));
    expect(err(forward)).toBeLessThan(1e-3);
    expect(err(forward)).toBeGreaterThan(10 * err(central));
  });

  it('refuses a bad step, scheme or dimension', () => {
    expect(() => numericGradient(cubic, x, { h: 0 })).toThrow(/^numericGradient: h must be a finite number > 0, got 0$/);
    expect(() => numericGradient(cubic, x, { scheme: 'backward' as never })).toThrow(/scheme must be "central" or "forward", got "backward"/);
    expect(() => numericGradient(cubic, [1])).toThrow(/x has length 1, the objective has dimension 2/);
  });
});

describe('gradCheck(objective, x)', () => {
  it('passes a correct gradient', () => {
    const r = gradCheck(cubic, [0.3, 0.7]);
    expect(r.ok).toBe(true);
    expect(r.maxRelativeError).toBeLessThan(1e-8);
  });

  it('fails a wrong gradient and names the coordinate', () => {
    const r = gradCheck(buggy, [0.3, 0.7]);
    expect(r.ok).toBe(false);
    expect(r.worstIndex).toBe(1);
    expect(r.maxRelativeError).toBeGreaterThan(0.1);
  });

  it('treats a NaN gradient as the worst error', () => {
    const nan: Objective = { ...cubic, valueAndGrad: (_x, g) => ((g[0] = NaN), (g[1] = 0), 0) };
    const r = gradCheck(nan, [0.3, 0.7]);
    expect(r.maxRelativeError).toBe(Infinity);
    expect(r.ok).toBe(false);
  });
});
