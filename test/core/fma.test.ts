/** The emulated fused multiply-add: one rounding, as torch's CPU `add_(x, alpha=α)`. */
import { describe, expect, it } from 'vitest';
import { fmaInto } from '../../src/core/fma.js';

describe('fmaInto(y, alpha, x)', () => {
  it('rounds alpha·x + y once', () => {
    // 1 + 2⁻³⁰ squared is 1 + 2⁻²⁹ + 2⁻⁶⁰; minus (1 + 2⁻²⁹) leaves 2⁻⁶⁰, which a separate multiply rounds away.
    const a = 1 + 2 ** -30;
    const y = Float64Array.of(-(1 + 2 ** -29));
    fmaInto(y, a, Float64Array.of(a));
    expect(y[0]).toBe(2 ** -60);
    expect(a * a - (1 + 2 ** -29)).toBe(0);
  });

  it('settles the halfway case that rounding the pieces separately gets wrong (float64)', () => {
    // α·x = 1 + 2⁻⁵³ − 2⁻¹⁰⁵ rounds to 1; the exact 2⁵³ + 1 + 2⁻⁵³ − 2⁻¹⁰⁵ lies just above a halfway point.
    const y = Float64Array.of(2 ** 53);
    fmaInto(y, 1 + 2 ** -52, Float64Array.of(1 - 2 ** -53));
    expect(y[0]).toBe(2 ** 53 + 2);
  });

  it('settles the halfway case of double rounding (float32)', () => {
    // α·x = 1 − 2⁻⁴⁰ exactly; 2²⁴ + 3 − 2⁻⁴⁰ rounds to the double 2²⁴ + 3, a float32 halfway point.
    const y = Float32Array.of(2 ** 24 + 2);
    fmaInto(y, 1 + 2 ** -20, Float32Array.of(1 - 2 ** -20));
    expect(y[0]).toBe(2 ** 24 + 2);
  });
});
