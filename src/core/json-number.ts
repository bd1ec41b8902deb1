/**
 * Numbers in JSON, losslessly. JSON has no NaN, Infinity or negative zero, yet a state dict must resume a run
 * bit for bit (a diverged buffer included), so those four travel as the strings "NaN", "Infinity", "-Infinity", "-0".
 * Finite numbers print with the shortest round-trip digits, so they come back identical.
 */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

export function encodeNumber(x: number): JsonNumber {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return x;
}

export function decodeNumber(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  switch (x) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    default:
      return undefined;
  }
}

export function isJsonNumber(x: unknown): x is JsonNumber {
  return decodeNumber(x) !== undefined;
}
