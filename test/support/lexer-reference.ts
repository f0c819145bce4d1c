/**
 * TEST-ONLY: the pre-optimisation implementation of `lex` (src/core/rust/lexer.ts as of commit
 * e05e4ee), kept verbatim so that test/rust/lexer.test.ts can prove the optimised lexer returns
 * exactly the same tokens. Do not use it outside tests and do not "fix" it: its behaviour, quirks
 * included, is the specification the optimised lexer is held to.
 */

import type { LexOptions, Token } from '../../src/core/rust/lexer';

const PUNCT3 = ['<<=', '>>=', '...', '..='];
const PUNCT2 = [
  '::',
  '->',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '&=',
  '|=',
  '<<',
  '>>',
  '..',
  '<-',
];

/**
 * Rust's whitespace (`Pattern_White_Space`): besides ASCII, U+0085, the directional marks U+200E
 * and U+200F, and U+2028/U+2029. rustc accepts them between any two tokens, so `#\u{200E}[no_mangle]`
 * is an export attribute.
 */
function isRustWhitespace(x: number): boolean {
  return (
    x === 32 ||
    (x >= 9 && x <= 13) ||
    x === 0x85 ||
    x === 0x200e ||
    x === 0x200f ||
    x === 0x2028 ||
    x === 0x2029
  );
}

// Character classes by code (the lexer runs over every file the prefilter does not parse).
function isIdentStart(c: string): boolean {
  const x = c.charCodeAt(0);
  return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || x === 95 || (x > 0x7f && !isRustWhitespace(x));
}
function isIdentChar(c: string): boolean {
  const x = c.charCodeAt(0);
  return (
    (x >= 97 && x <= 122) ||
    (x >= 65 && x <= 90) ||
    (x >= 48 && x <= 57) ||
    x === 95 ||
    (x > 0x7f && !isRustWhitespace(x))
  );
}
function isDigit(c: string | undefined): boolean {
  const x = c === undefined ? -1 : c.charCodeAt(0);
  return x >= 48 && x <= 57;
}
const RAW_STRING = /(?:b|c)?r(#*)"/y;

/** rustc's `eat_decimal_digits` from `k`: the index past the run of `[0-9_]`, and whether it had a digit. */
function decimalDigits(text: string, k: number): [number, boolean] {
  let digits = false;
  while (k < text.length && (isDigit(text[k]) || text[k] === '_')) {
    if (text[k] !== '_') digits = true;
    k++;
  }
  return [k, digits];
}

/** rustc's `eat_float_exponent` from `k` (just past the `e`): an optional sign, then digits. */
function floatExponent(text: string, k: number): number {
  if (text[k] === '+' || text[k] === '-') k++;
  return decimalDigits(text, k)[0];
}

/**
 * The end of the numeric literal starting at `i` (a digit), as rustc's lexer finds it: a base
 * prefix, digits, then a fraction only when the `.` is followed by neither `.` nor an identifier
 * (`1.` and `1.5` are floats, `1..2` and `1.max()` are not), an exponent with an optional sign
 * (`1.0e-3`), and a suffix (`1u8`).
 */
function numberEnd(text: string, i: number): number {
  let k = i + 1;
  const p = text[k];
  if (text[i] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    k++;
    while (
      k < text.length &&
      (p === 'x' ? /[0-9a-fA-F_]/.test(text[k]) : isDigit(text[k]) || text[k] === '_')
    )
      k++;
  } else k = decimalDigits(text, k)[0];
  const next = text[k];
  if (next === '.' && text[k + 1] !== '.' && !isIdentStart(text[k + 1] ?? ' ')) {
    k++;
    // `1.` ends at the dot: what follows (a space, `)`, …) cannot continue it
    if (!isDigit(text[k])) return k;
    k = decimalDigits(text, k)[0];
    if (text[k] === 'e' || text[k] === 'E') k = floatExponent(text, k + 1);
  } else if (next === 'e' || next === 'E') k = floatExponent(text, k + 1);
  // the suffix: an identifier
  if (k < text.length && isIdentStart(text[k])) {
    k++;
    while (k < text.length && isIdentChar(text[k])) k++;
  }
  return k;
}

/**
 * Lexes `text`; comments and whitespace are dropped (doc comments are kept with
 * `options.docComments`). `maxTokens` bounds the work.
 */
export function referenceLex(text: string, maxTokens = 1_000_000, options: LexOptions = {}): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && out.length < maxTokens) {
    const c = text[i];
    if (isRustWhitespace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      // `///` (but not `////`) and `//!` are doc comments
      const doc =
        text[i + 2] === '/' && text[i + 3] !== '/' ? 'outer' : text[i + 2] === '!' ? 'inner' : undefined;
      if (doc && options.docComments) {
        const stop = text[end - 1] === '\r' ? end - 1 : end;
        out.push({
          kind: 'punct',
          text: text.slice(i, stop),
          start: i,
          end: stop,
          doc,
        });
      }
      i = end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const start = i;
      // `/**` (but not `/***` or `/**/`) and `/*!` are doc comments
      const doc =
        text[i + 2] === '*' && text[i + 3] !== '*' && text[i + 3] !== '/'
          ? 'outer'
          : text[i + 2] === '!'
            ? 'inner'
            : undefined;
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      if (doc && options.docComments)
        out.push({
          kind: 'punct',
          text: text.slice(start, i),
          start,
          end: i,
          doc,
        });
      continue;
    }
    const start = i;
    // raw strings: r"..", r#".."#, br"..", cr#"..."#
    let raw: RegExpExecArray | null = null;
    if (c === 'r' || c === 'b' || c === 'c') {
      RAW_STRING.lastIndex = i;
      raw = RAW_STRING.exec(text);
    }
    if (raw) {
      const hashes = raw[1];
      i += raw[0].length;
      const close = '"' + hashes;
      const j = text.indexOf(close, i);
      i = j < 0 ? n : j + close.length;
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"' || ((c === 'b' || c === 'c') && text[i + 1] === '"')) {
      i += c === '"' ? 1 : 2;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === "'" || (c === 'b' && text[i + 1] === "'")) {
      // char literal or lifetime
      const j = c === 'b' ? i + 2 : i + 1;
      if (c === "'" && isIdentStart(text[j] ?? '') && text[j + 1] !== "'") {
        // a raw lifetime `'r#a` (edition 2021 and later)
        let k = text[j] === 'r' && text[j + 1] === '#' && isIdentStart(text[j + 2] ?? '') ? j + 3 : j + 1;
        while (k < n && isIdentChar(text[k])) k++;
        if (text[k] !== "'") {
          out.push({
            kind: 'lifetime',
            text: text.slice(start, k),
            start,
            end: k,
          });
          i = k;
          continue;
        }
      }
      let k = j;
      while (k < n && text[k] !== "'" && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      i = Math.min(n, k + 1);
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      i = numberEnd(text, i);
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 'r' && text[i + 1] === '#' && isIdentStart(text[i + 2] ?? '')) {
      let k = i + 2;
      while (k < n && isIdentChar(text[k])) k++;
      i = k;
      out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      let k = i + 1;
      while (k < n && isIdentChar(text[k])) k++;
      i = k;
      out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      out.push({ kind: 'open', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      out.push({ kind: 'close', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const p = PUNCT3.includes(three) ? three : PUNCT2.includes(two) ? two : c;
    out.push({ kind: 'punct', text: p, start, end: i + p.length });
    i += p.length;
  }
  return out;
}
