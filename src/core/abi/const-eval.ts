/**
 * Integer const expressions as rustc evaluates them (issue 14): array lengths, const values and
 * enum discriminants. Literals in any base with `_` and type suffixes, byte and char literals,
 * `+ - * / % << >> & | ^`, unary `-` and `!`, parentheses, `as` casts between integer types
 * (wrapping to the target width), named consts, `size_of::<T>()`/`align_of::<T>()` and
 * `u32::MAX`-style associated constants (`MAX`, `MIN`, `BITS`).
 *
 * Types follow rustc's inference closely enough to give its values: an unsuffixed literal takes
 * the type its context expects (the const's declared type, `usize` for array lengths, the
 * other operand's type), else `i32`; `!` and `<<` wrap to that width; arithmetic that would
 * overflow the type (a compile error) yields null. Whatever cannot be evaluated yields null.
 *
 * Pure: names, aliases and layouts come from the `ConstEnv` the caller passes. Bounded: the
 * text, token count, nesting depth and every intermediate value's magnitude are capped.
 */
import { lex, Token } from '../rust/lexer';
import { parseType, RustType } from '../rust/type-syntax';
import { scalarOf, Target } from './targets';

/** What the evaluator needs from the crate: consts, aliases and layouts. */
export interface ConstEnv {
  /** The value of a named const (last path segment), or null. */
  constValue(name: string): bigint | null;
  /** The declared type of a named const, or null. */
  constType(name: string): string | null;
  /** The target spelling of a type alias, or null. */
  alias(name: string): string | null;
  /** Size and alignment of a type, or null when unknown. */
  sizeAlign(type: RustType): { size: number; align: number } | null;
}

/** No consts, aliases or layouts: literals and operators only. */
export const NO_CONSTS: ConstEnv = {
  constValue: () => null,
  constType: () => null,
  alias: () => null,
  sizeAlign: () => null,
};

export interface IntType {
  signed: boolean;
  bits: number;
}

export const MAX_EXPR_LENGTH = 2000;
const MAX_TOKENS = 500;
const MAX_DEPTH = 120;
/** No intermediate value may exceed 2^130 in magnitude (i128/u128 values fit). */
const MAX_MAGNITUDE = 1n << 130n;
const MAX_ALIAS_HOPS = 8;

const I32: IntType = { signed: true, bits: 32 };
const USIZE_NAME = 'usize';

/** The integer type a type spelling denotes on `t` (following aliases), or null. */
export function intTypeOf(name: string | null, t: Target, env?: Pick<ConstEnv, 'alias'>): IntType | null {
  let cur = name;
  for (let hop = 0; cur !== null && hop <= MAX_ALIAS_HOPS; hop++) {
    const s = scalarOf(cur, t);
    if (s) return s.class === 'int' ? { signed: s.signed, bits: s.size * 8 } : null;
    const target = env?.alias(cur) ?? null;
    if (target === null) return null;
    const parsed = parseType(target);
    cur = parsed.k === 'path' && parsed.args.length === 0 ? parsed.name : null;
  }
  return null;
}

function fits(v: bigint, ty: IntType): boolean {
  const bits = BigInt(ty.bits);
  return ty.signed ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v >= 0n && v < 1n << bits;
}

function wrap(v: bigint, ty: IntType): bigint {
  return ty.signed ? BigInt.asIntN(ty.bits, v) : BigInt.asUintN(ty.bits, v);
}

type Expr =
  | { k: 'lit'; v: bigint; ty: string | null }
  | { k: 'const'; name: string }
  | { k: 'assoc'; ty: string; what: 'MAX' | 'MIN' | 'BITS' }
  | { k: 'layout'; what: 'size' | 'align'; type: string }
  | { k: 'un'; op: '-' | '!'; e: Expr }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'cast'; e: Expr; ty: string };

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

const SUFFIX = /(?:[iu](?:8|16|32|64|128|size))$/;

