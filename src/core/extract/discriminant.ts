/**
 * Evaluates enum discriminant expressions: integer literals (any base, `_`, suffixes), byte and
 * char literals, unary minus and `!`, parentheses, and `+ - * / % << >> | & ^`. Anything else
 * (a path to a const, a cast) is not computed and yields null.
 */
import { lex, Token } from '../rust/lexer';

function literalValue(text: string): bigint | null {
  const byte = /^b?'(.+)'$/.exec(text);
  if (byte) {
    const body = byte[1];
    if (body.length === 1) return BigInt(body.codePointAt(0) ?? 0);
    const esc: Record<string, number> = { '\\n': 10, '\\r': 13, '\\t': 9, '\\0': 0, "\\'": 39, '\\\\': 92 };
    if (body in esc) return BigInt(esc[body]);
    const hex = /^\\x([0-9a-fA-F]{2})$/.exec(body);
    if (hex) return BigInt(parseInt(hex[1], 16));
    if ([...body].length === 1) return BigInt(body.codePointAt(0) ?? 0);
    return null;
  }
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)(?:[iu](?:8|16|32|64|128|size))?$/.exec(text);
  if (!m) return null;
  const digits = m[1].replace(/_/g, '');
  try {
    return BigInt(digits);
  } catch {
    return null;
  }
}

const PREC: Record<string, number> = {
  '|': 1,
  '^': 2,
  '&': 3,
  '<<': 4,
  '>>': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

export function evalDiscriminant(expr: string): bigint | null {
  const tokens = lex(expr, 1000);
  const s = { i: 0 };
  const v = parseBinary(tokens, s, 0, 0);
  return v !== null && s.i === tokens.length ? v : null;
}

function parseUnary(t: Token[], s: { i: number }, depth: number): bigint | null {
  if (depth > 50) return null;
  const tok = t[s.i];
  if (!tok) return null;
  if (tok.text === '-') {
    s.i++;
    const v = parseUnary(t, s, depth + 1);
    return v === null ? null : -v;
  }
  if (tok.text === '!') {
    s.i++;
    const v = parseUnary(t, s, depth + 1);
    return v === null ? null : ~v;
  }
  if (tok.text === '(') {
    s.i++;
    const v = parseBinary(t, s, 0, depth + 1);
    if (t[s.i]?.text !== ')') return null;
    s.i++;
    return v;
  }
  if (tok.kind === 'literal') {
    s.i++;
    return literalValue(tok.text);
  }
  return null;
}

function parseBinary(t: Token[], s: { i: number }, minPrec: number, depth: number): bigint | null {
  let left = parseUnary(t, s, depth);
  if (left === null) return null;
  for (;;) {
    const op = t[s.i];
    const prec = op && op.kind === 'punct' ? PREC[op.text] : undefined;
    if (prec === undefined || prec <= minPrec - 1 || prec < minPrec) return left;
    s.i++;
    const right = parseBinary(t, s, prec + 1, depth + 1);
    if (right === null) return null;
    switch (op.text) {
      case '|':
        left = left | right;
        break;
      case '^':
        left = left ^ right;
        break;
      case '&':
        left = left & right;
        break;
      case '<<':
        left = right > 4096n ? null : left << right;
        break;
      case '>>':
        left = left >> right;
        break;
      case '+':
        left = left + right;
        break;
      case '-':
        left = left - right;
        break;
      case '*':
        left = left * right;
        break;
      case '/':
        left = right === 0n ? null : left / right;
        break;
      case '%':
        left = right === 0n ? null : left % right;
        break;
    }
    if (left === null) return null;
  }
}
