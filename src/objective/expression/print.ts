/**
 * Printing a syntax tree back, bottom-up over the post-order list (no recursion, whatever the depth):
 * - `formula`: the normalized text, with spaces around + and −, none around * / ^, numbers as JavaScript prints
 *   them (2E+4 → 20000), `ln` as `log`, and only the parentheses the grouping needs. Parsing it gives the same tree.
 * - `tex`: the same tree in TeX (\frac, \sqrt, \left( … \right), Greek variable names as letters).
 */
import type { Ast, AstNode } from './parse.js';

/** Binding strength of what was printed: 1 sum, 2 product, 3 unary minus, 4 power, 5 atom. */
interface Printed {
  text: string;
  level: number;
  /** TeX only: whether it can carry an exponent without parentheses. */
  base?: boolean;
}

type Style = {
  number(node: AstNode & { kind: 'number' }): Printed;
  name(name: string, kind: 'constant' | 'variable'): string;
  group(text: string): string;
  operator: Record<'+' | '-' | '*', string>;
  divide(left: Printed, right: Printed): Printed;
  power(base: Printed, exponent: Printed): Printed;
  call(fn: string, args: Printed[]): Printed;
};

const plain: Style = {
  number: (node) => ({ text: Number.isFinite(node.value) ? String(node.value) : node.text, level: 5 }),
  name: (name) => name,
  group: (text) => `(${text})`,
  operator: { '+': ' + ', '-': ' - ', '*': '*' },
  divide: (left, right) => ({ text: `${left.level < 2 ? plain.group(left.text) : left.text}/${right.level <= 2 ? plain.group(right.text) : right.text}`, level: 2 }),
  power: (base, exponent) => ({ text: `${base.level <= 4 ? plain.group(base.text) : base.text}^${exponent.level < 4 ? plain.group(exponent.text) : exponent.text}`, level: 4 }),
  call: (fn, args) => ({ text: `${fn}(${args.map((a) => a.text).join(', ')})`, level: 5 }),
};

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon',
  'Phi', 'Psi', 'Omega', 'varepsilon', 'vartheta', 'varphi']);
const TEX_FUNCTION: Record<string, string> = {
  exp: '\\exp', log: '\\ln', log10: '\\log_{10}', log2: '\\log_{2}', sin: '\\sin', cos: '\\cos', tan: '\\tan', asin: '\\arcsin',
  acos: '\\arccos', atan: '\\arctan', sinh: '\\sinh', cosh: '\\cosh', tanh: '\\tanh', min: '\\min', max: '\\max',
};

/** x, θ (theta), x_{1} (x1), x_{i} (x_i), \mathrm{rate} (rate). */
function texName(name: string): string {
  if (name.length === 1 || GREEK.has(name)) return name.length === 1 ? name : `\\${name}`;
  const subscript = /^([A-Za-z]+?)_?(\d+)$/.exec(name) ?? /^([A-Za-z]+)_([A-Za-z0-9]+)$/.exec(name);
  if (subscript !== null && (subscript[1].length === 1 || GREEK.has(subscript[1]))) return `${texName(subscript[1])}_{${subscript[2]}}`;
  return `\\mathrm{${name.replaceAll('_', '\\_')}}`;
}

const texStyle: Style = {
  number(node) {
    if (!Number.isFinite(node.value)) return { text: Number.isNaN(node.value) ? '\\mathrm{NaN}' : '\\infty', level: 5, base: true };
    const [mantissa, exponent] = String(node.value).split('e');
    if (exponent === undefined) return { text: mantissa, level: 5, base: true };
    return { text: `${mantissa} \\times 10^{${Number(exponent)}}`, level: 2, base: false };
  },
  name: (name, kind) => (kind === 'constant' ? (name === 'pi' ? '\\pi' : name) : texName(name)),
  group: (text) => `\\left(${text}\\right)`,
  operator: { '+': ' + ', '-': ' - ', '*': ' \\cdot ' },
  divide: (left, right) => ({ text: `\\frac{${left.text}}{${right.text}}`, level: 5, base: false }),
  power: (base, exponent) => ({ text: `${base.level < 5 || base.base === false ? texStyle.group(base.text) : base.text}^{${exponent.text}}`, level: 4, base: false }),
  call(fn, args) {
    const [a] = args;
    if (fn === 'sqrt') return { text: `\\sqrt{${a.text}}`, level: 5, base: false };
    if (fn === 'abs') return { text: `\\left|${a.text}\\right|`, level: 5, base: true };
    if (fn === 'pow') return texStyle.power(args[0], args[1]);
    if (fn === 'square') return texStyle.power(a, { text: '2', level: 5 });
    const name = TEX_FUNCTION[fn] ?? `\\operatorname{${fn}}`;
    return { text: `${name}\\left(${args.map((arg) => arg.text).join(', ')}\\right)`, level: 5, base: true };
  },
};

function print(ast: Ast, style: Style): string {
  const out: Printed[] = [];
  const wrap = (p: Printed, needed: boolean) => (needed ? style.group(p.text) : p.text);
  for (const node of ast.nodes) {
    switch (node.kind) {
      case 'number':
        out.push(style.number(node));
        break;
      case 'constant':
      case 'variable':
        out.push({ text: style.name(node.name, node.kind), level: 5, base: true });
        break;
      case 'neg':
        out.push({ text: `-${wrap(out[node.arg], out[node.arg].level <= 3)}`, level: 3 });
        break;
      case 'binary': {
        const left = out[node.left];
        const right = out[node.right];
        if (node.op === '/') out.push(style.divide(left, right));
        else if (node.op === '^') out.push(style.power(left, right));
        else {
          const level = node.op === '*' ? 2 : 1;
          out.push({ text: `${wrap(left, left.level < level)}${style.operator[node.op]}${wrap(right, right.level <= level)}`, level });
        }
        break;
      }
      case 'call':
        out.push(style.call(node.fn, node.args.map((a) => out[a])));
        break;
    }
  }
  return out[out.length - 1].text;
}

/** The normalized plain-text formula. */
export const formula = (ast: Ast): string => print(ast, plain);
/** The formula in TeX. */
export const tex = (ast: Ast): string => print(ast, texStyle);