function literal(text: string): { v: bigint; ty: string | null } | null {
  const byte = /^b'(.+)'$/s.exec(text);
  const chr = /^'(.+)'$/s.exec(text);
  const body = byte?.[1] ?? chr?.[1];
  if (body !== undefined) {
    const esc: Record<string, number> = {
      '\\n': 10,
      '\\r': 13,
      '\\t': 9,
      '\\0': 0,
      "\\'": 39,
      '\\"': 34,
      '\\\\': 92,
    };
    let code: number | null = null;
    if (body in esc) code = esc[body];
    else if (/^\\x[0-7][0-9a-fA-F]$/.test(body) || (byte && /^\\x[0-9a-fA-F]{2}$/.test(body)))
      code = parseInt(body.slice(2), 16);
    else if (chr && /^\\u\{[0-9a-fA-F_]{1,8}\}$/.test(body))
      code = parseInt(body.slice(3, -1).replace(/_/g, ''), 16);
    else if ([...body].length === 1 && body[0] !== '\\') code = body.codePointAt(0) ?? null;
    if (code === null || (byte && code > 255)) return null;
    return { v: BigInt(code), ty: byte ? 'u8' : 'u32' };
  }
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)((?:[iu](?:8|16|32|64|128|size))?)$/.exec(
    text,
  );
  if (!m) return null;
  const digits = m[1].replace(/_/g, '');
  if (/^0[xob]$/.test(digits) || digits.length > 140) return null;
  try {
    return { v: BigInt(digits), ty: m[2] && SUFFIX.test(m[2]) ? m[2] : null };
  } catch {
    return null;
  }
}

class ExprParser {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly text: string,
  ) {}

  get done(): boolean {
    return this.i >= this.t.length;
  }

  private peek(o = 0): Token | undefined {
    return this.t[this.i + o];
  }

  binary(minPrec: number, depth: number): Expr | null {
    if (depth > MAX_DEPTH) return null;
    let left = this.cast(depth + 1);
    if (!left) return null;
    for (;;) {
      const op = this.peek();
      const prec = op && op.kind === 'punct' ? PREC[op.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.i++;
      const right = this.binary(prec + 1, depth + 1);
      if (!right) return null;
      left = { k: 'bin', op: op?.text ?? '', l: left, r: right };
    }
  }

  private cast(depth: number): Expr | null {
    let e = this.unary(depth + 1);
    while (e && this.peek()?.text === 'as') {
      this.i++;
      const ty = this.peek();
      if (!ty || ty.kind !== 'ident') return null;
      this.i++;
      // a path type `core::ffi::c_int`: its last segment
      let name = ty.text;
      while (this.peek()?.text === '::' && this.peek(1)?.kind === 'ident') {
        name = this.peek(1)?.text ?? name;
        this.i += 2;
      }
      e = { k: 'cast', e, ty: name };
    }
    return e;
  }

  private unary(depth: number): Expr | null {
    if (depth > MAX_DEPTH) return null;
    const tok = this.peek();
    if (!tok) return null;
    if (tok.text === '-' || tok.text === '!') {
      this.i++;
      const e = this.unary(depth + 1);
      return e && { k: 'un', op: tok.text, e };
    }
    if (tok.text === '(') {
      this.i++;
      const e = this.binary(0, depth + 1);
      if (this.peek()?.text !== ')') return null;
      this.i++;
      return e;
    }
    if (tok.kind === 'literal') {
      this.i++;
      const lit = literal(tok.text);
      return lit && { k: 'lit', ...lit };
    }
    if (tok.kind === 'ident' || tok.text === '::') return this.path();
    return null;
  }

  /** `a::b::C`, `u32::MAX`, `[core::]mem::size_of::<T>()`. */
  private path(): Expr | null {
    const segs: string[] = [];
    if (this.peek()?.text === '::') this.i++;
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.kind !== 'ident') return null;
      segs.push(tok.text);
      this.i++;
      if (this.peek()?.text !== '::') break;
      this.i++;
      if (this.peek()?.text === '<') return this.turbofish(segs);
    }
    const last = segs[segs.length - 1];
    if (segs.length >= 2 && (last === 'MAX' || last === 'MIN' || last === 'BITS'))
      return { k: 'assoc', ty: segs[segs.length - 2], what: last };
    return { k: 'const', name: last };
  }

  private turbofish(segs: string[]): Expr | null {
    const fn = segs[segs.length - 1];
    if (fn !== 'size_of' && fn !== 'align_of') return null;
    const open = this.peek();
    if (!open) return null;
    this.i++;
    let depth = 1;
    let end = -1;
    while (this.peek()) {
      const tok = this.peek() as Token;
      if (tok.text === '<') depth++;
      else if (tok.text === '<<') depth += 2;
      else if (tok.text === '>' || tok.text === '>>') {
        const n = tok.text.length;
        if (depth <= n) {
          if (depth !== n) return null;
          end = tok.end - 1;
          this.i++;
          break;
        }
        depth -= n;
      } else if (tok.text === '->' || tok.text === '>=' || tok.text === '>>=') return null;
      this.i++;
    }
    if (end < 0) return null;
    if (this.peek()?.text !== '(' || this.peek(1)?.text !== ')') return null;
    this.i += 2;
    return { k: 'layout', what: fn === 'size_of' ? 'size' : 'align', type: this.text.slice(open.end, end) };
  }
}

