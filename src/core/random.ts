/**
 * A seeded random source: the same seed gives the same numbers, bit for bit, in Node and in browsers. Every random
 * choice in descent (data, initialisation, noise, sweeps) takes one. The bits come from pure-rand's
 * xoroshiro128+ (Blackman & Vigna); this file only shapes them into the distributions we need.
 */
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { fail, show } from './errors.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

export class Random {
  private readonly generator: RandomGenerator;
  /** The second normal deviate of the last Box–Muller pair, if unused. */
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) fail('Random', `seed must be an integer, got ${show(seed)}`);
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** 32 uniformly random bits as an unsigned integer. */
  private nextUint32(): number {
    return this.generator.unsafeNext() >>> 0;
  }

  /** Uniform on [0, 1), with all 53 bits of a double's mantissa random. */
  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** Uniform on [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Standard normal N(0, 1), by the Box–Muller transform (Box & Muller, 1958). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const u = 1 - this.uniform(); // (0, 1]: log(u) is finite
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A uniformly random integer in [0, n). */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0 && n <= TWO_POW_32)) fail('Random', `int(n) needs an integer n in [1, 2^32], got ${show(n)}`);
    // Rejection sampling keeps every value equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % n;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}
