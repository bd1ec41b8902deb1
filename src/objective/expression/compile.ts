/**
 * `compile(expression)`: a function typed in by a user, as an Objective with an exact gradient.
 *
 * text ──lex──► tokens ──parse──► syntax tree ──buildGraph──► shared, folded operations in topological order
 *   ──► straight-line JavaScript: the forward pass (one `const` per operation) and, for valueAndGrad, the reverse
 *       pass of differentiate.ts (one statement per adjoint contribution), built once with `new Function`.
 *
 * Safety: the generated code is made only from our own templates (rules.ts), temporaries named t0, t1, …, the
 * variables read as x[0], x[1], … and numbers printed by `literal`. No character of the user's text reaches it.
 * Speed: no loop, no allocation and no dispatch per evaluation, which is what a hand-written gradient does too.
 */
import { fail, show } from '../../core/errors.js';
import type { Objective, ObjectiveMeta } from '../objective.js';
import { reverseSweep, type Storage } from './differentiate.js';
import { syntaxError } from './expression-error.js';
import { buildGraph, type Graph } from './graph.js';
import { parse, type Ast } from './parse.js';
import { formula, tex } from './print.js';
import { CONSTANTS, FUNCTIONS, literal, rules, type Rule, ALIASES } from './rules.js';

export interface CompileOptions {
  /**
   * The variables in the order of x. Default: the names the expression uses, x, y and z first, then the others by
   * name (x1 < x2 < x10). When given, every name used must be listed; a listed name the expression does not use is
   * allowed and has a zero partial derivative.
   */
  variables?: readonly string[];
}

export interface CompiledObjective extends Objective {
  readonly meta: ObjectiveMeta & { formula: string; tex: string; variables: string[] };
  /** The generated JavaScript of `value` and `valueAndGrad`, for reading. */
  readonly code: { readonly value: string; readonly valueAndGrad: string };
}

/** Graphs with more operations than this keep their temporaries in scratch arrays, not locals: V8 overflows its stack on frames of ~65,000 locals. */
const MAX_LOCALS = 2000;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function compile(expression: string, options: CompileOptions = {}): CompiledObjective {
  if (typeof expression !== 'string') fail('compile', `expression must be a string, got ${show(expression)}`);
  if (typeof options !== 'object' || options === null) fail('compile', `options must be an object, got ${show(options)}`);
  for (const key of Object.keys(options)) if (key !== 'variables') fail('compile', `unknown option ${show(key)}; the options are: variables`);
  const ast = parse(expression);
  const variables = options.variables === undefined ? inferVariables(ast) : checkVariables(options.variables, ast, expression);
  const graph = buildGraph(ast, new Map(variables.map((name, i) => [name, i])));
  const code = generate(graph);
  const [value, valueAndGrad] = assemble(code, graph);
  return {
    dim: variables.length,
    value,
    valueAndGrad,
    meta: { formula: formula(ast), tex: tex(ast), variables },
    code,
  };
}

/** x, y, z first, then the rest by name, with runs of digits compared as numbers. */
export function orderVariables(names: Iterable<string>): string[] {
  const rank = (name: string) => ['x', 'y', 'z'].indexOf(name) >>> 0; // not found → 2³² − 1, after the three
  const split = (name: string) => name.split(/(\d+)/);
  const compareNames = (a: string, b: string): number => {
    const [pa, pb] = [split(a), split(b)];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] === pb[i]) continue;
      if (i % 2 === 1) return Number(pa[i]) - Number(pb[i]) || (pa[i] < pb[i] ? -1 : 1); // x01 before x1
      return pa[i] < pb[i] ? -1 : 1;
    }
    return pa.length - pb.length;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
}

function inferVariables(ast: Ast): string[] {
  return orderVariables(ast.variables.keys());
}

function checkVariables(variables: readonly string[], ast: Ast, expression: string): string[] {
  if (!Array.isArray(variables)) fail('compile', `variables must be an array of names, got ${show(variables)}`);
  const listed = new Set<string>();
  for (const name of variables) {
    if (typeof name !== 'string' || !NAME.test(name)) fail('compile', `variables: ${show(name)} is not a name (a letter or _, then letters, digits or _)`);
    if (FUNCTIONS.has(name) || ALIASES.has(name)) fail('compile', `variables: "${name}" is a function`);
    if (CONSTANTS.has(name)) fail('compile', `variables: "${name}" is a constant`);
    if (listed.has(name)) fail('compile', `variables: "${name}" is listed twice`);
    listed.add(name);
  }
  for (const [name, at] of ast.variables) {
    if (!listed.has(name)) syntaxError(`"${name}" {at} is not among the variables ${show([...variables])}`, expression, at);
  }
  return [...variables];
}

/** The bodies of `value(x)` and `valueAndGrad(x, grad)`. */
function generate(graph: Graph): { value: string; valueAndGrad: string } {
  const { nodes, root } = graph;
  const locals = nodes.length <= MAX_LOCALS;
  const storage: Storage = {
    operand: (i) => {
      const node = nodes[i];
      return node.op === 'const' ? literal(node.value) : locals ? `t${i}` : `s[${i}]`;
    },
    adjoint: (i) => (locals ? `g${i}` : `a[${i}]`),
    declareAdjoint: (i, code) => (locals ? `let g${i} = ${code};` : `a[${i}] = ${code};`),
  };
  const forward: string[] = [];
  for (let i = 0; i <= root; i++) {
    const node = nodes[i];
    if (node.op === 'const') continue;
    const code = node.op === 'var' ? `x[${node.index}]` : (rules[node.op] as Rule).value(node.args.map((a) => storage.operand(a)), node.n);
    forward.push(locals ? `const t${i} = ${code};` : `s[${i}] = ${code};`);
  }
  const result = `return ${storage.operand(root)};`;
  const dim = graph.dim;
  return {
    value: [`if (x.length !== ${dim}) wrongLength(x, null);`, ...forward, result].join('\n'),
    valueAndGrad: [`if (x.length !== ${dim} || grad.length !== ${dim}) wrongLength(x, grad);`, ...forward, ...reverseSweep(graph, storage), result].join('\n'),
  };
}

type Value = (x: ArrayLike<number>) => number;
type ValueAndGrad = (x: ArrayLike<number>, grad: Float64Array) => number;

/** Builds the two functions from our generated code; `s` and `a` are the scratch arrays of large graphs. */
function assemble(code: { value: string; valueAndGrad: string }, graph: Graph): [Value, ValueAndGrad] {
  const dim = graph.dim;
  const wrongLength = (x: ArrayLike<number>, grad: Float64Array | null): never => {
    if (x.length !== dim) fail('compile', `x has length ${x.length}, the expression has ${dim} variable${dim === 1 ? '' : 's'}`);
    return fail('compile', `grad has length ${grad?.length}, the expression has ${dim} variable${dim === 1 ? '' : 's'}`);
  };
  const scratch = graph.nodes.length <= MAX_LOCALS ? 0 : graph.nodes.length;
  const make = new Function('wrongLength', 's', 'a', `'use strict';\nreturn [\nfunction value(x) {\n${code.value}\n},\nfunction valueAndGrad(x, grad) {\n${code.valueAndGrad}\n}];`);
  return make(wrongLength, new Float64Array(scratch), new Float64Array(scratch)) as [Value, ValueAndGrad];
}
