import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';

describe('Random(seed)', () => {
  it('gives the same numbers for the same seed and others for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const draw = (r: Random) => [r.uniform(), r.normal(), r.int(10), r.uniform()];
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('uniform() stays in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Random(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(2e-3);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = new Random(2);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
  });

  it('int(n) hits every value equally often; shuffle permutes', () => {
    const r = new Random(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    r.shuffle(items);
    expect([...items].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(() => r.int(0)).toThrow(/int\(n\) needs an integer n in \[1, 2\^32\], got 0/);
    expect(() => new Random(1.5)).toThrow(/seed must be an integer, got 1.5/);
  });
});
