/**
 * What to do with missing cells, chosen by the user: drop the rows that have one, or impute a value computed from
 * the training rows only (mean, median or mode of the column; text columns always take their mode, the most
 * frequent text, ties broken by the smaller value). Every choice ends up in the summary, column by column.
 */
import type { Column } from './table.js';
import { isMissing } from './table.js';

export type MissingPolicy = 'drop' | 'mean' | 'median' | 'mode';
export const MISSING_POLICIES: readonly MissingPolicy[] = ['drop', 'mean', 'median', 'mode'];

/** What happened to one column's missing cells. */
export interface ColumnMissing {
  column: string;
  /** Missing cells among the rows read (before any dropping). */
  missing: number;
  /** `dropped`: the rows with a missing cell here were removed; `imputed`: filled with `value`. */
  action: 'none' | 'dropped' | 'imputed';
  method?: 'mean' | 'median' | 'mode';
  /** The value filled in (imputed), fitted on the training rows. */
  value?: number | string;
  /** Rows filled in (imputed), over every split. */
  imputed?: number;
}

/** The value to impute for `column`, from the present cells at `rows` (the training rows). */
export function imputeValue(column: Column, rows: ArrayLike<number>, policy: 'mean' | 'median' | 'mode'): { method: 'mean' | 'median' | 'mode'; value: number | string } | undefined {
  if (column.kind === 'text') {
    const counts = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const best = mostFrequent(counts, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return best === undefined ? undefined : { method: 'mode', value: best };
  }
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!isMissing(column, rows[i])) present.push(column.values[rows[i]]);
  if (present.length === 0) return undefined;
  if (policy === 'mean') return { method: 'mean', value: present.reduce((s, v) => s + v, 0) / present.length };
  if (policy === 'median') {
    present.sort((a, b) => a - b);
    const mid = present.length >> 1;
    return { method: 'median', value: present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2 };
  }
  const counts = new Map<number, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  return { method: 'mode', value: mostFrequent(counts, (a, b) => a - b) as number };
}

function mostFrequent<T>(counts: Map<T, number>, compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && compare(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
