/**
 * THE type model of the engine (one model per concept): extraction writes normalised spellings,
 * and every rule engine, the layout module and the renderers read them through this parser.
 * A small parser for the normalised type spellings the extractor produces (`*const c_char`,
 * `&mut Foo`, `Option<extern "C" fn(c_int) -> c_int>`, `[u8; 4]`, `(i32, i32)`, `impl Copy`).
 * The findings reason about the structure of a type, not about its text. Whatever it cannot read
 * becomes `{ k: 'other' }`, which every rule treats as "nothing known".
 */

export type RustType =
  | { k: 'ptr'; mut: boolean; to: RustType }
  | { k: 'ref'; mut: boolean; to: RustType }
  | { k: 'slice'; of: RustType }
  | { k: 'array'; of: RustType; len: string }
  | { k: 'tuple'; items: RustType[] }
  | { k: 'fn'; abi: string | null; unsafe: boolean; params: RustType[]; ret: RustType | null }
  | { k: 'dyn' | 'impl'; bounds: string }
  | { k: 'path'; name: string; args: RustType[] }
  | { k: 'never' }
  | { k: 'other'; text: string };

interface Tok {
  t: string;
  kind: 'ident' | 'punct' | 'str' | 'lifetime';
  /** Offsets of the token in the source text. */
  from: number;
  to: number;
}

const MAX_TYPE_LENGTH = 4096;
const MAX_DEPTH = 48;

function tokenize(text: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ t: text.slice(i + 1, j), kind: 'str', from: i, to: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const m = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) return null;
      out.push({ t: m[0], kind: 'lifetime', from: i, to: i + m[0].length });
      i += m[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_]+/.exec(text.slice(i));
    if (word) {
      out.push({ t: word[0], kind: 'ident', from: i, to: i + word[0].length });
      i += word[0].length;
      continue;
    }
    const multi = ['::', '->', '...'].find((p) => text.startsWith(p, i));
    if (multi) {
      out.push({ t: multi, kind: 'punct', from: i, to: i + multi.length });
      i += multi.length;
      continue;
    }
    out.push({ t: c, kind: 'punct', from: i, to: i + 1 });
    i++;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
  ) {}

  get done(): boolean {
    return this.i >= this.toks.length;
  }

  private peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }

  private eat(t: string): boolean {
    if (this.peek()?.t === t) {
      this.i++;
      return true;
    }
    return false;
  }

  private expect(t: string): void {
    if (!this.eat(t)) throw new Error(`expected ${t}`);
  }

  /**
   * Text of the tokens up to (not including) a top-level stop token. `<`/`>` nest like brackets
   * in types, not in an expression (an array length `1 << 3`, `N > 2`): `angles` says which.
   */
  private until(stops: ReadonlySet<string>, angles = true): string {
    const start = this.i;
    let depth = 0;
    for (;;) {
      const tok = this.peek();
      if (!tok) break;
      if (depth === 0 && stops.has(tok.t)) break;
      if (tok.t === '(' || tok.t === '[' || tok.t === '{' || (angles && tok.t === '<')) depth++;
      if (tok.t === ')' || tok.t === ']' || tok.t === '}' || (angles && tok.t === '>')) {
        if (depth === 0) break;
        depth--;
      }
      this.i++;
    }
    return this.slice(start, this.i);
  }

  private slice(from: number, to: number): string {
    if (to <= from) return '';
    return this.text.slice(this.toks[from].from, this.toks[to - 1].to);
  }

  type(depth: number): RustType {
    if (depth > MAX_DEPTH) throw new Error('too deep');
    const tok = this.peek();
    if (!tok) throw new Error('unexpected end');
    if (tok.t === '*') {
      this.i++;
      const m = this.peek()?.t;
      if (m !== 'const' && m !== 'mut') throw new Error('bad pointer');
      this.i++;
      return { k: 'ptr', mut: m === 'mut', to: this.type(depth + 1) };
    }
    if (tok.t === '&') {
      this.i++;
      if (this.peek()?.kind === 'lifetime') this.i++;
      const mut = this.eat('mut');
      return { k: 'ref', mut, to: this.type(depth + 1) };
    }
    if (tok.t === '[') {
      this.i++;
      const of = this.type(depth + 1);
      if (this.eat(';')) {
        const len = this.until(new Set([']']), false);
        this.expect(']');
        return { k: 'array', of, len };
      }
      this.expect(']');
      return { k: 'slice', of };
    }
    if (tok.t === '(') {
      this.i++;
      const items: RustType[] = [];
      while (!this.eat(')')) {
        items.push(this.type(depth + 1));
        if (!this.eat(',')) {
          this.expect(')');
          break;
        }
      }
      return { k: 'tuple', items };
    }
    if (tok.t === '!') {
      this.i++;
      return { k: 'never' };
    }
    if (tok.t === 'dyn' || tok.t === 'impl') {
      this.i++;
      return { k: tok.t, bounds: this.until(new Set([',', ';'])) };
    }
    if (tok.t === 'for' && this.peek(1)?.t === '<') {
      this.i += 2;
      this.until(new Set());
      this.expect('>');
      return this.type(depth + 1);
    }
    if (tok.t === 'unsafe' || tok.t === 'extern' || tok.t === 'fn') return this.fnPointer(depth);
    if (tok.t === '<') {
      // qualified path `<T as Trait>::Assoc`: nothing to reason about
      const start = this.i;
      this.i++;
      this.until(new Set());
      this.expect('>');
      while (this.eat('::')) this.i++;
      return { k: 'other', text: this.slice(start, this.i) };
    }
    if (tok.kind === 'ident') return this.path(depth);
    throw new Error(`unexpected ${tok.t}`);
  }

  private fnPointer(depth: number): RustType {
    let unsafe = false;
    let abi: string | null = null;
    if (this.eat('unsafe')) unsafe = true;
    if (this.eat('extern')) {
      const lit = this.peek();
      if (lit?.kind === 'str') {
        abi = lit.t;
        this.i++;
      } else abi = 'C';
    }
    this.expect('fn');
    this.expect('(');
    const params: RustType[] = [];
    while (!this.eat(')')) {
      if (this.eat('...')) continue;
      params.push(this.type(depth + 1));
      if (!this.eat(',')) {
        this.expect(')');
        break;
      }
    }
    const ret = this.eat('->') ? this.type(depth + 1) : null;
    return { k: 'fn', abi, unsafe, params, ret };
  }

  private path(depth: number): RustType {
    let name = this.peek()?.t ?? '';
    this.i++;
    while (this.peek()?.t === '::' && this.peek(1)?.kind === 'ident') {
      this.i++;
      name = this.peek()?.t ?? name;
      this.i++;
    }
    const args: RustType[] = [];
    if (this.eat('::') && this.peek()?.t !== '<') throw new Error('bad path');
    if (this.eat('<')) {
      while (!this.eat('>')) {
        const a = this.peek();
        if (a?.kind === 'lifetime') this.i++;
        else if (a?.kind === 'ident' && this.peek(1)?.t === '=') {
          // associated type binding `Item = T`
          this.i += 2;
          args.push(this.type(depth + 1));
        } else if (a?.kind === 'ident' && /^[0-9]/.test(a.t)) this.i++;
        else args.push(this.type(depth + 1));
        if (!this.eat(',')) {
          this.expect('>');
          break;
        }
      }
    }
    if (name === 'Self' || name === '_') return { k: 'other', text: name };
    return { k: 'path', name, args };
  }
}

