/**
 * The C preprocessor's job, only as far as declarations need it: comments and line continuations
 * removed, `#if`/`#ifdef`/`#ifndef`/`#elif`/`#else`/`#endif` followed (`__cplusplus` is not
 * defined, include guards hold, macros defined earlier in the file are known; any other condition
 * is unknown: its lines are kept and carry the condition's text), object-like `#define`s recorded
 * and expanded, `#include`s recorded. The output has exactly the input's lines, so every line
 * number read from it is a line of the file. Linear in the input, every recursion bounded.
 */

export interface PreprocessOptions {
  /** Largest output, in characters, that macro expansion may produce (default: 2 × input + 64 KiB). */
  maxOutputChars?: number;
  /** Deepest `#if` nesting followed (default 64). */
  maxIfDepth?: number;
}

export interface Define {
  name: string;
  /** The replacement text (one line, comments removed). */
  value: string;
  /** 1-based line of the directive. */
  line: number;
  condition: string | null;
}

export interface Include {
  /** As written between the quotes or angle brackets. */
  name: string;
  /** `<…>`: a system header the caller does not resolve. */
  system: boolean;
  line: number;
  condition: string | null;
}

export interface PreprocessDiagnostic {
  line: number;
  message: string;
}

export interface Preprocessed {
  /** The text to parse: same number of lines as the input. */
  text: string;
  /** Condition of each 0-based line (null: unconditional), joined with ` && `. */
  conditionOf(row: number): string | null;
  defines: Define[];
  includes: Include[];
  diagnostics: PreprocessDiagnostic[];
  /** False when a bound was hit: what was read is true, but something may be missing. */
  complete: boolean;
}

type Tri = 'T' | 'F' | 'U';

interface Frame {
  /** State of the branch being read. */
  state: Tri;
  /** Condition text of the branch being read when its state is unknown. */
  cond: string | null;
  /** Whether some earlier branch of the chain was true / unknown. */
  seenTrue: boolean;
  seenUnknown: string[];
  line: number;
}

interface Macro {
  value: string;
  /** Defined under an unknown condition. */
  certain: boolean;
  functionLike: boolean;
  /** Parameter names of a function-like macro (`...` is `__VA_ARGS__`). */
  params: string[];
}

/** What the reader takes as predefined: C17, not C++ (`__cplusplus` is not defined). */
const PREDEFINED: ReadonlyMap<string, number> = new Map([
  ['__STDC__', 1],
  ['__STDC_VERSION__', 201710],
]);

const MAX_EXPANSION_DEPTH = 8;
/** Function-like macro invocations tried per file, and how far one's arguments are looked for. */
const MAX_INVOCATIONS = 20_000;
const MAX_ARGUMENT_CHARS = 1024;
/** Longest condition text kept per `#if` (a hostile header may write a megabyte-long one). */
const MAX_CONDITION_CHARS = 300;

const clip = (s: string): string =>
  s.length > MAX_CONDITION_CHARS ? `${s.slice(0, MAX_CONDITION_CHARS)}…` : s;
const MAX_EXPR_DEPTH = 64;

/** Removes comments and joins continuation lines, keeping the number of lines (linear). */
export function stripComments(text: string): { text: string; unterminated: number | null } {
  const out: string[] = [];
  let pending = 0; // newlines swallowed by a continuation or a comment, emitted at the next newline
  let i = 0;
  let row = 0;
  let unterminated: number | null = null;
  let start = 0; // start of the current run of plain characters
  const flush = (to: number): void => {
    if (to > start) out.push(text.slice(start, to));
  };
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      flush(i + 1);
      if (pending) out.push('\n'.repeat(pending));
      pending = 0;
      row++;
      i++;
      start = i;
      continue;
    }
    if (c === 92 /* \ */ && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      flush(i);
      i += text[i + 1] === '\n' ? 2 : 3;
      pending++;
      row++;
      start = i;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      // a literal ends at its quote or at the end of the line
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 10)
        j += text.charCodeAt(j) === 92 ? 2 : 1;
      i = Math.min(j + 1, n);
      if (j < n && text.charCodeAt(j) === 10) i = j;
      continue;
    }
    if (c === 47 /* / */ && text[i + 1] === '/') {
      flush(i);
      let j = i + 2;
      while (j < n && text.charCodeAt(j) !== 10) {
        if (text.charCodeAt(j) === 92 && text[j + 1] === '\n') {
          pending++;
          row++;
          j++;
        }
        j++;
      }
      out.push(' ');
      i = j;
      start = i;
      continue;
    }
    if (c === 47 && text[i + 1] === '*') {
      flush(i);
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      if (end < 0) unterminated = row + 1;
      for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 10) pending++;
      out.push(' ');
      i = stop;
      start = i;
      continue;
    }
    i++;
  }
  flush(n);
  if (pending) out.push('\n'.repeat(pending));
  return { text: out.join(''), unterminated };
}

