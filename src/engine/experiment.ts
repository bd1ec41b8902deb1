/**
 * An experiment: one objective, one or more start points, several optimizers (each with its options and an
 * optional schedule), the number of steps, the stopping rule, optional box bounds and a seed. It is described as
 * data (a JSON or YAML file, or the command line's quick form), checked against a schema and the registries, and
 * every problem is reported at once, each with its path (`optimizers[2].lr: must be >= 0, got -1`).
 *
 * ```yaml
 * name: banana
 * function: rosenbrock            # or { name: rosenbrock-nd, dim: 10 }, or { expression: "(x-3)^2 + 8*(y-5)^4" }
 * start: [-1.5, 2]                # or starts: [[-1.5, 2], [0, 0]], or starts: { random: 5 }; default: the function's
 * optimizers:
 *   - adam lr=0.05
 *   - { name: sgd, lr: 0.001, momentum: 0.9, label: heavy ball }
 *   - { name: sgd, lr: 0.002, schedule: { name: StepLR, stepSize: 100, gamma: 0.5 } }
 * steps: 500                      # default 100
 * schedule: { name: CosineAnnealingLR, tMax: 500 }   # optional: for every optimizer without its own
 * tol: 1e-12                      # optional; stop: value-change (default) or grad-norm
 * ```
 */
import { parseDocument } from 'yaml';
import { Random } from '../core/random.js';
import type { Objective } from '../objective/objective.js';
import { buildFunction, type FunctionSpec } from './experiment-function.js';
import { checkOptimizers, type OptimizerRun } from './experiment-optimizers.js';
import { experimentKeys, experimentSchema } from './experiment-schema.js';
import { joinPath, Problems, zodProblems, ExperimentError } from './problems.js';

export type StopRule = 'value-change' | 'grad-norm';

export interface Experiment {
  name: string;
  description?: string;
  /** The function as described (a zoo name and options, or an expression). */
  function: FunctionSpec;
  objective: Objective;
  starts: number[][];
  optimizers: OptimizerRun[];
  steps: number;
  /** Unset: every run takes exactly `steps` steps (unless it diverges). */
  tol?: number;
  stop: StopRule;
  bounds?: Array<[number, number]>;
  seed: number;
  divergeAbove?: number;
}

/** What an experiment description may leave out. */
export const experimentDefaults = { steps: 100, stop: 'value-change', seed: 0 } as const;

export interface ParseOptions {
  /** The experiment's name when the description gives none (the command line passes the file's base name). */
  name?: string;
  /** Where the description comes from, prefixed to each problem (a file name). */
  source?: string;
}

/** `has 3 coordinates, the function has 2 variables (x, y)`. */
function dimMismatch(what: string, count: number, objective: Objective): string {
  const names = objective.meta?.variables ? ` (${objective.meta.variables.join(', ')})` : '';
  return `has ${count} ${count === 1 ? what.replace(/s$/, '') : what}, the function has ${objective.dim} variable${objective.dim === 1 ? '' : 's'}${names}`;
}

function resolveStarts(raw: Record<string, unknown>, objective: Objective, bounds: Array<[number, number]> | undefined, seed: number, problems: Problems): number[][] {
  if (raw.start !== undefined && raw.starts !== undefined) return problems.add('starts', 'give start (one point) or starts (a list), not both') ?? [];
  if (raw.start !== undefined) {
    const start = raw.start as number[];
    return start.length === objective.dim ? [start] : (problems.add('start', dimMismatch('coordinates', start.length, objective)) ?? []);
  }
  if (raw.starts !== undefined) {
    const starts = raw.starts as number[][] | { random: number };
    if (Array.isArray(starts)) {
      starts.forEach((s, i) => s.length !== objective.dim && problems.add(joinPath('starts', i), dimMismatch('coordinates', s.length, objective)));
      return starts;
    }
    const box = bounds ?? objective.meta?.domain;
    if (box === undefined) return problems.add('starts.random', 'needs bounds, or a function with a domain, to draw from') ?? [];
    // The experiment's seed makes the draws repeatable.
    const random = new Random(seed);
    return Array.from({ length: starts.random }, () => box.map(([low, high]) => random.between(low, high)));
  }
  const suggested = objective.meta?.starts;
  if (suggested === undefined || suggested.length === 0) return problems.add('start', 'is required: the function suggests no start point') ?? [];
  return suggested.map((s) => [...s]);
}

/** Problems in the order of the description's keys, unknown keys last. */
function inKeyOrder(problems: Problems): Problems {
  const rank = (path: string) => {
    const i = experimentKeys.indexOf(path.split(/[.[]/)[0]);
    return i < 0 ? experimentKeys.length : i;
  };
  const sorted = new Problems();
  problems.list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.path) - rank(b.p.path) || a.i - b.i)
    .forEach(({ p }) => sorted.add(p.path, p.message));
  return sorted;
}

