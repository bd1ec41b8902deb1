/**
 * Option values typed as text (a command-line flag, `lr=0.05` in a quick optimizer string), read by the kind of
 * the option in its schema: `0.9,0.999` is a pair, `true` a boolean, `null` a nullable number's null. The schema
 * then validates the value as it validates any other.
 */
import { show } from './errors.js';
import type { OptionSpec } from './options.js';

/** The value, or what is wrong with the text (without the option's name): `needs a number, got "abc"`. */
export type ParsedOption = { value: unknown } | { problem: string };

function parseNumber(text: string): ParsedOption {
  const value = text.trim() === '' ? NaN : Number(text);
  if (Number.isNaN(value) && text.trim().toLowerCase() !== 'nan') return { problem: `needs a number, got ${show(text)}` };
  return { value };
}

function parseNumbers(texts: string[]): ParsedOption {
  const values: number[] = [];
  for (const text of texts) {
    const parsed = parseNumber(text);
    if ('problem' in parsed) return parsed;
    values.push(parsed.value as number);
  }
  return { value: values };
}

/** Reads `text` (undefined: the option was named without a value) as a value of the option `spec`. */
export function parseOptionText(spec: OptionSpec, text: string | undefined): ParsedOption {
  if (spec.kind === 'boolean') {
    // An option named alone means true.
    if (text === undefined || text === 'true') return { value: true };
    if (text === 'false') return { value: false };
    return { problem: `takes true or false, got ${show(text)}` };
  }
  if (text === undefined) return { problem: 'needs a value' };
  switch (spec.kind) {
    case 'number':
      return parseNumber(text);
    case 'nullable-number':
      return text === 'null' ? { value: null } : parseNumber(text);
    case 'pair':
    case 'list': {
      const parsed = parseNumbers(text.split(','));
      if ('problem' in parsed) return parsed;
      const items = parsed.value as number[];
      return { value: spec.kind === 'list' && spec.acceptScalar && items.length === 1 ? items[0] : items };
    }
    case 'choice':
      return { value: text === 'null' && spec.values.includes(null) ? null : text };
    case 'function':
      return { problem: 'is a function and cannot be given as text' };
  }
}
