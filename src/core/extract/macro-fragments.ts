/**
 * The fragment parser of the `macro_rules!` matcher, after rustc 1.95 (`rustc_parse`): for each
 * fragment kind, whether a token may begin it (`nonterminal_may_begin_with`) and how far rustc's
 * parser takes it (`parse_nonterminal`), on the tokens of an invocation's input.
 *
 * The rule rustc picks depends on both: a fragment that cannot begin with the next token fails the
 * rule quietly (the next rule is tried), while a fragment that can begin with it is handed to the
 * parser, which either takes a well-defined extent or stops compilation with an error. So the
 * parser here must take exactly rustc's extent on input rustc accepts. It need not reject what
 * rustc rejects: rustc then fails to compile the crate, so no library is built and nothing is
 * exported. It throws `Undecided` where it cannot be sure, which the caller turns into "this
 * invocation is not expanded" (an unresolved entry, never a guess):
 *  - input rustc rejects while matching (a parse error inside a fragment), when noticed;
 *  - input whose outcome depends on the crate's edition, which the expander is not told: `expr`
 *    starting with `_` or `const` (edition 2024 takes them), `pat` with a top-level `|` (editions
 *    2015 and 2018 stop before it), `ty` starting with `gen` (a keyword from 2024);
 *  - syntax that is unstable (rustc 1.95 rejects or gates it) where its extent is unclear.
 * Editions 2015 (where `async`, `dyn`, `try` are identifiers) and 2018 (no C string literals or
 * raw lifetimes) are otherwise not modelled: the lexer and the keyword tables are those of 2021.
 *
 * The contents of a delimited group never change where a fragment ends, so most groups are
 * skipped unread (`(…)`, `[…]`, blocks, struct literal bodies, match arms, call arguments).
 * Items are scanned for their end (a `;` or a body) rather than parsed in full.
 */
import type { Token, TokenKind } from '../rust/lexer';

export type FragmentKind =
  | 'ident'
  | 'lifetime'
  | 'literal'
  | 'tt'
  | 'block'
  | 'stmt'
  | 'expr'
  | 'expr_2021'
  | 'ty'
  | 'path'
  | 'pat'
  | 'pat_param'
  | 'item'
  | 'meta'
  | 'vis';

export const FRAGMENT_KINDS: ReadonlySet<string> = new Set<FragmentKind>([
  'ident',
  'lifetime',
  'literal',
  'tt',
  'block',
  'stmt',
  'expr',
  'expr_2021',
  'ty',
  'path',
  'pat',
  'pat_param',
  'item',
  'meta',
  'vis',
]);

/** rustc would reject this, or its choice cannot be known here: the invocation is left unexpanded. */
export class Undecided extends Error {}

/** A token of an invocation's input; doc comments are spelled out as `#[doc = r"…"]` tokens. */
export interface MacroToken extends Token {
  /** Set on the tokens a doc comment stands for. */
  fromDoc?: { first: boolean; last: boolean; line: boolean };
}

/** Strict and reserved keywords of editions 2018–2021 (rustc `Symbol::is_reserved`), and `_`. */
const RESERVED = new Set([
  'as',
  'break',
  'const',
  'continue',
  'crate',
  'else',
  'enum',
  'extern',
  'false',
  'fn',
  'for',
  'if',
  'impl',
  'in',
  'let',
  'loop',
  'match',
  'mod',
  'move',
  'mut',
  'pub',
  'ref',
  'return',
  'self',
  'Self',
  'static',
  'struct',
  'super',
  'trait',
  'true',
  'type',
  'unsafe',
  'use',
  'where',
  'while',
  'async',
  'await',
  'dyn',
  'abstract',
  'become',
  'box',
  'do',
  'final',
  'macro',
  'override',
  'priv',
  'typeof',
  'unsized',
  'virtual',
  'yield',
  'try',
  '_',
]);

const PATH_SEGMENT_KEYWORDS = new Set(['super', 'self', 'Self', 'crate']);

/** Keywords that may begin an expression (`ident_can_begin_expr`). */
const EXPR_KEYWORDS = new Set([
  'async',
  'do',
  'box',
  'break',
  'const',
  'continue',
  'false',
  'for',
  'gen',
  'if',
  'let',
  'loop',
  'match',
  'move',
  'return',
  'true',
  'try',
  'unsafe',
  'while',
  'yield',
  'safe',
  'static',
]);

/** Keywords that may begin a type (`ident_can_begin_type`). */
const TYPE_KEYWORDS = new Set(['_', 'for', 'impl', 'fn', 'unsafe', 'extern', 'typeof', 'dyn']);

/** Qualifiers `check_fn_front_matter` looks for before `fn`. */
const FN_QUALIFIERS = new Set(['pub', 'gen', 'const', 'async', 'unsafe', 'safe', 'extern']);

// Restrictions on the expression parser (rustc `Restrictions`).
const STMT_EXPR = 1;
const NO_STRUCT_LITERAL = 2;
const CONST_EXPR = 4;
const ALLOW_LET = 8;

// Binary operator precedences (rustc `ExprPrecedence`), lowest first.
const P_ASSIGN = 1;
const P_RANGE = 2;
const P_LOR = 3;
const P_LAND = 4;
const P_COMPARE = 5;
const P_BITOR = 6;
const P_BITXOR = 7;
const P_BITAND = 8;
const P_SHIFT = 9;
const P_SUM = 10;
const P_PRODUCT = 11;
const P_CAST = 12;

interface AssocOp {
  prec: number;
  /** `=` and `op=`: right-associative, and the right side keeps only NO_STRUCT_LITERAL. */
  assign?: boolean;
  compare?: boolean;
  range?: boolean;
  cast?: boolean;
  /** Fixity::None (comparisons, ranges): the right side binds tighter. */
  nonAssoc?: boolean;
}

const ASSOC_OPS = new Map<string, AssocOp>(
  Object.entries({
    '=': { prec: P_ASSIGN, assign: true },
    '+=': { prec: P_ASSIGN, assign: true },
    '-=': { prec: P_ASSIGN, assign: true },
    '*=': { prec: P_ASSIGN, assign: true },
    '/=': { prec: P_ASSIGN, assign: true },
    '%=': { prec: P_ASSIGN, assign: true },
    '^=': { prec: P_ASSIGN, assign: true },
    '&=': { prec: P_ASSIGN, assign: true },
    '|=': { prec: P_ASSIGN, assign: true },
    '<<=': { prec: P_ASSIGN, assign: true },
    '>>=': { prec: P_ASSIGN, assign: true },
    '..': { prec: P_RANGE, range: true, nonAssoc: true },
    '..=': { prec: P_RANGE, range: true, nonAssoc: true },
    '...': { prec: P_RANGE, range: true, nonAssoc: true },
    '||': { prec: P_LOR },
    '&&': { prec: P_LAND },
    '==': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '!=': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '<': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '>': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '<=': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '>=': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '<-': { prec: P_COMPARE, compare: true, nonAssoc: true },
    '|': { prec: P_BITOR },
    '^': { prec: P_BITXOR },
    '&': { prec: P_BITAND },
    '<<': { prec: P_SHIFT },
    '>>': { prec: P_SHIFT },
    '+': { prec: P_SUM },
    '-': { prec: P_SUM },
    '*': { prec: P_PRODUCT },
    '/': { prec: P_PRODUCT },
    '%': { prec: P_PRODUCT },
    as: { prec: P_CAST, cast: true },
  }),
);

