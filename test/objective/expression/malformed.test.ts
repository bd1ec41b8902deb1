import { describe, expect, it } from 'vitest';
import { DescentError } from '../../../src/core/errors.js';
import { compile } from '../../../src/objective/expression/compile.js';
import { ExpressionError } from '../../../src/objective/expression/expression-error.js';
import { malformed } from './malformed.js';

describe('malformed expressions fail with a DescentError naming the problem and its column', () => {
  it('the corpus holds at least 100 expressions, all different', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(100);
    expect(new Set(malformed.map((c) => c.expression)).size).toBe(malformed.length);
  });

  it.each(malformed)('$expression', ({ expression, column, problem }) => {
    let error: unknown;
    try {
      compile(expression);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DescentError);
    expect(error).toBeInstanceOf(ExpressionError);
    const { message, column: reported, caret } = error as ExpressionError;
    expect(message).toMatch(/^compile: /);
    expect(message).toMatch(problem);
    expect(message).toMatch(new RegExp(`at (line \\d+, )?column ${column}\\b`));
    expect(reported).toBe(column);
    expect(message).not.toContain('\n'); // one line, as the command line prints it
    const [shown, pointer] = caret.split('\n');
    expect(pointer.trimStart()).toBe('^');
    expect(Array.from(shown).length).toBeGreaterThanOrEqual(pointer.length - 1);
  });
});

describe('the error for a long expression quotes only the neighbourhood of the problem', () => {
  it('x + x + … + $', () => {
    const expression = `${'x + '.repeat(2500)}$`;
    expect(() => compile(expression)).toThrow(/^compile: unexpected character "\$" \(U\+0024\) at column 10001 in "…\+ x \+ x \+ x \+ x \+ x \+ x \+ x \+ \$"$/);
  });

  it('the caret points at the column', () => {
    try {
      compile('sin(x');
      expect.unreachable();
    } catch (e) {
      expect((e as ExpressionError).caret).toBe('sin(x\n     ^');
      expect((e as Error).message).toBe('compile: missing ")" at column 6 to close the "(" at column 4 in "sin(x"');
    }
  });
});