/** Parses a normalised type spelling; unreadable input yields `{ k: 'other' }`. */
export function parseType(text: string): RustType {
  const other: RustType = { k: 'other', text };
  if (text.length > MAX_TYPE_LENGTH) return other;
  const toks = tokenize(text);
  if (!toks || toks.length === 0) return other;
  try {
    const p = new Parser(toks, text);
    const t = p.type(0);
    return p.done ? t : other;
  } catch {
    return other;
  }
}

/** `Option<X>` → X, else null. */
export function optionInner(t: RustType): RustType | null {
  return t.k === 'path' && t.name === 'Option' && t.args.length === 1 ? t.args[0] : null;
}

/** `Name<X>` with the given name → X, else null. */
export function wrapped(t: RustType, name: string): RustType | null {
  return t.k === 'path' && t.name === name && t.args.length === 1 ? t.args[0] : null;
}

/** Renders a parsed type back to the normalised spelling (for messages). */
export function renderType(t: RustType): string {
  switch (t.k) {
    case 'ptr':
      return `*${t.mut ? 'mut' : 'const'} ${renderType(t.to)}`;
    case 'ref':
      return `&${t.mut ? 'mut ' : ''}${renderType(t.to)}`;
    case 'slice':
      return `[${renderType(t.of)}]`;
    case 'array':
      return `[${renderType(t.of)}; ${t.len}]`;
    case 'tuple':
      return t.items.length === 1
        ? `(${renderType(t.items[0])},)`
        : `(${t.items.map(renderType).join(', ')})`;
    case 'fn': {
      const prefix = `${t.unsafe ? 'unsafe ' : ''}${t.abi !== null ? `extern "${t.abi}" ` : ''}`;
      return `${prefix}fn(${t.params.map(renderType).join(', ')})${t.ret ? ` -> ${renderType(t.ret)}` : ''}`;
    }
    case 'dyn':
    case 'impl':
      return `${t.k} ${t.bounds}`;
    case 'path':
      return t.args.length ? `${t.name}<${t.args.map(renderType).join(', ')}>` : t.name;
    case 'never':
      return '!';
    case 'other':
      return t.text;
  }
}