/** Operators that may continue a block-like statement expression (rustc: an error, not a stop). */
const CONTINUES_UNAMBIGUOUSLY = new Set([
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '&=',
  '|=',
  '<<=',
  '>>=',
  '^',
  '/',
  '%',
  '>>',
  '<=',
  '>',
  '>=',
  'as',
]);

/** What the expression parser needs to know of an expression it has parsed. */
interface Expr {
  /** A block-like expression (`if`, `match`, a block, …): complete as a statement. */
  blockLike: boolean;
  /** A comparison not in parentheses (a second one would be an error). */
  compare?: boolean;
  /** Assignment: `let x = y else { … }` rejects it. */
  assign?: boolean;
}

const PLAIN: Expr = { blockLike: false };
const BLOCK_LIKE: Expr = { blockLike: true };

/** What the type parser needs to know of a type it has parsed. */
type TyKind = 'path' | 'object1' | 'other';

/** Deepest nesting of the recursive descent; deeper input is left unexpanded. */
const MAX_DEPTH = 200;

type PathStyle = 'expr' | 'type' | 'mod' | 'pat';

/**
 * The parser over an invocation's tokens. Its position (`i`, `rem`) is also the matcher's: the
 * `macro_rules!` matcher and the fragment parser share rustc's one token cursor. `rem` is what is
 * left of token `i` after the parser split a compound token (`>` of `>>`, as in `Vec<Vec<u8>>`).
 */
export class FragmentParser {
  i = 0;
  rem: string | null = null;
  private r = 0;
  private depth = 0;

  constructor(
    readonly toks: MacroToken[],
    /** For each opening delimiter, the index of its closing one. */
    private readonly close: Int32Array,
  ) {}

  // --- the token cursor ------------------------------------------------------------------------

  /** The text of the token `k` ahead ('' past the end). */
  text(k = 0): string {
    if (k === 0 && this.rem !== null) return this.rem;
    return this.toks[this.i + k]?.text ?? '';
  }

  kind(k = 0): TokenKind | 'eof' {
    if (k === 0 && this.rem !== null) return 'punct';
    return this.toks[this.i + k]?.kind ?? 'eof';
  }

  atEof(): boolean {
    return this.rem === null && this.i >= this.toks.length;
  }

  bump(): void {
    this.rem = null;
    this.i++;
  }

  private fail(why: string): never {
    throw new Undecided(why);
  }

  /** Punctuation `t` (also a delimiter) is next. */
  private check(t: string, k = 0): boolean {
    const kd = this.kind(k);
    return (kd === 'punct' || kd === 'open' || kd === 'close') && this.text(k) === t;
  }

  private eat(t: string): boolean {
    if (!this.check(t)) return false;
    this.bump();
    return true;
  }

  private expect(t: string): void {
    if (!this.eat(t)) this.fail(`expected \`${t}\`, found \`${this.text()}\``);
  }

  /** rustc `break_and_eat`: eats `t`, or the first part of a compound token starting with it. */
  private breakEat(t: string): boolean {
    if (this.eat(t)) return true;
    const x = this.text();
    if (this.kind() === 'punct' && x.length > t.length && x.startsWith(t)) {
      this.rem = x.slice(t.length);
      return true;
    }
    return false;
  }

  private isIdent(k = 0): boolean {
    return this.kind(k) === 'ident';
  }

  private isRaw(k = 0): boolean {
    return this.isIdent(k) && this.text(k).startsWith('r#');
  }

  /** The non-raw identifier `w` (a keyword). */
  private isKw(w: string, k = 0): boolean {
    return this.isIdent(k) && this.text(k) === w;
  }

  private eatKw(w: string): boolean {
    if (!this.isKw(w)) return false;
    this.bump();
    return true;
  }

  private isReserved(k = 0): boolean {
    return this.isIdent(k) && RESERVED.has(this.text(k));
  }

  private isPathSegmentKeyword(k = 0): boolean {
    return this.isIdent(k) && PATH_SEGMENT_KEYWORDS.has(this.text(k));
  }

  private isNonReservedIdent(k = 0): boolean {
    return this.isIdent(k) && !this.isReserved(k);
  }

  private isLifetime(k = 0): boolean {
    return this.kind(k) === 'lifetime';
  }

  private isLiteral(k = 0): boolean {
    return this.kind(k) === 'literal';
  }

  private isBoolLit(k = 0): boolean {
    return this.isKw('true', k) || this.isKw('false', k);
  }

  private isOpen(d?: string, k = 0): boolean {
    return this.kind(k) === 'open' && (d === undefined || this.text(k) === d);
  }

  private isLikePlus(k = 0): boolean {
    return this.check('+', k) || this.check('+=', k);
  }

  /** Skips the delimited group that starts here, unread. */
  private skipGroup(): void {
    this.i = this.close[this.i] + 1;
    this.rem = null;
  }

