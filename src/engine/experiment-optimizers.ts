/**
 * The optimizers of an experiment, checked against the registries: each name must be known, each option must pass
 * the optimizer's (or scheduler's) own schema, and the whole must construct, which catches the rules that tie
 * options together (SGD's nesterov needs momentum). Every problem is reported with its path.
 */
import { DescentError, show } from '../core/errors.js';
import { checkOptions, type OptionSchema } from '../core/options.js';
import { Parameter } from '../core/parameter.js';
import { optimizers as optimizerEntries, type OptimizerEntry } from '../optim/registry.js';
import type { OptimizerLike } from '../optim/optimizer.js';
import { createScheduler, schedulers as schedulerEntries, type SchedulerEntry, type SchedulerSpec } from '../schedule/registry.js';
import { withoutOwner } from './experiment-function.js';
import { optimizerSchema, scheduleSchema } from './experiment-schema.js';
import type { OptimizerSpec } from './minimize.js';
import { addOptionProblems, joinPath, Problems, zodProblems } from './problems.js';
import { parseSpecText, specText } from './spec-text.js';

/** One optimizer of an experiment, ready for minimize. */
export interface OptimizerRun {
  /** The name shown in tables and legends: the one given, or the spec as text (`Adam lr=0.05`). */
  label: string;
  /** The registry's name and the options as given (defaults are the registry's). */
  optimizer: OptimizerSpec;
  schedule?: SchedulerSpec;
}

const byName = <E extends { name: string }>(entries: readonly E[], name: string) => entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
const findOptimizer = (name: string) => byName<OptimizerEntry>(optimizerEntries, name);
const findScheduler = (name: string) => byName<SchedulerEntry>(schedulerEntries, name);

/** A `{ name, ...options }` object from its text form or its object form, or undefined after reporting. */
function specObject(
  raw: unknown,
  schema: typeof optimizerSchema | typeof scheduleSchema,
  schemaOf: (name: string) => { schema: OptionSchema } | undefined,
  path: string,
  problems: Problems,
) {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    zodProblems(parsed.error.issues, path).forEach((p) => problems.add(p.path, p.message));
    return undefined;
  }
  if (typeof parsed.data === 'string') return parseSpecText(parsed.data, (name) => schemaOf(name)?.schema, path, problems);
  return { ...parsed.data } as { name: string } & Record<string, unknown>;
}

/** A scheduler spec with the registry's names, children included, or undefined after reporting its problems. */
function checkSchedule(raw: unknown, path: string, problems: Problems): SchedulerSpec | undefined {
  const spec = specObject(raw, scheduleSchema, findScheduler, path, problems);
  if (spec === undefined) return undefined;
  const { name, ...options } = spec;
  const entry = findScheduler(name);
  const namePath = typeof raw === 'string' ? path : joinPath(path, 'name');
  if (entry === undefined) return problems.add(namePath, `unknown scheduler ${show(name)} (known: ${schedulerEntries.map((s) => s.name).join(', ')})`);
  if (entry.name === 'ReduceLROnPlateau') {
    return problems.add(namePath, 'ReduceLROnPlateau steps on a validation metric, which minimizing a function does not have; use it with fit');
  }
  const functionOptions = Object.entries(entry.schema).filter(([, o]) => o.kind === 'function').map(([key]) => key);
  if (functionOptions.length > 0) return problems.add(namePath, `${entry.name} takes a function (${functionOptions.join(', ')}), which a description cannot hold`);
  const before = problems.size;
  const result: SchedulerSpec = { name: entry.name, ...options };
  if (entry.children) {
    const children = options[entry.children];
    const childPath = joinPath(path, entry.children);
    if (children === undefined) {
      problems.add(childPath, `is required: ${entry.name} is made of a list of schedulers`);
    } else if (!Array.isArray(children) || children.length === 0) {
      problems.add(childPath, `must be a non-empty list of schedulers, got ${show(children)}`);
    } else {
      result[entry.children] = children.map((child, i) => checkSchedule(child, joinPath(childPath, i), problems));
    }
  }
  addOptionProblems(problems, path, checkOptions(entry.schema, options, undefined, entry.children ? [entry.children] : []).problems);
  if (problems.size > before) return undefined;
  return result;
}

