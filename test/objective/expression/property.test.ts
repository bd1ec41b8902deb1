/**
 * Property tests: random expression trees, printed as text in varied spellings, compiled, and compared with
 * (a) an independent evaluation of the tree in forward mode (dual numbers, written here, not in src/), and
 * (b) the central-difference gradient, at random points of a box where every generated function is smooth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/objective/expression/compile.js';
import { numericGradient } from '../../../src/objective/numeric-gradient.js';

/** A value and its partial derivatives with respect to x, y, z. */
type Dual = { v: number; d: [number, number, number] };
const dual = (v: number, d: [number, number, number]): Dual => ({ v, d });
const chain = (a: Dual, v: number, slope: number): Dual => dual(v, [a.d[0] * slope, a.d[1] * slope, a.d[2] * slope]);
const combine = (a: Dual, b: Dual, v: number, da: number, db: number): Dual =>
  dual(v, [a.d[0] * da + b.d[0] * db, a.d[1] * da + b.d[1] * db, a.d[2] * da + b.d[2] * db]);

type Tree =
  | { kind: 'var'; name: 'x' | 'y' | 'z' }
  | { kind: 'num'; value: number; text: string }
  | { kind: 'unary'; op: (typeof UNARY)[number]; arg: Tree }
  | { kind: 'binary'; op: (typeof BINARY)[number]; left: Tree; right: Tree };

/** Functions smooth on all of ℝ (or made so: log(1 + a²)), so that any point of the box is a fair test point. */
const UNARY = ['neg', 'sin', 'cos', 'tanh', 'atan', 'exp∘sin', 'log1p²', 'sqrt1p²', 'square', 'cube', 'sinh∘tanh', 'abs∘exp'] as const;
const BINARY = ['+', '-', '*', 'div1p²', 'hypot', 'pow1p²'] as const;

const NUMBERS: Array<[number, string[]]> = [
  [2, ['2', '2.0', '2.', '2e0', '20e-1']], [0.5, ['0.5', '.5', '5e-1', '5E-1']], [3, ['3', '0.3e1', '3E+0']],
  [0.25, ['.25', '2.5e-1', '25E-2']], [1.5, ['1.5', '15e-1']], [Math.PI, ['pi']], [Math.E, ['e']],
];

const leaf: fc.Arbitrary<Tree> = fc.oneof(
  fc.constantFrom('x', 'y', 'z').map((name) => ({ kind: 'var' as const, name })),
  fc.constantFrom(...NUMBERS).chain(([value, texts]) => fc.constantFrom(...texts).map((text) => ({ kind: 'num' as const, value, text }))),
);

const { tree } = fc.letrec<{ tree: Tree; unary: Tree; binary: Tree }>((tie) => ({
  tree: fc.oneof({ maxDepth: 5, depthIdentifier: 'tree' }, leaf, tie('unary'), tie('binary'), tie('binary')),
  unary: fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom(...UNARY), arg: tie('tree') }),
  binary: fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...BINARY), left: tie('tree'), right: tie('tree') }),
}));

/** The tree as text; `spaced` and `pow` vary the spelling, parentheses go around every operand that is not a leaf. */
function print(t: Tree, spaced: boolean, pow: '^' | '**'): string {
  const s = spaced ? ' ' : '';
  const p = (u: Tree) => (u.kind === 'var' || u.kind === 'num' ? print(u, spaced, pow) : `(${print(u, spaced, pow)})`);
  const f = (u: Tree) => print(u, spaced, pow);
  switch (t.kind) {
    case 'var': return t.name;
    case 'num': return t.text;
    case 'unary':
      switch (t.op) {
        case 'neg': return `-${p(t.arg)}`;
        case 'exp∘sin': return `exp(sin(${f(t.arg)}))`;
        case 'log1p²': return `ln(1${s}+${s}${p(t.arg)}${pow}2)`;
        case 'sqrt1p²': return `sqrt(1${s}+${s}square(${f(t.arg)}))`;
        case 'square': return `${p(t.arg)}${pow}2`;
        case 'cube': return `pow(${f(t.arg)},${s}3)`;
        case 'sinh∘tanh': return `sinh(tanh(${f(t.arg)}))`;
        case 'abs∘exp': return `abs(exp(${p(t.arg)}${s}/${s}4))`;
        default: return `${t.op}(${f(t.arg)})`;
      }
    case 'binary':
      switch (t.op) {
        case 'div1p²': return `${p(t.left)}${s}/${s}(1${s}+${s}${p(t.right)}${pow}2)`;
        case 'hypot': return `hypot(${f(t.left)},${s}${f(t.right)},${s}1)`;
        case 'pow1p²': return `(1${s}+${s}${p(t.left)}${pow}2)${pow}(sin(${f(t.right)}))`;
        default: return `${p(t.left)}${s}${t.op}${s}${p(t.right)}`;
      }
  }
}