  private expectGroup(d?: string): string {
    if (!this.isOpen(d)) this.fail(`expected a delimited group, found \`${this.text()}\``);
    const open = this.text();
    this.skipGroup();
    return open;
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail('nested too deeply');
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private withRes<T>(r: number, f: () => T): T {
    const saved = this.r;
    this.r = r;
    try {
      return f();
    } finally {
      this.r = saved;
    }
  }

  // --- token classes (rustc `Token::can_begin_*`) -------------------------------------------------

  /** `is_path_start`. */
  private isPathStart(k = 0): boolean {
    return (
      this.check('::', k) ||
      this.check('<', k) ||
      this.check('<<', k) ||
      this.isPathSegmentKeyword(k) ||
      this.isNonReservedIdent(k)
    );
  }

  canBeginExpr(k = 0): boolean {
    if (this.isIdent(k)) {
      const t = this.text(k);
      return !this.isReserved(k) || PATH_SEGMENT_KEYWORDS.has(t) || EXPR_KEYWORDS.has(t);
    }
    if (this.isLiteral(k) || this.isLifetime(k)) return true;
    if (this.kind(k) === 'open') return true;
    return ['!', '-', '*', '|', '||', '&', '&&', '..', '...', '..=', '<', '<<', '::', '#'].includes(
      this.text(k),
    );
  }

  canBeginType(k = 0): boolean {
    if (this.isIdent(k)) {
      const t = this.text(k);
      return !this.isReserved(k) || PATH_SEGMENT_KEYWORDS.has(t) || TYPE_KEYWORDS.has(t);
    }
    if (this.isLifetime(k)) return true;
    if (this.isOpen('(', k) || this.isOpen('[', k)) return true;
    return ['!', '*', '&', '&&', '?', '<', '<<', '::'].includes(this.text(k)) && this.kind(k) === 'punct';
  }

  private canBeginLiteralMaybeMinus(k = 0): boolean {
    return this.isLiteral(k) || this.check('-', k) || this.isBoolLit(k);
  }

  private canBeginPattern(withOr: boolean, k = 0): boolean {
    if (this.isIdent(k) || this.isLiteral(k) || this.isOpen('(', k) || this.isOpen('[', k)) return true;
    if (this.check('|', k)) return withOr;
    return ['&', '-', '&&', '..', '...', '::', '<', '<<'].includes(this.text(k)) && this.kind(k) === 'punct';
  }

  /**
   * `nonterminal_may_begin_with`: whether the parser is called at all for this token (if not, the
   * rule fails quietly here). Throws where the answer depends on the crate's edition.
   */
  mayBegin(kind: FragmentKind): boolean {
    if (this.atEof()) return false;
    switch (kind) {
      case 'ident':
        return this.isIdent() && this.text() !== '_';
      case 'lifetime':
        return this.isLifetime();
      case 'literal':
        return this.canBeginLiteralMaybeMinus();
      case 'tt':
      case 'item':
      case 'stmt':
        return this.kind() !== 'close';
      case 'block':
        return this.isOpen('{');
      case 'expr':
        // edition 2024's `expr` also takes `_` and `const { … }`; edition 2021's does not
        if (this.isKw('_') || this.isKw('const')) this.fail('`expr` and `_`/`const`: depends on the edition');
        return this.canBeginExpr() && !this.isKw('let');
      case 'expr_2021':
        return this.canBeginExpr() && !this.isKw('let') && !this.isKw('const');
      case 'ty':
        if (this.isKw('gen')) this.fail('`ty` and `gen`: depends on the edition');
        return this.canBeginType();
      case 'path':
      case 'meta':
        return this.check('::') || this.isIdent();
      case 'pat':
        // editions 2015 and 2018 take `pat` as `pat_param`, which cannot begin with `|`
        if (this.check('|')) this.fail('`pat` and a leading `|`: depends on the edition');
        return this.canBeginPattern(true);
      case 'pat_param':
        return this.canBeginPattern(false);
      case 'vis':
        return this.check(',') || this.isIdent() || this.canBeginType();
    }
  }

  /** `parse_nonterminal`: takes the fragment (mayBegin was true). */
  parseFragment(kind: FragmentKind): void {
    switch (kind) {
      case 'ident':
      case 'lifetime':
        this.bump();
        return;
      case 'tt':
        if (this.isOpen()) this.skipGroup();
        else this.bump();
        return;
      case 'literal':
        this.literalMaybeMinus();
        return;
      case 'block':
        this.skipGroup();
        return;
      case 'expr':
      case 'expr_2021':
        this.outerAttrs();
        this.withRes(0, () => this.exprAssocWith(0, false));
        return;
      case 'ty':
        this.ty(true);
        return;
      case 'path':
        this.path('type');
        return;
      case 'pat':
        this.patTopAlt();
        return;
      case 'pat_param':
        this.patNoTopAlt();
        return;
      case 'meta':
        this.attrItem();
        return;
      case 'vis':
        this.visibility(true);
        return;
      case 'item':
        this.item();
        return;
      case 'stmt':
        this.stmt();
        return;
    }
  }

  // --- attributes, literals, identifiers ------------------------------------------------------------

  /** `parse_outer_attributes`: `#[…]` (doc comments are spelled out as such). */
  private outerAttrs(): number {
    let n = 0;
    while (this.check('#')) {
      this.bump();
      if (this.check('!')) this.fail('an inner attribute is not permitted here');
      this.expectGroup('[');
      n++;
    }
    return n;
  }

  private literalMaybeMinus(): void {
    this.eat('-');
    if (this.isLiteral() || this.isBoolLit()) this.bump();
    else this.fail('expected a literal');
  }

  private ident(): void {
    if (!this.isNonReservedIdent()) this.fail(`expected an identifier, found \`${this.text()}\``);
    this.bump();
  }

  // --- paths -------------------------------------------------------------------------------------

  private path(style: PathStyle): void {
    this.nest(() => {
      this.eat('::');
      this.pathSegments(style);
    });
  }

  /** `a::{` and `a::*`: a `use` tree, where a path stops before the `::`. */
  private isImportCoupler(): boolean {
    return this.check('::') && (this.isOpen('{', 1) || this.check('*', 1));
  }

  private pathSegments(style: PathStyle): void {
    for (;;) {
      this.pathSegment(style);
      if (this.isImportCoupler() || !this.eat('::')) return;
    }
  }

  /** One segment; true when it has generic arguments. */
  private pathSegment(style: PathStyle): boolean {
    if (this.isPathSegmentKeyword()) this.bump();
    else this.ident();
    const argsStart = (k: number) =>
      this.check('<', k) || this.check('<<', k) || this.isOpen('(', k) || this.check('<-', k);
    if ((style === 'type' && argsStart(0)) || (style !== 'mod' && this.check('::') && argsStart(1))) {
      this.eat('::');
      if (this.breakEat('<')) {
        this.angleArgs();
        this.expectGt();
      } else if (this.isOpen('(')) {
        // `(A, B) -> C`, or return type notation `(..)`
        this.skipGroup();
        this.retTy(false, false);
      } else this.fail('expected generic arguments');
      return true;
    }
    return false;
  }

  private expectGt(): void {
    if (!this.breakEat('>')) this.fail(`expected \`>\`, found \`${this.text()}\``);
  }

  /** `>`, `>=`, `>>`, `>>=`: what ends generic arguments. */
  private atGt(): boolean {
    return this.kind() === 'punct' && this.text().startsWith('>');
  }

  /** Generic arguments after `<`, up to (not including) the closing `>`. */
  private angleArgs(): void {
    this.nest(() => {
      for (;;) {
        const arg = this.genericArg();
        if (arg === null) break;
        if (this.check(':') || this.check('=')) {
          // an associated item constraint: `Item = T`, `Item: Bound`
          if (arg !== 'path') this.fail('expected an associated item name');
          if (this.eat(':')) this.genericBounds();
          else {
            this.bump();
            const term = this.genericArg();
            if (term === null) this.fail('expected a type');
            if (term === 'const') this.fail('associated const equality is unstable');
          }
        }
        if (!this.eat(',')) break;
      }
    });
  }

  /** One generic argument, or null when none starts here. */
  private genericArg(): 'lifetime' | 'const' | 'path' | 'type' | null {
    if (this.isLifetime() && !this.isLikePlus(1)) {
      this.bump();
      return 'lifetime';
    }
    if (this.isOpen('{')) {
      this.skipGroup();
      return 'const';
    }
    if (this.isLiteral() || this.check('-') || this.isBoolLit()) {
      this.literalMaybeMinus();
      if (!this.check(',') && !this.atGt()) this.fail('expressions must be enclosed in braces');
      return 'const';
    }
    if (this.canBeginType()) {
      const k = this.ty(true);
      return k === 'path' ? 'path' : 'type';
    }
    if (this.atGt()) return null;
    this.fail(`expected a generic argument, found \`${this.text()}\``);
  }

  /** A qualified path after its `<`: `T as Trait>::name…`. */
  private qpath(style: PathStyle): void {
    this.nest(() => {
      this.ty(true);
      if (this.eatKw('as')) this.path('type');
      this.expect('>');
      if (this.isImportCoupler()) return;
      this.expect('::');
      this.pathSegments(style);
    });
  }

  // --- types -------------------------------------------------------------------------------------

  /**
   * `parse_ty_common`. `allowPlus`: `A + B` bounds may follow a path. `recoverReturnSign`: as in
   * rustc, `fn() => T` and `fn(): T` are taken for a misspelt `->` (an error), except in the
   * return type of a path's parenthesised arguments (`Fn() -> T`).
   */
  private ty(allowPlus: boolean, recoverReturnSign = true): TyKind {
    return this.nest(() => {
      let kind: TyKind = 'other';
      if (this.isOpen('(')) kind = this.tyTupleOrParens(allowPlus);
      else if (this.eat('!')) {
        /* never */
      } else if (this.eat('*')) {
        if (!this.eatKw('mut') && !this.eatKw('const')) this.fail('expected `mut` or `const`');
        this.ty(false);
      } else if (this.isOpen('[')) this.skipGroup();
      else if (this.check('&') || this.check('&&')) {
        this.breakEat('&');
        if (this.isLifetime()) this.bump();
        if (this.isKw('pin') && (this.isKw('mut', 1) || this.isKw('const', 1)))
          this.fail('pinned reference syntax is unstable');
        this.eatKw('mut');
        this.ty(false);
      } else if (this.isKw('typeof')) this.fail('`typeof` is reserved');
      else if (this.eatKw('_')) {
        /* inferred */
      } else if (this.checkFnFrontMatter(false)) this.bareFn(recoverReturnSign);
      else if (this.isKw('for')) {
        this.lateBoundDefs();
        if (this.checkFnFrontMatter(false)) this.bareFn(recoverReturnSign);
        else {
          if (this.isKw('impl') || this.isKw('dyn')) this.fail('`for<…>` before `impl` or `dyn`');
          this.path('type');
          if (allowPlus && this.isLikePlus()) this.remainingBounds();
        }
      } else if (this.isKw('impl') || this.isKw('dyn')) {
        this.bump();
        const { n, trailingPlus } = this.genericBounds();
        if (!allowPlus && (n > 1 || trailingPlus)) this.fail('ambiguous `+` in a type');
      } else if (this.breakEat('<')) this.qpath('type');
      else if (this.isPathStart()) {
        this.path('type');
        if (this.eat('!')) this.expectGroup();
        else if (allowPlus && this.isLikePlus()) this.remainingBounds();
        else kind = 'path';
      } else if (this.canBeginBound()) {
        const ltNoPlus = this.isLifetime() && !this.isLikePlus(1);
        const { n, trailingPlus } = this.genericBounds(allowPlus);
        if (ltNoPlus) this.fail('a lifetime must be followed by `+` to form a trait object type');
        if (n === 1 && !trailingPlus) kind = 'object1';
      } else this.fail(`expected a type, found \`${this.text()}\``);
      // a `+` after anything but a path or a trait object is an error where bounds may follow
      if (allowPlus && this.isLikePlus()) this.fail('expected a path on the left-hand side of `+`');
      return kind;
    });
  }

  /** `(T)`, `(T,)`, `(A, B)`, `()`; a parenthesised path or bound may take more bounds: `(A) + B`. */
  private tyTupleOrParens(allowPlus: boolean): TyKind {
    const open = this.i;
    const end = this.close[open];
    if (!(allowPlus && this.isLikePlus(end + 1 - this.i))) {
      this.skipGroup();
      return 'other';
    }
    // read the group: one type, no trailing comma, a path or a single bound?
    this.bump();
    let count = 0;
    let trailingComma = false;
    let kind: TyKind = 'other';
    let trailingPlus = false;
    while (this.i < end) {
      kind = this.ty(true);
      trailingPlus = this.i > 0 && this.toks[this.i - 1]?.text === '+';
      count++;
      trailingComma = this.eat(',');
      if (!trailingComma) break;
    }
    if (this.i !== end || this.rem !== null) this.fail('expected `)`');
    this.bump();
    if (count === 1 && !trailingComma) {
      if (kind === 'path' || (kind === 'object1' && !trailingPlus)) {
        this.remainingBounds();
        return 'other';
      }
    }
    return 'other';
  }

  /** `+ Bound + …` after a path type. */
  private remainingBounds(): void {
    this.breakEat('+');
    this.genericBounds();
  }

  /** `for<'a, …>`. */
  private lateBoundDefs(): void {
    if (!this.eatKw('for')) return;
    if (!this.breakEat('<')) this.fail('expected `<` after `for`');
    this.skipAngles();
  }

  /** Skips to the `>` that closes an already opened `<`, balancing nested angle brackets. */
  private skipAngles(): void {
    let depth = 1;
    while (depth > 0) {
      if (this.atEof() || this.kind() === 'close') this.fail('unclosed `<`');
      if (this.isOpen()) this.skipGroup();
      else if (this.check('<')) {
        depth++;
        this.bump();
      } else if (this.check('<<')) {
        depth += 2;
        this.bump();
      } else if (this.atGt()) {
        this.breakEat('>');
        depth--;
      } else this.bump();
    }
  }

  private checkFnFrontMatter(checkPub: boolean): boolean {
    if (this.isKw('fn')) return true;
    const isQual = (k: number) =>
      this.isIdent(k) && FN_QUALIFIERS.has(this.text(k)) && (checkPub || this.text(k) !== 'pub');
    if (isQual(0)) {
      if (this.isKw('fn', 1)) return true;
      const t1 = this.text(1);
      if (
        this.isIdent(1) &&
        isQual(1) &&
        RESERVED.has(t1) &&
        !this.isUnsafeForeignMod() &&
        !(this.isKw('async') && this.isKw('gen', 1)) &&
        !this.isKw('auto', 2) &&
        !this.isKw('trait', 2)
      )
        return true;
    }
    return this.isKw('extern') && this.isLiteral(1) && this.text(1).includes('"') && this.isKw('fn', 2);
  }

  private isUnsafeForeignMod(): boolean {
    return (
      this.isKw('unsafe') &&
      this.isKw('extern', 1) &&
      (this.isOpen('{', 2) || (this.isLiteral(2) && this.isOpen('{', 3)))
    );
  }

  /** A function pointer type: qualifiers, `fn`, parameters, return type. */
  private bareFn(recoverReturnSign: boolean): void {
    for (;;) {
      if (this.isKw('const') || this.isKw('async') || this.isKw('gen'))
        this.fail('an `fn` pointer type cannot be `const` or `async`');
      if (this.eatKw('unsafe') || this.eatKw('safe')) continue;
      if (this.eatKw('extern')) {
        if (this.isLiteral()) this.bump();
        continue;
      }
      break;
    }
    if (!this.eatKw('fn')) this.fail('expected `fn`');
    this.expectGroup('(');
    this.retTy(false, recoverReturnSign);
  }

  /** `-> T`, or nothing. */
  private retTy(allowPlus: boolean, recoverReturnSign: boolean): void {
    if (this.eat('->')) this.ty(allowPlus, recoverReturnSign);
    else if (recoverReturnSign && (this.check('=>') || this.check(':')))
      this.fail('return types are denoted using `->`');
  }

  private canBeginBound(): boolean {
    return (
      this.isPathStart() ||
      this.isLifetime() ||
      this.check('!') ||
      this.check('?') ||
      this.check('~') ||
      this.isKw('for') ||
      this.isOpen('(') ||
      (this.isOpen('[') && this.isKw('const', 1)) ||
      this.isKw('const') ||
      this.isKw('async') ||
      this.isKw('use')
    );
  }

  /** `Bound + Bound + …` (one bound only where `+` is not allowed). */
  private genericBounds(allowPlus = true): {
    n: number;
    trailingPlus: boolean;
  } {
    let n = 0;
    let trailingPlus = false;
    while (this.canBeginBound()) {
      this.genericBound();
      n++;
      trailingPlus = false;
      if (!allowPlus || !this.breakEat('+')) break;
      trailingPlus = true;
    }
    return { n, trailingPlus };
  }

  private genericBound(): void {
    this.nest(() => {
      const parens = this.eat('(');
      if (this.isLifetime()) {
        if (parens) this.fail('lifetime bounds may not be parenthesized');
        this.bump();
        return;
      }
      if (this.eatKw('use')) {
        // precise capturing: `use<'a, T>`
        if (!this.breakEat('<')) this.fail('expected `<`');
        while (!this.atGt()) {
          if (this.isLifetime() || this.isKw('Self') || this.isNonReservedIdent()) this.bump();
          else this.fail('expected a lifetime or a parameter');
          if (!this.eat(',')) break;
        }
        this.expectGt();
      } else {
        this.lateBoundDefs();
        if (
          this.check('~') ||
          this.isKw('const') ||
          this.isKw('async') ||
          this.isOpen('[') ||
          this.check('!')
        )
          this.fail('unstable bound modifier');
        this.eat('?');
        if (this.isLifetime() || this.isKw('for')) this.fail('misplaced bound');
        if (!this.isPathStart() || this.check('<') || this.check('<<')) this.fail('expected a trait');
        this.path('type');
      }
      if (parens) this.expect(')');
    });
  }

  // --- expressions -------------------------------------------------------------------------------

  private isRangeSep(): boolean {
    return this.check('..') || this.check('...') || this.check('..=');
  }

  /** `parse_expr_assoc_with` with a lower bound on precedence (`excl`: strictly above `min`). */
  private exprAssocWith(min: number, excl: boolean): Expr {
    return this.nest(() => {
      if (this.isRangeSep()) return this.exprPrefixRange();
      const lhs = this.exprPrefix();
      return this.exprAssocRest(min, excl, lhs);
    });
  }

  /** A full expression with restrictions `r` (attributes first). */
  private exprRes(r: number): Expr {
    return this.withRes(r, () => {
      this.outerAttrs();
      return this.exprAssocWith(0, false);
    });
  }

  private isAtStartOfRangeRhs(): boolean {
    if (!this.canBeginExpr()) return false;
    return !this.isOpen('{') || (this.r & NO_STRUCT_LITERAL) === 0;
  }

  /** `..`, `..b`, `..=b`. */
  private exprPrefixRange(): Expr {
    const op = this.text();
    if (op === '...') this.fail('unexpected `...`');
    this.bump();
    if (this.isAtStartOfRangeRhs()) {
      this.outerAttrs();
      this.exprAssocWith(P_RANGE, true);
    } else if (op === '..=') this.fail('inclusive range with no end');
    return PLAIN;
  }

  private assocOp(): AssocOp | null {
    if (this.kind() === 'ident') return this.isKw('as') ? (ASSOC_OPS.get('as') ?? null) : null;
    if (this.kind() !== 'punct') return null;
    const op = ASSOC_OPS.get(this.text()) ?? null;
    // in const generic arguments, `>` ends the argument
    if (op && this.r & CONST_EXPR && this.text().startsWith('>')) return null;
    return op;
  }

  private exprAssocRest(min: number, excl: boolean, first: Expr): Expr {
    let lhs = first;
    // a block-like expression is a whole statement
    if (this.r & STMT_EXPR && lhs.blockLike) {
      const op = this.assocOp();
      if (!op) return lhs;
      if (CONTINUES_UNAMBIGUOUSLY.has(this.text())) this.fail('expected an expression');
      return lhs;
    }
    for (;;) {
      const op = this.assocOp();
      if (!op) break;
      if (excl ? op.prec <= min : op.prec < min) break;
      const t = this.text();
      if (t === '...') this.fail('unexpected `...`');
      if (t === '<-') this.fail('unexpected `<-`');
      this.bump();
      if (op.compare && lhs.compare) this.fail('comparison operators cannot be chained');
      if (op.cast) {
        this.ty(false);
        if (this.check('.') || this.check('?') || this.isOpen('(') || this.isOpen('['))
          this.fail('cast cannot be followed by a postfix operator');
        lhs = PLAIN;
        continue;
      }
      if (op.range) {
        if (this.isAtStartOfRangeRhs()) {
          this.outerAttrs();
          this.exprAssocWith(P_RANGE, true);
        } else if (t === '..=') this.fail('inclusive range with no end');
        lhs = PLAIN;
        break;
      }
      const rhsRes = (op.assign ? this.r & NO_STRUCT_LITERAL : this.r) & ~STMT_EXPR;
      this.withRes(rhsRes, () => {
        this.outerAttrs();
        return op.assign ? this.exprAssocWith(op.prec, false) : this.exprAssocWith(op.prec, true);
      });
      lhs = {
        blockLike: false,
        compare: op.compare,
        assign: op.assign && t === '=',
      };
    }
    return lhs;
  }

  private exprPrefix(): Expr {
    return this.nest(() => {
      const t = this.text();
      if (this.kind() === 'punct') {
        if (t === '!' || t === '-' || t === '*') {
          this.bump();
          this.outerAttrs();
          if (this.isRangeSep()) this.exprPrefixRange();
          else this.exprPrefix();
          return PLAIN;
        }
        if (t === '&' || t === '&&') {
          this.breakEat('&');
          if (this.isLifetime() && !this.check(':', 1))
            this.fail('borrow expressions cannot be annotated with lifetimes');
          if (this.isKw('raw') && (this.isKw('const', 1) || this.isKw('mut', 1))) {
            this.bump();
            this.bump();
          } else if (this.isKw('pin') && (this.isKw('const', 1) || this.isKw('mut', 1))) {
            this.fail('pinned borrows are unstable');
          } else this.eatKw('mut');
          this.outerAttrs();
          if (this.isRangeSep()) this.exprPrefixRange();
          else this.exprPrefix();
          return PLAIN;
        }
        if (t === '~' || t === '+') this.fail(`unexpected \`${t}\``);
      }
      if (this.isKw('box')) this.fail('`box` expressions have been removed');
      return this.exprPostfix(this.exprBottom());
    });
  }

  private exprIsComplete(e: Expr): boolean {
    return (this.r & STMT_EXPR) !== 0 && e.blockLike;
  }

  /** `parse_expr_dot_or_call_with`: `?`, `.field`, `.method()`, `.await`, calls, indexing. */
  private exprPostfix(base: Expr): Expr {
    let e = base;
    for (;;) {
      if (this.eat('?')) {
        e = PLAIN;
        continue;
      }
      if (this.eat('.')) {
        this.dotSuffix();
        e = PLAIN;
        continue;
      }
      if (this.exprIsComplete(e)) return e;
      if (this.isOpen('(') || this.isOpen('[')) {
        this.skipGroup();
        e = PLAIN;
        continue;
      }
      return e;
    }
  }

  private dotSuffix(): void {
    if (this.isIdent()) {
      if (this.eatKw('await')) return;
      if (this.isKw('use') || this.isKw('match') || this.isKw('yield')) this.fail('unstable postfix keyword');
      const generic = this.pathSegment('expr');
      if (this.isOpen('(')) this.skipGroup();
      else if (generic) this.fail('field expressions cannot have generic arguments');
      return;
    }
    if (this.isLiteral()) {
      const t = this.text();
      if (/^[0-9]+$/.test(t)) {
        this.bump();
        return;
      }
      if (/^[0-9]+\.[0-9]+$/.test(t)) {
        this.bump(); // `x.0.1`: two field accesses
        return;
      }
      if (/^[0-9]+\.$/.test(t)) {
        // `x.1.`: a field access and the start of another
        this.bump();
        this.dotSuffix();
        return;
      }
    }
    this.fail(`unexpected \`${this.text()}\` after \`.\``);
  }

  /** `parse_expr_bottom`. */
  private exprBottom(): Expr {
    if (this.isLiteral()) {
      this.bump();
      return PLAIN;
    }
    if (this.isOpen('(') || this.isOpen('[')) {
      this.skipGroup();
      return PLAIN;
    }
    if (this.isOpen('{')) {
      this.skipGroup();
      return BLOCK_LIKE;
    }
    if (this.check('|') || this.check('||')) return this.closure();
    if (this.isKw('builtin') && this.check('#', 1)) this.fail('`builtin #` is unstable');
    if (this.isPathStart()) return this.exprPathStart();
    if (this.isKw('move')) return this.closure();
    if (this.isKw('use') || this.isKw('static')) this.fail('unstable closure');
    if (this.isKw('const') && !this.isOpen('{', 1)) this.fail('unstable const closure');
    if (this.eatKw('if')) return this.exprIf();
    if (this.isKw('for')) {
      if (this.check('<', 1)) this.fail('closure binders are unstable');
      this.bump();
      this.pat(true);
      if (!this.eatKw('in')) this.fail('expected `in`');
      this.exprRes(NO_STRUCT_LITERAL);
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.eatKw('while')) {
      this.exprRes(NO_STRUCT_LITERAL | ALLOW_LET);
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.isLifetime()) {
      // a label: `'a: loop {}`, `'a: {}`
      this.bump();
      if (!this.eat(':')) this.fail('expected `:` after a label');
      if (this.eatKw('while')) {
        this.exprRes(NO_STRUCT_LITERAL | ALLOW_LET);
        this.expectGroup('{');
      } else if (this.isKw('for')) return this.exprBottom();
      else if (this.eatKw('loop')) this.expectGroup('{');
      else this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.eatKw('loop')) {
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.eatKw('match')) {
      this.exprRes(NO_STRUCT_LITERAL);
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.eatKw('unsafe')) {
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.isKw('const')) {
      // an inline const block
      this.bump();
      this.expectGroup('{');
      return BLOCK_LIKE;
    }
    if (this.isKw('try') && this.isOpen('{', 1)) {
      this.bump();
      this.skipGroup();
      return BLOCK_LIKE;
    }
    if (this.eatKw('return')) {
      if (this.canBeginExpr()) this.exprRes(0);
      return PLAIN;
    }
    if (this.eatKw('continue')) {
      if (this.isLifetime()) this.bump();
      return PLAIN;
    }
    if (this.eatKw('break')) {
      const label = this.isLifetime();
      if (label) this.bump();
      if (label && this.check(':')) this.fail('parentheses are required around a labeled loop in `break`');
      if ((!this.isOpen('{') || (this.r & NO_STRUCT_LITERAL) === 0) && this.canBeginExpr()) this.exprRes(0);
      return PLAIN;
    }
    if (this.isKw('yield') || this.isKw('do') || this.isKw('become')) this.fail('unstable expression');
    if (this.isKw('let')) {
      if ((this.r & ALLOW_LET) === 0) this.fail('expected an expression, found `let`');
      this.bump();
      this.pat(true);
      this.expect('=');
      this.withRes(this.r & ~ALLOW_LET, () => {
        this.outerAttrs();
        this.exprAssocWith(P_LAND, true);
      });
      return PLAIN;
    }
    if (this.eatKw('_')) return PLAIN;
    if (this.isKw('async')) {
      const move = this.isKw('move', 1) || this.isKw('use', 1);
      if (this.isKw('gen', 1)) this.fail('gen blocks are unstable');
      if (this.isOpen('{', 1) || (move && this.isOpen('{', 2))) {
        if (this.isKw('use', 1)) this.fail('unstable `use` block');
        this.bump();
        if (move) this.bump();
        this.skipGroup();
        return PLAIN;
      }
      return this.closure();
    }
    if (this.isBoolLit()) {
      this.bump();
      return PLAIN;
    }
    this.fail(`expected an expression, found \`${this.text()}\``);
  }

  private exprPathStart(): Expr {
    let qself = false;
    if (this.breakEat('<')) {
      this.qpath('expr');
      qself = true;
    } else this.path('expr');
    if (this.eat('!')) {
      if (qself) this.fail('macros cannot use qualified paths');
      const open = this.expectGroup();
      return open === '{' ? BLOCK_LIKE : PLAIN;
    }
    if (this.isOpen('{')) {
      const structAllowed = (this.r & NO_STRUCT_LITERAL) === 0;
      const likelyStruct = this.isIdent(1) && (this.check(',', 2) || this.check(':', 2));
      if (structAllowed) {
        if (qself) this.fail('qualified paths in struct literals are unstable');
        this.skipGroup();
      } else if (likelyStruct) this.fail('struct literals are not allowed here');
    }
    return PLAIN;
  }

  private exprIf(): Expr {
    this.exprRes(NO_STRUCT_LITERAL | ALLOW_LET);
    this.outerAttrs();
    this.expectGroup('{');
    if (this.eatKw('else')) {
      this.outerAttrs();
      if (this.eatKw('if')) this.exprIf();
      else this.expectGroup('{');
    }
    return BLOCK_LIKE;
  }

  /** `|args| body`, `move |args| body`, `async [move] |args| body`. */
  private closure(): Expr {
    this.eatKw('async');
    if (this.isKw('gen')) this.fail('gen closures are unstable');
    if (this.isKw('use')) this.fail('`use` closures are unstable');
    this.eatKw('move');
    if (!this.eat('||')) {
      if (!this.eat('|')) this.fail('expected `|`');
      while (!this.check('|')) {
        if (this.check('||')) this.fail('unexpected `||`');
        this.outerAttrs();
        this.patNoTopAlt();
        if (this.eat(':')) this.ty(true);
        if (!this.eat(',')) break;
      }
      if (!this.breakEat('|')) this.fail('expected `|`');
    }
    if (this.eat('->')) {
      this.ty(true);
      this.expectGroup('{');
    } else if (this.check('=>') || this.check(':')) this.fail('return types are denoted using `->`');
    else this.exprRes(this.r & ~STMT_EXPR & ~ALLOW_LET);
    return PLAIN;
  }

  // --- patterns ----------------------------------------------------------------------------------

  /** `pat` (edition 2021): a pattern with `|` alternatives — where those appear, the edition decides. */
  private patTopAlt(): void {
    if (this.check('|') || this.check('||')) this.fail('`pat` and a leading `|`: depends on the edition');
    this.patNoTopAlt();
    if (this.check('|') || this.check('||')) this.fail('`pat` followed by `|`: depends on the edition');
  }

  private pat(topAlt: boolean): void {
    if (!topAlt) {
      this.patNoTopAlt();
      return;
    }
    if (this.check('||')) this.fail('unexpected `||` in a pattern');
    this.eat('|');
    this.patNoTopAlt();
    while (this.check('|') || this.check('||')) {
      if (this.check('||')) this.fail('unexpected `||` in a pattern');
      this.bump();
      this.patNoTopAlt();
    }
  }

  private patNoTopAlt(): void {
    this.patWithRange(true);
  }

  /** Whether a range pattern's end starts `k` tokens ahead (`is_pat_range_end_start`). */
  private isPatRangeEndStart(k: number): boolean {
    return (
      (this.isKw('const', k) && this.isOpen('{', k + 1)) ||
      this.isPathStart(k) ||
      this.check('.', k) ||
      this.isLiteral(k) ||
      this.check('-', k) ||
      this.isBoolLit(k) ||
      this.isLifetime(k)
    );
  }

  /** A range pattern's end after `..=`/`..`. */
  private patRangeEnd(): void {
    if (this.isKw('const') && this.isOpen('{', 1)) this.fail('const blocks cannot be used as patterns');
    if (this.breakEat('<')) this.qpath('pat');
    else if (this.isPathStart()) this.path('pat');
    else this.literalMaybeMinus();
  }

  /** After a pattern's start: `..=X`, `...X`, `..X` or `..` with no end. Returns whether it was a range. */
  private patRangeRest(): 'range' | 'dotdotdot' | null {
    if (!this.isRangeSep()) return null;
    const op = this.text();
    this.bump();
    if (this.isPatRangeEndStart(0)) this.patRangeEnd();
    else if (op !== '..') this.fail('inclusive range with no end');
    return op === '...' ? 'dotdotdot' : 'range';
  }

  /** `parse_pat_with_range_pat`. */
  private patWithRange(allowRange: boolean): void {
    this.nest(() => {
      let range: 'range' | 'dotdotdot' | null = null;
      let ident = false;
      if (this.isKw('let')) this.fail('expected a pattern, found `let`');
      if (this.check('&') || this.check('&&')) {
        this.breakEat('&');
        if (this.isLifetime()) this.fail('unexpected lifetime in a pattern');
        this.eatKw('mut');
        this.patWithRange(false);
      } else if (this.isOpen('(') || this.isOpen('[')) this.skipGroup();
      else if (this.check('..') && !this.isPatRangeEndStart(1)) this.bump();
      else if (this.check('...') && !this.isPatRangeEndStart(1)) this.fail('unexpected `...`');
      else if (this.isRangeSep()) {
        // `..=X`, `..X` (`...X` is an error)
        if (this.check('...')) this.fail('range-to patterns with `...` are not allowed');
        this.bump();
        this.patRangeEnd();
      } else if (this.check('!')) this.fail('never patterns are unstable');
      else if (this.eatKw('_')) {
        /* wildcard */
      } else if (this.eatKw('mut')) {
        if (this.isKw('mut') || this.isKw('ref')) this.fail('`mut` may not be repeated or followed by `ref`');
        if (!this.canBeIdentPat()) this.fail('`mut` must be attached to each individual binding');
        this.patIdent();
        return;
      } else if (this.eatKw('ref')) {
        this.eatKw('mut');
        this.patIdent();
        return;
      } else if (this.eatKw('box')) {
        this.patWithRange(false);
      } else if (this.isKw('const') && this.isOpen('{', 1))
        this.fail('const blocks cannot be used as patterns');
      else if (this.canBeIdentPat()) {
        this.patIdent();
        ident = true;
      } else if (this.isPathStart() || (this.isIdent() && !this.isBoolLit() && !this.isKw('in'))) {
        let qself = false;
        if (this.breakEat('<')) {
          this.qpath('pat');
          qself = true;
        } else this.path('pat');
        if (!qself && this.eat('!')) this.expectGroup();
        else if (this.isRangeSep()) range = this.patRangeRest();
        else if (this.isOpen('{') || this.isOpen('(')) this.skipGroup();
      } else if (this.isLifetime()) this.fail('a lifetime in a pattern');
      else {
        this.literalMaybeMinus();
        range = this.patRangeRest();
      }
      if (!ident && this.check('@')) this.fail('pattern on the wrong side of `@`');
      if (!allowRange && range === 'range') this.fail('the range pattern here has ambiguous interpretation');
    });
  }

  /** `can_be_ident_pat`: an identifier that binds (not a path, struct, range or macro start). */
  private canBeIdentPat(): boolean {
    if (!this.isIdent() || this.isBoolLit() || this.isPathSegmentKeyword() || this.isKw('in')) return false;
    return !(
      this.isOpen('(', 1) ||
      this.isOpen('{', 1) ||
      this.check('...', 1) ||
      this.check('..=', 1) ||
      this.check('..', 1) ||
      this.check('::', 1) ||
      this.check('!', 1)
    );
  }

  /** `ident`, `ident @ pat`. */
  private patIdent(): void {
    this.ident();
    if (this.eat('@')) this.patNoTopAlt();
    if (this.isOpen('(')) this.fail('expected an identifier, found an enum pattern');
  }

  // --- meta, visibility -----------------------------------------------------------------------------

  /** `parse_attr_item`: `path`, `path(…)`, `path = expr`, `unsafe(…)`. */
  private attrItem(): void {
    const unsafe = this.eatKw('unsafe');
    if (unsafe) this.expect('(');
    this.path('mod');
    if (this.isOpen()) this.skipGroup();
    else if (this.eat('=')) this.exprRes(0);
    if (unsafe) this.expect(')');
  }

  /** `parse_visibility`; `followedByType` as for a field (`pub (u8)` is `pub` and a type). */
  private visibility(followedByType: boolean): void {
    if (!this.eatKw('pub')) return;
    if (!this.isOpen('(')) return;
    if (this.isKw('in', 1)) {
      this.bump();
      this.bump();
      this.path('mod');
      this.expect(')');
    } else if (
      (this.isKw('crate', 1) || this.isKw('super', 1) || this.isKw('self', 1)) &&
      this.check(')', 2)
    ) {
      this.bump();
      this.bump();
      this.bump();
    } else if (!followedByType) this.fail('incorrect visibility restriction');
  }

  // --- items and statements ------------------------------------------------------------------------

  /** `parse_item`: attributes, then an item (an error when there is none). */
  private item(): void {
    const attrs = this.outerAttrs();
    if (!this.itemCommon(true))
      this.fail(attrs ? 'expected an item after attributes' : 'expected an item keyword');
  }

  /** Skips to just past the next top-level `;` (an error at a closing delimiter or the end). */
  private scanPastSemi(): void {
    for (;;) {
      if (this.atEof() || this.kind() === 'close') this.fail('expected `;`');
      if (this.isOpen()) this.skipGroup();
      else if (this.eat(';')) return;
      else this.bump();
    }
  }

  /**
   * Skips an item's header to its end: with `braceEnds`, a `{…}` group outside angle brackets; with
   * `semiEnds`, a `;`; with `tupleBody` (a struct), a `(…)` before any `where` is a tuple body
   * after which only `;` ends it.
   */
  private scanItemEnd(braceEnds: boolean, semiEnds: boolean, tupleBody = false): void {
    let angle = 0;
    let sawWhere = false;
    for (;;) {
      if (this.atEof() || this.kind() === 'close') this.fail('unfinished item');
      if (this.isOpen()) {
        const open = this.text();
        this.skipGroup();
        if (angle === 0 && open === '{' && braceEnds) return;
        if (angle === 0 && open === '(' && tupleBody && !sawWhere) {
          this.scanPastSemi();
          return;
        }
        continue;
      }
      const t = this.text();
      if (angle === 0 && t === ';' && this.kind() === 'punct') {
        if (!semiEnds) this.fail('unexpected `;`');
        this.bump();
        return;
      }
      if (this.isKw('where')) sawWhere = true;
      if (this.kind() === 'punct') {
        if (t === '<') angle++;
        else if (t === '<<') angle += 2;
        else if (t === '>' || t === '>=') angle = Math.max(0, angle - 1);
        else if (t === '>>' || t === '>>=') angle = Math.max(0, angle - 2);
      }
      this.bump();
    }
  }

  /**
   * `parse_item_common` after the attributes: visibility and an item. False when no item starts
   * here (nothing but attributes consumed); an error after a visibility with no item.
   */
  private itemCommon(macAllowed: boolean): boolean {
    const start = this.i;
    this.visibility(false);
    const hasVis = this.i !== start;
    const found = this.itemKind(macAllowed);
    if (!found && hasVis) this.fail('visibility is not followed by an item');
    return found;
  }

  private itemKind(macAllowed: boolean): boolean {
    // `default fn`, `default impl` (specialization): parsed, gated later
    if (this.isKw('default') && this.isReserved(1) && !this.isKw('as', 1)) this.bump();
    if (this.eatKw('use')) {
      this.scanPastSemi();
      return true;
    }
    if (this.checkFnFrontMatter(true)) {
      if (this.isKw('gen')) this.fail('gen functions are unstable');
      // qualifiers and `fn`, then the name, generics, parameters, return type, where clause
      this.scanItemEnd(true, true);
      return true;
    }
    if (this.isKw('extern')) {
      if (this.isKw('crate', 1)) {
        this.scanPastSemi();
        return true;
      }
      this.bump();
      if (this.isLiteral()) this.bump();
      this.expectGroup('{');
      return true;
    }
    if (this.isUnsafeForeignMod()) {
      this.bump();
      this.bump();
      if (this.isLiteral()) this.bump();
      this.skipGroup();
      return true;
    }
    if (
      this.isKw('static') &&
      !(this.check('|', 1) || this.check('||', 1) || this.isKw('move', 1) || this.isKw('use', 1))
    ) {
      this.scanPastSemi();
      return true;
    }
    if (this.isKw('const')) {
      if (this.isOpen('{', 1)) {
        // an inline const block: an expression statement, but an (unstable) item where an item is parsed
        if (macAllowed) this.fail('const block items are unstable');
        return false;
      }
      if (this.check('|', 1) || this.check('||', 1) || this.isKw('move', 1) || this.isKw('static', 1))
        this.fail('const closures are unstable');
      if (this.isKw('trait', 1) || this.isKw('impl', 1)) this.fail('const traits are unstable');
      this.scanPastSemi();
      return true;
    }
    const unsafeAhead = this.isKw('unsafe') ? 1 : 0;
    if (
      this.isKw('trait', unsafeAhead) ||
      (this.isKw('auto', unsafeAhead) && this.isKw('trait', unsafeAhead + 1))
    ) {
      // `trait T {…}` or a trait alias `trait A = B;`
      this.scanItemEnd(true, true);
      return true;
    }
    if (this.isKw('impl', unsafeAhead)) {
      this.scanItemEnd(true, false);
      return true;
    }
    if (this.isKw('mod', unsafeAhead)) {
      if (unsafeAhead) this.bump();
      this.bump();
      this.ident();
      if (!this.eat(';')) this.expectGroup('{');
      return true;
    }
    if (this.isKw('type')) {
      this.scanPastSemi();
      return true;
    }
    if (this.isKw('enum')) {
      this.scanItemEnd(true, false);
      return true;
    }
    if (this.isKw('struct')) {
      this.scanItemEnd(true, true, true);
      return true;
    }
    if (this.isKw('union') && this.isNonReservedIdent(1)) {
      this.scanItemEnd(true, false);
      return true;
    }
    if (this.isKw('macro')) {
      // declarative macros 2.0: `macro m(…) {…}` or `macro m {…}`
      this.bump();
      this.ident();
      if (this.isOpen('(')) this.skipGroup();
      this.expectGroup('{');
      return true;
    }
    if (this.isKw('macro_rules') && this.check('!', 1) && this.isIdent(2)) {
      this.bump();
      this.bump();
      this.bump();
      if (this.expectGroup() !== '{') this.expect(';');
      return true;
    }
    if (macAllowed && this.isPathStart() && !this.check('<') && !this.check('<<')) {
      this.path('mod');
      this.expect('!');
      if (this.expectGroup() !== '{' && !this.eat(';'))
        this.fail('macros that expand to items must be delimited with braces or followed by a semicolon');
      return true;
    }
    return false;
  }

  /** `parse_stmt_without_recovery`: a statement without its trailing `;` (items keep theirs). */
  private stmt(): void {
    const attrs = this.outerAttrs();
    if (this.isKw('super') && this.isKw('let', 1)) this.fail('`super let` is unstable');
    if (this.eatKw('let')) {
      this.local();
      return;
    }
    if (
      this.isPathStart() &&
      !this.check('<') &&
      !this.check('<<') &&
      !this.isPathStartItem() &&
      !(this.isKw('builtin') && this.check('#', 1))
    ) {
      this.stmtPathStart();
      return;
    }
    if (this.itemCommon(false)) return;
    if (this.check(';')) {
      if (attrs) this.fail('expected a statement after outer attributes');
      this.bump();
      return;
    }
    if (this.kind() === 'close' || this.atEof()) this.fail('expected a statement');
    const e = this.withRes(STMT_EXPR, () => this.exprAssocWith(0, false));
    if (e.assign && this.isKw('else')) this.fail('`let` is missing before a `let … else`');
  }

  /** Paths that start items: `union U`, `auto trait`, `macro_rules! m`, `reuse`. */
  private isPathStartItem(): boolean {
    if (this.isKw('union') && this.isNonReservedIdent(1)) return true;
    if (this.isKw('reuse') && this.isPathStart(1) && !this.check('::', 1))
      this.fail('`reuse` items are unstable');
    if (this.isKw('auto') && this.isKw('trait', 1)) return true;
    return this.isKw('macro_rules') && ((this.check('!', 1) && this.isIdent(2)) || this.isIdent(1));
  }

  private stmtPathStart(): void {
    this.path('expr');
    if (this.eat('!')) {
      const open = this.expectGroup();
      if ((open === '{' && !this.check('.') && !this.check('?')) || this.check(';') || this.atEof()) return;
      // an expression statement starting with a macro call
      this.withRes(0, () => this.exprAssocRest(0, false, this.exprPostfix(PLAIN)));
      return;
    }
    if (this.isOpen('{')) this.skipGroup(); // a struct literal
    this.withRes(STMT_EXPR, () => this.exprAssocRest(0, false, this.exprPostfix(PLAIN)));
  }

  /** `let` (already eaten) pattern, type, initialiser, `else` block. */
  private local(): void {
    if (this.isKw('const') && this.isIdent(1)) this.fail('`const let`');
    if (this.check('|') || this.check('||'))
      this.fail('`let` bindings require top-level or-patterns in parentheses');
    this.patNoTopAlt();
    if (this.check('|') || this.check('||'))
      this.fail('`let` bindings require top-level or-patterns in parentheses');
    if (this.eat(':')) this.ty(true);
    if (
      ['+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<=', '>>='].includes(this.text()) &&
      this.kind() === 'punct'
    )
      this.fail('cannot reassign an uninitialised variable');
    if (!this.eat('=')) return;
    this.exprRes(0);
    if (this.eatKw('else')) {
      if (this.isKw('if')) this.fail('conditional `else if` is not supported for `let … else`');
      if (this.toks[this.i - 2]?.text === '}')
        this.fail('right curly brace before `else` in a `let … else` statement');
      this.expectGroup('{');
    }
  }
}
