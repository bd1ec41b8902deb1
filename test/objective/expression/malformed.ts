/**
 * A corpus of malformed expressions: each must fail with a DescentError that names the problem and its column
 * (1-based, in characters), without crashing. `problem` is matched against the message.
 */
export interface Malformed {
  expression: string;
  column: number;
  problem: RegExp;
}

const m = (expression: string, column: number, problem: RegExp): Malformed => ({ expression, column, problem });

const missingParen = /missing "\)"/;
const operand = /expected a number, a name or "\("/;
const operator = /missing operator between/;
const character = /unexpected character/;
const number = /malformed number/;
const unknown = /unknown function/;

export const malformed: Malformed[] = [
  // empty
  m('', 1, /^compile: empty expression/), m('   ', 1, /empty expression/), m('\n\t', 1, /empty expression/),
  // parentheses
  m('sin(x', 6, missingParen), m('(x', 3, missingParen), m('((x)', 5, missingParen), m('(x + (y', 8, missingParen),
  m('max(x, (y', 10, missingParen), m('x)', 2, /unmatched "\)"/), m('(x))', 4, /unmatched "\)"/), m(')', 1, operand),
  m('()', 1, /empty parentheses/), m('x + ()', 5, /empty parentheses/), m('(', 2, operand), m('((', 3, operand),
  m('(x + )', 6, operand), m('sin(x +', 8, operand), m('(((((x)))))))', 12, /unmatched/),
  // operators in the wrong place
  m('*x', 1, operand), m('/x', 1, operand), m('^2', 1, operand), m('x *', 4, operand), m('x +', 4, operand),
  m('x -', 4, operand), m('x ^', 4, operand), m('x **', 5, operand), m('x * * y', 5, operand), m('x / * y', 5, operand),
  m('x ^ * y', 5, operand), m('x *** y', 5, operand), m('x ^^ y', 4, operand), m('x // y', 4, operand), m('x */ y', 4, operand),
  m('+', 2, operand), m('-', 2, operand), m('- -', 4, operand), m('x + * y', 5, operand), m('(* x)', 2, operand),
  m('x ** * 2', 6, operand), m('2 ^ / 3', 5, operand),
  // missing operators (no implicit multiplication)
  m('2x', 2, /missing operator between "2" and "x" at column 2: write 2\*x/), m('2 x', 3, operator), m('x y', 3, operator),
  m('3 4', 3, operator), m('(x)(y)', 4, operator), m('2(x)', 2, operator), m('(x)2', 4, operator), m('x(y)', 1, unknown),
  m('x sin(y)', 3, operator), m('sin(x) cos(y)', 8, operator), m('8(y-5)^4', 2, operator), m('50 sin(x)', 4, operator),
  m('pi x', 4, operator), m('e pi', 3, operator), m('2pi', 2, operator), m('1.5.x', 1, number),
  // functions
  m('foo(x)', 1, /unknown function "foo" at column 1; the functions are abs, acos/), m('Sin(x)', 1, /did you mean sin\?/),
  m('SQRT(x)', 1, /did you mean sqrt\?/), m('x + f(x)', 5, unknown), m('sin', 1, /"sin" at column 1 is a function/),
  m('sin + 1', 1, /is a function/), m('sin x', 1, /is a function/), m('x * exp', 5, /is a function/), m('ln', 1, /is a function/),
  m('pi(2)', 1, /is a constant, not a function/), m('e(x)', 1, /is a constant/), m('sin()', 1, /sin takes 1 argument, got 0/),
  m('atan2(x)', 1, /atan2 takes 2 arguments, got 1/), m('atan2(x, y, z)', 1, /got 3/), m('pow(x)', 1, /pow takes 2 arguments, got 1/),
  m('min(x)', 1, /min takes 2 or more arguments, got 1/), m('max()', 1, /max takes 2 or more arguments, got 0/),
  m('hypot(x)', 1, /hypot takes 2 or more arguments/), m('sqrt(x, y)', 1, /sqrt takes 1 argument, got 2/),
  m('x + cos(x, y)', 5, /cos takes 1 argument/), m('log(,x)', 5, operand), m('min(x,)', 7, operand), m('min(x,,y)', 7, operand),
  m('min(,)', 5, operand), m('sin(x))', 7, /unmatched/), m('square(x', 9, missingParen), m('atan2(x y)', 9, operator),
  // commas outside calls
  m('x, y', 2, /"," outside a function call/), m('(x, y)', 3, /inside parentheses/), m(',', 1, operand), m('x + (1, 2)', 7, /inside parentheses/),
  // numbers
  m('1e', 1, /malformed number "1e" at column 1: the exponent has no digits/), m('1e+', 1, number), m('2E-', 1, number),
  m('x + 3e', 5, number), m('1.2.3', 1, /malformed number "1.2.3" at column 1: a number has at most one decimal point/),
  m('1..2', 1, number), m('.5.5', 1, number), m('x + 0.1.2', 5, number), m('.', 1, /unexpected "\."/), m('x.', 2, /unexpected "\."/),
  m('x . y', 3, /unexpected "\."/), m('0x1F', 1, /only decimal numbers/), m('0b101', 1, /only decimal/), m('1_000', 1, /digit separators/),
  m('1e5e3', 4, operator), m('2e x', 1, number),
  // characters
  m('x $ y', 3, /unexpected character "\$" \(U\+0024\) at column 3/), m('x % 2', 3, /no modulo/), m('x = 2', 3, /without "f ="/),
  m('f(x) = x^2', 1, unknown), m('x!', 2, /no factorial/), m('|x|', 1, /abs/), m('[x]', 1, /grouping/), m('{x}', 1, /grouping/),
  m('x; y', 2, /one expression/), m('x × y', 3, /write \* for multiplication/), m('x · y', 3, /write \*/), m('x − y', 3, /write - for minus/),
  m('x²', 2, /write \^2/), m('√x', 1, /sqrt/), m('π', 1, /write pi/), m('x ÷ y', 3, /write \//), m('x & y', 3, character),
  m('x # y', 3, character), m('x @ y', 3, character), m('"x"', 1, character), m("'x'", 1, character), m('x ? y : z', 3, character),
  m('x < y', 3, character), m('x\\y', 2, character), m('`x`', 1, character), m('θ - 5', 1, /spell Greek letters out/), m('x 🙂 y', 3, /U\+1F642/),
  m('sin(🙂)', 5, /U\+1F642/), m('x\u00a0+ y', 2, /U\+00A0/), m('x\n+ $', 3, /at line 2, column 3/),
];