/** Forward mode on the tree: the value and the three partials, by the chain rule written out per operation. */
function evaluate(t: Tree, x: number[]): Dual {
  if (t.kind === 'var') return dual(x['xyz'.indexOf(t.name)], [t.name === 'x' ? 1 : 0, t.name === 'y' ? 1 : 0, t.name === 'z' ? 1 : 0]);
  if (t.kind === 'num') return dual(t.value, [0, 0, 0]);
  if (t.kind === 'unary') return unary(t.op, evaluate(t.arg, x));
  return binary(t.op, evaluate(t.left, x), evaluate(t.right, x));
}

function unary(op: (typeof UNARY)[number], a: Dual): Dual {
  const v = a.v;
  switch (op) {
    case 'neg': return chain(a, -v, -1);
    case 'sin': return chain(a, Math.sin(v), Math.cos(v));
    case 'cos': return chain(a, Math.cos(v), -Math.sin(v));
    case 'tanh': return chain(a, Math.tanh(v), 1 - Math.tanh(v) ** 2);
    case 'atan': return chain(a, Math.atan(v), 1 / (1 + v * v));
    case 'exp∘sin': return chain(a, Math.exp(Math.sin(v)), Math.exp(Math.sin(v)) * Math.cos(v));
    case 'log1p²': return chain(a, Math.log(1 + v * v), (2 * v) / (1 + v * v));
    case 'sqrt1p²': return chain(a, Math.sqrt(1 + v * v), v / Math.sqrt(1 + v * v));
    case 'square': return chain(a, v * v, 2 * v);
    case 'cube': return chain(a, v * v * v, 3 * v * v);
    case 'sinh∘tanh': return chain(a, Math.sinh(Math.tanh(v)), Math.cosh(Math.tanh(v)) * (1 - Math.tanh(v) ** 2));
    case 'abs∘exp': return chain(a, Math.exp(v / 4), Math.exp(v / 4) / 4);
  }
}

function binary(op: (typeof BINARY)[number], a: Dual, b: Dual): Dual {
  switch (op) {
    case '+': return combine(a, b, a.v + b.v, 1, 1);
    case '-': return combine(a, b, a.v - b.v, 1, -1);
    case '*': return combine(a, b, a.v * b.v, b.v, a.v);
    case 'div1p²': {
      const q = 1 + b.v * b.v;
      return combine(a, b, a.v / q, 1 / q, (-a.v * 2 * b.v) / (q * q));
    }
    case 'hypot': {
      const h = Math.hypot(a.v, b.v, 1);
      return combine(a, b, h, a.v / h, b.v / h);
    }
    case 'pow1p²': {
      const base = 1 + a.v * a.v;
      const exponent = Math.sin(b.v);
      const v = base ** exponent;
      return combine(a, b, v, exponent * base ** (exponent - 1) * 2 * a.v, v * Math.log(base) * Math.cos(b.v));
    }
  }
}

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('random expression trees (fast-check)', () => {
  it('compile(text) agrees with forward mode on the tree and with central differences', () => {
    const point = fc.tuple(...[0, 1, 2].map(() => fc.double({ min: -2, max: 2, noNaN: true })));
    fc.assert(
      fc.property(tree, fc.boolean(), fc.constantFrom('^' as const, '**' as const), point, (t, spaced, pow, x) => {
        const text = print(t, spaced, pow);
        const f = compile(text, { variables: ['x', 'y', 'z'] });
        const grad = new Float64Array(3);
        const value = f.valueAndGrad(x, grad);
        const expected = evaluate(t, x);
        expect(close(value, expected.v, 1e-12), `${text} at ${x}: ${value} vs ${expected.v}`).toBe(true);
        expect(f.value(x)).toBe(value);
        for (let i = 0; i < 3; i++) expect(close(grad[i], expected.d[i], 1e-9), `${text} at ${x}: ∂${i} ${grad[i]} vs ${expected.d[i]}`).toBe(true);
        const numeric = numericGradient(f, x);
        const scale = Math.max(1, Math.abs(value));
        for (let i = 0; i < 3; i++) expect(close(grad[i] / scale, numeric[i] / scale, 1e-5), `${text} at ${x}: ∂${i} ${grad[i]} vs numeric ${numeric[i]}`).toBe(true);
        // The normalized formula is the same function.
        expect(compile(f.meta.formula, { variables: ['x', 'y', 'z'] }).value(x)).toBe(value);
      }),
      { numRuns: 400, seed: 20241124 },
    );
  });
});