type Tok = { t: string; kind: 'id' | 'num' | 'op' | 'str' };

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  const re =
    /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(&&|\|\||==|!=|<=|>=|<<|>>|##|\S))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === '') break;
    if (m[1] !== undefined) toks.push({ t: m[1], kind: 'id' });
    else if (m[2] !== undefined) toks.push({ t: m[2], kind: 'num' });
    else if (m[3] !== undefined) toks.push({ t: m[3], kind: 'str' });
    else if (m[4] !== undefined) toks.push({ t: m[4], kind: 'op' });
  }
  return toks;
}

const not = (a: Tri): Tri => (a === 'T' ? 'F' : a === 'F' ? 'T' : 'U');
const and = (a: Tri, b: Tri): Tri => (a === 'F' || b === 'F' ? 'F' : a === 'T' && b === 'T' ? 'T' : 'U');
const or = (a: Tri, b: Tri): Tri => (a === 'T' || b === 'T' ? 'T' : a === 'F' && b === 'F' ? 'F' : 'U');

/**
 * Evaluates a `#if` expression to true, false or unknown. Known: `__cplusplus` (not defined: we
 * read the header as C), integer literals, and macros defined earlier in the file; everything the
 * compiler may predefine (`_WIN32`, feature macros) is unknown.
 */
function evaluate(
  expr: string,
  macros: ReadonlyMap<string, Macro>,
  notDefined: ReadonlySet<string> = NONE,
): Tri {
  const toks = tokenize(expr);
  let i = 0;
  // values: a number when known, 'U' when unknown
  type V = number | 'U';
  const truth = (v: V): Tri => (v === 'U' ? 'U' : v !== 0 ? 'T' : 'F');
  const fromTri = (t: Tri): V => (t === 'U' ? 'U' : t === 'T' ? 1 : 0);
  const definedOf = (name: string): Tri => {
    if (name === '__cplusplus') return 'F';
    if (PREDEFINED.has(name)) return 'T';
    const m = macros.get(name);
    if (m) return m.certain ? 'T' : 'U';
    return notDefined.has(name) ? 'F' : 'U';
  };
  const valueOf = (name: string): V => {
    if (name === '__cplusplus') return 0;
    const pre = PREDEFINED.get(name);
    if (pre !== undefined) return pre;
    const m = macros.get(name);
    if (!m && notDefined.has(name)) return 0;
    if (!m || !m.certain || m.functionLike) return 'U';
    const v = m.value.trim();
    if (/^[0-9]+$/.test(v)) return Number(v);
    if (v === '') return 0;
    return 'U';
  };
  const primary = (depth: number): V => {
    if (depth > MAX_EXPR_DEPTH) throw new Error('too deep');
    const tok = toks[i++];
    if (!tok) throw new Error('end');
    if (tok.t === '!') return fromTri(not(truth(primary(depth + 1))));
    if (tok.t === '(') {
      const v = orExpr(depth + 1);
      if (toks[i++]?.t !== ')') throw new Error(')');
      return v;
    }
    if (tok.t === 'defined') {
      const paren = toks[i]?.t === '(';
      if (paren) i++;
      const name = toks[i++];
      if (!name || name.kind !== 'id') throw new Error('defined');
      if (paren && toks[i++]?.t !== ')') throw new Error(')');
      return fromTri(definedOf(name.t));
    }
    if (tok.kind === 'num')
      return tok.t.startsWith('0x') || tok.t.startsWith('0X') ? parseInt(tok.t, 16) : Number(tok.t);
    if (tok.kind === 'id') {
      if (toks[i]?.t === '(') throw new Error('function-like macro');
      return valueOf(tok.t);
    }
    throw new Error(`unexpected ${tok.t}`);
  };
  const compare = (depth: number): V => {
    let a = primary(depth);
    for (;;) {
      const op = toks[i]?.t;
      if (op !== '==' && op !== '!=' && op !== '<' && op !== '>' && op !== '<=' && op !== '>=') return a;
      i++;
      const b = primary(depth);
      if (a === 'U' || b === 'U') a = 'U';
      else
        a = Number(
          op === '=='
            ? a === b
            : op === '!='
              ? a !== b
              : op === '<'
                ? a < b
                : op === '>'
                  ? a > b
                  : op === '<='
                    ? a <= b
                    : a >= b,
        );
    }
  };
  const andExpr = (depth: number): V => {
    let a = compare(depth);
    while (toks[i]?.t === '&&') {
      i++;
      a = fromTri(and(truth(a), truth(compare(depth))));
    }
    return a;
  };
  function orExpr(depth: number): V {
    let a = andExpr(depth);
    while (toks[i]?.t === '||') {
      i++;
      a = fromTri(or(truth(a), truth(andExpr(depth))));
    }
    return a;
  }
  try {
    const v = orExpr(0);
    return i === toks.length ? truth(v) : 'U';
  } catch {
    return 'U';
  }
}

