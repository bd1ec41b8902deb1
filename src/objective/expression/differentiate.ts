/**
 * Reverse-mode differentiation, the micrograd way: the graph's topological order walked backwards. The adjoint of
 * the root is 1; each node, once every use of it has been visited (all its uses come later in the order), hands
 * g · ∂out/∂aᵢ to each argument by its rule in rules.ts. The gradient is the adjoints of the variables.
 *
 * Here the walk emits code instead of running: one straight-line statement per contribution, the first one
 * declaring the adjoint (`let g3 = …`) and the rest adding to it (`g3 += …`), so there is no zero-filling and no
 * loop. Constants receive nothing, and a variable that nothing reaches (or reaches through sign) gets 0.
 */
import type { Graph } from './graph.js';
import { rules, type Rule } from './rules.js';

/** Where the generated code keeps node i's value and adjoint: locals (small graphs) or scratch arrays (large). */
export interface Storage {
  /** Code for node i's value as an operand: a numeric literal for a constant, else a name. */
  operand(i: number): string;
  /** Code naming node i's adjoint. */
  adjoint(i: number): string;
  /** The statement that first sets node i's adjoint. */
  declareAdjoint(i: number, code: string): string;
}

/**
 * The statements of the reverse sweep, then one `grad[k] = …` per variable (k < graph.dim): every coordinate of
 * `grad` is written.
 */
export function reverseSweep(graph: Graph, storage: Storage): string[] {
  const { nodes, root } = graph;
  const lines: string[] = [];
  const adjoint: Array<string | undefined> = new Array(nodes.length);
  const gradient: string[] = new Array(graph.dim).fill('0');
  adjoint[root] = '1';
  for (let i = root; i >= 0; i--) {
    const node = nodes[i];
    const g = adjoint[i];
    if (g === undefined || node.op === 'const') continue;
    if (node.op === 'var') {
      gradient[node.index] = g;
      continue;
    }
    const rule: Rule = rules[node.op];
    const shares = rule.grad(node.args.map((a) => storage.operand(a)), storage.operand(i), g, node.n);
    shares.forEach((share, k) => {
      const a = node.args[k];
      if (share === null || nodes[a].op === 'const') return;
      if (adjoint[a] === undefined) {
        adjoint[a] = storage.adjoint(a);
        lines.push(storage.declareAdjoint(a, share));
      } else {
        lines.push(`${adjoint[a]} += ${share};`);
      }
    });
  }
  gradient.forEach((g, k) => lines.push(`grad[${k}] = ${g};`));
  return lines;
}
