/**
 * Putting untrusted text into GitHub-Flavoured Markdown (a PR comment, a job summary).
 *
 * Every string that comes from the analysed source — export names (any string, through
 * `#[export_name = "…"]`), symbols, paths, crate names, signatures, messages quoting them — goes
 * through one of these functions, so that nothing in it can:
 * - open HTML or an HTML comment (so the hidden `<!-- ffi-surface-guard` marker cannot be forged:
 *   the output never contains `<!--`),
 * - close a code span early, or break a table row with `|`,
 * - create emphasis, links, images, headings, list items, block quotes, math (`$…$`), autolinks
 *   (`http://…`, `www.…`, e-mail addresses),
 * - @-mention a user or a team, or cross-reference an issue (`#123`),
 * - add lines (newlines, CR, U+2028/U+2029 and other control characters are shown as `\u{…}`),
 * - hide characters from a reviewer (bidi overrides, zero-width characters are shown as `\u{…}`),
 * - grow the comment without bound (every function truncates with `…` at a maximum length).
 *
 * All functions are pure and context-free: their output is safe in a paragraph, a list item, a
 * heading and a table cell alike.
 */

/** Zero-width joiner: breaks `@mention` and `#123` recognition without changing what is shown. */
const ZWJ = '\u200d';

/** Default maximum lengths, in code points of the displayed text (before Markdown escaping). */
export const MAX_TEXT = 1000;
export const MAX_CODE = 300;
export const MAX_CELL = 200;

/**
 * Code points that are shown as `\u{hex}` rather than written: controls (C0, DEL, C1), format
 * characters (bidi controls, zero-width characters, soft hyphen, tags), line and paragraph
 * separators, lone surrogates — and invisible letters and marks (Hangul fillers, variation
 * selectors, the combining grapheme joiner) that would let two different names look the same.
 */
const INVISIBLE_CATEGORY = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const INVISIBLE_OTHER =
  /[\u115f\u1160\u3164\uffa0]|\u034f|\u17b4|\u17b5|[\u180b-\u180f]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u;

function invisible(ch: string): boolean {
  return INVISIBLE_CATEGORY.test(ch) || INVISIBLE_OTHER.test(ch);
}

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/**
 * The displayed form of an untrusted string: invisible and control characters become `\u{hex}`,
 * a backslash becomes `\\` (so a name that spells `\u{a}` stays distinguishable from one holding a
 * newline), and the result is cut to `max` code points. Returns the parts so that callers can put
 * the ellipsis where it belongs.
 */
export function reveal(
  s: string,
  max: number = Number.POSITIVE_INFINITY,
): { text: string; truncated: boolean } {
  if (s.length <= max && !s.includes('\\') && !invisible(s)) return { text: s, truncated: false };
  let out = '';
  let count = 0;
  // for..of iterates code points; a lone surrogate comes out alone and is revealed
  for (const ch of s) {
    const shown = ch === '\\' ? '\\\\' : invisible(ch) ? hex(ch.codePointAt(0) as number) : ch;
    const width = shown === ch ? 1 : shown.length;
    if (count + width > max) return { text: out, truncated: true };
    out += shown;
    count += width;
  }
  return { text: out, truncated: false };
}

/** Punctuation that is escaped wherever it appears: emphasis, code, links, images, headings, tables. */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '!', '#', '~', '|']);

/**
 * Escapes already-revealed text for a Markdown inline context. Besides the punctuation escaped
 * everywhere, some is escaped only where it can matter, to keep the raw text (which e-mail
 * notifications show) readable: the `:` of `://` (URL autolinks), the `.` of `www.` (www autolinks;
 * e-mail autolinks are broken at the `@`), and what could start a block if the text ever began a
 * line (`-`, `+`, `=`, the `.` of `1. `).
 */