const NONE: ReadonlySet<string> = new Set();
const MAX_EVALUATED_CONDITION_CHARS = 4096;

/**
 * Evaluates the condition a declaration sits under (`conditionOf`'s text, e.g.
 * `defined(_WIN32) && !(defined(FEATURE))`) for one target: `defined` names the macros that
 * target's compiler predefines (with their values), `notDefined` those it is known not to; any
 * other name is unknown. A condition longer than 4096 characters is unknown.
 */
export function evaluateCondition(
  condition: string,
  defined: ReadonlyMap<string, number>,
  notDefined: ReadonlySet<string>,
): 'true' | 'false' | 'unknown' {
  if (condition.length > MAX_EVALUATED_CONDITION_CHARS) return 'unknown';
  const macros = new Map<string, Macro>();
  for (const [name, value] of defined)
    macros.set(name, { value: String(value), certain: true, functionLike: false, params: [] });
  const v = evaluate(condition, macros, notDefined);
  return v === 'T' ? 'true' : v === 'F' ? 'false' : 'unknown';
}

const DIRECTIVE = /^\s*#\s*([A-Za-z_]+)?\s*(.*)$/;

/** Runs the preprocessor subset over a header or a cgo preamble. */
export function preprocess(input: string, options: PreprocessOptions = {}): Preprocessed {
  const stripped = stripComments(input);
  const lines = stripped.text.split('\n');
  const maxOut = options.maxOutputChars ?? 2 * input.length + 65536;
  const maxDepth = options.maxIfDepth ?? 64;
  const diagnostics: PreprocessDiagnostic[] = [];
  if (stripped.unterminated !== null)
    diagnostics.push({
      line: stripped.unterminated,
      message: 'unterminated comment: it runs to the end of the file',
    });
  const defines: Define[] = [];
  const includes: Include[] = [];
  const macros = new Map<string, Macro>();
  const stack: Frame[] = [];
  const conditions: string[] = [];
  const conditionIndex = new Map<string, number>();
  const lineCondition = new Int32Array(lines.length).fill(-1);
  let complete = true;
  let outChars = 0;
  let expansionStopped = false;
  let invocations = 0;

  const active = (): boolean => stack.every((f) => f.state !== 'F');
  const certain = (): boolean => stack.every((f) => f.state === 'T');
  const currentCondition = (): string | null => {
    const parts = stack.filter((f) => f.state === 'U' && f.cond !== null).map((f) => f.cond as string);
    return parts.length ? parts.join(' && ') : null;
  };
  const conditionId = (c: string | null): number => {
    if (c === null) return -1;
    let id = conditionIndex.get(c);
    if (id === undefined) {
      id = conditions.length;
      conditions.push(c);
      conditionIndex.set(c, id);
    }
    return id;
  };
  const nextNonEmpty = (from: number): string => {
    for (let j = from; j < lines.length && j < from + 64; j++) if (lines[j].trim() !== '') return lines[j];
    return '';
  };
  const paren = (c: string): string => (/^[\w]+$|^!?defined\s*\(\s*\w+\s*\)$/.test(c) ? c : `(${c})`);

  const open = (state: Tri, cond: string, row: number): void => {
    if (stack.length >= maxDepth) {
      diagnostics.push({
        line: row + 1,
        message: `#if nesting deeper than ${maxDepth}: the rest of the file is not read`,
      });
      complete = false;
      throw new StopReading();
    }
    stack.push({
      state,
      cond: state === 'U' ? cond : null,
      seenTrue: state === 'T',
      seenUnknown: state === 'U' ? [cond] : [],
      line: row + 1,
    });
  };

  const expand = (line: string): string => {
    if (expansionStopped || macros.size === 0) return line;
    if (!/[A-Za-z_]/.test(line)) return line;
    const out = expandText(line, new Set(), 0);
    return out;
  };
  const expandText = (text: string, hidden: Set<string>, depth: number): string => {
    const re = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*/g;
    let result = '';
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const word = m[0];
      const macro = word[0] === '"' || word[0] === "'" ? undefined : macros.get(word);
      if (expansionStopped || !macro || hidden.has(word) || depth >= MAX_EXPANSION_DEPTH) continue;
      let end = m.index + word.length;
      let body = macro.value;
      if (macro.functionLike) {
        if (++invocations > MAX_INVOCATIONS) {
          expansionStopped = true;
          complete = false;
          break;
        }
        const call = macroArguments(text, end);
        if (!call) continue;
        end = call.end;
        body = substitute(macro, call.args);
      }
      outChars += body.length;
      if (outChars > maxOut) {
        expansionStopped = true;
        complete = false;
        break;
      }
      const inner = new Set(hidden);
      inner.add(word);
      result += text.slice(last, m.index) + expandText(body, inner, depth + 1);
      last = end;
      re.lastIndex = end;
    }
    return result + text.slice(last);
  };

  const out: string[] = new Array<string>(lines.length);
  try {
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row];
      const d = line.includes('#') ? DIRECTIVE.exec(line) : null;
      if (!d) {
        if (active()) {
          const expanded = expand(line);
          outChars += line.length;
          out[row] = expanded;
          lineCondition[row] = conditionId(currentCondition());
        } else out[row] = '';
        continue;
      }
      out[row] = '';
      const name = d[1] ?? '';
      const rest = d[2].trim();
      switch (name) {
        case 'if':
        case 'ifdef':
        case 'ifndef': {
          if (!active()) {
            open('F', '', row);
            break;
          }
          const id = clip(/^[A-Za-z_]\w*/.exec(rest)?.[0] ?? '');
          let state: Tri;
          let cond: string;
          if (name === 'if') {
            state = evaluate(rest, macros);
            cond = clip(rest);
          } else if (name === 'ifdef') {
            state = evaluate(`defined(${id})`, macros);
            cond = `defined(${id})`;
          } else {
            state = not(evaluate(`defined(${id})`, macros));
            cond = `!defined(${id})`;
            // an include guard, or a default for a macro: `#ifndef X` then `#define X`
            if (state === 'U' && new RegExp(`^\\s*#\\s*define\\s+${id}\\b`).test(nextNonEmpty(row + 1)))
              state = 'T';
          }
          open(state, cond, row);
          break;
        }
        case 'elif':
        case 'else': {
          const f = stack[stack.length - 1];
          if (!f) {
            diagnostics.push({ line: row + 1, message: `#${name} without #if` });
            break;
          }
          const parentActive = stack.slice(0, -1).every((p) => p.state !== 'F');
          if (!parentActive || f.seenTrue) {
            f.state = 'F';
            f.cond = null;
            break;
          }
          const prior = f.seenUnknown.map((c) => `!${paren(c)}`);
          const v: Tri = name === 'else' ? 'T' : evaluate(rest, macros);
          if (v === 'F') {
            f.state = 'F';
            f.cond = null;
          } else if (v === 'T' && prior.length === 0) {
            f.state = 'T';
            f.cond = null;
            f.seenTrue = true;
          } else {
            f.state = 'U';
            f.cond = [...prior, ...(name === 'elif' && v === 'U' ? [paren(clip(rest))] : [])].join(' && ');
            if (name === 'elif' && v === 'U') f.seenUnknown.push(clip(rest));
          }
          break;
        }
        case 'endif':
          if (!stack.pop()) diagnostics.push({ line: row + 1, message: '#endif without #if' });
          break;
        case 'define': {
          if (!active()) break;
          const m = /^([A-Za-z_]\w*)(\()?\s*(.*)$/.exec(rest);
          if (!m) {
            diagnostics.push({ line: row + 1, message: 'unreadable #define' });
            break;
          }
          const functionLike = m[2] !== undefined;
          let value = m[3].trim();
          let params: string[] = [];
          if (functionLike) {
            const close = value.indexOf(')');
            params =
              close < 0
                ? []
                : value
                    .slice(0, close)
                    .split(',')
                    .map((p) => p.trim())
                    .filter((p) => p !== '');
            value = close < 0 ? '' : value.slice(close + 1).trim();
          }
          macros.set(m[1], { value, certain: certain(), functionLike, params });
          if (!functionLike)
            defines.push({ name: m[1], value: m[3].trim(), line: row + 1, condition: currentCondition() });
          break;
        }
        case 'undef': {
          if (!active()) break;
          const id = /^[A-Za-z_]\w*/.exec(rest)?.[0];
          if (id) {
            if (certain()) macros.delete(id);
            else macros.set(id, { value: '', certain: false, functionLike: false, params: [] });
          }
          break;
        }
        case 'include':
        case 'include_next':
        case 'import': {
          if (!active()) break;
          const m = /^(?:"([^"]*)"|<([^>]*)>)/.exec(rest);
          if (m)
            includes.push({
              name: m[1] ?? m[2],
              system: m[1] === undefined,
              line: row + 1,
              condition: currentCondition(),
            });
          else diagnostics.push({ line: row + 1, message: 'unreadable #include' });
          break;
        }
        default:
          // #pragma, #error, #warning, #line, #cgo, the null directive: nothing for declarations
          break;
      }
    }
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  for (let row = 0; row < out.length; row++) if (out[row] === undefined) out[row] = '';
  for (const f of stack) diagnostics.push({ line: f.line, message: 'unterminated #if: no matching #endif' });
  if (expansionStopped)
    diagnostics.push({
      line: 0,
      message: `macro expansion exceeded ${maxOut} characters: stopped expanding`,
    });
  return {
    text: out.join('\n'),
    conditionOf: (row: number) => {
      const id = row >= 0 && row < lineCondition.length ? lineCondition[row] : -1;
      return id < 0 ? null : conditions[id];
    },
    defines,
    includes,
    diagnostics,
    complete,
  };
}

