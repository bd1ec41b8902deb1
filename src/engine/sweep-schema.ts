/**
 * A sweep description: an experiment (the same function, start/starts, steps, tol, stop, bounds, schedule,
 * divergeAbove and seed, checked by the experiment's own parser) whose optimizers may each carry a search space,
 * plus the seeds to repeat over and the metric to rank by.
 *
 * ```yaml
 * function: rosenbrock
 * starts: { random: 2 }          # random starts are drawn anew for every seed
 * seeds: [0, 1, 2]               # or seeds: 3; default: [seed]
 * metric: final-value            # or steps (to tol), or distance (to the nearest known minimum)
 * optimizers:
 *   - name: adam
 *     grid: { lr: { log: [1e-4, 1], num: 9 }, betas: [[0.9, 0.999], [0.8, 0.99]] }
 *   - name: sgd
 *     momentum: 0.9               # fixed options as in an experiment
 *     random: { samples: 20, seed: 1, lr: { log: [1e-4, 0.1] }, dampening: { linear: [0, 0.5] } }
 *   - lbfgs                       # no space: one configuration, a baseline
 * steps: 500
 * ```
 *
 * Every problem is reported at once with its path, as for experiments (problems.ts).
 */
import * as z from 'zod';
import { show } from '../core/errors.js';
import type { Objective } from '../objective/objective.js';
import { optimizers as optimizerEntries } from '../optim/registry.js';
import type { SchedulerSpec } from '../schedule/registry.js';
import { experimentDefaults, parseExperiment, readDescriptionText, type DescriptionFormat, type Experiment, type ParseOptions, type StopRule } from './experiment.js';
import type { FunctionSpec } from './experiment-function.js';
import { experimentKeys, numberIn } from './experiment-schema.js';
import type { OptimizerSpec } from './minimize.js';
import { ExperimentError, joinPath, Problems, zodProblems, type Problem } from './problems.js';
import { checkSpace, gridSize, gridValues, type SearchMode, type Space } from './sweep-space.js';
import { specText } from './spec-text.js';
import type { OptimizerRun } from './experiment-optimizers.js';

export const metrics = ['final-value', 'steps', 'distance'] as const;
export type Metric = (typeof metrics)[number];

/** More runs than this is a typo in a grid, not a sweep: refused with the count. */
export const MAX_RUNS = 1_000_000;

export const sweepKeys = [...experimentKeys.filter((k) => k !== 'optimizers'), 'seeds', 'metric', 'optimizers'];

const seedsSchema = z.union([z.array(numberIn({ integer: true })).min(1), numberIn({ min: 1, integer: true })], {
  error: (issue) => (issue.code === 'invalid_union' ? 'a list of integer seeds, or a count n meaning [0, …, n−1]' : undefined),
});
const sweepOnlySchema = z.object({ seeds: seedsSchema.optional(), metric: z.enum(metrics).optional() });

export interface SweepParam {
  /** The optimizer option swept, e.g. `lr`. */
  name: string;
  space: Space;
}

/** One optimizer of a sweep: fixed options, and the space of the swept ones. */
export interface SweepOptimizer {
  /** The label given, or the fixed spec as text (`SGD momentum=0.9 + StepLR stepSize=100`). */
  label: string;
  /** Where a configuration's values go into the label: before the schedule's part of a label made from the spec. */
  valuesAt: number;
  /** The registry's name and the fixed options. */
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
  /** `none`: the fixed options only, one configuration. */
  search: SearchMode | 'none';
  params: SweepParam[];
  /** Random search: how many configurations to draw, and the seed of the draws. */
  samples?: number;
  seed?: number;
}

