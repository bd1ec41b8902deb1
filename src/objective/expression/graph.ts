/**
 * The computation graph: the syntax tree turned into a list of operations in topological order, each computed once.
 *
 * - Common subexpressions are shared (hash-consing): `sin(x*y) + cos(x*y)` computes x*y once, and its adjoint
 *   gathers both uses. x + y and y + x are the same node (IEEE addition and multiplication commute exactly).
 * - Constant subexpressions are folded with the rules' own code, so `2*pi` or `x^(1+1)` cost nothing at run time.
 * - Powers are specialised: an integer constant exponent (|n| ≤ 32) multiplies out (powi), exact at negative bases;
 *   a constant base becomes c^a with ln c precomputed (cpow), and e^a becomes exp(a); square(a) is a^2.
 * - min and max of k arguments become k − 1 binary nodes, left to right.
 * Folding and sharing never change a result: the graph computes exactly what the tree would, operation by operation.
 */
import type { Ast } from './parse.js';
import { MAX_POWI, numericRule, type Op } from './rules.js';

export type GraphNode =
  | { op: 'const'; value: number }
  | { op: 'var'; index: number }
  | { op: Op; args: number[]; n: number };

export interface Graph {
  /** Topological order: every node's arguments come before it. */
  nodes: GraphNode[];
  /** The node whose value is f. */
  root: number;
  /** Number of variables; node { op: 'var', index } reads x[index]. */
  dim: number;
}

const BINARY = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const;

/** Builds the graph of `ast` with the variables numbered by `index` (which must contain every variable used). */
export function buildGraph(ast: Ast, index: ReadonlyMap<string, number>): Graph {
  const nodes: GraphNode[] = [];
  const seen = new Map<string, number>();

  const intern = (key: string, node: GraphNode): number => {
    let id = seen.get(key);
    if (id === undefined) {
      id = nodes.push(node) - 1;
      seen.set(key, id);
    }
    return id;
  };
  const constant = (value: number) => intern(`#const ${Object.is(value, -0) ? '-0' : value}`, { op: 'const', value });
  const valueOf = (id: number) => {
    const node = nodes[id];
    return node.op === 'const' ? node.value : undefined;
  };

  const apply = (op: Op, args: number[], n = 0): number => {
    if (op === 'add' || op === 'mul') args = args[0] <= args[1] ? args : [args[1], args[0]];
    if (args.every((a) => valueOf(a) !== undefined)) {
      const values = args.map((a) => valueOf(a)!);
      return constant(numericRule(op, args.length, n).evaluate(values, values.map((_, i) => i)));
    }
    return intern(`${op}/${n}/${args.join(',')}`, { op, args, n });
  };

  const power = (base: number, exponent: number): number => {
    const b = valueOf(base);
    const n = valueOf(exponent);
    if (b === undefined && n !== undefined && Number.isInteger(n) && Math.abs(n) <= MAX_POWI) return apply('powi', [base], n);
    if (b !== undefined && n === undefined) return b === Math.E ? apply('exp', [exponent]) : apply('cpow', [exponent], b);
    return apply('pow', [base, exponent]);
  };

  const ids: number[] = [];
  for (const node of ast.nodes) {
    switch (node.kind) {
      case 'number':
      case 'constant':
        ids.push(constant(node.value));
        break;
      case 'variable':
        ids.push(intern(`#var ${node.name}`, { op: 'var', index: index.get(node.name)! }));
        break;
      case 'neg':
        ids.push(apply('neg', [ids[node.arg]]));
        break;
      case 'binary':
        ids.push(node.op === '^' ? power(ids[node.left], ids[node.right]) : apply(BINARY[node.op], [ids[node.left], ids[node.right]]));
        break;
      case 'call': {
        const args = node.args.map((a) => ids[a]);
        if (node.fn === 'min' || node.fn === 'max') ids.push(args.reduce((acc, a) => apply(node.fn as 'min' | 'max', [acc, a])));
        else if (node.fn === 'pow') ids.push(power(args[0], args[1]));
        else if (node.fn === 'square') ids.push(power(args[0], constant(2)));
        else ids.push(apply(node.fn as Op, args));
        break;
      }
    }
  }
  return { nodes, root: ids[ids.length - 1], dim: index.size };
}