class StopReading extends Error {}

/** The arguments of a function-like macro invoked at `from` (spaces, then `(`), on the same line. */
function macroArguments(text: string, from: number): { args: string[]; end: number } | null {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '(') return null;
  const args: string[] = [];
  let depth = 0;
  let start = i + 1;
  const stop = Math.min(text.length, i + MAX_ARGUMENT_CHARS);
  for (let j = i + 1; j < stop; j++) {
    const c = text[j];
    if (c === '"' || c === "'") {
      let k = j + 1;
      while (k < stop && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      j = k;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        args.push(text.slice(start, j).trim());
        return { args: args.length === 1 && args[0] === '' ? [] : args, end: j + 1 };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, j).trim());
      start = j + 1;
    }
  }
  return null;
}

/** A function-like macro's body with its parameters replaced (`#x` becomes a string literal). */
function substitute(macro: Macro, args: string[]): string {
  const variadic = macro.params[macro.params.length - 1] === '...';
  const named = variadic ? macro.params.slice(0, -1) : macro.params;
  const values = new Map<string, string>();
  named.forEach((p, i) => values.set(p, args[i] ?? ''));
  if (variadic) values.set('__VA_ARGS__', args.slice(named.length).join(', '));
  return macro.value
    .replace(
      /##|#\s*([A-Za-z_]\w*)|\b([A-Za-z_]\w*)\b/g,
      (all, str: string | undefined, id: string | undefined) => {
        if (str !== undefined && values.has(str)) return JSON.stringify(values.get(str));
        if (str !== undefined) return all;
        return id !== undefined && values.has(id) ? (values.get(id) as string) : all;
      },
    )
    .replace(/\s*##\s*/g, '');
}