function escapeRevealed(text: string, lineStart = true): string {
  if (!/[&<>@#\\`*_[\]()!~|$:.\-+= ]/.test(text)) return text;
  let out = '';
  let digitsSoFar = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    const number = digitsSoFar && i > 0;
    digitsSoFar &&= c >= '0' && c <= '9';
    if (c === '&') out += '&amp;';
    else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    // GitHub renders `$…$` as math; it documents no reliable backslash escape outside math
    else if (c === '$') out += '&#36;';
    else if (c === '@') out += '@' + ZWJ;
    else if (c === '#') out += next === undefined || /[0-9]/.test(next) ? '\\#' + ZWJ : '\\#';
    else if (ALWAYS_ESCAPED.has(c)) out += '\\' + c;
    else if (c === ':' && (next === undefined || next === '/')) out += '\\:';
    else if (
      c === '.' &&
      ((number && (next === undefined || next === ' ')) || /www$/i.test(text.slice(Math.max(0, i - 3), i)))
    )
      out += '\\.';
    else if (lineStart && i === 0 && (c === '-' || c === '+' || c === '=')) out += '\\' + c;
    else if (lineStart && i === 0 && c === ' ') out += '&#32;';
    else out += c;
  }
  return out;
}

/**
 * Plain text for a paragraph, list item, heading or table cell: Markdown punctuation is
 * backslash-escaped, `&<>$` become entities, `@` and `#<digit>` get a zero-width joiner.
 */
export function inlineText(s: string, max: number = MAX_TEXT): string {
  const { text, truncated } = reveal(s, max);
  return escapeRevealed(text) + (truncated ? '…' : '');
}

/**
 * A table cell: the same escaping as {@link inlineText} (a `|` is always written `\|`, which GFM
 * reads as a literal pipe inside a cell and outside tables alike), with a shorter default maximum.
 */
export function tableCell(s: string, max: number = MAX_CELL): string {
  return inlineText(s, max);
}

/** One code span holding `content` (no line breaks, no `|`, no `<!`). */
function codeSpan(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const allSpaces = /^ +$/.test(content);
  // a leading or trailing backtick would merge with the fence; a space on both sides is stripped
  // once by the parser, so pad both to keep the content as it is
  const pad =
    content.startsWith('`') ||
    content.endsWith('`') ||
    (!allSpaces && content.startsWith(' ') && content.endsWith(' '))
      ? ' '
      : '';
  return fence + pad + content + pad + fence;
}

/**
 * Text shown as code. The fence is longer than any backtick run inside, so the span cannot be
 * closed early. Code spans are literal in GFM (no HTML, no entities, no mentions), but two things
 * still matter in one: a `|` splits a table row before inline parsing, and the raw comment must
 * never contain `<!--`. Both are written outside the span (`\|`, `\!`), splitting it in two — this
 * keeps the function context-free. The empty string is shown as *(empty)*, a truncated one ends
 * with `…` after the span.
 */
export function inlineCode(s: string, max: number = MAX_CODE): string {
  if (s === '') return '*(empty)*';
  const { text, truncated } = reveal(s, max);
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '|' || (c === '!' && text[i - 1] === '<')) {
      if (current) parts.push(codeSpan(current));
      parts.push('\\' + c);
      current = '';
    } else current += c;
  }
  if (current) parts.push(codeSpan(current));
  return parts.join('') + (truncated ? '…' : '');
}

/**
 * A URL that is safe as a Markdown link destination, or null: `http:`/`https:` only, no
 * credentials, and every character that could end the destination, break a table row or open
 * HTML percent-encoded.
 */
export function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password)
    return null;
  const href = parsed.href.replace(
    /[\s()<>[\]`\\"'|{}^]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return /^[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$/.test(href) ? href : null;
}

/** A link with an already-escaped label; just the label when the URL is not safe. */
export function link(label: string, url: string): string {
  const href = safeUrl(url);
  return href ? `[${label}](${href})` : label;
}

/**
 * Text whose backtick pairs mark code (the convention of rule messages): each part is escaped on
 * its own, as plain text or as a code span. An unbalanced message is plain text throughout, so
 * a name holding backticks can at worst change which parts look like code, never escape.
 */
export function richText(s: string, max = MAX_TEXT): string {
  const parts = s.split('`');
  if (parts.length % 2 === 0 || parts.length === 1) return inlineText(s, max);
  let budget = max;
  const out: string[] = [];
  for (let i = 0; i < parts.length && budget > 0; i++) {
    const piece = [...parts[i]].slice(0, budget).join('');
    budget -= [...parts[i]].length;
    if (i % 2 === 1) out.push(piece === '' ? '' : inlineCode(piece, MAX_CODE));
    // a part after a non-empty code span does not start a line: a leading space or `-` is only
    // text there; after nothing at all (empty spans: "``- x") it does, and is escaped as a start
    else
      out.push(out.join('') === '' ? inlineText(piece, max) : escapeRevealed(reveal(piece, max).text, false));
  }
  return out.join('') + (budget < 0 ? '…' : '');
}

/**
 * Text inside raw HTML the renderer writes itself (a `<summary>` line): GFM does not parse
 * Markdown there, so the escaping is HTML's — `&<>` become entities (this is element content,
 * never an attribute value) — and what GitHub's filters
 * still act on in HTML text is broken as in {@link inlineText} (`@` and `#<digit>` get a
 * zero-width joiner). Revealed and bounded like every other function here; never more than one
 * line, so the HTML block it is in cannot end early.
 */
export function htmlText(s: string, max: number = MAX_TEXT): string {
  const { text, truncated } = reveal(s, max);
  return escapeHtml(text, true) + (truncated ? '…' : '');
}

/** Text shown as code inside raw HTML: `<code>…</code>`, HTML-escaped (mentions are not linked in code). */
export function htmlCode(s: string, max: number = MAX_CODE): string {
  if (s === '') return '<em>(empty)</em>';
  const { text, truncated } = reveal(s, max);
  return `<code>${escapeHtml(text, false)}</code>${truncated ? '…' : ''}`;
}

function escapeHtml(text: string, breakMentions: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '&') out += '&amp;';
    else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (breakMentions && c === '@') out += '@' + ZWJ;
    else if (breakMentions && c === '#' && /[0-9]/.test(text[i + 1] ?? '')) out += '#' + ZWJ;
    else out += c;
  }
  return out;
}