function scheduleLabel(spec: SchedulerSpec): string {
  const { name, schedulers: children, ...options } = spec;
  const inner = Array.isArray(children) ? `(${(children as SchedulerSpec[]).map(scheduleLabel).join('; ')})` : '';
  return specText(`${name}${inner}`, options);
}

/** Builds the optimizer (and its schedule) on a stand-in parameter, to catch rules between options. */
function tryConstruct(entry: OptimizerEntry, options: Record<string, unknown>, schedule: SchedulerSpec | undefined, dim: number, path: string, problems: Problems): void {
  let optimizer: OptimizerLike;
  try {
    optimizer = entry.create([new Parameter(new Float64Array(dim))], options);
  } catch (error) {
    if (!(error instanceof DescentError)) throw error;
    problems.add(path, withoutOwner(error.message, entry.name));
    return;
  }
  if (schedule === undefined) return;
  try {
    createScheduler(optimizer, schedule);
  } catch (error) {
    if (!(error instanceof DescentError)) throw error;
    problems.add(joinPath(path, 'schedule'), withoutOwner(error.message, schedule.name));
  }
}

/** One optimizer at `path` (`optimizers[2]`), or undefined after reporting its problems. */
function checkOptimizer(raw: unknown, path: string, dim: number, shared: SchedulerSpec | undefined, problems: Problems): (OptimizerRun & { given: boolean }) | undefined {
  const spec = specObject(raw, optimizerSchema, findOptimizer, path, problems);
  if (spec === undefined) return undefined;
  const { name, label, schedule: rawSchedule, ...options } = spec;
  const entry = findOptimizer(name);
  const before = problems.size;
  if (entry === undefined) {
    problems.add(typeof raw === 'string' ? path : joinPath(path, 'name'), `unknown optimizer ${show(name)} (known: ${optimizerEntries.map((o) => o.name).join(', ')})`);
  } else {
    addOptionProblems(problems, path, checkOptions(entry.schema, options).problems);
  }
  const schedule = rawSchedule === undefined ? shared : checkSchedule(rawSchedule, joinPath(path, 'schedule'), problems);
  if (problems.size > before || entry === undefined) return undefined;
  tryConstruct(entry, options, schedule, dim, path, problems);
  if (problems.size > before) return undefined;
  const auto = specText(entry.name, options) + (schedule ? ` + ${scheduleLabel(schedule)}` : '');
  return {
    label: typeof label === 'string' ? label : auto,
    given: typeof label === 'string',
    optimizer: { name: entry.name, ...options },
    ...(schedule ? { schedule } : {}),
  };
}

/**
 * The optimizers of an experiment; `schedule` (the description's top-level one) goes to those that give none.
 * Labels must be unique: a given label used twice is a problem; a label made from the spec that repeats (the same
 * optimizer twice, to compare starts, say) gets ` #2`, ` #3`.
 */
export function checkOptimizers(raw: readonly unknown[], schedule: unknown, dim: number, problems: Problems): OptimizerRun[] {
  const shared = schedule === undefined ? undefined : checkSchedule(schedule, 'schedule', problems);
  if (schedule !== undefined && shared === undefined) return [];
  const runs = raw.map((item, i) => checkOptimizer(item, joinPath('optimizers', i), dim, shared, problems));
  const seen = new Map<string, number>();
  const result: OptimizerRun[] = [];
  runs.forEach((run, i) => {
    if (run === undefined) return;
    const { given, ...rest } = run;
    let label = rest.label;
    const first = seen.get(label);
    if (first !== undefined && given) {
      problems.add(joinPath(joinPath('optimizers', i), 'label'), `${show(label)} is already the label of optimizers[${first}]`);
      return;
    }
    for (let k = 2; seen.has(label); k++) label = `${rest.label} #${k}`;
    seen.set(label, i);
    result.push({ ...rest, label });
  });
  return result;
}
