/** The line search's cubic interpolation, and the torch-shaped scalar arithmetic it runs on. */
import { describe, expect, it } from 'vitest';
import { cubicInterpolate } from '../../src/optim/line-search.js';
import { add, div, Tensor0, tensor0, valueOf } from '../../src/optim/torch-scalar.js';

describe('cubicInterpolate(x1, f1, g1, x2, f2, g2, bounds)', () => {
  it('finds the minimiser of a cubic exactly', () => {
    // f(x) = (x − 1)³ − 3(x − 1) has its local minimum at x = 2; f′(x) = 3(x − 1)² − 3.
    const f = (x: number) => (x - 1) ** 3 - 3 * (x - 1);
    const g = (x: number) => 3 * (x - 1) ** 2 - 3;
    expect(cubicInterpolate(1.5, f(1.5), g(1.5), 3, f(3), g(3))).toBeCloseTo(2, 12);
    expect(cubicInterpolate(3, f(3), g(3), 1.5, f(1.5), g(1.5))).toBeCloseTo(2, 12);
  });

  it('clamps to the bounds, and returns their midpoint when the cubic has no minimum', () => {
    const f = (x: number) => (x - 1) ** 3 - 3 * (x - 1);
    const g = (x: number) => 3 * (x - 1) ** 2 - 3;
    expect(cubicInterpolate(1.5, f(1.5), g(1.5), 3, f(3), g(3), [2.5, 4])).toBe(2.5);
    // d₁ = 2 + 2 − 3 = 1 and d₁² − g₁g₂ = −3 < 0: no real stationary point.
    expect(cubicInterpolate(0, 0, 2, 1, 1, 2)).toBe(0.5);
  });
});

describe('torch-scalar arithmetic', () => {
  it('divides a Python float by a tensor as reciprocal-then-multiply, like torch', () => {
    const [a, b] = [1.5, 0.9]; // (1/0.9)·1.5 and 1.5/0.9 differ in the last bit
    expect((1 / b) * a).not.toBe(a / b);
    expect(valueOf(div(a, tensor0(b, false)))).toBe((1 / b) * a);
    expect(div(a, b)).toBe(a / b);
  });

  it('casts a Python float to float32 before combining it with a float32 tensor', () => {
    const sum = add(0.1, tensor0(0.2, true));
    expect(sum).toBeInstanceOf(Tensor0);
    expect(valueOf(sum)).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(add(0.1, 0.2)).toBe(0.1 + 0.2);
  });
});
