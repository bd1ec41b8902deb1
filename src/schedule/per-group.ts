/** One value per param group, from one number for all or a list with one per group (torch's `_format_param`). */
import { fail } from '../core/errors.js';

export function perGroup(owner: string, key: string, value: number | readonly number[], groups: number): number[] {
  if (typeof value === 'number') return Array.from({ length: groups }, () => value);
  if (value.length !== groups) fail(owner, `expected ${groups} values for ${key} (one per param group), got ${value.length}`);
  return [...value];
}
