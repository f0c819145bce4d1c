/**
 * Attribute reading: `#[no_mangle]`, `#[unsafe(no_mangle)]`, `#[export_name = "…"]`,
 * `#[cfg_attr(pred, …)]`, `#[cfg(…)]`, `#[repr(…)]`, `#[path = "…"]`, `#[doc = "…"]`.
 * Works on attribute text with the lexer, so it reads the same attributes inside macro expansions.
 */
import { CfgEnv, CfgPred, evalCfg, parseCfg } from './cfg';
import { lex, skipTree, Token } from './lexer';
import { isLineBreak, isLineSpace, isSpace, isWordChar, WorkMeter } from './text';

export interface Attr {
  name: string;
  /** Text inside the parentheses, for `name(...)`. */
  args: string | null;
  /** The literal after `=`, unescaped, for `name = "…"`. */
  value: string | null;
  /** The `cfg_attr` predicates this attribute is conditional on (unknown-valued ones only). */
  conditions: CfgPred[];
}

/** Decodes a Rust string literal (normal, raw, byte or C string) to its value. */
export function unescapeRustString(lit: string): string {
  const raw = /^(?:b|c)?r(#*)"([\s\S]*)"\1$/.exec(lit);
  if (raw) return raw[2];
  const m = /^(?:b|c)?"([\s\S]*)"$/.exec(lit);
  return m ? decodeEscapes(m[1]) : lit;
}

/**
 * A string literal's body (between its quotes) with its escapes decoded: `\n \r \t \\ \0 \' \"`,
 * `\xHH`, `\u{…}` (1 to 6 hex digits, `_` after the first, a Unicode scalar value), and a backslash
 * before a line break, which drops the break and the whitespace after it.
 * `strict`: false when an escape is not one rustc accepts in a string (`\x80` and above among them:
 * byte strings only). Otherwise such an escape is read as well as it can be (`\xFF` as U+00FF, a
 * bad `\u{…}` as U+FFFD, an unknown escape as its character). Linear: the text between escapes is
 * copied in slices and joined once.
 */
export function decodeEscapes(body: string, strict: true): string | false;
export function decodeEscapes(body: string, strict?: false): string;
export function decodeEscapes(body: string, strict = false): string | false {
  const out: string[] = [];
  let from = 0;
  for (let i = body.indexOf('\\'); i >= 0; i = body.indexOf('\\', from)) {
    out.push(body.slice(from, i));
    const e = body[i + 1];
    let next = i + 2;
    switch (e) {
      case 'n':
        out.push('\n');
        break;
      case 'r':
        out.push('\r');
        break;
      case 't':
        out.push('\t');
        break;
      case '0':
        out.push('\0');
        break;
      case '\\':
      case '"':
      case "'":
        out.push(e);
        break;
      case 'x': {
        const hex = body.slice(i + 2, i + 4);
        if (strict ? !/^[0-7][0-9A-Fa-f]$/.test(hex) : !/^[0-9A-Fa-f]{2}$/.test(hex)) {
          if (strict) return false;
          out.push('\0');
        } else out.push(String.fromCharCode(parseInt(hex, 16)));
        next = i + 4;
        break;
      }
      case 'u': {
        const m = /^\{([0-9A-Fa-f][0-9A-Fa-f_]*)\}/.exec(body.slice(i + 2, i + 2 + 40));
        const digits = m ? m[1].replace(/_/g, '') : '';
        const cp = digits.length >= 1 && digits.length <= 6 ? parseInt(digits, 16) : -1;
        if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          if (strict) return false;
          out.push('\ufffd');
          const close = body.indexOf('}', i);
          next = close < 0 ? body.length : close + 1;
        } else {
          out.push(String.fromCodePoint(cp));
          next = i + 2 + (m as RegExpExecArray)[0].length;
        }
        break;
      }
      case '\n':
      case '\r': {
        // a line continuation: the break and the whitespace after it are dropped
        if (strict && e === '\r' && body[i + 2] !== '\n') return false;
        let j = i + 1;
        while (j < body.length && ' \t\n\r'.includes(body[j])) j++;
        next = j;
        break;
      }
      default:
        if (strict) return false;
        out.push(e ?? '');
    }
    from = Math.min(next, body.length);
  }
  out.push(body.slice(from));
  return out.join('');
}

