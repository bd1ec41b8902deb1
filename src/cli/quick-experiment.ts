/**
 * The quick form of `descent run`, without a file: flags become the same description a file would hold, so they
 * are checked by the same code and their problems read the same way.
 *
 *   descent run --function rosenbrock --start -1.5,2 --optimizer "adam lr=0.05" --optimizer "sgd lr=0.001 momentum=0.9" --steps 500
 *
 * `--function` is a zoo name when its first word is one (`rosenbrock`, `rosenbrock-nd dim=10`), an unknown function
 * when it is a single bare word (`rosenbrok` is a typo, not the one-variable function f(rosenbrok) = rosenbrok),
 * and otherwise an expression to compile (`(x-3)^2 + 8*(y-5)^4`).
 */
import { findZooFunction } from '../engine/experiment-function.js';

export interface QuickFlags {
  function?: string;
  start?: string[];
  optimizer?: string[];
  schedule?: string;
  steps?: string;
  tol?: string;
  stop?: string;
  seed?: string;
  variables?: string;
  bounds?: string;
}

/** The quick-form flags, for messages. */
export const quickFlagNames = ['--function', '--start', '--optimizer', '--schedule', '--steps', '--tol', '--stop', '--seed', '--variables', '--bounds'];

export function usesQuickForm(flags: QuickFlags): boolean {
  return Object.entries(flags).some(([key, value]) => key in quickKeys && value !== undefined && !(Array.isArray(value) && value.length === 0));
}

const quickKeys: Record<keyof QuickFlags, true> = {
  function: true,
  start: true,
  optimizer: true,
  schedule: true,
  steps: true,
  tol: true,
  stop: true,
  seed: true,
  variables: true,
  bounds: true,
};

/** A number when the text is one; otherwise the text itself, for the schema to report (`got "abc"`). */
function numberOr(text: string): number | string {
  const value = Number(text);
  return text.trim() !== '' && !Number.isNaN(value) ? value : text;
}

/** `-1.5,2` → [-1.5, 2]; text that is not a list of numbers stays text, for the schema to report. */
function pointOr(text: string): number[] | string {
  const items = text.split(',').map(numberOr);
  return items.every((x) => typeof x === 'number') ? (items as number[]) : text;
}

/** How `--function` is read: see the file's comment. */
export function functionFromFlag(text: string, variables?: string): unknown {
  const [first, ...rest] = text.trim().split(/\s+/);
  if (findZooFunction(first) !== undefined && rest.every((w) => /^[\w-]+=\S+$/.test(w))) {
    if (rest.length === 0) return first;
    const options = Object.fromEntries(rest.map((w) => w.split('=')).map(([k, v]) => [k, numberOr(v)]));
    return { name: first, ...options };
  }
  if (/^[A-Za-z_][\w-]*$/.test(text.trim())) return text.trim();
  return { expression: text, ...(variables !== undefined ? { variables: variables.split(',').map((v) => v.trim()) } : {}) };
}

/** The description the quick-form flags stand for. */
export function quickDescription(flags: QuickFlags): Record<string, unknown> {
  const starts = (flags.start ?? []).map(pointOr);
  return {
    ...(flags.function !== undefined ? { function: functionFromFlag(flags.function, flags.variables) } : {}),
    ...(starts.length === 1 ? { start: starts[0] } : starts.length > 1 ? { starts } : {}),
    ...(flags.optimizer !== undefined && flags.optimizer.length > 0 ? { optimizers: flags.optimizer } : {}),
    ...(flags.schedule !== undefined ? { schedule: flags.schedule } : {}),
    ...(flags.steps !== undefined ? { steps: numberOr(flags.steps) } : {}),
    ...(flags.tol !== undefined ? { tol: numberOr(flags.tol) } : {}),
    ...(flags.stop !== undefined ? { stop: flags.stop } : {}),
    ...(flags.seed !== undefined ? { seed: numberOr(flags.seed) } : {}),
    ...(flags.bounds !== undefined ? { bounds: flags.bounds.split(';').map(pointOr) } : {}),
  };
}
