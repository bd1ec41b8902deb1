/**
 * An error caused by the caller's input (a bad option, a malformed file, an unknown name).
 * Its message names the thing and the value; the command line prints it as one line and exits with code 2.
 */
export class DescentError extends Error {
  override readonly name = 'DescentError';
}

/** Throws a DescentError whose message starts with the owner, e.g. `Adam: lr must be >= 0, got -1`. */
export function fail(owner: string, message: string): never {
  throw new DescentError(`${owner}: ${message}`);
}

/** Formats a value for an error message: numbers as JavaScript prints them, strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) ? `<${v.constructor.name}>` : v));
  } catch {
    text = String(value);
  }
  // An error message names a value; it never dumps a whole model.
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