function text(tokens: Token[], src: string, from: number, to: number): string {
  if (from >= to) return '';
  return src.slice(tokens[from].start, tokens[to - 1].end);
}

/** Splits the tokens of `a, b(c, d), e = "x"` at top-level commas. */
function splitTopLevel(tokens: Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  let i = from;
  while (i < to) {
    if (tokens[i].kind === 'open') {
      i = skipTree(tokens, i);
      continue;
    }
    if (tokens[i].kind === 'punct' && tokens[i].text === ',') {
      if (i > start) parts.push([start, i]);
      start = i + 1;
    }
    i++;
  }
  if (to > start) parts.push([start, to]);
  return parts;
}

/** Parses one meta item (`name`, `name(...)`, `name = lit`) from a token range. */
function parseMeta(tokens: Token[], src: string, from: number, to: number): Omit<Attr, 'conditions'> | null {
  // a path like `rustfmt::skip`: take the whole path as the name
  let i = from;
  let name = '';
  while (i < to && (tokens[i].kind === 'ident' || tokens[i].text === '::')) {
    // `#[r#no_mangle]` is `#[no_mangle]` (rustc resolves the raw identifier to the same attribute)
    name += tokens[i].text.replace(/^r#/, '');
    i++;
  }
  if (!name) return null;
  if (i < to && tokens[i].text === '(') {
    const end = skipTree(tokens, i);
    return { name, args: text(tokens, src, i + 1, end - 1), value: null };
  }
  if (i < to && tokens[i].text === '=') {
    const lit = tokens[i + 1];
    if (lit && lit.kind === 'literal' && i + 2 === to)
      return { name, args: null, value: unescapeRustString(lit.text) };
    // `concat!("a", "b")` / `stringify!(name)` of literals; any other expression has no known value
    return { name, args: null, value: evalStringMacro(tokens, src, i + 1, to) };
  }
  return { name, args: null, value: null };
}

/**
 * The value of `concat!(lit, …)` or `stringify!(tokens)` spanning exactly `from..to`, as rustc
 * computes it for literals and plain identifiers; null for anything else.
 */
export function evalStringMacro(tokens: Token[], src: string, from: number, to: number): string | null {
  const name = tokens[from]?.text;
  if ((name !== 'concat' && name !== 'stringify') || tokens[from + 1]?.text !== '!') return null;
  const open = from + 2;
  if (tokens[open]?.kind !== 'open' || skipTree(tokens, open) !== to) return null;
  const inner = tokens.slice(open + 1, to - 1);
  if (name === 'stringify') {
    // one identifier or literal: its text, as rustc prints it
    if (inner.length === 1 && (inner[0].kind === 'ident' || inner[0].kind === 'literal'))
      return inner[0].text;
    return null;
  }
  let out = '';
  for (const [a, b] of splitTopLevel(inner, 0, inner.length)) {
    if (b - a === 1 && inner[a].kind === 'literal') {
      const t = inner[a].text;
      if (/^(?:b|c)?r?#*"/.test(t)) {
        if (/^[bc]/.test(t)) return null; // byte and C strings are rejected by concat!
        out += unescapeRustString(t);
      } else if (/^'/.test(t)) out += unescapeRustString(`"${t.slice(1, -1)}"`);
      else if (/^[0-9][0-9_]*$/.test(t)) out += t.replace(/_/g, '');
      else return null;
    } else if (b - a === 1 && (inner[a].text === 'true' || inner[a].text === 'false')) out += inner[a].text;
    else if (b - a === 2 && inner[a].text === '-' && /^[0-9]+$/.test(inner[a + 1].text))
      out += '-' + inner[a + 1].text;
    else {
      const nested = evalStringMacro(inner, src, a, b);
      if (nested === null) return null;
      out += nested;
    }
  }
  return out;
}

/**
 * Reads the attribute whose inside (between `#[` and `]`) is `inner`, resolving `unsafe(...)`
 * and `cfg_attr(...)`. Returns the effective attributes; a `cfg_attr` whose predicate is false
 * yields none, one whose predicate depends on the platform yields its attributes with the
 * predicate as a condition.
 */
export function readAttribute(inner: string, env: CfgEnv, depth = 0): Attr[] {
  if (depth > 16) return [];
  const tokens = lex(inner, 100_000);
  const meta = parseMeta(tokens, inner, 0, tokens.length);
  if (!meta) return [];
  if (meta.name === 'unsafe' && meta.args !== null) return readAttribute(meta.args, env, depth + 1);
  if (meta.name === 'cfg_attr' && meta.args !== null) {
    const argTokens = lex(meta.args, 100_000);
    const parts = splitTopLevel(argTokens, 0, argTokens.length);
    if (parts.length < 2) return [];
    const pred = parseCfg(text(argTokens, meta.args, parts[0][0], parts[0][1]));
    if (!pred) return [];
    const v = evalCfg(pred, env);
    if (v === false) return [];
    const out: Attr[] = [];
    for (const [a, b] of parts.slice(1)) {
      for (const attr of readAttribute(text(argTokens, meta.args, a, b), env, depth + 1)) {
        out.push(v === null ? { ...attr, conditions: [pred, ...attr.conditions] } : attr);
      }
    }
    return out;
  }
  return [{ ...meta, conditions: [] }];
}

/** Splits `repr` arguments: `C, packed(2)` → [`C`, `packed(2)`]; `packed(1)` is `packed`. */
export function readRepr(args: string): string[] {
  const tokens = lex(args, 10_000);
  return splitTopLevel(tokens, 0, tokens.length)
    .map(([a, b]) => text(tokens, args, a, b).replace(/\s+/g, ''))
    .map((r) => (r === 'packed(1)' ? 'packed' : r));
}

/**
 * The doc text says there is a `# Safety` section: a line that starts (after whitespace) with `#`s,
 * then `Safety` in any case — what `/^\s*#+\s*Safety\b/im` tests. From every line start, that
 * expression's `^\s*` ran over all the blank lines that follow and backtracked, so a doc string of
 * half a million `\n` escapes took hours; here each line start looks at its own line, and the
 * whitespace after a run of `#`s (which may cross lines) is read from that run only.
 */
export function hasSafetySection(doc: string, meter?: WorkMeter): boolean {
  const n = doc.length;
  let steps = 0;
  let found = false;
  for (let p = 0; p < n && !found;) {
    let i = p;
    while (i < n && isLineSpace(doc.charCodeAt(i))) i++;
    let k = i;
    while (k < n && doc[k] === '#') k++;
    steps += k - p;
    if (k > i) {
      let m = k;
      while (m < n && isSpace(doc.charCodeAt(m))) m++;
      steps += m - k;
      found = isSafetyWord(doc, m);
    }
    let end = k;
    while (end < n && !isLineBreak(doc.charCodeAt(end))) end++;
    steps += end - k + 1;
    p = end + 1;
  }
  if (meter) meter.steps += steps;
  return found;
}

/** `Safety` in any ASCII case at `at`, not followed by a word character (`\b`). */
function isSafetyWord(text: string, at: number): boolean {
  const word = 'safety';
  for (let j = 0; j < word.length; j++) {
    const c = text.charCodeAt(at + j);
    if (c !== word.charCodeAt(j) && c !== word.charCodeAt(j) - 32) return false;
  }
  return !isWordChar(text.charCodeAt(at + word.length));
}
