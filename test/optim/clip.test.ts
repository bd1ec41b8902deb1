import { describe, expect, it } from 'vitest';
import { Parameter } from '../../src/core/parameter.js';
import { clipGradNorm, clipGradValue } from '../../src/optim/clip.js';

function withGrad(grad: number[]): Parameter {
  return new Parameter(new Float64Array(grad.length), { grad: Float64Array.from(grad) });
}

describe('clipGradNorm(params, maxNorm, normType)', () => {
  it('returns the joint 2-norm and rescales every gradient to maxNorm', () => {
    const a = withGrad([3, 0]);
    const b = withGrad([0, 4]);
    const total = clipGradNorm([a, b], 1);
    expect(total).toBe(5); // √(3² + 4²)
    const coef = 1 / (5 + 1e-6);
    expect(Array.from(a.grad!)).toEqual([3 * coef, 0]);
    expect(Array.from(b.grad!)).toEqual([0, 4 * coef]);
  });

  it('leaves gradients within the limit unchanged', () => {
    const a = withGrad([0.3, -0.4]);
    expect(clipGradNorm([a], 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(a.grad!)).toEqual([0.3, -0.4]);
  });

  it('supports the 1-norm and the infinity norm, and ignores null gradients', () => {
    const a = withGrad([1, -2]);
    const b = withGrad([-3]);
    const none = new Parameter(new Float64Array(2), { grad: null });
    expect(clipGradNorm([a, b, none], 100, 1)).toBe(6);
    expect(clipGradNorm([a, b, none], 100, Infinity)).toBe(3);
    expect(clipGradNorm([none], 1)).toBe(0);
  });

  it('returns a NaN norm and spreads it, as torch does without error_if_nonfinite', () => {
    const a = withGrad([NaN, 1]);
    expect(clipGradNorm([a], 1)).toBeNaN();
    expect(a.grad![1]).toBeNaN();
  });

  it('refuses a negative maxNorm', () => {
    expect(() => clipGradNorm([withGrad([1])], -1)).toThrow(/^clipGradNorm: maxNorm must be >= 0, got -1$/);
  });
});

describe('clipGradValue(params, clipValue)', () => {
  it('clamps each coordinate into [−clipValue, clipValue]', () => {
    const a = withGrad([-5, 0.5, 7]);
    clipGradValue([a], 1);
    expect(Array.from(a.grad!)).toEqual([-1, 0.5, 1]);
  });
});
