/**
 * Problems with an experiment description, each naming where it is (`optimizers[2].lr`) and what is wrong
 * (`must be >= 0, got -1`). Validation collects all of them, so that a bad file is fixed in one pass rather than
 * one error at a time; the command line prints one line per problem and exits with code 2.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { DescentError, show } from '../core/errors.js';
import { describeProblem, type OptionProblem } from '../core/options.js';

export interface Problem {
  /** Where, as a path into the description: `optimizers[2].lr`, `function.expression`; empty for the whole. */
  readonly path: string;
  readonly message: string;
}

/** `optimizers` + 2 → `optimizers[2]`; `optimizers[2]` + `lr` → `optimizers[2].lr`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/**
 * A description with problems. The message holds one line per problem, each prefixed by the source (a file name)
 * when there is one: `experiment.yaml: optimizers[2].lr: must be >= 0, got -1`.
 */
export class ExperimentError extends DescentError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], source?: string) {
    const prefix = source ? `${source}: ` : '';
    super(problems.map((p) => prefix + formatProblem(p)).join('\n'));
    this.problems = problems;
  }
}

/** Collects problems under a base path. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }

  get size(): number {
    return this.list.length;
  }

  /** Throws an ExperimentError if anything was collected. */
  throwIfAny(source?: string): void {
    if (this.list.length > 0) throw new ExperimentError(this.list, source);
  }
}

/**
 * An option schema's problems (core/options.ts checkOptions) under `path`: `optimizers[2].lr: must be >= 0, got -1`,
 * `optimizers[0].learningRate: unknown option "learningRate" (known options: lr, …)`.
 */
export function addOptionProblems(problems: Problems, path: string, found: readonly OptionProblem[]): void {
  for (const p of found) {
    if (p.code === 'not-an-object') problems.add(path, p.message);
    else problems.add(joinPath(path, p.key), p.code === 'invalid' ? p.message : describeProblem(p));
  }
}

const articles: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
};

const wrongShape = new Set(['invalid_type', 'custom', 'invalid_union']);

/** Zod's issues as problems in our words; a custom issue's message is already ours, and `got …` is added here. */
export function zodProblems(issues: readonly $ZodIssue[], base = ''): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.reduce<string>((p, key) => joinPath(p, typeof key === 'number' ? key : String(key)), base);
    const got = `got ${show(issue.input)}`;
    switch (issue.code) {
      case 'unrecognized_keys':
        // Our strict objects put the known keys into the issue's message.
        for (const key of issue.keys) problems.push({ path: joinPath(path, key), message: `unknown key (${issue.message})` });
        break;
      case 'invalid_type':
        problems.push({ path, message: issue.input === undefined ? 'is required' : `must be ${articles[issue.expected] ?? issue.expected}, ${got}` });
        break;
      case 'too_small':
        problems.push({ path, message: issue.origin === 'array' ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}, ${got}` : `${issue.message}, ${got}` });
        break;
      case 'too_big':
        problems.push({ path, message: issue.origin === 'array' ? `takes at most ${issue.maximum} items, ${got}` : `${issue.message}, ${got}` });
        break;
      case 'invalid_value':
        problems.push({ path, message: `must be one of ${issue.values.map((v) => show(v)).join(', ')}, ${got}` });
        break;
      case 'custom':
        problems.push({ path, message: issue.message });
        break;
      case 'invalid_union': {
        // The value's shape picks the alternative it was meant as (a string, a list, a mapping); its problems are
        // then the useful ones. If no alternative fits the shape, the union's own message says what is accepted.
        const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && wrongShape.has(i.code)));
        if (fitting.length === 1) problems.push(...zodProblems(fitting[0], path));
        else problems.push({ path, message: `must be ${issue.message}, ${got}` });
        break;
      }
      default:
        problems.push({ path, message: `${issue.message}, ${got}` });
    }
  }
  return problems;
}
