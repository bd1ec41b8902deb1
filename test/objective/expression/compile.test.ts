import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { compile } from '../../../src/objective/expression/compile.js';
import { gradCheck } from '../../../src/objective/grad-check.js';
import { seedFunctions } from './seed-functions.js';

/** |a − b| <= tol · max(1, |b|), per coordinate. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, where: string): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `${where} [${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i])));
  }
}

describe('compile(seed functions) agrees with the hand-written ones', () => {
  it.each(seedFunctions)('$name: $expression', ({ expression, box, handWritten }) => {
    const f = compile(expression);
    expect(f.dim).toBe(handWritten.dim);
    const random = new Random(7);
    const grad = new Float64Array(f.dim);
    const expected = new Float64Array(f.dim);
    for (let trial = 0; trial < 200; trial++) {
      const x = Float64Array.from(box, ([low, high]) => random.between(low, high));
      const value = f.valueAndGrad(x, grad);
      const handValue = handWritten.valueAndGrad(x, expected);
      expectClose([value, f.value(x)], [handValue, handValue], 1e-12, `${expression} at ${x} value`);
      expectClose(grad, expected, 1e-12, `${expression} at ${x} gradient`);
      if (trial < 20) expect(gradCheck(f, x).ok, `gradCheck at ${x}`).toBe(true);
    }
  });

  it('the notebook\'s complex function at its start point (5, -2)', () => {
    const f = compile('(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)');
    const grad = new Float64Array(2);
    const value = f.valueAndGrad([5, -2], grad);
    expect(value).toBeCloseTo(4 + 8 * 7 ** 4 + Math.sqrt(5) + Math.sin(-10), 10);
    expect(grad[0]).toBeCloseTo(2 * 2 + 0.5 / Math.sqrt(5) - 2 * Math.cos(-10), 10);
    expect(grad[1]).toBeCloseTo(32 * (-7) ** 3 + 5 * Math.cos(-10), 10);
  });
});

describe('compile(expression, { variables })', () => {
  const order = (expression: string) => compile(expression).meta.variables;

  it('infers the variables: x, y, z first, then the others by name, digits as numbers', () => {
    expect(order('z + y + x')).toEqual(['x', 'y', 'z']);
    expect(order('b*a + z + theta')).toEqual(['z', 'a', 'b', 'theta']);
    expect(order('x10 + x2 + x1 + y')).toEqual(['y', 'x1', 'x2', 'x10']);
    expect(order('Y + y + X')).toEqual(['y', 'X', 'Y']);
    expect(order('2 + pi*e')).toEqual([]);
  });

  it('takes the order given, and a listed but unused variable gets a zero partial', () => {
    const f = compile('x^2 + 3*y', { variables: ['y', 'w', 'x'] });
    expect(f.dim).toBe(3);
    const grad = new Float64Array(3).fill(NaN);
    expect(f.valueAndGrad([1, 5, 2], grad)).toBe(7);
    expect([...grad]).toEqual([3, 0, 4]);
  });

  it('refuses a used name that is not listed, with its position', () => {
    expect(() => compile('x + sin(xy)', { variables: ['x', 'y'] })).toThrow(/^compile: "xy" at column 9 is not among the variables \["x","y"\]/);
  });

  it.each([
    [['x', 'x'], /"x" is listed twice/],
    [['x', '2y'], /"2y" is not a name/],
    [['x', ''], /"" is not a name/],
    [['sin'], /"sin" is a function/],
    [['pi', 'x'], /"pi" is a constant/],
    [['x', 3], /3 is not a name/],
    ['x', /variables must be an array of names, got "x"/],
  ])('refuses variables %j', (variables, message) => {
    expect(() => compile('x', { variables: variables as string[] })).toThrow(message);
  });

  it('refuses an unknown option and a non-string expression', () => {
    expect(() => compile('x', { variable: ['x'] } as never)).toThrow(/^compile: unknown option "variable"; the options are: variables$/);
    expect(() => compile(42 as never)).toThrow(/^compile: expression must be a string, got 42$/);
    expect(() => compile('x', null as never)).toThrow(DescentError);
  });

  it('refuses x or grad of the wrong length', () => {
    const f = compile('x + y');
    expect(() => f.value([1])).toThrow(/^compile: x has length 1, the expression has 2 variables$/);
    expect(() => f.valueAndGrad([1, 2], new Float64Array(3))).toThrow(/^compile: grad has length 3, the expression has 2 variables$/);
  });
});

describe('the objective\'s meta', () => {
  it.each([
    ['(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)', '(x - 3)^2 + 8*(y - 5)^4 + sqrt(x) + sin(x*y)',
      '\\left(x - 3\\right)^{2} + 8 \\cdot \\left(y - 5\\right)^{4} + \\sqrt{x} + \\sin\\left(x \\cdot y\\right)'],
    ['(theta-5)**2', '(theta - 5)^2', '\\left(\\theta - 5\\right)^{2}'],
    ['((x)) / (y*2) - -ln(x1)', 'x/(y*2) - -log(x1)', '\\frac{x}{y \\cdot 2} - -\\ln\\left(x_{1}\\right)'],
    ['2E+4 * .5 + 1e-3 + pi', '20000*0.5 + 0.001 + pi', '20000 \\cdot 0.5 + 0.001 + \\pi'],
    ['-x^2 + (-x)^2 + 2^-x', '-x^2 + (-x)^2 + 2^(-x)', '-x^{2} + \\left(-x\\right)^{2} + 2^{-x}'],
    ['a - (b - c) + (a - b) - c', 'a - (b - c) + (a - b) - c', 'a - \\left(b - c\\right) + \\left(a - b\\right) - c'],
    ['abs(x) + atan2(y, x) + max(x, y, 1) + square(x + 1)', 'abs(x) + atan2(y, x) + max(x, y, 1) + square(x + 1)',
      '\\left|x\\right| + \\operatorname{atan2}\\left(y, x\\right) + \\max\\left(x, y, 1\\right) + \\left(x + 1\\right)^{2}'],
    ['1e-7 * rate_1', '1e-7*rate_1', '1 \\times 10^{-7} \\cdot \\mathrm{rate\\_1}'],
  ])('%s', (expression, formula, tex) => {
    const f = compile(expression);
    expect(f.meta.formula).toBe(formula);
    expect(f.meta.tex).toBe(tex);
    expect(compile(f.meta.formula).meta.formula).toBe(formula);
  });
});

describe('numbers, constants and operators', () => {
  const value = (expression: string) => compile(expression).value([]);

  it.each([
    ['1', 1], ['1.5', 1.5], ['.5', 0.5], ['5.', 5], ['1e-3', 1e-3], ['2E+4', 2e4], ['1.e2', 100], ['007', 7], ['1e999', Infinity],
    ['pi', Math.PI], ['e', Math.E], ['2 - 3 - 4', -5], ['24 / 4 / 3', 2], ['2 * 3 + 4', 10], ['2 + 3 * 4', 14], ['-2^2', -4],
    ['(-2)^2', 4], ['2**3**2', 512], ['2^-1', 0.5], ['3 ++ 4', 7], ['3 - -4', 7], ['-+-3', 3], ['2*-3', -6], ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3], ['hypot(3, 4)', 5], ['sign(-7)', -1], ['log10(1000)', 3], ['log2(8)', 3], ['ln(e)', 1], ['square(-3)', 9],
    ['pow(2, 10)', 1024], ['sqrt(16) + exp(0) + abs(-2)', 7], ['\t1 +\n 2\r\n', 3],
  ])('%s = %d', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('shares common subexpressions: sin(x*y) + cos(y*x) + sin(x*y) computes x*y and sin once', () => {
    const code = compile('sin(x*y) + cos(y*x) + sin(x*y)').code.value;
    expect(code.match(/Math\.sin/g)).toHaveLength(1);
    expect(code.match(/Math\.cos/g)).toHaveLength(1);
    expect(code.match(/t\d+ \* t\d+/g)).toHaveLength(1);
  });

  it('folds constants: 2*pi*x costs one multiplication at run time', () => {
    const lines = compile('2*pi*x').code.value.split('\n');
    expect(lines.slice(1)).toEqual(['const t3 = x[0];', `const t4 = ${2 * Math.PI} * t3;`, 'return t4;']);
  });
});

describe('the generated code', () => {
  it('holds no user text: it depends on the structure only, names become x[i]', () => {
    const names = ['constructor', '__proto__', 'grad', 'Math', 'wrongLength', 'return', 'toString', 'NaN'];
    const plain = names.map((_, i) => `v${i}`);
    const weird = compile(names.map((n, i) => `${i + 1}*${n}`).join(' + '), { variables: names });
    const tame = compile(plain.map((n, i) => `${i + 1}*${n}`).join(' + '), { variables: plain });
    expect(weird.code).toEqual(tame.code);
    const grad = new Float64Array(names.length);
    expect(weird.valueAndGrad(names.map(() => 1), grad)).toBe(36);
    expect([...grad]).toEqual(names.map((_, i) => i + 1));
  });
});

describe('large and deep expressions', () => {
  it('a 10,000-character expression compiles and differentiates', () => {
    const random = new Random(3);
    const terms: string[] = [];
    let length = 0;
    while (length < 10_000) {
      const c = (random.between(-2, 2)).toFixed(3);
      const term = `${c}*sin(${random.int(5) + 1}*x - y/${random.int(7) + 1}) + square(x - ${c})*exp(-y^2)`;
      terms.push(term);
      length += term.length + 3;
    }
    const expression = terms.join(' + ');
    expect(expression.length).toBeGreaterThanOrEqual(10_000);
    const f = compile(expression);
    expect(gradCheck(f, [0.3, -0.7]).ok).toBe(true);
  });

  it('100,000 nested parentheses', () => {
    const f = compile(`${'('.repeat(100_000)}x + 1${')'.repeat(100_000)}`);
    expect(f.value([2])).toBe(3);
    expect(() => compile(`${'('.repeat(100_000)}x${')'.repeat(99_999)}`)).toThrow(/^compile: missing "\)" at column 200001 to close the "\(" at column 1 in "…\)+"$/);
  });

  it('10,000 nested functions and 100,000 signs: linear time, no stack overflow', () => {
    const nested = compile(`${'sin('.repeat(10_000)}x${')'.repeat(10_000)}`);
    const grad = new Float64Array(1);
    let expected = 0.5;
    let slope = 1;
    for (let i = 0; i < 10_000; i++) {
      slope *= Math.cos(expected);
      expected = Math.sin(expected);
    }
    expect(nested.valueAndGrad([0.5], grad)).toBe(expected);
    expect(grad[0]).toBeCloseTo(slope, 15);
    expect(compile(`${'-'.repeat(100_001)}x`).value([2])).toBe(-2);
    expect(compile(Array(20_000).fill('x').join('^')).value([1])).toBe(1);
  });
});
