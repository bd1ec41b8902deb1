/**
 * Errors in a typed-in expression: a DescentError whose one-line message names the problem and where it is
 * ("missing \")\" at column 6"), with the column and a caret picture kept on the error for interfaces that can show
 * more than one line.
 */
import { DescentError } from '../../core/errors.js';

/** How much of the expression an error message quotes on each side of the column. */
const EXCERPT = 30;

export class ExpressionError extends DescentError {
  /** 1-based line of the problem (expressions are usually one line). */
  readonly line: number;
  /** 1-based column of the problem in its line, in characters (code points). */
  readonly column: number;
  /** The line around the problem and a caret under it: two lines of text, for interfaces that can show them. */
  readonly caret: string;

  /** `problem` marks the place with `{at}` (`missing ")" {at}`), which becomes "at column 6". */
  constructor(problem: string, text: string, index: number) {
    const { line, column } = position(text, index);
    const lineText = Array.from(text.slice(text.lastIndexOf('\n', index - 1) + 1).split('\n')[0]);
    const from = Math.max(0, column - 1 - EXCERPT);
    const to = Math.min(lineText.length, column - 1 + EXCERPT);
    const head = from > 0 ? '…' : '';
    const excerpt = `${head}${lineText.slice(from, to).join('').replaceAll(/[\t\r]/g, ' ')}${to < lineText.length ? '…' : ''}`;
    super(`compile: ${problem.replaceAll('{at}', place(text, index))} in ${JSON.stringify(excerpt)}`);
    this.line = line;
    this.column = column;
    this.caret = `${excerpt}\n${' '.repeat(head.length + column - 1 - from)}^`;
  }
}

/** Throws an ExpressionError; `{at}` in the problem is replaced by the position ("at column 6"). */
export function syntaxError(problem: string, text: string, index: number): never {
  throw new ExpressionError(problem.includes('{at}') ? problem : `${problem} {at}`, text, index);
}

/** "at column 6", or "at line 2, column 3" in a text of several lines. */
export function place(text: string, index: number): string {
  const { line, column } = position(text, index);
  return line === 1 ? `at column ${column}` : `at line ${line}, column ${column}`;
}

/** The 1-based line and column (in code points) of a code-unit index. */
function position(text: string, index: number): { line: number; column: number } {
  const before = Array.from(text.slice(0, index));
  const line = before.filter((c) => c === '\n').length + 1;
  return { line, column: before.length - (before.lastIndexOf('\n') + 1) + 1 };
}
