/**
 * Inline assembly (`asm!`, `naked_asm!` of `core::arch`): its template is handed to the assembler,
 * and an assembler directive can define a global symbol — `asm!(".globl evil", "evil:", "ret")`
 * makes `evil` a global symbol of a staticlib, which a C program links against (checked with rustc
 * 1.95 and `nm`, whatever the case of the directive's name or how the literal spells its dot; on
 * Linux a cdylib's version script keeps it local, but other linkers and targets need not — a COFF
 * `.drectve` section exports from a DLL). Most inline
 * assembly is instructions and operands only, so an invocation is reported only when it is not
 * provably harmless: every template is a plain string literal (normal or raw), nothing in the
 * invocation's input is a macro call (`concat!`, `include_str!`, `stringify!`, a crate macro: the
 * text they make is not read here), and the decoded templates hold no directive outside a short
 * list of ones that cannot create, export or alias a symbol.
 *
 * The check is an allowlist: any other directive is dangerous, whether or not it is known to
 * define symbols (`.globl`, `.global`, `.weak`, `.comm`, `.set`, `.equ`, `.symver`, `.macro`,
 * `.rept`, `.incbin`, `.include`, `.type`, …), and so is anything the check cannot read (an escape
 * rustc would reject, a template that is not a literal). A directive is looked for at every `.`
 * followed by a letter or `_` that does not continue a name (`b.eq`, `v0.d`, `{0:v}.d` are not
 * directives), not only at the start of a statement: statement separators differ between
 * assemblers (`;`, `%%` on Apple arm64, newlines), and a directive cannot hide in the middle of a
 * statement. Pure and linear in the invocation's tokens and text.
 */
import { decodeEscapes } from '../rust/attributes';
import type { Token } from '../rust/lexer';

/** The macros whose templates this module reads (their std meaning: `core::arch::asm`, …). */
export const INLINE_ASM_MACROS: ReadonlySet<string> = new Set(['asm', 'naked_asm']);

/**
 * Directives that emit data or code, align, switch sections, set the syntax or the instruction
 * set, or describe unwinding — none defines, exports or aliases a symbol (lower case: directive
 * names are case-insensitive in GNU as and LLVM's assembler). `.cfi_*` and `.seh_*` count too.
 */
const HARMLESS_DIRECTIVES: ReadonlySet<string> = new Set([
  // data and padding
  'byte',
  'short',
  'hword',
  'word',
  'long',
  'int',
  'quad',
  'octa',
  'ascii',
  'asciz',
  'string',
  'float',
  'double',
  'single',
  'zero',
  'skip',
  'space',
  'fill',
  'nop',
  'nops',
  'inst',
  'inst.n',
  'inst.w',
  'insn',
  // alignment
  'align',
  'balign',
  'balignw',
  'balignl',
  'p2align',
  'p2alignw',
  'p2alignl',
  'even',
  // sections (the section's name, which may start with a dot, is skipped)
  'section',
  'pushsection',
  'popsection',
  'previous',
  'subsection',
  'text',
  'data',
  'bss',
  // syntax, instruction set and target features
  'intel_syntax',
  'att_syntax',
  'code16',
  'code16gcc',
  'code32',
  'code64',
  'arch',
  'arch_extension',
  'cpu',
  'fpu',
  'option',
  'attribute',
  'syntax',
  'thumb',
  'thumb_func',
  'arm',
]);

/**
 * MIPS assembler options (`.set noat`, `.set noreorder`, `.set mips32r2`): `.set` followed by one
 * of them and no `,` or `=` sets an option, where `.set name, value` (elsewhere dangerous) defines a
 * symbol. rustix's MIPS system calls use them.
 */
const MIPS_SET_OPTION =
  /^(?:no)?(?:at|reorder|macro|volatile|move|bopt|mips16|micromips|dsp|dspr2|dspr3|msa|virt|mt|eva|mcu|crc|ginv|sym32|insn32|oddspreg)$|^(?:push|pop|hardfloat|softfloat|singlefloat|doublefloat|mips(?:0|1|2|3|4|5|32|64)(?:r[2356])?)$/;

