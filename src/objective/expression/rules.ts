/**
 * The calculus table: for each operation, its value and, beside it, its derivative rule, the way micrograd puts
 * `_backward` next to each operator. Both are written as JavaScript code over the operands' names, because the
 * compiler pastes them into straight-line code; `out` is the operation's value and `g` its adjoint ∂f/∂out, so a
 * rule returns each argument's share of the adjoint, g · ∂out/∂aᵢ (null where that partial is identically zero).
 *
 * Operands are always names of temporaries (t3, or s[3] in large graphs) or numeric literals from `literal`, never
 * user text, so the templates need no parentheses around them.
 *
 * Conventions where the derivative does not exist (kinks), chosen as the common subgradient and documented in the
 * README: abs'(0) = 0; sign' = 0 everywhere; min and max pass the whole adjoint to the first argument attaining the
 * extreme (min(x, y) at x = y: all to x); hypot at the origin: 0; d/dy x^y = x^y ln x, taken as 0 where x^y = 0.
 * Where the math says infinity, so does the code: sqrt'(0) = log'(0) = Infinity, asin'(±1) = ±Infinity.
 */

export interface Rule {
  /** The value, as code over the arguments `a` (and the rule's constant parameter `n`, for powi and cpow). */
  value(a: string[], n: number): string;
  /** g · ∂out/∂aᵢ for each argument, as code; `out` names the value, `g` its adjoint. */
  grad(a: string[], out: string, g: string, n: number): Array<string | null>;
}

export const rules = {
  // the operators
  add: { value: ([a, b]) => `${a} + ${b}`, grad: (_, __, g) => [g, g] },
  sub: { value: ([a, b]) => `${a} - ${b}`, grad: (_, __, g) => [g, `-${g}`] },
  mul: { value: ([a, b]) => `${a} * ${b}`, grad: ([a, b], _, g) => [`${g} * ${b}`, `${g} * ${a}`] },
  div: { value: ([a, b]) => `${a} / ${b}`, grad: ([, b], out, g) => [`${g} / ${b}`, `-${g} * ${out} / ${b}`] },
  neg: { value: ([a]) => `-${a}`, grad: (_, __, g) => [`-${g}`] },
  /** a^b, b a variable: d/da = b a^(b−1), d/db = a^b ln a. */
  pow: {
    value: ([a, b]) => `${a} ** ${b}`,
    grad: ([a, b], out, g) => [`${g} * ${b} * ${a} ** (${b} - 1)`, `(${out} === 0 ? 0 : ${g} * ${out} * Math.log(${a}))`],
  },
  /** a^n for a small integer constant n, by multiplications: exact at negative a, and no call to pow. */
  powi: { value: ([a], n) => power(a, n), grad: ([a], _, g, n) => [n === 0 ? null : n === 1 ? g : `${g} * ${literal(n)} * ${power(a, n - 1)}`] },
  /** c^a for a constant base c: d/da = c^a ln c, with ln c computed once, here. */
  cpow: { value: ([a], c) => `${literal(c)} ** ${a}`, grad: (_, out, g, c) => [`${g} * ${out} * ${literal(Math.log(c))}`] },

  // the functions
  sqrt: { value: ([a]) => `Math.sqrt(${a})`, grad: (_, out, g) => [`${g} * 0.5 / ${out}`] },
  exp: { value: ([a]) => `Math.exp(${a})`, grad: (_, out, g) => [`${g} * ${out}`] },
  log: { value: ([a]) => `Math.log(${a})`, grad: ([a], _, g) => [`${g} / ${a}`] },
  log10: { value: ([a]) => `Math.log10(${a})`, grad: ([a], _, g) => [`${g} / (${a} * Math.LN10)`] },
  log2: { value: ([a]) => `Math.log2(${a})`, grad: ([a], _, g) => [`${g} / (${a} * Math.LN2)`] },
  abs: { value: ([a]) => `Math.abs(${a})`, grad: ([a], _, g) => [`${g} * Math.sign(${a})`] },
  sign: { value: ([a]) => `Math.sign(${a})`, grad: () => [null] },
  sin: { value: ([a]) => `Math.sin(${a})`, grad: ([a], _, g) => [`${g} * Math.cos(${a})`] },
  cos: { value: ([a]) => `Math.cos(${a})`, grad: ([a], _, g) => [`-${g} * Math.sin(${a})`] },
  tan: { value: ([a]) => `Math.tan(${a})`, grad: (_, out, g) => [`${g} * (1 + ${out} * ${out})`] },
  asin: { value: ([a]) => `Math.asin(${a})`, grad: ([a], _, g) => [`${g} / Math.sqrt(1 - ${a} * ${a})`] },
  acos: { value: ([a]) => `Math.acos(${a})`, grad: ([a], _, g) => [`-${g} / Math.sqrt(1 - ${a} * ${a})`] },
  atan: { value: ([a]) => `Math.atan(${a})`, grad: ([a], _, g) => [`${g} / (1 + ${a} * ${a})`] },
  /** atan2(y, x), the angle of (x, y): ∂/∂y = x / (x² + y²), ∂/∂x = −y / (x² + y²) (NaN at the origin). */
  atan2: {
    value: ([y, x]) => `Math.atan2(${y}, ${x})`,
    grad: ([y, x], _, g) => [`${g} * ${x} / (${x} * ${x} + ${y} * ${y})`, `-${g} * ${y} / (${x} * ${x} + ${y} * ${y})`],
  },
  sinh: { value: ([a]) => `Math.sinh(${a})`, grad: ([a], _, g) => [`${g} * Math.cosh(${a})`] },
  cosh: { value: ([a]) => `Math.cosh(${a})`, grad: ([a], _, g) => [`${g} * Math.sinh(${a})`] },
  tanh: { value: ([a]) => `Math.tanh(${a})`, grad: (_, out, g) => [`${g} * (1 - ${out} * ${out})`] },
  /** Binary; min(a, b, c) is min(min(a, b), c), which keeps "the first argument attaining it". */
  min: { value: ([a, b]) => `Math.min(${a}, ${b})`, grad: ([a, b], _, g) => [`(${b} < ${a} ? 0 : ${g})`, `(${b} < ${a} ? ${g} : 0)`] },
  max: { value: ([a, b]) => `Math.max(${a}, ${b})`, grad: ([a, b], _, g) => [`(${b} > ${a} ? 0 : ${g})`, `(${b} > ${a} ? ${g} : 0)`] },
  /** √(a₁² + … + aₖ²), any k: ∂/∂aᵢ = aᵢ / out. */
  hypot: { value: (a) => `Math.hypot(${a.join(', ')})`, grad: (a, out, g) => a.map((ai) => `(${out} === 0 ? 0 : ${g} * ${ai} / ${out})`) },
} satisfies Record<string, Rule>;

