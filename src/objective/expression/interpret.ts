/**
 * The graph evaluated node by node, without generating code: a forward loop over the topological order, then the
 * reverse loop of differentiate.ts run instead of emitted, each step calling its rule as a small function. It is
 * the reference the compiled code is measured against (`npm run bench -- functions`) and a second route to the
 * same numbers in the tests.
 */
import type { Graph } from './graph.js';
import { numericRule, rules, type Rule } from './rules.js';

export interface Interpreted {
  value(x: ArrayLike<number>): number;
  valueAndGrad(x: ArrayLike<number>, grad: Float64Array): number;
}

export function interpret(graph: Graph): Interpreted {
  const { nodes, root } = graph;
  const steps = nodes.map((node) => (node.op === 'const' || node.op === 'var' ? null : numericRule(node.op, node.args.length, node.n)));
  const values = new Float64Array(nodes.length);
  const adjoints = new Float64Array(nodes.length);
  // Which nodes the reverse sweep reaches (a fixed set: sign passes nothing back, constants take nothing), so that
  // the loop below visits exactly the nodes for which the compiled code has statements.
  const reached = new Uint8Array(nodes.length);
  reached[root] = 1;
  for (let i = root; i >= 0; i--) {
    const node = nodes[i];
    if (reached[i] === 0 || node.op === 'const' || node.op === 'var') continue;
    const rule: Rule = rules[node.op];
    rule.grad(node.args.map(String), 'out', 'g', node.n).forEach((share, k) => {
      if (share !== null && nodes[node.args[k]].op !== 'const') reached[node.args[k]] = 1;
    });
  }

  const forward = (x: ArrayLike<number>): number => {
    for (let i = 0; i <= root; i++) {
      const node = nodes[i];
      if (node.op === 'const') values[i] = node.value;
      else if (node.op === 'var') values[i] = x[node.index];
      else values[i] = steps[i]!.evaluate(values, node.args);
    }
    return values[root];
  };

  return {
    value: forward,
    valueAndGrad(x, grad) {
      const f = forward(x);
      adjoints.fill(0);
      adjoints[root] = 1;
      grad.fill(0);
      for (let i = root; i >= 0; i--) {
        const node = nodes[i];
        if (reached[i] === 0) continue;
        if (node.op === 'var') grad[node.index] = adjoints[i];
        else if (node.op !== 'const') steps[i]!.backward(values, node.args, values[i], adjoints[i], adjoints);
      }
      return f;
    },
  };
}