/** Directives followed by a section name (`.section .text.hot`): the name is not a directive. */
const SECTION_DIRECTIVES: ReadonlySet<string> = new Set(['section', 'pushsection']);

/**
 * Why the `asm!`/`naked_asm!` invocation whose input is the tokens `[from, to)` (inside its
 * delimiters) may define a symbol, or null when it provably cannot: its templates are plain
 * string literals whose text holds no dangerous directive, and its input holds no macro call.
 * `skip(i)`: the index just past the token tree at `i`.
 */
export function inlineAsmRisk(
  tokens: Token[],
  from: number,
  to: number,
  skip: (i: number) => number,
): string | null {
  // a macro call anywhere in the input (a template made by `concat!`, an operand made by a crate
  // macro): the text it makes is not read here
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.text === '!' && tokens[k + 1]?.kind === 'open' && tokens[k - 1]?.kind === 'ident' && k > from) {
      const name = tokens[k - 1].text;
      return /^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)
        ? `a macro call (\`${name}!\`) in its input`
        : 'a macro call in its input';
    }
    if (t.text === '$') return 'a macro variable in its input';
  }
  const templates: string[] = [];
  let raw = false;
  // the arguments, split at top-level commas
  let k = from;
  while (k < to) {
    const start = k;
    while (k < to && tokens[k].text !== ',') k = Math.min(skip(k), to);
    const end = k; // the argument is [start, end)
    k++; // past the comma
    if (end === start) continue; // a trailing comma
    if (end - start === 1 && tokens[start].kind === 'literal') {
      // a string after the operands is no template to rustc (it rejects it): read as one anyway
      const lit = stringLiteralText(tokens[start]);
      if (lit === null) return 'a template that is not a plain string literal';
      if (lit === false) return 'a template with an escape the engine does not decode';
      templates.push(lit);
      continue;
    }
    if (!templates.length) return 'a template that is not a plain string literal';
    // an operand: `in(reg) x`, `sym f`, `const N`, `clobber_abi("C")`, `options(…)`; a string
    // among its top-level tokens is read as template text too (rustc would reject the invocation)
    for (let m = start; m < end; m = skip(m)) {
      if (tokens[m].kind !== 'literal' || !/^r?#*"/.test(tokens[m].text)) continue;
      const lit = stringLiteralText(tokens[m]);
      if (lit === null || lit === false) return 'a string the engine does not decode among its operands';
      templates.push(lit);
    }
    // `options(raw)`: the templates are assembly as written, `{…}` is not an operand
    const first = tokens[start];
    if (first.kind === 'ident' && first.text === 'options' && tokens[start + 1]?.text === '(')
      for (let m = start + 2; m < end; m++)
        if (tokens[m].kind === 'ident' && tokens[m].text === 'raw') raw = true;
  }
  if (!templates.length) return 'no template';
  return asmTextRisk(templates.join('\n'), raw);
}

/**
 * The text of a plain string literal token (`"…"` with its escapes decoded, or raw `r#"…"#`), false
 * when it is one whose escapes rustc would reject, null when the token is not such a literal (a
 * byte or C string, a suffix, an unterminated literal).
 */