export type Op = keyof typeof rules;

/** The functions a user may call, with their argument counts; `ln` is another name for `log`. */
export const FUNCTIONS: ReadonlyMap<string, { min: number; max: number }> = new Map([
  ...['sqrt', 'exp', 'log', 'log10', 'log2', 'abs', 'sign', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'square']
    .map((name): [string, { min: number; max: number }] => [name, { min: 1, max: 1 }]),
  ...['atan2', 'pow'].map((name): [string, { min: number; max: number }] => [name, { min: 2, max: 2 }]),
  ...['min', 'max', 'hypot'].map((name): [string, { min: number; max: number }] => [name, { min: 2, max: Infinity }]),
]);
export const ALIASES: ReadonlyMap<string, string> = new Map([['ln', 'log']]);
export const CONSTANTS: ReadonlyMap<string, number> = new Map([['pi', Math.PI], ['e', Math.E]]);

/** Integer exponents up to this size are multiplied out by powi; larger ones use `**`. */
export const MAX_POWI = 32;

/** a^n by square-and-multiply, as one expression (the engine shares the repeated squares); 1/a^|n| for n < 0. */
function power(a: string, n: number): string {
  if (n < 0) return `1 / (${power(a, -n)})`;
  if (n === 0) return '1';
  if (n === 1) return a;
  if (n === 2) return `${a} * ${a}`;
  const half = power(a, n >> 1);
  const square = `(${half}) * (${half})`;
  return n % 2 === 0 ? square : `${square} * ${a}`;
}

/**
 * A number as JavaScript source: `String` of a number is always a numeric literal (digits, `.`, `e`, sign), or
 * Infinity or NaN; the check makes that a guarantee rather than an assumption, since this text becomes code.
 * Negative numbers (and −0) are parenthesised so that `a - (-1)` and `a ** (-1)` stay well-formed.
 */
export function literal(value: number): string {
  const text = Object.is(value, -0) ? '-0' : String(value);
  if (!/^-?(?:\d+(?:\.\d+)?(?:e[+-]\d+)?|Infinity)$|^NaN$/.test(text)) throw new Error(`internal error: ${text} is not a numeric literal`);
  return text.startsWith('-') ? `(${text})` : text;
}

type Evaluate = (values: ArrayLike<number>, args: readonly number[]) => number;
type Backward = (values: ArrayLike<number>, args: readonly number[], out: number, g: number, adjoints: Float64Array) => void;
const compiled = new Map<string, { evaluate: Evaluate; backward: Backward }>();

/**
 * The rule of `op` on `arity` arguments as functions of numbers, built from the same code the compiler emits (so
 * constant folding and the interpreter compute exactly what compiled code would): `evaluate(values, args)` reads the
 * arguments' values at `values[args[i]]`; `backward` adds each argument's share of the adjoint into `adjoints`.
 */
export function numericRule(op: Op, arity: number, n = 0): { evaluate: Evaluate; backward: Backward } {
  const key = `${op}/${arity}/${n}`;
  let entry = compiled.get(key);
  if (entry === undefined) {
    const rule: Rule = rules[op];
    const a = Array.from({ length: arity }, (_, i) => `v[args[${i}]]`);
    const shares = rule.grad(a, 'out', 'g', n).map((share, i) => (share === null ? '' : `adjoints[args[${i}]] += ${share};`));
    entry = {
      evaluate: new Function('v', 'args', `return ${rule.value(a, n)};`) as Evaluate,
      backward: new Function('v', 'args', 'out', 'g', 'adjoints', shares.join('\n')) as Backward,
    };
    compiled.set(key, entry);
  }
  return entry;
}
