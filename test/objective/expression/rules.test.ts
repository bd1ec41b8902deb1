/**
 * Every operator's and function's derivative, compiled, against central differences at seeded points where it is
 * smooth; the conventions at kinks; points outside the domain give NaN or ±Infinity and never throw.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';
import { compile } from '../../../src/objective/expression/compile.js';
import { buildGraph } from '../../../src/objective/expression/graph.js';
import { interpret } from '../../../src/objective/expression/interpret.js';
import { parse } from '../../../src/objective/expression/parse.js';
import { gradCheck } from '../../../src/objective/grad-check.js';

type Box = Array<[number, number]>;
const wide: Box = [[-3, 3], [-3, 3], [-3, 3]];
const positive: Box = [[0.2, 4], [0.2, 4], [0.2, 4]];
const unit: Box = [[-0.9, 0.9]];

/** Each expression with a box where it is smooth (for abs, min, max: the kink has measure zero, and no seeded point lands on it). */
const cases: Array<[string, Box]> = [
  ['x + y', wide], ['x - y', wide], ['x * y', wide], ['x / y', [[-3, 3], [0.5, 3]]], ['-x', wide], ['+x', wide],
  ['x ^ y', [[0.2, 3], [-2, 2]]], ['x ** y', [[0.2, 3], [-2, 2]]], ['pow(x, y)', [[0.2, 3], [-2, 2]]],
  ['x ^ 2', wide], ['x ^ 3', wide], ['x ^ 4', wide], ['x ^ 7', wide], ['x ^ -1', positive], ['x ^ -3', [[-3, -0.3]]], ['x ^ 0', wide],
  ['x ^ 40', [[0.5, 1.05]]], ['x ^ 0.5', positive], ['x ^ 2.5', positive], ['x ^ (1/3)', positive], ['2 ^ x', wide], ['e ^ x', wide],
  ['0.5 ^ x', wide], ['x ^ x', positive], ['square(x)', wide],
  ['sqrt(x)', positive], ['exp(x)', wide], ['log(x)', positive], ['ln(x)', positive], ['log10(x)', positive], ['log2(x)', positive],
  ['abs(x)', wide], ['sign(x)', wide], ['sin(x)', wide], ['cos(x)', wide], ['tan(x)', [[-1.2, 1.2]]],
  ['asin(x)', unit], ['acos(x)', unit], ['atan(x)', wide], ['atan2(y, x)', [[0.3, 3], [-3, 3]]], ['atan2(y, x)', [[-3, -0.3], [-3, 3]]],
  ['sinh(x)', wide], ['cosh(x)', wide], ['tanh(x)', wide],
  ['min(x, y)', wide], ['max(x, y)', wide], ['min(x, y, z)', wide], ['max(x, y, z)', wide], ['min(x, 0.5, y)', wide],
  ['hypot(x, y)', wide], ['hypot(x, y, z)', wide],
  ['x / y / z', [[-3, 3], [0.5, 3], [0.5, 3]]], ['x - y - z', wide], ['sin(x * y) * cos(x) + x * y', wide],
];

describe('each rule of rules.ts agrees with central differences', () => {
  it.each(cases)('%s', (expression, box) => {
    const f = compile(expression);
    const reference = interpret(buildGraph(parse(expression), new Map(f.meta.variables.map((v, i) => [v, i]))));
    const random = new Random(expression.length);
    for (let trial = 0; trial < 20; trial++) {
      const x = Array.from({ length: f.dim }, (_, i) => random.between(...box[Math.min(i, box.length - 1)]));
      const check = gradCheck(f, x, { tolerance: 1e-6 });
      expect(check.ok, `${expression} at ${x}: ${check.analytic} vs ${check.numeric}`).toBe(true);
      // The interpreter runs the same rules without generated code: the same numbers, to rounding.
      const g = new Float64Array(f.dim);
      expect(reference.valueAndGrad(x, g)).toBeCloseTo(f.value(x), 12);
      g.forEach((gi, i) => expect(gi).toBeCloseTo(check.analytic[i], 9));
    }
  });
});

/** f's value and gradient at x. */
function at(expression: string, x: number[], variables?: string[]): { value: number; grad: number[] } {
  const f = compile(expression, variables === undefined ? {} : { variables });
  const grad = new Float64Array(f.dim);
  const value = f.valueAndGrad(x, grad);
  return { value, grad: [...grad] };
}

