/**
 * Colour for text and Markdown reports written to a terminal. Pure: the shell (main.ts) says
 * whether standard output is a terminal and passes the environment; `useColor` decides and
 * `colorize` adds the escapes. JSON, SARIF and `--output` files are never coloured (run.ts).
 */

export type ColorChoice = 'auto' | 'always' | 'never';

/** What the shell knows of where standard output goes. */
export interface Terminal {
  /** Standard output is a terminal (`process.stdout.isTTY`). */
  stdoutIsTTY: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR). */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * `--color always|never` decide; `auto` colours when FORCE_COLOR is set (and not `0`/`false`),
 * else when standard output is a terminal and NO_COLOR is unset or empty (no-color.org). As in
 * Node's own `tty.getColorDepth`, FORCE_COLOR wins over NO_COLOR.
 */
export function useColor(choice: ColorChoice, t: Terminal): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = t.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (t.env.NO_COLOR !== undefined && t.env.NO_COLOR !== '') return false;
  return t.stdoutIsTTY;
}

const RESET = '\u001b[0m';
const STYLE = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[1;31m',
  yellow: '\u001b[1;33m',
  green: '\u001b[1;32m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof STYLE;

function paint(style: Style, s: string): string {
  return `${STYLE[style]}${s}${RESET}`;
}

/** Section headings of the text report and their colour, by their first word(s). */
const SECTION: [RegExp, Style][] = [
  [/^Breaking \(\d+\):$/, 'red'],
  [/^Potentially breaking \(\d+\):$/, 'yellow'],
  [/^Addition \(\d+\):$/, 'green'],
  [/^Non-ABI \(\d+\):$/, 'dim'],
];

const LEVEL: Record<string, Style> = { high: 'red', medium: 'yellow', low: 'cyan' };
const STATE: Record<string, Style> = { success: 'green', pending: 'yellow', failure: 'red', error: 'red' };

/**
 * Control characters (other than newline and tab) shown as `\u{1b}`, as the text report shows
 * them: only our own escapes may reach the terminal, never a byte of the analysed source.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function inert(s: string): string {
  return s.replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

function colorLine(line: string, kind: 'text' | 'markdown'): string {
  let m: RegExpExecArray | null;
  if (kind === 'markdown') {
    if (/^#{1,6} /.test(line)) return paint('bold', line);
    return line;
  }
  for (const [re, style] of SECTION) if (re.test(line)) return paint(style, line);
  if ((m = /^(FAIL|ok {2})( .*)$/s.exec(line))) return paint(m[1] === 'FAIL' ? 'red' : 'green', m[1]) + m[2];
  if ((m = /^( {2})\[(high|medium|low)\]( .*)$/s.exec(line)))
    return `${m[1]}${paint(LEVEL[m[2]], `[${m[2]}]`)}${m[3]}`;
  if ((m = /^( +\[ \] )(high|medium|low)( .*)$/s.exec(line))) return m[1] + paint(LEVEL[m[2]], m[2]) + m[3];
  if ((m = /^(status \S+: )(success|pending|failure|error)( .*)?$/s.exec(line)))
    return m[1] + paint(STATE[m[2]], m[2]) + (m[3] ?? '');
  if ((m = /^( {4})(\S+)( {2}.*)$/s.exec(line)) && /^[a-z][a-z0-9-]*$/.test(m[2]))
    return m[1] + paint('bold', m[2]) + m[3];
  // a heading of the text report or the surface: no indentation, ends with a colon
  if (/^[A-Za-z][^:]*:$/.test(line) || /^(FFI surface review|ffi surface of )/.test(line))
    return paint('bold', line);
  return line;
}

/**
 * The report with ANSI colours: severities, levels, verdicts and headings; everything else as
 * is. Linear in the text (one anchored pattern set per line).
 */
export function colorize(text: string, kind: 'text' | 'markdown'): string {
  return inert(text)
    .split('\n')
    .map((l) => colorLine(l, kind))
    .join('\n');
}
