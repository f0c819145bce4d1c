/** Inspecting the HTML micromark makes of a rendered report, and the tables of its Markdown source. */

export interface Tag {
  name: string;
  closing: boolean;
  attrs: string;
  raw: string;
}

/** Every tag in micromark's output (its text is entity-encoded, so each `<` starts a tag or comment). */
export function tagsOf(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g))
    out.push({ closing: m[1] === '/', name: m[2].toLowerCase(), attrs: m[3], raw: m[0] });
  return out;
}

/** Decodes the entities micromark writes. */
export function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The visible text, with tags removed and entities decoded. */
export function textOf(html: string): string {
  return decode(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
}

/** The visible text outside `<code>` elements. */
export function textOutsideCode(html: string): string {
  return textOf(html.replace(/<code>[\s\S]*?<\/code>/g, ' '));
}

/** Attributes the renderer's own elements may carry. */
const ALLOWED: Record<string, RegExp> = {
  h2: /^$/,
  h3: /^$/,
  h4: /^$/,
  p: /^$/,
  ul: /^$/,
  li: /^$/,
  blockquote: /^$/,
  table: /^$/,
  thead: /^$/,
  tbody: /^$/,
  tr: /^$/,
  th: /^(?: align="right")?$/,
  td: /^(?: align="right")?$/,
  code: /^$/,
  strong: /^$/,
  em: /^$/,
  br: /^ \/$/,
  a: /^ href="[^"]*"$/,
  input: /^ type="checkbox" disabled="" \/$/,
  details: /^(?: open)?$/,
  summary: /^$/,
};

/** Tags that are not one of the renderer's own elements with its own attributes. */
export function foreignTags(html: string): string[] {
  return tagsOf(html)
    .filter((t) => !(t.name in ALLOWED) || (!t.closing && !ALLOWED[t.name].test(t.attrs)))
    .map((t) => t.raw);
}

export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decode(m[1]));
}

export function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

const DELIMITER_ROW = /^\| (?::?-{3,}:?)(?: \| :?-{3,}:?)* \|$/;

/** The tables of a Markdown source: header, delimiter and body lines. */
export function markdownTables(md: string): string[][] {
  const lines = md.split('\n');
  const tables: string[][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !DELIMITER_ROW.test(lines[i + 1])) continue;
    const table = [lines[i], lines[i + 1]];
    let j = i + 2;
    while (j < lines.length && lines[j] !== '') table.push(lines[j++]);
    tables.push(table);
    i = j;
  }
  return tables;
}

/**
 * Cells in a table row, counted with both readings of a backslash before a pipe: cmark-gfm (GitHub)
 * treats any `\|` as an escaped pipe, micromark a pipe after an odd run of backslashes. A renderer
 * must never write a row on which they disagree.
 */
export function cellCounts(row: string): { github: number; micromark: number } {
  let github = 0;
  let micromark = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] !== '|') continue;
    let slashes = 0;
    while (i - slashes - 1 >= 0 && row[i - slashes - 1] === '\\') slashes++;
    if (slashes === 0) github++;
    if (slashes % 2 === 0) micromark++;
  }
  return { github: github - 1, micromark: micromark - 1 };
}
