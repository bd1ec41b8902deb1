/**
 * Small helpers the demo sections share to state a claim and print the numbers that decide it, so evidence reads
 * the same in every section: numbers to 4 significant digits (exponent form when very large or small).
 */
import { format } from 'd3-format';
import type { Claim } from './section.js';

const fixed = format('.4~g');
const exponent = format('.3~e');
const whole = format(',.0f');

/** A number for evidence text: 4 significant digits, whole with thousands separators in [1e4, 1e6), exponent form outside [1e-3, 1e6), non-finite spelled out. */
export function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 && a < 1e6) return whole(v);
  return a >= 1e-3 && a < 1e6 ? fixed(v) : exponent(v);
}

/** A point as (x, y). */
export function point(p: readonly number[]): string {
  return `(${p.map(num).join(', ')})`;
}

/**
 * A claim decided on the computed numbers; `holds` must come from a comparison, never a literal. `expected` is false
 * for a seed's claim that these numbers refute (see Claim.expected).
 */
export function claim(text: string, holds: boolean, evidence: string, expected = true): Claim {
  return expected ? { claim: text, holds, evidence } : { claim: text, holds, evidence, expected };
}