function parseExpr(text: string): Expr | null {
  if (text.length > MAX_EXPR_LENGTH) return null;
  const tokens = lex(text, MAX_TOKENS + 1);
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
  const p = new ExprParser(tokens, text);
  const e = p.binary(0, 0);
  return e && p.done ? e : null;
}

class Evaluator {
  constructor(
    private readonly env: ConstEnv,
    private readonly target: Target,
  ) {}

  private int(name: string | null): IntType | null {
    return intTypeOf(name, this.target, this.env);
  }

  /** The type an expression has on its own (without context), by rustc's rules, or null. */
  private typeOf(e: Expr, depth: number): IntType | null {
    if (depth > MAX_DEPTH) return null;
    switch (e.k) {
      case 'lit':
        return this.int(e.ty);
      case 'const':
        return this.int(this.env.constType(e.name));
      case 'assoc':
        return e.what === 'BITS' ? { signed: false, bits: 32 } : this.int(e.ty);
      case 'layout':
        return this.int(USIZE_NAME);
      case 'un':
        return this.typeOf(e.e, depth + 1);
      case 'cast':
        return this.int(e.ty);
      case 'bin':
        return e.op === '<<' || e.op === '>>'
          ? this.typeOf(e.l, depth + 1)
          : (this.typeOf(e.l, depth + 1) ?? this.typeOf(e.r, depth + 1));
    }
  }

  /** The value of `e` where the context expects `hint` (null: unconstrained, no range check). */
  eval(e: Expr, hint: IntType | null, depth: number): bigint | null {
    if (depth > MAX_DEPTH) return null;
    const ty = this.typeOf(e, depth) ?? hint;
    const v = this.value(e, ty, depth);
    if (v === null || v > MAX_MAGNITUDE || v < -MAX_MAGNITUDE) return null;
    return ty && !fits(v, ty) ? null : v;
  }

  private value(e: Expr, ty: IntType | null, depth: number): bigint | null {
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'const':
        return this.env.constValue(e.name);
      case 'assoc': {
        if (e.what === 'BITS') {
          const t = this.int(e.ty);
          return t ? BigInt(t.bits) : null;
        }
        const t = this.int(e.ty);
        if (!t) return null;
        const bits = BigInt(t.bits);
        if (e.what === 'MAX') return t.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
        return t.signed ? -(1n << (bits - 1n)) : 0n;
      }
      case 'layout': {
        const parsed = parseType(e.type.trim());
        if (parsed.k === 'other') return null;
        const l = this.env.sizeAlign(parsed);
        return l ? BigInt(e.what === 'size' ? l.size : l.align) : null;
      }
      case 'un': {
        const v = this.eval(e.e, ty, depth + 1);
        if (v === null) return null;
        if (e.op === '-') return ty && !ty.signed ? null : -v;
        // `!`: bitwise not in the operand's width
        return ty ? wrap(~v, ty) : ~v;
      }
      case 'cast': {
        const to = this.int(e.ty);
        if (!to) return null;
        const v = this.eval(e.e, this.typeOf(e.e, depth + 1) ?? I32, depth + 1);
        return v === null ? null : wrap(v, to);
      }
      case 'bin': {
        const shift = e.op === '<<' || e.op === '>>';
        const l = this.eval(e.l, ty, depth + 1);
        if (l === null) return null;
        const r = this.eval(e.r, shift ? (this.typeOf(e.r, depth + 1) ?? I32) : ty, depth + 1);
        if (r === null) return null;
        switch (e.op) {
          case '+':
            return l + r;
          case '-':
            return l - r;
          case '*':
            return l * r;
          case '/':
            return r === 0n ? null : l / r;
          case '%':
            return r === 0n ? null : l % r;
          case '&':
            return l & r;
          case '|':
            return l | r;
          case '^':
            return l ^ r;
          case '<<':
          case '>>': {
            const width = BigInt(ty?.bits ?? 128);
            if (r < 0n || r >= width) return null;
            if (e.op === '>>') return l >> r;
            return ty ? wrap(l << r, ty) : l << r;
          }
          default:
            return null;
        }
      }
    }
  }
}

/**
 * Evaluates an integer const expression on `target`. `type` is the type the context expects
 * (a const's declared type, `usize` for an array length, an enum's repr type), used for
 * inference and range checks. Null when the expression cannot be evaluated or does not fit.
 */
export function evaluateConst(
  expr: string,
  env: ConstEnv,
  target: Target,
  type: string | null = null,
): bigint | null {
  const e = parseExpr(expr.trim());
  if (!e) return null;
  const ev = new Evaluator(env, target);
  const expected = type === null ? null : intTypeOf(type, target, env);
  if (type !== null && !expected) return null;
  return ev.eval(e, expected, 0);
}
