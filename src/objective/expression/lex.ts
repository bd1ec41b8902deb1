/**
 * The lexer: expression text → tokens, each with its position (a code-unit index; messages turn it into a column).
 *
 * Numbers: 1, 1.5, .5, 5., 1e-3, 2E+4 (JavaScript's decimal literals without separators). Names: a letter or `_`,
 * then letters, digits or `_` (ASCII). Operators: + - * / ^ and ** (the same as ^). Whitespace: space, tab, newline.
 * Anything else is an error that names the character; common look-alikes (×, −, ², π, …) get a hint.
 */
import { syntaxError } from './expression-error.js';

export type Operator = '+' | '-' | '*' | '/' | '^';

export type Token =
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'operator'; op: Operator; text: string; at: number }
  | { kind: '(' | ')' | ',' | 'end'; text: string; at: number };

/** Hints for characters that people type for an operator we spell differently. */
const LOOK_ALIKES = new Map<string, string>([
  ...['×', '·', '⋅', '∙', '∗'].map((c) => [c, 'write * for multiplication'] as [string, string]),
  ...['−', '–', '—'].map((c) => [c, 'write - for minus'] as [string, string]),
  ['÷', 'write / for division'],
  ['²', 'write ^2 for a square'],
  ['³', 'write ^3 for a cube'],
  ['√', 'write sqrt(…)'],
  ['π', 'write pi'],
  ['%', 'there is no modulo operator'],
  ['=', 'write only the formula, without "f =" or "= 0"'],
  ['!', 'there is no factorial'],
  ['|', 'write abs(…) for |…|'],
  [';', 'write one expression'],
  ...['[', ']', '{', '}'].map((c) => [c, 'use ( ) for grouping'] as [string, string]),
]);

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string) => isNameStart(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Tokens on demand, so that errors come in reading order: `2x + $` reports the missing "*" at column 2, not the
 * "$" at column 6. `peek()` looks one token ahead (the parser needs it after a name, to see a call).
 */
export class Lexer {
  private i = 0;
  private ahead: Token | undefined;

  constructor(private readonly text: string) {}

  next(): Token {
    const token = this.peek();
    this.ahead = undefined;
    return token;
  }

  peek(): Token {
    this.ahead ??= this.scan();
    return this.ahead;
  }

  private scan(): Token {
    const text = this.text;
    let i = this.i;
    while (i < text.length && isSpace(text[i])) i++;
    const token = i < text.length ? scanToken(text, i) : { kind: 'end' as const, text: 'end of input', at: text.length };
    this.i = token.kind === 'end' ? text.length : i + token.text.length;
    return token;
  }
}

/** All the tokens of `text`, ending with an `end` token. */
export function lex(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens = [lexer.next()];
  while (tokens[tokens.length - 1].kind !== 'end') tokens.push(lexer.next());
  return tokens;
}

/** The token starting at `i`, which is not whitespace. */
function scanToken(text: string, i: number): Token {
  const c = text[i];
  if (isDigit(c) || (c === '.' && i + 1 < text.length && isDigit(text[i + 1]))) {
    const end = scanNumber(text, i);
    return { kind: 'number', value: Number(text.slice(i, end)), text: text.slice(i, end), at: i };
  }
  if (isNameStart(c)) {
    let end = i + 1;
    while (end < text.length && isNamePart(text[end])) end++;
    return { kind: 'name', text: text.slice(i, end), at: i };
  }
  if (c === '*' && text[i + 1] === '*') return { kind: 'operator', op: '^', text: '**', at: i };
  if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') return { kind: 'operator', op: c, text: c, at: i };
  if (c === '(' || c === ')' || c === ',') return { kind: c, text: c, at: i };
  if (c === '.') syntaxError('unexpected "." {at}: a decimal point needs digits (0.5 or .5)', text, i);
  const char = String.fromCodePoint(text.codePointAt(i)!);
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const hint = LOOK_ALIKES.get(char) ?? (/^[\u0391-\u03c9]$/u.test(char) ? 'spell Greek letters out (theta, alpha, …)' : undefined);
  syntaxError(`unexpected character ${JSON.stringify(char)} (${code}) {at}${hint === undefined ? '' : `: ${hint}`}`, text, i);
}

/**
 * The end of the decimal literal starting at `start`: digits [. digits] or . digits, then an optional exponent
 * e[+-]digits. A second decimal point (1.2.3), an exponent without digits (1e, 2E+) or a hexadecimal prefix (0x1F)
 * is an error naming the whole malformed run; a letter after the number (2x) is left to the parser, which reports
 * the missing operator.
 */
function scanNumber(text: string, start: number): number {
  let i = start;
  while (isDigit(text[i] ?? '')) i++;
  if (text[i] === '.') {
    i++;
    while (isDigit(text[i] ?? '')) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text[j] ?? '')) {
      while (isDigit(text[j] ?? '')) j++;
      i = j;
    } else if (j > i + 1 || !isNamePart(text[i + 1] ?? '')) {
      // `1e`, `1e+`, `2E-)`: an exponent was begun and not finished. (`2ex` is a number and a name: see below.)
      syntaxError(`malformed number ${JSON.stringify(text.slice(start, j))} {at}: the exponent has no digits (write 1e-3)`, text, start);
    }
  }
  if (text[i] === '.' || (text[i] === '_' && isDigit(text[i + 1] ?? ''))) {
    let end = i;
    while (end < text.length && (isNamePart(text[end]) || text[end] === '.')) end++;
    const why = text[i] === '.' ? 'a number has at most one decimal point' : 'digit separators are not supported';
    syntaxError(`malformed number ${JSON.stringify(text.slice(start, end))} {at}: ${why}`, text, start);
  }
  if (text.slice(start, i) === '0' && /^[xXbBoO][0-9a-fA-F]/.test(text.slice(i, i + 2))) {
    let end = i;
    while (end < text.length && isNamePart(text[end])) end++;
    syntaxError(`malformed number ${JSON.stringify(text.slice(start, end))} {at}: only decimal numbers are supported`, text, start);
  }
  return i;
}