export interface Sweep {
  name: string;
  description?: string;
  function: FunctionSpec;
  objective: Objective;
  seeds: number[];
  /** The start points of each seed (the same unless they are drawn at random). */
  starts: number[][][];
  optimizers: SweepOptimizer[];
  steps: number;
  tol?: number;
  stop: StopRule;
  bounds?: Array<[number, number]>;
  divergeAbove?: number;
  seed: number;
  metric: Metric;
  /** The description as given: what results.json records. */
  config: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The experiment's problems, but for those `skip` says are known already, or its result. */
function tryExperiment(data: unknown, options: ParseOptions, problems: Problems, skip: (p: Problem) => boolean): Experiment | undefined {
  try {
    return parseExperiment(data, options);
  } catch (error) {
    if (!(error instanceof ExperimentError)) throw error;
    error.problems.filter((p) => !skip(p)).forEach((p) => problems.add(p.path, p.message));
    return undefined;
  }
}

/** The spaces of optimizer i (its `grid` or `random`), checked against the optimizer named in the raw item. */
function readSearch(item: Record<string, unknown>, path: string, problems: Problems): Search | undefined {
  if (item.grid !== undefined && item.random !== undefined) return problems.add(path, 'give grid or random, not both');
  const mode: SearchMode = item.grid !== undefined ? 'grid' : 'random';
  const at = joinPath(path, mode);
  const raw = item[mode];
  const entry = optimizerEntries.find((e) => typeof item.name === 'string' && e.name.toLowerCase() === item.name.toLowerCase());
  if (!isObject(raw)) return problems.add(at, `must be a mapping of option names to values, got ${show(raw)}`);
  // A grid's keys are all options; random search also takes how many samples, and their seed.
  const { samples, seed, ...drawn } = raw;
  const spaces = mode === 'random' ? drawn : raw;
  const before = problems.size;
  if (mode === 'random') {
    if (samples === undefined) problems.add(joinPath(at, 'samples'), 'is required: how many configurations to draw');
    else if (!(Number.isInteger(samples) && (samples as number) >= 1)) problems.add(joinPath(at, 'samples'), `must be an integer >= 1, got ${show(samples)}`);
    if (seed !== undefined && !Number.isInteger(seed)) problems.add(joinPath(at, 'seed'), `must be an integer, got ${show(seed)}`);
  }
  const names = Object.keys(spaces);
  if (names.length === 0) problems.add(at, mode === 'grid' ? 'is empty: name at least one option and its values' : 'names no option to draw');
  if (entry === undefined) return undefined; // the experiment's parser reports the unknown optimizer
  const { name: _n, label: _l, schedule: _s, grid: _g, random: _r, ...fixed } = item;
  const params = names.map((name) => ({ name, space: checkSpace(spaces[name], mode, entry, fixed, name, joinPath(at, name), problems) }));
  if (problems.size > before) return undefined;
  return { search: mode, params: params as SweepParam[], ...(mode === 'random' ? { samples: samples as number, ...(seed !== undefined ? { seed: seed as number } : {}) } : {}) };
}

type Search = Pick<SweepOptimizer, 'search' | 'params' | 'samples' | 'seed'>;

/**
 * An optimizer of the sweep from the experiment's (which holds the first swept values): the fixed options only,
 * and a label made of them (`Adam`, `SGD momentum=0.9 + StepLR stepSize=100`) unless one was given.
 */
function sweepOptimizer(o: OptimizerRun, search: Search, labelGiven: boolean, seed: number): SweepOptimizer {
  const swept = new Set(search.params.map((p) => p.name));
  const { name, ...options } = o.optimizer;
  const fixed = Object.fromEntries(Object.entries(options).filter(([k]) => !swept.has(k)));
  // The experiment's label is the spec as text, then the schedule's (and a ` #2` for a repeat, made again below).
  const schedulePart = o.label.slice(specText(name, options).length).replace(/ #\d+$/, '');
  const head = labelGiven ? o.label : specText(name, fixed);
  return {
    label: labelGiven ? o.label : head + schedulePart,
    valuesAt: head.length,
    optimizer: { name, ...fixed },
    ...(o.schedule ? { schedule: o.schedule } : {}),
    ...search,
    ...(search.search === 'random' && search.seed === undefined ? { seed } : {}),
  };
}

/** Labels made from specs that repeat get ` #2`, ` #3` (given labels are unique already). */
function unique(list: SweepOptimizer[]): void {
  const seen = new Set<string>();
  for (const o of list) {
    let label = o.label;
    for (let k = 2; seen.has(label); k++) label = `${o.label.slice(0, o.valuesAt)} #${k}${o.label.slice(o.valuesAt)}`;
    seen.add(label);
    o.valuesAt += label.length - o.label.length;
    o.label = label;
  }
}

/** How many configurations an optimizer of the sweep makes. */
export function configurationCount(o: Pick<SweepOptimizer, 'search' | 'params' | 'samples'>): number {
  if (o.search === 'random') return o.samples ?? 1;
  return o.params.reduce((n, p) => n * gridSize(p.space), 1);
}

/** Problems in the order of the description's keys (unknown keys last), then of the optimizers, then as found. */
function sortByKey(list: readonly Problem[]): Problem[] {
  const rank = (path: string) => {
    const i = sweepKeys.indexOf(path.split(/[.[]/)[0]);
    return i < 0 ? sweepKeys.length : i;
  };
  const item = (path: string) => Number(/^optimizers\[(\d+)\]/.exec(path)?.[1] ?? -1);
  return list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.path) - rank(b.p.path) || item(a.p.path) - item(b.p.path) || a.i - b.i)
    .map(({ p }) => p);
}

/** Checks a sweep description (already parsed from JSON or YAML) and resolves it. */
export function parseSweep(data: unknown, options: ParseOptions = {}): Sweep {
  const problems = new Problems();
  const fail = () => {
    throw new ExperimentError(sortByKey(problems.list), options.source);
  };
  if (data === null || data === undefined) problems.add('', 'is empty: a sweep needs at least a function and optimizers');
  else if (!isObject(data)) problems.add('', `must be a mapping of keys to values, got ${show(data)}`);
  if (problems.size > 0) fail();
  const raw = data as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!sweepKeys.includes(key)) problems.add(key, `unknown key (known: ${sweepKeys.join(', ')})`);
  const own = sweepOnlySchema.safeParse({ seeds: raw.seeds, metric: raw.metric }, { reportInput: true });
  if (!own.success) zodProblems(own.error.issues).forEach((p) => problems.add(p.path, p.message));

