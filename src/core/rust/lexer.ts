/**
 * A small Rust lexer: enough to match `macro_rules!` patterns and to scan a file for `mod`
 * declarations without a full parse. It never throws: unterminated constructs end at end of input.
 */

export type TokenKind = 'ident' | 'lifetime' | 'literal' | 'punct' | 'open' | 'close';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the token in the lexed text. */
  start: number;
  end: number;
  /**
   * Only with `lex(…, { docComments: true })`: the token is a doc comment (`text` is the whole
   * comment): `outer` for `///` and block comments opened by `/**`, `inner` for `//!` and
   * block comments opened by `/*!`.
   */
  doc?: 'outer' | 'inner';
}

export interface LexOptions {
  /** Keep doc comments as tokens (`kind: 'punct'`, `doc` set) instead of dropping them. */
  docComments?: boolean;
}

/**
 * Rust's whitespace (`Pattern_White_Space`): besides ASCII, U+0085, the directional marks U+200E
 * and U+200F, and U+2028/U+2029. rustc accepts them between any two tokens, so `#\u{200E}[no_mangle]`
 * is an export attribute.
 */
export function isRustWhitespace(x: number): boolean {
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

// The lexer runs over every file the prefilter does not parse, so it works on UTF-16 code units
// (`charCodeAt`), never on one-character strings, and classifies ASCII through a table. Outside
// ASCII every code unit (a surrogate included) is an identifier character unless it is Rust
// whitespace. `charCodeAt` past the end is NaN, which no comparison below accepts; the class
// functions take only in-range codes, so their callers check `k < n` first.

const IDENT_START = 1; // [A-Za-z_]
const IDENT_CHAR = 2; // [A-Za-z0-9_]
const DIGIT = 4; // [0-9]
const DECIMAL_OR_UNDERSCORE = 8; // [0-9_]
const HEX_OR_UNDERSCORE = 16; // [0-9A-Fa-f_]

/** The classes of each ASCII code. */
const ASCII_CLASS = new Uint8Array(128);
for (let x = 0; x < 128; x++) {
  const letter = (x >= 97 && x <= 122) || (x >= 65 && x <= 90);
  const digit = x >= 48 && x <= 57;
  const hex = digit || (x >= 97 && x <= 102) || (x >= 65 && x <= 70);
  ASCII_CLASS[x] =
    (letter || x === 95 ? IDENT_START | IDENT_CHAR : 0) |
    (digit ? IDENT_CHAR | DIGIT : 0) |
    (digit || x === 95 ? DECIMAL_OR_UNDERSCORE : 0) |
    (hex || x === 95 ? HEX_OR_UNDERSCORE : 0);
}

/** Every ASCII character as a string: the text of one-character tokens, without a `slice`. */
const ASCII_STRING: readonly string[] = Array.from({ length: 128 }, (_, x) => String.fromCharCode(x));

function isIdentStart(x: number): boolean {
  return x < 128 ? (ASCII_CLASS[x] & IDENT_START) !== 0 : !isRustWhitespace(x);
}
function isIdentChar(x: number): boolean {
  return x < 128 ? (ASCII_CLASS[x] & IDENT_CHAR) !== 0 : !isRustWhitespace(x);
}
function isDigit(x: number): boolean {
  return x >= 48 && x <= 57;
}
/** Whether the code unit at `k` exists and can start an identifier. */
function identStartAt(text: string, k: number): boolean {
  return k < text.length && isIdentStart(text.charCodeAt(k));
}

/** The index past the identifier characters from `k`. */
function identEnd(text: string, k: number): number {
  const n = text.length;
  while (k < n && isIdentChar(text.charCodeAt(k))) k++;
  return k;
}

/** The index past the run of code units from `k` that are ASCII and of class `cls`. */
function asciiRunEnd(text: string, k: number, cls: number): number {
  const n = text.length;
  for (; k < n; k++) {
    const x = text.charCodeAt(k);
    if (x >= 128 || (ASCII_CLASS[x] & cls) === 0) break;
  }
  return k;
}

/** rustc's `eat_decimal_digits` from `k`: the index past the run of `[0-9_]`. */
function decimalDigits(text: string, k: number): number {
  return asciiRunEnd(text, k, DECIMAL_OR_UNDERSCORE);
}

/** rustc's `eat_float_exponent` from `k` (just past the `e`): an optional sign, then digits. */
function floatExponent(text: string, k: number): number {
  const x = text.charCodeAt(k);
  if (x === 43 /* + */ || x === 45 /* - */) k++;
  return decimalDigits(text, k);
}

/**
 * The end of the numeric literal starting at `i` (a digit), as rustc's lexer finds it: a base
 * prefix, digits, then a fraction only when the `.` is followed by neither `.` nor an identifier
 * (`1.` and `1.5` are floats, `1..2` and `1.max()` are not), an exponent with an optional sign
 * (`1.0e-3`), and a suffix (`1u8`).
 */
function numberEnd(text: string, i: number): number {
  let k = i + 1;
  // a base prefix: `0` (48), then `b` (98), `o` (111) or `x` (120)
  const p = text.charCodeAt(k);
  const hex = p === 120;
  if (text.charCodeAt(i) === 48 && (hex || p === 98 || p === 111)) {
    // hexadecimal digits after `0x`; any decimal digit after `0b` and `0o` (rustc reports the
    // out-of-range ones later, the token is the same)
    k = asciiRunEnd(text, k + 1, hex ? HEX_OR_UNDERSCORE : DECIMAL_OR_UNDERSCORE);
  } else k = decimalDigits(text, k);
  const next = text.charCodeAt(k);
  if (next === 46 /* . */ && text.charCodeAt(k + 1) !== 46 && !identStartAt(text, k + 1)) {
    k++;
    // `1.` ends at the dot: what follows (a space, `)`, …) cannot continue it
    if (!isDigit(text.charCodeAt(k))) return k;
    k = decimalDigits(text, k);
    const e = text.charCodeAt(k);
    if (e === 101 /* e */ || e === 69 /* E */) k = floatExponent(text, k + 1);
  } else if (next === 101 /* e */ || next === 69 /* E */) k = floatExponent(text, k + 1);
  // the suffix: an identifier
  if (identStartAt(text, k)) k = identEnd(text, k + 1);
  return k;
}

/**
 * The end of the raw string (`r"…"`, `r#"…"#`, with a `b` or `c` prefix already skipped) whose
 * `r` is at `r`, or -1 when no raw string starts there (`r` is then an identifier or its start).
 * An unterminated raw string ends at the end of the text.
 */
function rawStringEnd(text: string, r: number): number {
  const n = text.length;
  let k = r + 1;
  while (k < n && text.charCodeAt(k) === 35 /* # */) k++;
  if (text.charCodeAt(k) !== 34 /* " */) return -1;
  const hashes = k - r - 1;
  const close = hashes === 0 ? '"' : '"' + '#'.repeat(hashes);
  const j = text.indexOf(close, k + 1);
  return j < 0 ? n : j + close.length;
}

/** The end of the string (`"…"`, `b"…"`, `c"…"`) whose body starts at `k`: past its `"`, or the end. */
function quotedEnd(text: string, k: number): number {
  const n = text.length;
  while (k < n) {
    const x = text.charCodeAt(k);
    if (x === 34 /* " */) return k + 1;
    k += x === 92 /* \ */ ? 2 : 1;
  }
  return n;
}

/**
 * The end of the character literal whose body starts at `k`: past the closing `'`, or past the
 * first newline when there is none before it (the newline is part of the token), or the end.
 */
function charEnd(text: string, k: number): number {
  const n = text.length;
  while (k < n) {
    const x = text.charCodeAt(k);
    if (x === 39 /* ' */ || x === 10 /* \n */) break;
    k += x === 92 /* \ */ ? 2 : 1;
  }
  return Math.min(n, k + 1);
}

/**
 * Lexes `text`; comments and whitespace are dropped (doc comments are kept with
 * `options.docComments`). `maxTokens` bounds the work.
 *
 * Every token but a doc comment has the same shape, `{ kind, text, start, end }` in that order
 * (a doc comment adds `doc`), so the objects share one hidden class.
 */
export function lex(text: string, maxTokens = 1_000_000, options: LexOptions = {}): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const docComments = !!options.docComments;
  let i = 0;
  while (i < n && out.length < maxTokens) {
    const c = text.charCodeAt(i);
    const start = i;

    // whitespace, a run at a time (indentation)
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      while (i < n) {
        const x = text.charCodeAt(i);
        if (x !== 32 && !(x >= 9 && x <= 13)) break;
        i++;
      }
      continue;
    }

    // outside ASCII: Rust whitespace or an identifier
    if (c >= 128) {
      if (isRustWhitespace(c)) i++;
      else {
        i = identEnd(text, i + 1);
        out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      }
      continue;
    }

    const cls = ASCII_CLASS[c];

    // identifiers, and the literals whose prefix is a letter, tried in this order: raw strings
    // r"…", r#"…"#, br"…", cr"…"; strings b"…", c"…"; the byte b'…'; raw identifiers r#name
    if ((cls & IDENT_START) !== 0) {
      if (c === 114 /* r */ || c === 98 /* b */ || c === 99 /* c */) {
        const c1 = text.charCodeAt(i + 1);
        // the `r` of a raw string: this one, or one after `b` or `c`
        const rawAt = c === 114 ? i : c1 === 114 ? i + 1 : -1;
        if (rawAt >= 0) {
          const end = rawStringEnd(text, rawAt);
          if (end >= 0) {
            i = end;
            out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
            continue;
          }
        }
        if (c1 === 34 /* " */ && c !== 114) {
          i = quotedEnd(text, i + 2);
          out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
          continue;
        }
        if (c1 === 39 /* ' */ && c === 98) {
          i = charEnd(text, i + 2);
          out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
          continue;
        }
        if (c === 114 && c1 === 35 /* # */ && identStartAt(text, i + 2)) {
          i = identEnd(text, i + 2);
          out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
          continue;
        }
      }
      i = identEnd(text, i + 1);
      out.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }

    if ((cls & DIGIT) !== 0) {
      i = numberEnd(text, i);
      out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
      continue;
    }

    // punctuation, delimiters, quotes and comments, by the first character; a punctuation token
    // is the longest of `<<= >>= ... ..=`, then of the two-character operators, then one character
    const c1 = text.charCodeAt(i + 1);
    let p: string;
    switch (c) {
      case 47 /* / */:
        if (c1 === 47 /* / */) {
          const nl = text.indexOf('\n', i);
          const end = nl < 0 ? n : nl;
          if (docComments) {
            // `///` (but not `////`) and `//!` are doc comments
            const c2 = text.charCodeAt(i + 2);
            const doc =
              c2 === 47 /* / */ && text.charCodeAt(i + 3) !== 47
                ? 'outer'
                : c2 === 33 /* ! */
                  ? 'inner'
                  : undefined;
            if (doc) {
              const stop = text.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
              out.push({ kind: 'punct', text: text.slice(i, stop), start: i, end: stop, doc });
            }
          }
          i = end;
          continue;
        }
        if (c1 === 42 /* * */) {
          // `/**` (but not `/***` or `/**/`) and `/*!` are doc comments
          const c2 = text.charCodeAt(i + 2);
          const c3 = text.charCodeAt(i + 3);
          const doc =
            c2 === 42 /* * */ && c3 !== 42 && c3 !== 47 /* / */
              ? 'outer'
              : c2 === 33 /* ! */
                ? 'inner'
                : undefined;
          // block comments nest
          let depth = 1;
          i += 2;
          while (i < n && depth > 0) {
            const x = text.charCodeAt(i);
            if (x === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
              depth++;
              i += 2;
            } else if (x === 42 /* * */ && text.charCodeAt(i + 1) === 47 /* / */) {
              depth--;
              i += 2;
            } else i++;
          }
          if (doc && docComments) out.push({ kind: 'punct', text: text.slice(start, i), start, end: i, doc });
          continue;
        }
        p = c1 === 61 /* = */ ? '/=' : '/';
        break;
      case 34 /* " */:
        i = quotedEnd(text, i + 1);
        out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
        continue;
      case 39 /* ' */: {
        // a lifetime (`'a`, or the raw `'r#a` of edition 2021 and later) unless a `'` follows
        // the name (`'a'` is a character)
        if (i + 1 < n && isIdentStart(c1) && text.charCodeAt(i + 2) !== 39 /* ' */) {
          const k = identEnd(
            text,
            c1 === 114 /* r */ && text.charCodeAt(i + 2) === 35 /* # */ && identStartAt(text, i + 3)
              ? i + 4
              : i + 2,
          );
          if (text.charCodeAt(k) !== 39 /* ' */) {
            i = k;
            out.push({ kind: 'lifetime', text: text.slice(start, i), start, end: i });
            continue;
          }
        }
        i = charEnd(text, i + 1);
        out.push({ kind: 'literal', text: text.slice(start, i), start, end: i });
        continue;
      }
      case 40 /* ( */:
      case 91 /* [ */:
      case 123 /* { */:
        i++;
        out.push({ kind: 'open', text: ASCII_STRING[c], start, end: i });
        continue;
      case 41 /* ) */:
      case 93 /* ] */:
      case 125 /* } */:
        i++;
        out.push({ kind: 'close', text: ASCII_STRING[c], start, end: i });
        continue;
      case 60 /* < */:
        if (c1 === 60) p = text.charCodeAt(i + 2) === 61 /* = */ ? '<<=' : '<<';
        else p = c1 === 61 /* = */ ? '<=' : c1 === 45 /* - */ ? '<-' : '<';
        break;
      case 62 /* > */:
        if (c1 === 62) p = text.charCodeAt(i + 2) === 61 /* = */ ? '>>=' : '>>';
        else p = c1 === 61 /* = */ ? '>=' : '>';
        break;
      case 46 /* . */:
        if (c1 === 46) {
          const c2 = text.charCodeAt(i + 2);
          p = c2 === 46 ? '...' : c2 === 61 /* = */ ? '..=' : '..';
        } else p = '.';
        break;
      case 58 /* : */:
        p = c1 === 58 ? '::' : ':';
        break;
      case 45 /* - */:
        p = c1 === 62 /* > */ ? '->' : c1 === 61 /* = */ ? '-=' : '-';
        break;
      case 61 /* = */:
        p = c1 === 62 /* > */ ? '=>' : c1 === 61 ? '==' : '=';
        break;
      case 38 /* & */:
        p = c1 === 38 ? '&&' : c1 === 61 /* = */ ? '&=' : '&';
        break;
      case 124 /* | */:
        p = c1 === 124 ? '||' : c1 === 61 /* = */ ? '|=' : '|';
        break;
      case 33 /* ! */:
        p = c1 === 61 /* = */ ? '!=' : '!';
        break;
      case 43 /* + */:
        p = c1 === 61 /* = */ ? '+=' : '+';
        break;
      case 42 /* * */:
        p = c1 === 61 /* = */ ? '*=' : '*';
        break;
      case 37 /* % */:
        p = c1 === 61 /* = */ ? '%=' : '%';
        break;
      case 94 /* ^ */:
        p = c1 === 61 /* = */ ? '^=' : '^';
        break;
      default:
        // any other ASCII character (`#`, `,`, `;`, `@`, `$`, `?`, `~`, a control character, …)
        p = ASCII_STRING[c];
    }
    i += p.length;
    out.push({ kind: 'punct', text: p, start, end: i });
  }
  return out;
}

export const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index just past the token tree that starts at `i` (a single token, or a balanced group). */
export function skipTree(tokens: Token[], i: number): number {
  if (tokens[i]?.kind !== 'open') return i + 1;
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    if (tokens[k].kind === 'open') depth++;
    else if (tokens[k].kind === 'close') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return tokens.length;
}

/** Joins tokens back into source text with single spaces where the original had any gap. */
export function joinTokens(tokens: Token[], source: string): string {
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0 && tokens[k].start > tokens[k - 1].end) out += ' ';
    out += source.slice(tokens[k].start, tokens[k].end);
  }
  return out;
}
