/**
 * The parser: tokens → syntax tree. An operator-precedence parser in the shunting-yard manner (Dijkstra, 1961):
 * it keeps its own stacks of operands and pending operators instead of recursing, so 100,000 nested parentheses
 * parse in linear time and cannot overflow the call stack. The tree comes out as a flat list in post-order
 * (children before parents), which every later pass walks with a plain loop.
 *
 * Grammar, loosest first:  sum := product (('+' | '-') product)*     product := unary (('*' | '/') unary)*
 *                          unary := ('-' | '+') unary | power          power := atom (('^' | '**') unary)?
 *                          atom := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * so -x^2 = -(x^2), 2^-x = 2^(-x), 2^3^2 = 2^9, and a sign may follow any operator (x ++ y = x + (+y)).
 * There is no implicit multiplication: 2x, x y and (x)(y) are errors that say where the "*" is missing.
 */
import { place, syntaxError } from './expression-error.js';
import { Lexer, type Operator, type Token } from './lex.js';
import { ALIASES, CONSTANTS, FUNCTIONS } from './rules.js';

export type AstNode =
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'constant'; name: string; value: number; at: number }
  | { kind: 'variable'; name: string; at: number }
  | { kind: 'neg'; arg: number; at: number }
  | { kind: 'binary'; op: Operator; left: number; right: number; at: number }
  | { kind: 'call'; fn: string; args: number[]; at: number };

export interface Ast {
  /** The nodes in post-order: every node's children come before it; the root is last. */
  nodes: AstNode[];
  /** Each variable's name, with the index in the text of its first use, in order of first use. */
  variables: Map<string, number>;
}

type Frame =
  | { kind: 'binary'; op: Operator; at: number }
  | { kind: 'neg'; at: number }
  | { kind: 'paren'; at: number }
  | { kind: 'call'; fn: string; args: number; at: number; open: number };

/** Binding strength; the unary minus sits between products and powers, and only ^ groups to the right. */
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, neg: 3, '^': 4 } as const;