  // The spaces first; then the experiment's parser checks everything an experiment has, each optimizer as one real
  // configuration: its space taken out, the first value of each swept option put in (so that nesterov: true is
  // checked with a swept momentum, not with the default 0).
  const items = Array.isArray(raw.optimizers) ? raw.optimizers : undefined;
  const searches = (items ?? []).map((item, i) => (isObject(item) && (item.grid !== undefined || item.random !== undefined) ? readSearch(item, joinPath('optimizers', i), problems) : { search: 'none' as const, params: [] }));
  const base: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([k]) => experimentKeys.includes(k)));
  if (items) {
    base.optimizers = items.map((item, i) => {
      if (!isObject(item)) return item;
      const first = Object.fromEntries((searches[i]?.params ?? []).map((p) => [p.name, gridValues(p.space)[0]]));
      return { ...Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'grid' && k !== 'random')), ...first };
    });
  }
  const seedsGiven = own.success ? own.data.seeds : undefined;
  const seeds = seedsGiven === undefined ? undefined : Array.isArray(seedsGiven) ? seedsGiven : Array.from({ length: seedsGiven }, (_, i) => i);
  // An optimizer whose space has problems is checked without its swept options: a rule between options that a
  // swept value breaks (the path `optimizers[i]` itself) has been reported with the value.
  const experiment = tryExperiment(base, options, problems, (p) => /^optimizers\[\d+\]$/.test(p.path) && searches[Number(p.path.slice(11, -1))] === undefined);
  if (seeds && new Set(seeds).size < seeds.length) problems.add('seeds', `has a seed twice, got ${show(seeds)}`);
  const randomStarts = isObject(raw.starts) && raw.starts.random !== undefined;
  if (seeds && seeds.length > 1 && !randomStarts) problems.add('seeds', 'repeat identical runs: only random start points depend on the seed; use starts: { random: n }, or leave seeds out');
  const metric: Metric = (own.success ? own.data.metric : undefined) ?? 'final-value';
  if (experiment && metric === 'distance' && !(experiment.objective.meta?.minima?.length)) problems.add('metric', `"distance" needs known minima, and ${experiment.objective.meta?.name ?? 'the function'} has none (an expression can give them: minima: [[x, y]])`);
  if (experiment && metric === 'steps' && experiment.tol === undefined) problems.add('metric', '"steps" counts the steps to tol, and the sweep gives no tol');
  if (problems.size > 0 || experiment === undefined) fail();

  const e = experiment!;
  const seed = typeof raw.seed === 'number' ? raw.seed : experimentDefaults.seed;
  const allSeeds = seeds ?? [seed];
  const starts = seeds ? seeds.map((s) => parseExperiment({ ...base, seed: s }, options).starts) : [e.starts];
  const sweepOptimizers = e.optimizers.map((o, i) => sweepOptimizer(o, searches[i]!, isObject(items![i]) && typeof (items![i] as Record<string, unknown>).label === 'string', seed));
  unique(sweepOptimizers);
  const runs = sweepOptimizers.reduce((n, o) => n + configurationCount(o), 0) * allSeeds.length * e.starts.length;
  if (runs > MAX_RUNS) {
    problems.add('', `has ${runs.toLocaleString('en-US')} runs (configurations × seeds × starts), more than the limit of ${MAX_RUNS.toLocaleString('en-US')}: take fewer values, or random search`);
    fail();
  }
  return {
    name: e.name,
    ...(e.description !== undefined ? { description: e.description } : {}),
    function: e.function,
    objective: e.objective,
    seeds: allSeeds,
    starts,
    optimizers: sweepOptimizers,
    steps: e.steps,
    ...(e.tol !== undefined ? { tol: e.tol } : {}),
    stop: e.stop,
    ...(e.bounds !== undefined ? { bounds: e.bounds } : {}),
    ...(e.divergeAbove !== undefined ? { divergeAbove: e.divergeAbove } : {}),
    seed,
    metric,
    config: { ...raw, name: e.name, steps: e.steps, stop: e.stop, seed, seeds: allSeeds, metric },
  };
}

/** Parses the text of a sweep description (YAML, or JSON) and checks it; syntax errors are problems too. */
export function parseSweepText(text: string, options: ParseOptions & { format?: DescriptionFormat } = {}): Sweep {
  return parseSweep(readDescriptionText(text, options), options);
}
