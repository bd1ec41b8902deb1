/**
 * Registry specs written as one line of text: `adam lr=0.05 betas=0.9,0.99 amsgrad`, `StepLR stepSize=5 gamma=0.5`.
 * The first word is the registry name; each further word is `option=value` (`option` alone means true), with the
 * value read by the option's kind in the entry's schema (`weight-decay` may be written for `weightDecay`).
 */
import { parseOptionText } from '../core/option-text.js';
import type { OptionSchema } from '../core/options.js';
import { joinPath, type Problems } from './problems.js';

export type SpecObject = { name: string } & Record<string, unknown>;

const camel = (key: string) => key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The spec described by `text`, or undefined after reporting its problems under `path`. `schemaOf` finds the
 * schema of a name; an unknown name is left for the caller to report, with its options kept as text.
 */
export function parseSpecText(text: string, schemaOf: (name: string) => OptionSchema | undefined, path: string, problems: Problems): SpecObject | undefined {
  const words = text.trim().split(/\s+/);
  const [name, ...rest] = words;
  if (name === undefined || name === '' || name.includes('=')) return problems.add(path, `must start with a name, got ${JSON.stringify(text)}`);
  const schema = schemaOf(name);
  const spec: SpecObject = { name };
  const before = problems.size;
  for (const word of rest) {
    const at = word.indexOf('=');
    const key = camel(at < 0 ? word : word.slice(0, at));
    const value = at < 0 ? undefined : word.slice(at + 1);
    const option = schema?.[key];
    if (key === '') {
      problems.add(path, `expected option=value, got ${JSON.stringify(word)}`);
    } else if (option === undefined) {
      // Kept as written: the schema check then reports the unknown option (or the caller the unknown name).
      spec[key] = value ?? true;
    } else {
      const parsed = parseOptionText(option, value);
      if ('problem' in parsed) problems.add(joinPath(path, key), parsed.problem);
      else spec[key] = parsed.value;
    }
  }
  return problems.size === before ? spec : undefined;
}

/** The text form of a spec, as a label: `Adam lr=0.05 betas=0.9,0.99`. */
export function specText(name: string, options: Record<string, unknown>): string {
  const words = Object.entries(options).map(([key, value]) => {
    if (value === true) return key;
    if (Array.isArray(value)) return `${key}=${value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(',')}`;
    if (typeof value === 'object' && value !== null) return `${key}=${JSON.stringify(value)}`;
    return `${key}=${String(value)}`;
  });
  return [name, ...words].join(' ');
}