export function parse(text: string): Ast {
  const lexer = new Lexer(text);
  if (lexer.peek().kind === 'end') syntaxError('empty expression', text, 0);
  const nodes: AstNode[] = [];
  const variables = new Map<string, number>();
  const operands: number[] = [];
  const frames: Frame[] = [];
  const push = (node: AstNode) => operands.push(nodes.push(node) - 1);

  /** Pops the pending operators that bind at least as tightly as one of precedence `p` arriving now. */
  const reduce = (p: number, rightAssociative = false) => {
    for (let top = frames.at(-1); top !== undefined; top = frames.at(-1)) {
      if (top.kind !== 'binary' && top.kind !== 'neg') return;
      const q = PRECEDENCE[top.kind === 'neg' ? 'neg' : top.op];
      if (q < p || (q === p && rightAssociative)) return;
      frames.pop();
      if (top.kind === 'neg') push({ kind: 'neg', arg: operands.pop()!, at: top.at });
      else {
        const right = operands.pop()!;
        push({ kind: 'binary', op: top.op, left: operands.pop()!, right, at: top.at });
      }
    }
  };

  let expectOperand = true;
  let previous: Token | undefined;
  for (let token = lexer.next(); ; previous = token, token = lexer.next()) {
    if (expectOperand) {
      if (token.kind === 'number') {
        push({ kind: 'number', value: token.value, text: token.text, at: token.at });
        expectOperand = false;
      } else if (token.kind === 'name') {
        if (lexer.peek().kind === '(') {
          frames.push({ kind: 'call', fn: functionName(token, text), args: 0, at: token.at, open: lexer.peek().at });
          previous = token;
          token = lexer.next();
        } else {
          pushName(token);
          expectOperand = false;
        }
      } else if (token.kind === '(') {
        frames.push({ kind: 'paren', at: token.at });
      } else if (token.kind === 'operator' && (token.op === '-' || token.op === '+')) {
        if (token.op === '-') frames.push({ kind: 'neg', at: token.at });
      } else {
        missingOperand(token, previous);
      }
    } else if (token.kind === 'operator') {
      reduce(PRECEDENCE[token.op], token.op === '^');
      frames.push({ kind: 'binary', op: token.op, at: token.at });
      expectOperand = true;
    } else if (token.kind === ')' || token.kind === ',' || token.kind === 'end') {
      reduce(0);
      const frame = frames.at(-1);
      if (token.kind === 'end') {
        if (frame === undefined) return { nodes, variables };
        const open = frame.kind === 'call' ? frame.open : frame.at;
        syntaxError(`missing ")" {at} to close the "(" ${place(text, open)}`, text, token.at);
      } else if (frame === undefined) {
        syntaxError(token.kind === ')' ? 'unmatched ")" {at}' : '"," outside a function call {at}', text, token.at);
      } else if (frame.kind === 'paren') {
        if (token.kind === ',') syntaxError('"," {at} inside parentheses: only a function call takes several arguments', text, token.at);
        frames.pop();
      } else if (frame.kind === 'call') {
        frame.args++;
        if (token.kind === ',') expectOperand = true;
        else {
          frames.pop();
          call(frame);
        }
      }
    } else {
      const simple = (t: Token | undefined) => t?.kind === 'number' || t?.kind === 'name';
      const hint = simple(previous) && simple(token) ? `write ${previous!.text}*${token.text}` : 'write "*" between them';
      syntaxError(`missing operator between "${previous!.text}" and "${token.text}" {at}: ${hint} (there is no implicit multiplication)`, text, token.at);
    }
  }

  function pushName(token: Token & { kind: 'name' }): void {
    const name = token.text;
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) push({ kind: 'constant', name, value: constant, at: token.at });
    else if (FUNCTIONS.has(name) || ALIASES.has(name)) syntaxError(`"${name}" {at} is a function: write ${name}(…)`, text, token.at);
    else {
      if (!variables.has(name)) variables.set(name, token.at);
      push({ kind: 'variable', name, at: token.at });
    }
  }

  function call(frame: Frame & { kind: 'call' }): void {
    const { min, max } = FUNCTIONS.get(frame.fn)!;
    if (frame.args < min || frame.args > max) {
      const expected = min === max ? `${min} argument${min === 1 ? '' : 's'}` : `${min} or more arguments`;
      syntaxError(`${frame.fn} takes ${expected}, got ${frame.args} {at}`, text, frame.at);
    }
    push({ kind: 'call', fn: frame.fn, args: operands.splice(operands.length - frame.args), at: frame.at });
  }

  function missingOperand(token: Token, previous: Token | undefined): never {
    if (token.kind === ')' && previous?.kind === '(') {
      const frame = frames.at(-1)!;
      if (frame.kind === 'call') call(frame); // reports the argument count
      syntaxError('empty parentheses {at}', text, previous.at);
    }
    const after = previous === undefined ? '' : ` after "${previous.text}"`;
    const found = token.kind === 'end' ? 'the expression ends' : `found "${token.text}"`;
    syntaxError(`expected a number, a name or "("${after} {at}, ${found}`, text, token.at);
  }
}

/** The canonical name of the function called at `token`, or an error listing the known ones. */
function functionName(token: Token, text: string): string {
  const name = ALIASES.get(token.text) ?? token.text;
  if (FUNCTIONS.has(name)) return name;
  if (CONSTANTS.has(name)) syntaxError(`"${name}" {at} is a constant, not a function: write ${name}*(…) for a product`, text, token.at);
  const known = [...FUNCTIONS.keys(), ...ALIASES.keys()].sort();
  const near = known.find((k) => k === name.toLowerCase());
  const suggestion = near === undefined ? '' : ` (did you mean ${near}?)`;
  syntaxError(`unknown function "${name}" {at}${suggestion}; the functions are ${known.join(', ')}`, text, token.at);
}