export function stringLiteralText(t: Token): string | false | null {
  if (t.kind !== 'literal') return null;
  const s = t.text;
  if (s.charCodeAt(0) === 114 /* r */) {
    let h = 1;
    while (s.charCodeAt(h) === 35 /* # */) h++;
    const hashes = h - 1;
    if (s.charCodeAt(h) !== 34 /* " */ || s.length < 2 * hashes + 3) return null;
    if (!s.endsWith('"' + '#'.repeat(hashes))) return null;
    return s.slice(h + 1, s.length - 1 - hashes).replace(/\r\n/g, '\n');
  }
  if (s.charCodeAt(0) !== 34 /* " */ || s.length < 2 || s.charCodeAt(s.length - 1) !== 34) return null;
  return decodeEscapes(s.slice(1, -1), true);
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

/** A character that continues a name before a `.` (so the `.` starts no directive): `b.eq`, `v0.d`. */
function continuesName(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9') || c === '$';
}

/**
 * `text` without its `//` comments (LLVM's assembler, which rustc uses for inline assembly, reads
 * `//` to the end of the line as a comment on every target that allows it, and an error on the
 * others). Only where the line holds no quote before the `//`: in `.ascii "//"` the `//` is data,
 * and a quote the check misreads must not hide the rest of the line. Other comment characters
 * (`#`, `@`, `;`) depend on the target and are read as text.
 */
function withoutLineComments(text: string): string {
  if (!text.includes('//')) return text;
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf('//'); at >= 0; at = text.indexOf('//', from)) {
    // the line's start, looked for back to `from` only (a line break ends every earlier comment)
    let lineStart = at;
    while (lineStart > from && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    const before = text.slice(lineStart, at);
    let lineEnd = at + 2;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (before.includes('"') || before.includes("'")) {
      out.push(text.slice(from, lineEnd));
    } else {
      out.push(text.slice(from, at));
    }
    from = lineEnd;
  }
  out.push(text.slice(from));
  return out.join('');
}

/** `{}`, `{0}`, `{x}`, `{0:e}`, `{x:w}`: an operand placeholder of a template (not `{{`). */
const PLACEHOLDER = /^\{[A-Za-z0-9_]*(?::[A-Za-z0-9_]*)?\}/;

/**
 * Why the assembly text `text` (the templates joined by line breaks) may define a symbol, or null.
 * `raw`: `options(raw)`, the text is assembly as written (no `{…}` placeholders).
 */
export function asmTextRisk(asm: string, raw: boolean): string | null {
  const text = withoutLineComments(asm);
  // `name::` defines a global label in some assemblers
  if (text.includes('::')) return '`::` (a global label to some assemblers)';
  // the linker directives of a COFF object (`.section .drectve` + `-export:name`)
  if (/drectve/i.test(text)) return 'the .drectve section (linker directives that can export)';
  const n = text.length;
  /** The character before `i` continues a name, or is a placeholder (`{0:v}.d`). */
  let afterName = false;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (!raw && c === '{') {
      if (text[i + 1] === '{') {
        afterName = false;
        i += 2;
        continue;
      }
      const p = PLACEHOLDER.exec(text.slice(i, i + 80));
      if (p) {
        afterName = true;
        i += p[0].length;
        continue;
      }
    }
    if (c === '.' && !afterName) {
      const d = text[i + 1];
      if (!raw && d === '{' && text[i + 2] !== '{') return 'a directive name made from an operand';
      if (d !== undefined && isNameStart(d)) {
        let j = i + 1;
        while (j < n && (continuesName(text[j]) || text[j] === '.')) j++;
        const name = text.slice(i + 1, j);
        const lower = name.toLowerCase();
        if (!raw && text[j] === '{' && text[j + 1] !== '{') return 'a directive name made from an operand';
        const option = lower === 'set' ? mipsSetOption(text, j) : -1;
        if (
          option < 0 &&
          !HARMLESS_DIRECTIVES.has(lower) &&
          !lower.startsWith('cfi_') &&
          !lower.startsWith('seh_')
        )
          return `the directive \`.${name.length > 32 ? name.slice(0, 32) + '…' : name}\``;
        i = option < 0 ? j : option;
        if (SECTION_DIRECTIVES.has(lower)) {
          // the section's name: `.text.hot`, `"name"`, `__TEXT,__text`
          while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
          if (text[i] === '"') {
            const close = text.indexOf('"', i + 1);
            i = close < 0 ? n : close + 1;
          } else while (i < n && (continuesName(text[i]) || text[i] === '.' || text[i] === '-')) i++;
        }
        afterName = true;
        continue;
      }
    }
    afterName = continuesName(c);
    i++;
  }
  return null;
}

/**
 * The end of a MIPS option after the `.set` that ends at `at` (`.set noat`), or -1 when the `.set`
 * is anything else (a symbol assignment `.set name, value` among them).
 */
function mipsSetOption(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const start = i;
  while (i < text.length && continuesName(text[i])) i++;
  if (i === start || i - start > 16 || !MIPS_SET_OPTION.test(text.slice(start, i))) return -1;
  let k = i;
  while (text[k] === ' ' || text[k] === '\t') k++;
  return text[k] === ',' || text[k] === '=' ? -1 : i;
}