/** Checks a description (already parsed from JSON or YAML) and resolves it into an experiment. */
export function parseExperiment(data: unknown, options: ParseOptions = {}): Experiment {
  const problems = new Problems();
  if (data === null || data === undefined) throw new ExperimentError([{ path: '', message: 'is empty: an experiment needs at least a function and optimizers' }], options.source);
  const parsed = experimentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) zodProblems(parsed.error.issues).forEach((p) => problems.add(p.path, p.message));
  if (typeof data !== 'object' || Array.isArray(data)) problems.throwIfAny(options.source);
  // The schema checks the shape; what follows needs the parts that passed it, so it reads them one by one.
  const raw = data as Record<string, unknown>;
  const ok = (key: string) => !problems.list.some((p) => p.path === key || p.path.startsWith(`${key}.`) || p.path.startsWith(`${key}[`));
  const seed = ok('seed') && typeof raw.seed === 'number' ? raw.seed : experimentDefaults.seed;
  const bounds = ok('bounds') ? (raw.bounds as Array<[number, number]> | undefined) : undefined;
  const built = buildFunction(raw.function, 'function', problems);
  let starts: number[][] = [];
  if (built !== undefined) {
    const { objective } = built;
    if (bounds !== undefined && bounds.length !== objective.dim) problems.add('bounds', dimMismatch('intervals', bounds.length, objective));
    if (ok('start') && ok('starts')) starts = resolveStarts(raw, objective, bounds, seed, problems);
  }
  const optimizers: OptimizerRun[] = checkOptimizers(Array.isArray(raw.optimizers) ? raw.optimizers : [], raw.schedule, built?.objective.dim ?? 1, problems);
  inKeyOrder(problems).throwIfAny(options.source);

  const e = parsed.data!;
  return {
    name: e.name ?? options.name ?? built!.spec.name ?? 'expression',
    ...(e.description !== undefined ? { description: e.description } : {}),
    function: built!.spec,
    objective: built!.objective,
    starts,
    optimizers,
    steps: e.steps ?? experimentDefaults.steps,
    ...(e.tol !== undefined ? { tol: e.tol } : {}),
    stop: e.stop ?? experimentDefaults.stop,
    ...(bounds !== undefined ? { bounds } : {}),
    seed,
    ...(e.divergeAbove !== undefined ? { divergeAbove: e.divergeAbove } : {}),
  };
}

export type DescriptionFormat = 'yaml' | 'json';

/**
 * Parses the text of a description (YAML, or JSON, which YAML reads too but whose own errors are clearer) and
 * checks it. Syntax errors are problems like any other, with their line and column.
 */
export function parseExperimentText(text: string, options: ParseOptions & { format?: DescriptionFormat } = {}): Experiment {
  return parseExperiment(readDescriptionText(text, options), options);
}

/** The data of a description's text (YAML or JSON), its syntax errors thrown as problems; sweeps read theirs so too. */
export function readDescriptionText(text: string, options: { source?: string; format?: DescriptionFormat } = {}): unknown {
  let data: unknown;
  if (options.format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ExperimentError([{ path: '', message: `invalid JSON: ${(error as Error).message}` }], options.source);
    }
  } else {
    const document = parseDocument(text);
    if (document.errors.length > 0) {
      const problems = document.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? ` at line ${at.line}, column ${at.col}` : '';
        // The library's message ends with its own position and a picture of the line; one line is enough here.
        const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return { path: '', message: `invalid YAML${where}: ${message}` };
      });
      throw new ExperimentError(problems, options.source);
    }
    data = document.toJS();
  }
  return data;
}

/** The experiment as plain data, the way a description would give it in full: what results.json records. */
export function experimentConfig(e: Experiment): Record<string, unknown> {
  return {
    name: e.name,
    ...(e.description !== undefined ? { description: e.description } : {}),
    function: 'expression' in e.function ? e.function : { name: e.function.name, ...e.function.options },
    starts: e.starts,
    optimizers: e.optimizers.map((o) => ({ label: o.label, ...o.optimizer, ...(o.schedule ? { schedule: o.schedule } : {}) })),
    steps: e.steps,
    ...(e.tol !== undefined ? { tol: e.tol } : {}),
    stop: e.stop,
    ...(e.bounds !== undefined ? { bounds: e.bounds } : {}),
    seed: e.seed,
    ...(e.divergeAbove !== undefined ? { divergeAbove: e.divergeAbove } : {}),
  };
}
