/**
 * Command-line flags for the options of a registry entry, derived from its schema: `--step-size 5 --gamma 0.5`
 * becomes `{ stepSize: 5, gamma: 0.5 }`. Values are parsed by the option's kind; the schema then validates them.
 */
import { fail, show } from '../core/errors.js';
import type { OptionSchema, OptionSpec } from '../core/options.js';
import { parseOptionText } from '../core/option-text.js';
import { camel, kebab } from './registry-help.js';

function parseValue(owner: string, flag: string, spec: OptionSpec, text: string | undefined): unknown {
  if (spec.kind === 'function') fail(owner, `--${flag} is a function and cannot be given on the command line`);
  const parsed = parseOptionText(spec, text);
  if ('problem' in parsed) fail(owner, `--${flag} ${parsed.problem}`);
  return parsed.value;
}

/**
 * Reads `--flag value` pairs (or `--flag=value`) for the options of `schema` from `args`; anything else is an error
 * naming the flag and listing the known ones.
 */
export function parseSchemaFlags(owner: string, schema: OptionSchema, args: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const known = () => Object.keys(schema).map((k) => `--${kebab(k)}`).join(', ') || 'none';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) fail(owner, `unexpected argument ${show(arg)}`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const key = camel(flag);
    const spec = schema[key];
    if (spec === undefined) fail(owner, `unknown option --${flag} (known: ${known()})`);
    let text = inline;
    if (text === undefined && i + 1 < args.length && !args[i + 1].startsWith('--')) text = args[++i];
    // A boolean flag alone means true; a following value that is not true/false belongs to no one.
    options[key] = parseValue(owner, flag, spec, text);
  }
  return options;
}