describe('conventions where the derivative does not exist', () => {
  it('abs′(0) = 0 and sign′ = 0 everywhere', () => {
    expect(at('abs(x)', [0]).grad).toEqual([0]);
    expect(at('sign(x)', [0]).grad).toEqual([0]);
    expect(at('sign(x)', [2]).grad).toEqual([0]);
    expect(at('abs(x)', [-2]).grad).toEqual([-1]);
  });

  it('min and max give the whole gradient to the first argument attaining them', () => {
    expect(at('min(x, y)', [1, 1]).grad).toEqual([1, 0]);
    expect(at('min(y, x)', [1, 1]).grad).toEqual([0, 1]);
    expect(at('max(x, y, z)', [2, 2, 2]).grad).toEqual([1, 0, 0]);
    expect(at('max(x, y, z)', [1, 2, 2]).grad).toEqual([0, 1, 0]);
    expect(at('min(x, y, z)', [3, 2, 1]).grad).toEqual([0, 0, 1]);
    expect(at('min(1, x)', [1]).grad).toEqual([0]); // the constant attains it first
  });

  it('hypot at the origin: 0; sqrt′(0) and log′(0): Infinity, as the math says', () => {
    expect(at('hypot(x, y)', [0, 0])).toEqual({ value: 0, grad: [0, 0] });
    expect(at('sqrt(x)', [0])).toEqual({ value: 0, grad: [Infinity] });
    expect(at('log(x)', [0])).toEqual({ value: -Infinity, grad: [Infinity] });
    expect(at('x^0.5', [0]).grad).toEqual([Infinity]);
    expect(at('asin(x)', [1]).grad).toEqual([Infinity]);
  });

  it('x^y: d/dy = x^y ln x, taken as 0 where x^y = 0', () => {
    expect(at('x^y', [2, 3]).grad).toEqual([3 * 4, 8 * Math.log(2)]);
    expect(at('x^y', [0, 2]).grad).toEqual([0, 0]);
  });
});

describe('integer powers are exact at negative bases', () => {
  it.each([
    ['x^2', -3, 9, -6], ['x^3', -2, -8, 12], ['square(x)', -1.5, 2.25, -3], ['x^-1', -2, -0.5, -0.25], ['x^(1+1)', -3, 9, -6], ['pow(x, 4)', -2, 16, -32],
  ] as const)('%s at %d', (expression, x, value, slope) => {
    expect(at(expression, [x])).toEqual({ value, grad: [slope] });
  });

  it('x^y with y a variable is NaN at negative x unless the gradient is taken where defined', () => {
    const { value, grad } = at('x^y', [-2, 2]);
    expect(value).toBe(4);
    expect(grad[0]).toBe(-4);
    expect(grad[1]).toBeNaN(); // ln of a negative number: x^y is not differentiable in y there
  });

  it('-x^2 is -(x^2), and 2^-x is 2^(-x)', () => {
    expect(at('-x^2', [3])).toEqual({ value: -9, grad: [-6] });
    expect(at('2^-x', [1]).value).toBe(0.5);
    expect(at('2^3^2', []).value).toBe(512);
  });
});

describe('points outside the domain give NaN or Infinity and never throw', () => {
  it.each([
    ['sqrt(x)', [-1]], ['log(x)', [-1]], ['log(x)', [0]], ['1/x', [0]], ['asin(x)', [2]], ['acos(x)', [-2]], ['x^0.5', [-1]],
    ['log10(x)', [0]], ['log2(x)', [-3]], ['atan2(y, x)', [0, 0]], ['x^y', [-1, 0.5]], ['exp(x)', [1000]], ['tan(x)', [Math.PI / 2]],
  ] as const)('%s at %j', (expression, x) => {
    const f = compile(expression);
    const grad = new Float64Array(f.dim);
    const value = f.valueAndGrad([...x], grad);
    const finite = Number.isFinite(value) && grad.every(Number.isFinite);
    if (expression !== 'tan(x)') expect(finite, `${expression}: ${value}, ${grad}`).toBe(false);
    expect(f.value([...x])).toBe(value);
  });
});
