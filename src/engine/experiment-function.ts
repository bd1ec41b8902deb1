/**
 * The objective of an experiment, from its description: a zoo name (`rosenbrock`), a zoo name with options
 * (`{ name: rosenbrock-nd, dim: 10 }`), or a typed-in expression (`{ expression: "(x-3)^2 + 8*(y-5)^4",
 * variables?, domain?, minima? }`). Problems are reported under `function`, with the compiler's own message
 * (which gives the column) for a bad expression.
 */
import { DescentError, show } from '../core/errors.js';
import { checkOptions } from '../core/options.js';
import { compile } from '../objective/expression/compile.js';
import type { Objective, ObjectiveMeta } from '../objective/objective.js';
import { functions, getFunction, type FunctionEntry } from '../objective/zoo/registry.js';
import { expressionSchema, zooSpecSchema } from './experiment-schema.js';
import { addOptionProblems, joinPath, zodProblems, type Problems } from './problems.js';

/** The function as described, in one normal form (what results.json records). */
export type FunctionSpec =
  | { name: string; options: Record<string, unknown> }
  | { expression: string; name?: string; variables?: string[]; domain?: Array<[number, number]>; minima?: number[][] };

/** The zoo's entry of that name (any case), if there is one. */
export function findZooFunction(name: string): FunctionEntry | undefined {
  const wanted = name.toLowerCase();
  return functions.find((f) => f.name === wanted);
}

export function zooNames(): string[] {
  return functions.map((f) => f.name);
}

/** A DescentError's message without its owner (`compile: missing ")" at column 6` → `missing ")" at column 6`). */
export function withoutOwner(message: string, owner: string): string {
  return message.startsWith(`${owner}: `) ? message.slice(owner.length + 2) : message;
}

function zooObjective(name: string, options: Record<string, unknown>, path: string, namePath: string, problems: Problems) {
  const entry = findZooFunction(name);
  if (entry === undefined) return problems.add(namePath, `unknown function ${show(name)} (known: ${zooNames().join(', ')})`);
  if (entry.schema !== undefined) {
    const checked = checkOptions(entry.schema, options);
    addOptionProblems(problems, path, checked.problems);
    if (checked.problems.length > 0) return undefined;
  } else if (Object.keys(options).length > 0) {
    Object.keys(options).forEach((key) => problems.add(joinPath(path, key), `unknown option ${show(key)} (${entry.name} takes no options)`));
    return undefined;
  }
  try {
    const objective: Objective = getFunction(entry.name, options);
    return { objective, spec: { name: entry.name, options } satisfies FunctionSpec };
  } catch (error) {
    if (!(error instanceof DescentError)) throw error;
    return problems.add(path, withoutOwner(error.message, entry.name));
  }
}

function expressionObjective(raw: unknown, path: string, problems: Problems) {
  const parsed = expressionSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    zodProblems(parsed.error.issues, path).forEach((p) => problems.add(p.path, p.message));
    return undefined;
  }
  const spec = parsed.data;
  let compiled: Objective;
  try {
    compiled = compile(spec.expression, spec.variables ? { variables: spec.variables } : {});
  } catch (error) {
    if (!(error instanceof DescentError)) throw error;
    return problems.add(joinPath(path, 'expression'), withoutOwner(error.message, 'compile'));
  }
  const dim = compiled.dim;
  if (dim === 0) return problems.add(joinPath(path, 'expression'), `has no variables: ${show(spec.expression)} is a constant`);
  const names = compiled.meta?.variables ? ` (${compiled.meta.variables.join(', ')})` : '';
  const before = problems.size;
  if (spec.domain && spec.domain.length !== dim) {
    problems.add(joinPath(path, 'domain'), `has ${spec.domain.length} interval${spec.domain.length === 1 ? '' : 's'}, the function has ${dim} variable${dim === 1 ? '' : 's'}${names}`);
  }
  spec.minima?.forEach((m, i) => {
    if (m.length !== dim) problems.add(joinPath(joinPath(path, 'minima'), i), `has ${m.length} coordinate${m.length === 1 ? '' : 's'}, the function has ${dim} variable${dim === 1 ? '' : 's'}${names}`);
  });
  if (problems.size > before) return undefined;
  const meta: ObjectiveMeta = {
    ...compiled.meta,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    ...(spec.domain ? { domain: spec.domain } : {}),
    ...(spec.minima ? { minima: spec.minima.map((x) => ({ x, value: compiled.value(x) })) } : {}),
  };
  const objective: Objective = { dim, meta, value: (x) => compiled.value(x), valueAndGrad: (x, g) => compiled.valueAndGrad(x, g) };
  return { objective, spec: spec satisfies FunctionSpec };
}

/** The objective described at `path` (normally `function`), or undefined after reporting why not. */
export function buildFunction(raw: unknown, path: string, problems: Problems): { objective: Objective; spec: FunctionSpec } | undefined {
  if (typeof raw === 'string') {
    if (raw.trim() === '') return problems.add(path, 'must be a function name or { expression: … }, got ""');
    return zooObjective(raw.trim(), {}, path, path, problems);
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    if ('expression' in raw) return expressionObjective(raw, path, problems);
    const parsed = zooSpecSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      zodProblems(parsed.error.issues, path).forEach((p) => problems.add(p.path, p.message));
      return undefined;
    }
    const { name, ...options } = parsed.data;
    return zooObjective(name, options, path, joinPath(path, 'name'), problems);
  }
  if (raw === undefined) return problems.add(path, 'is required');
  return problems.add(path, `must be a function name, { name, ...options } or { expression, variables?, domain?, minima? }, got ${show(raw)}`);
}
