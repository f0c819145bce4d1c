/**
 * Extracts surface items, module declarations, macro definitions and item-position macro
 * invocations from one parsed Rust file (or one macro expansion). Pure: a syntax tree in, data out.
 */
import type { Node } from 'web-tree-sitter';
import type {
  BodyFacts,
  ConstItem,
  DeclaredType,
  Diagnostic,
  EnumItem,
  Field,
  FunctionItem,
  GatedItem,
  ImportItem,
  Param,
  StaticItem,
  StructItem,
  SurfaceItem,
  TypeAliasItem,
  Variant,
} from '../model';
import { Attr, hasSafetySection, readAttribute, readRepr, unescapeRustString } from '../rust/attributes';
import { CfgEnv, CfgPred, conjoin, evalCfg, parseCfg, renderCfg } from '../rust/cfg';
import { isLineBreak, isSpace, isWordChar } from '../rust/text';
import { abiOf, isRawPointer, normaliseType, TypeContext } from '../rust/types';
import { evaluateConst, NO_CONSTS } from '../abi/const-eval';
import { TARGETS } from '../abi/targets';
import { HelperFn, MAX_EVIDENCE_RECORDS, safetyParamNames, scanEvidence } from './body-evidence';

/** A type, alias or const declaration, whatever its visibility (see `FileScan.definitions`). */
export type Definition = StructItem | EnumItem | TypeAliasItem | ConstItem;

export interface ModDecl {
  name: string;
  /** `#[path = "…"]` value, if any. */
  pathAttr: string | null;
  /** Effective cfg of the declared module (enclosing plus own). */
  cfgs: CfgPred[];
  /** Module path of the declared module, e.g. `crate::a::b`. */
  modPath: string;
  /** Directory in which `b.rs`/`b/mod.rs` is looked up. */
  lookupDir: string;
  /** Directory a `#[path]` value is relative to. */
  pathBaseDir: string;
  file: string;
  line: number;
}

export interface MacroRule {
  matcher: string;
  transcriber: string;
}

export interface MacroDef {
  name: string;
  rules: MacroRule[];
  /** The body mentions an export attribute, so its invocations can export items. */
  exports: boolean;
  /** The body calls `catch_unwind`: a panic boundary. */
  catchesUnwind: boolean;
  file: string;
  line: number;
}

export interface MacroInvocation {
  name: string;
  /** The text inside the invocation's delimiters. */
  input: string;
  ctx: ScanContext;
  line: number;
  /**
   * Invoked inside a function body, where most macros are expressions (`write!`, `vec!`): expanded
   * only when it can export (its input or its definition names an export attribute).
   */
  inBody?: boolean;
  /** Offsets of the invocation in the scanned text (the accounting matches it to its census). */
  start?: number;
  end?: number;
}

export interface ScanContext {
  file: string;
  modPath: string;
  cfgs: CfgPred[];
  /** Directory where child modules of this module are looked up. */
  childDir: string;
  /** Directory `#[path]` on child modules is relative to. */
  pathBaseDir: string;
  selfType?: string;
  /** Line offset for expansions (their text starts at the invocation line). */
  lineBase: number;
  /** Name of the macro whose expansion is being scanned. */
  macro?: string;
}

export interface FileScan {
  items: SurfaceItem[];
  /** `pub const` / `pub type` items: part of the surface only when the module is part of the C API. */
  candidates: (ConstItem | TypeAliasItem)[];
  /**
   * Every struct, union, enum, non-generic type alias and const the text declares, whatever its
   * visibility or repr (associated consts named `Type::NAME`): the pool from which the types,
   * aliases and consts an export reaches are added to the surface (their layout is the export's).
   */
  definitions: Definition[];
  declaredTypes: DeclaredType[];
  mods: ModDecl[];
  macros: MacroDef[];
  invocations: MacroInvocation[];
  diagnostics: Diagnostic[];
  /** Source text of `#[cfg(test)]` modules, to find which exports tests mention. */
  testText: string[];
  /** Items switched off by a feature cfg. */
  gated: GatedItem[];
  /** Offset ranges of the export attributes of extracted items (for the accounting net). */
  accounted: [number, number][];
  /** Types named by `unsafe impl Send for T` / `unsafe impl Sync for T` (last path segment). */
  unsafeSendSync?: string[];
  /** Non-exported functions with a raw-pointer parameter: what they check (`resolveNullCheckers`). */
  helpers?: HelperFn[];
}

export function emptyScan(): FileScan {
  return {
    items: [],
    candidates: [],
    definitions: [],
    declaredTypes: [],
    mods: [],
    macros: [],
    invocations: [],
    diagnostics: [],
    testText: [],
    gated: [],
    accounted: [],
  };
}

const ITEM_TYPES = new Set([
  'function_item',
  'static_item',
  'struct_item',
  'union_item',
  'enum_item',
  'type_item',
  'const_item',
  'impl_item',
  'mod_item',
  'foreign_mod_item',
  'macro_definition',
  'macro_invocation',
  'trait_item',
  'use_declaration',
  'extern_crate_declaration',
  'function_signature_item',
]);

/**
 * A word that starts an item (every kind in `ITEM_TYPES`: `macro_rules!` and invocations hold a
 * `!`, `function_signature_item` an `fn`), an attribute's `#` (also of `r#ident`), or a word
 * (ASCII or not), `!` and a delimiter or a comment (a macro invocation: `m!(…)`, `m! {…}`,
 * `a::m![…]`, a comment between `!` and the delimiter; not `a != b`). Comments and strings may
 * hold them too: then the body is walked, as before. Linear: the word characters exclude every
 * character `\s` matches (NBSP, U+2028, …), so each run of spaces is scanned from the one word or
 * `!` before it.
 */
const ITEM_SIGNS =
  /\b(?:fn|static|struct|union|enum|type|const|impl|mod|extern|trait|use|macro_rules)\b|#|[\w\u0080-\u009f\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ufefe\uff00-\uffff]\s*!\s*[([{/]/;

/**
 * Whether walking a function body can find anything: a nested item, an attribute, a macro
 * invocation or a syntax error. Without one, the walk could only descend through expressions.
 */
export function mayHoldItems(body: Pick<Node, 'hasError' | 'text'>): boolean {
  return body.hasError || ITEM_SIGNS.test(body.text);
}

/** Macros from std/core that may stand at item position and never export anything. */
const HARMLESS_ITEM_MACROS = new Set([
  'thread_local',
  'compile_error',
  'include',
  'debug_assert',
  'assert',
  'const_assert',
  'static_assertions',
  'println',
  'eprintln',
]);

const GATEABLE = new Set([
  'function_item',
  'static_item',
  'struct_item',
  'union_item',
  'enum_item',
  'type_item',
  'const_item',
]);

interface Pending {
  attrs: Attr[];
  cfgs: CfgPred[];
  /** Predicates that evaluated false (they switch the item off). */
  offCfgs: CfgPred[];
  disabled: boolean;
  docs: string[];
  isTest: boolean;
  /** Offset ranges of the attribute items read. */
  attrRanges: [number, number][];
}

function newPending(): Pending {
  return { attrs: [], cfgs: [], offCfgs: [], disabled: false, docs: [], isTest: false, attrRanges: [] };
}

/**
 * Blocks, expressions and items nested deeper than this are not read: the walk recurses, and a
 * hostile file nests them by the ten thousand (the stack would overflow and lose the whole file).
 */
export const MAX_SYNTAX_NESTING = 400;

export class FileScanner {
  readonly out: FileScan = emptyScan();
  /** Nesting of `scanContainer`/`scanNested` calls. */
  private depth = 0;
  private tooDeep = false;

  constructor(
    private readonly env: CfgEnv,
    private readonly source: string,
  ) {}

  private line(node: Node, ctx: ScanContext): number {
    return ctx.lineBase + node.startPosition.row;
  }

  private diag(
    level: Diagnostic['level'],
    code: string,
    message: string,
    ctx: ScanContext,
    node?: Node,
  ): void {
    this.out.diagnostics.push({
      level,
      code,
      message,
      file: ctx.file,
      line: node ? this.line(node, ctx) : undefined,
    });
  }

  /** Offsets of every `{` and `!` of the source, ascending (built on first use). */
  private signs: Int32Array | null = null;
  /** Whether the tree parsed without a syntax error (asked on first use). */
  private clean: boolean | null = null;

  /**
   * Whether the source range of `node` holds a `{` or a `!` (in code, a comment or a string alike),
   * or the tree has a syntax error anywhere. A binary search over the offsets of those characters:
   * O(log n) a node, and one pass over the source for the whole scan.
   */
  private holdsBraceOrBang(node: Node): boolean {
    this.clean ??= !node.tree.rootNode.hasError;
    if (!this.clean) return true;
    if (!this.signs) {
      const found: number[] = [];
      const src = this.source;
      for (let i = 0; i < src.length; i++) {
        const c = src.charCodeAt(i);
        if (c === 123 /* { */ || c === 33 /* ! */) found.push(i);
      }
      this.signs = Int32Array.from(found);
    }
    const signs = this.signs;
    const start = node.startIndex;
    let lo = 0;
    let hi = signs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (signs[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < signs.length && signs[lo] < node.endIndex;
  }

  /** Enters one more level of nesting; false (with one diagnostic per text) past the bound. */
  private enter(node: Node, ctx: ScanContext): boolean {
    if (this.depth >= MAX_SYNTAX_NESTING) {
      if (!this.tooDeep)
        this.diag(
          'error',
          'nesting-too-deep',
          `code nested deeper than ${MAX_SYNTAX_NESTING} levels was not read; items in it may be missing`,
          ctx,
          node,
        );
      this.tooDeep = true;
      return false;
    }
    this.depth++;
    return true;
  }

  /** Scans the children of a `source_file` or `declaration_list`, or a block's statements. */
  scanContainer(container: Node, ctx: ScanContext, inBody = false): void {
    if (!this.enter(container, ctx)) return;
    try {
      this.scanChildren(container, ctx, inBody);
    } finally {
      this.depth--;
    }
  }

  private scanChildren(container: Node, ctx: ScanContext, inBody: boolean): void {
    let pending = newPending();
    for (const child of container.namedChildren) {
      const t = child.type;
      if (t === 'attribute_item') {
        this.readAttr(child, pending, ctx);
        continue;
      }
      if (t === 'inner_attribute_item') continue; // handled by the module reader
      if (t === 'line_comment' || t === 'block_comment') {
        const txt = child.text;
        if (/^\/\/\/(?!\/)/.test(txt) || /^\/\*\*(?!\*)/.test(txt)) pending.docs.push(txt);
        continue;
      }
      if (t === 'ERROR') {
        this.diag(
          'warning',
          'syntax-error',
          'the parser could not read part of this file; items in it may be missing',
          ctx,
          child,
        );
        this.scanContainer(child, ctx, inBody);
        pending = newPending();
        continue;
      }
      if (inBody && (t === 'macro_invocation' || t === 'expression_statement')) {
        // `m! { … }` or `m!(…);` in a function body: an expression (`write!`, `vec!`) or items
        const inv = t === 'macro_invocation' ? child : child.namedChildren[0];
        if (inv?.type === 'macro_invocation') {
          if (!pending.disabled) this.scanInvocation(inv, pending, ctx, true);
          pending = newPending();
          continue;
        }
      }
      if (ITEM_TYPES.has(t)) {
        if (!pending.disabled) this.scanItem(child, pending, ctx);
        else if (pending.isTest) this.out.testText.push(child.text);
        else if (GATEABLE.has(t)) this.scanGated(child, pending, ctx);
        pending = newPending();
        continue;
      }
      if (!inBody && t === 'expression_statement' && child.namedChildren[0]?.type === 'macro_invocation') {
        // `m!(…);` at item position parses as an expression statement
        if (!pending.disabled) this.scanItem(child.namedChildren[0], pending, ctx);
        pending = newPending();
        continue;
      }
      if (inBody || t === 'expression_statement' || t === 'let_declaration') {
        this.scanNested(child, ctx);
      }
      pending = newPending();
    }
  }

  /** Looks for items (nested fns, statics, impls) inside expressions of a function body. */
  private scanNested(node: Node, ctx: ScanContext): void {
    const t = node.type;
    if (t === 'block' || t === 'declaration_list') {
      this.scanContainer(node, ctx, true);
      return;
    }
    if (t === 'macro_invocation') {
      // a macro call in an expression or a type (`let x = m!()`, `[u8; n!()]`): recorded, and
      // expanded when it can export
      this.scanInvocation(node, newPending(), ctx, true);
      return;
    }
    if (ITEM_TYPES.has(t)) {
      this.scanItem(node, newPending(), ctx);
      return;
    }
    // what the walk looks for is a block, a declaration list, an item (found only inside one of
    // those: `{`) or a macro call (`!`): an expression whose text holds neither (most) is not
    // descended into — unless the tree has a syntax error, whose recovery may nest anything
    if (!this.holdsBraceOrBang(node)) return;
    if (!this.enter(node, ctx)) return;
    try {
      for (const c of node.namedChildren) this.scanNested(c, ctx);
    } finally {
      this.depth--;
    }
  }

  /**
   * Items hidden in the expressions a declaration holds outside any body: array lengths in
   * parameter, return, field and alias types, enum discriminants (`[u8; { #[no_mangle] … 4 }]`).
   */
  private scanEmbedded(nodes: (Node | null)[], pending: Pending, ctx: ScanContext): void {
    const inner = { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] };
    for (const n of nodes) if (n) this.scanNested(n, inner);
  }

  /**
   * `scanEmbedded` for declarations that are not bracketed themselves (parameters, a return or
   * declared type): an item can hide in one only inside a block (`{`) or a macro call (`!`), so a
   * text without either (most) is not walked.
   */
  private scanEmbeddedTypes(nodes: (Node | null)[], pending: Pending, ctx: ScanContext): void {
    const walk = nodes.filter((n): n is Node => !!n && (n.hasError || /[{!]/.test(n.text)));
    if (walk.length) this.scanEmbedded(walk, pending, ctx);
  }

  /** Records an item a feature cfg switches off, so the diff can tell "gated" from "removed". */
  private scanGated(node: Node, pending: Pending, ctx: ScanContext): void {
    const before = this.out.items.length;
    const beforeCandidates = this.out.candidates.length;
    const beforeDefinitions = this.out.definitions.length;
    const beforeTypes = this.out.declaredTypes.length;
    const beforeMacros = this.out.macros.length;
    const beforeInv = this.out.invocations.length;
    const beforeMods = this.out.mods.length;
    this.scanItem(node, { ...pending, cfgs: [...pending.cfgs, ...pending.offCfgs] }, ctx);
    const made = [...this.out.items.splice(before), ...this.out.candidates.splice(beforeCandidates)];
    this.out.declaredTypes.splice(beforeTypes);
    this.out.definitions.splice(beforeDefinitions);
    this.out.macros.splice(beforeMacros);
    this.out.invocations.splice(beforeInv);
    this.out.mods.splice(beforeMods);
    for (const it of made) {
      this.out.gated.push({
        kind: it.kind,
        name: it.name,
        ...('symbol' in it ? { symbol: it.symbol } : {}),
        cfg: it.cfg ?? '',
        file: it.file,
        line: it.line,
      });
    }
  }

  private readAttr(node: Node, pending: Pending, ctx: ScanContext): void {
    const attr = node.namedChildren.find((c) => c.type === 'attribute');
    if (!attr) return;
    pending.attrRanges.push([node.startIndex, node.endIndex]);
    for (const a of readAttribute(attr.text, this.env)) {
      if (a.name === 'cfg' && a.args !== null) {
        const pred = parseCfg(a.args);
        if (!pred) {
          this.diag('warning', 'bad-cfg', `cannot read cfg(${a.args.slice(0, 80)})`, ctx, node);
          continue;
        }
        const v = evalCfg(pred, this.env);
        if (v === false) {
          pending.disabled = true;
          pending.offCfgs.push(pred);
          if (/\btest\b/.test(a.args)) pending.isTest = true;
        } else pending.cfgs.push(pred);
        for (const c of a.conditions) pending.cfgs.push(c);
      } else if (a.name === 'doc' && a.value !== null) {
        pending.docs.push(a.value);
        pending.attrs.push(a);
      } else {
        pending.attrs.push(a);
      }
    }
  }

  private effectiveCfg(ctx: ScanContext, pending: Pending, conditions: CfgPred[] = []): string | null {
    const preds = [...ctx.cfgs, ...pending.cfgs, ...conditions];
    const c = conjoin(preds);
    return c ? renderCfg(c) : null;
  }

  private scanItem(node: Node, pending: Pending, ctx: ScanContext): void {
    switch (node.type) {
      case 'function_item':
        return this.scanFunction(node, pending, ctx);
      case 'static_item':
        return this.scanStatic(node, pending, ctx);
      case 'struct_item':
      case 'union_item':
        return this.scanStruct(node, pending, ctx);
      case 'enum_item':
        return this.scanEnum(node, pending, ctx);
      case 'type_item':
        return this.scanTypeAlias(node, pending, ctx);
      case 'const_item':
        return this.scanConst(node, pending, ctx);
      case 'impl_item': {
        const body = node.childForFieldName('body');
        const ty = node.childForFieldName('type');
        const sendSync = unsafeSendSyncOf(node);
        if (sendSync) (this.out.unsafeSendSync ??= []).push(sendSync);
        if (body)
          this.scanContainer(body, {
            ...ctx,
            cfgs: [...ctx.cfgs, ...pending.cfgs],
            selfType: ty ? normaliseType(ty, ctx) : ctx.selfType,
          });
        return;
      }
      case 'trait_item': {
        const body = node.childForFieldName('body');
        if (body) this.scanContainer(body, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] });
        return;
      }
      case 'mod_item':
        return this.scanMod(node, pending, ctx);
      case 'foreign_mod_item':
        return this.scanForeign(node, pending, ctx);
      case 'macro_definition':
        return this.scanMacroDef(node, ctx);
      case 'macro_invocation':
        return this.scanInvocation(node, pending, ctx);
      default:
        return;
    }
  }

  /**
   * How the item is exported, once per distinct symbol: an `export_name` wins over `no_mangle`, and
   * `cfg_attr` conditions that depend on the platform can export one item under different names
   * (`#[cfg_attr(windows, export_name = "w")] #[cfg_attr(unix, no_mangle)]`).
   */
  private exportVariants(
    pending: Pending,
  ): { symbolFrom: 'no_mangle' | 'export_name'; value: string | null; conditions: CfgPred[] }[] {
    // an `export_name` whose value is not known: the symbol is not known either (the item stays
    // unextracted, and the accounting net reports its attribute as an unresolved export site)
    if (pending.attrs.some((a) => a.name === 'export_name' && a.value === null)) return [];
    const names = pending.attrs.filter((a) => a.name === 'export_name' && a.value !== null);
    const mangles = pending.attrs.filter((a) => a.name === 'no_mangle');
    const always = names.find((a) => a.conditions.length === 0);
    if (always) return [{ symbolFrom: 'export_name', value: always.value, conditions: [] }];
    const out: { symbolFrom: 'no_mangle' | 'export_name'; value: string | null; conditions: CfgPred[] }[] =
      names.map((a) => ({ symbolFrom: 'export_name', value: a.value, conditions: a.conditions }));
    if (mangles.length) {
      const unless: CfgPred[] = names.map((a) => ({ op: 'not', arg: conjoin(a.conditions) as CfgPred }));
      const when = mangles.some((a) => a.conditions.length === 0)
        ? []
        : mangles.length === 1
          ? mangles[0].conditions
          : [{ op: 'any' as const, args: mangles.map((a) => conjoin(a.conditions) as CfgPred) }];
      out.push({ symbolFrom: 'no_mangle', value: null, conditions: [...when, ...unless] });
    }
    return out;
  }

  private visibility(node: Node): string {
    const v = node.namedChildren.find((c) => c.type === 'visibility_modifier');
    return v ? v.text.replace(/\s+/g, '') : 'private';
  }

  private docOf(pending: Pending): { present: boolean; safety: boolean } {
    const text = pending.docs.map((d) => d.replace(/^\/\/\/|^\/\*\*|\*\/$/g, '')).join('\n');
    return { present: pending.docs.length > 0, safety: hasSafetySection(text) };
  }

  private bodyTooDeep(body: Node, ctx: ScanContext): void {
    this.diag(
      'error',
      'nesting-too-deep',
      `expressions nested deeper than ${MAX_SYNTAX_NESTING} levels were not read; findings about this body may be missing`,
      ctx,
      body,
    );
  }

  private tctx(ctx: ScanContext): TypeContext {
    return { selfType: ctx.selfType };
  }

  private readParams(node: Node, ctx: ScanContext): { params: Param[]; variadic: boolean } {
    const params: Param[] = [];
    let variadic = false;
    const list = node.childForFieldName('parameters');
    if (!list) return { params, variadic };
    let index = 0;
    for (const p of list.namedChildren) {
      if (p.type === 'parameter') {
        const pat = p.childForFieldName('pattern');
        const name = pat ? pat.text.replace(/^mut\s+/, '').replace(/\s+/g, '') : `arg${index}`;
        params.push({ name, type: normaliseType(p.childForFieldName('type'), this.tctx(ctx)) });
        index++;
      } else if (p.type === 'self_parameter') {
        const txt = p.text.replace(/\s+/g, ' ');
        const self = ctx.selfType ?? 'Self';
        const type = txt.includes('&mut') ? `&mut ${self}` : txt.includes('&') ? `&${self}` : self;
        params.push({ name: 'self', type });
        index++;
      } else if (p.type === 'variadic_parameter') {
        variadic = true;
      }
    }
    return { params, variadic };
  }

  private fnModifiers(node: Node): { abi: string; unsafe: boolean } {
    let abi = 'Rust';
    let unsafe = false;
    const mods = node.namedChildren.find((c) => c.type === 'function_modifiers');
    if (mods) {
      for (const m of mods.children) {
        if (m.type === 'extern_modifier') abi = abiOf(m);
        else if (m.text === 'unsafe') unsafe = true;
      }
    }
    return { abi, unsafe };
  }

  private scanFunction(node: Node, outer: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    const pending = body ? this.withInnerExportAttrs(body, outer) : outer;
    this.scanEmbeddedTypes(
      [node.childForFieldName('parameters'), node.childForFieldName('return_type')],
      outer,
      ctx,
    );
    const variants = nameNode ? this.exportVariants(pending) : [];
    if (nameNode && variants.length) {
      const name = ident(nameNode);
      const { abi, unsafe } = this.fnModifiers(node);
      const { params, variadic } = this.readParams(node, ctx);
      const ret = node.childForFieldName('return_type');
      const returns = ret ? normaliseType(ret, this.tctx(ctx)) : null;
      const facts = body
        ? bodyFacts(body, params, ctx.lineBase, () => this.bodyTooDeep(body, ctx))
        : emptyBody();
      const docTypes = docTypeNames(pending.docs);
      if (docTypes.length) facts.docTypes = docTypes;
      // the same for every export variant: computed once (there can be as many variants as attributes)
      const line = this.line(node, ctx);
      const visibility = this.visibility(node);
      const doc: FunctionItem['doc'] = this.docOf(pending);
      if (doc.safety) {
        const text = pending.docs.map((d) => d.replace(/^\/\/\/|^\/\*\*|\*\/$/g, '')).join('\n');
        const names = safetyParamNames(
          text,
          params.map((p) => p.name),
        );
        if (names.length) doc.safetyNames = names;
      }
      const features = targetFeatures(pending.attrs);
      for (const exp of variants) {
        const item: FunctionItem = {
          kind: 'function',
          name,
          symbol: exp.value ?? name,
          path: ctx.modPath,
          file: ctx.file,
          line,
          cfg: this.effectiveCfg(ctx, pending, exp.conditions),
          visibility,
          abi,
          unsafe,
          params,
          variadic,
          returns: returns === '()' ? null : returns,
          export: exp.symbolFrom,
          doc: { ...doc },
          body: facts,
        };
        if (ctx.macro) item.macro = ctx.macro;
        if (features.length) item.targetFeatures = features;
        this.out.items.push(item);
      }
      this.out.accounted.push(...pending.attrRanges);
    } else if (nameNode && body) this.recordHelper(ident(nameNode), node, body, ctx);
    // Items nested in a function body are exported too. A body that parsed without error and
    // whose text holds no item keyword, attribute or macro invocation holds nothing the walk
    // would find: it is not walked (most bodies; the walk was a third of the scan).
    if (body && mayHoldItems(body))
      this.scanContainer(body, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] }, true);
  }

  /**
   * A function that is not exported but takes a raw pointer: what it null-checks, which pointers it
   * hands on, and whether it is a plain cast (`fn cast(p: *const C) -> *const T { p as _ }`), so a
   * checker macro or function of the crate can be followed (`resolveNullCheckers`). The body is
   * read only when short or when its text names a check.
   */
  private recordHelper(name: string, node: Node, body: Node, ctx: ScanContext): void {
    // a raw pointer is spelt with `*`: other signatures are not read at all
    if (!node.childForFieldName('parameters')?.text.includes('*')) return;
    const { params } = this.readParams(node, ctx);
    const ptrs = params.filter((p) => isRawPointer(p.type)).map((p) => p.name);
    if (ptrs.length === 0) return;
    const helpers = (this.out.helpers ??= []);
    if (helpers.length >= MAX_HELPERS) return;
    const text = body.text;
    const firstLine = this.line(body, ctx);
    const read = text.length <= 1024 || (text.length <= 64 * 1024 && HELPER_WORDS.test(text));
    const ev = read ? scanEvidence(text, new Set(ptrs), new Set(), firstLine) : null;
    let identity = false;
    if (text.length <= 512) {
      const tail = tailExpression(body);
      const root = tail ? castRoot(tail) : null;
      identity = root?.type === 'identifier' && ptrs.includes(root.text);
    }
    helpers.push({
      name,
      file: ctx.file,
      line: this.line(node, ctx),
      params: params.map((p) => p.name),
      ptrs,
      nullChecks: ev?.nullChecks ?? [],
      passes: ev?.passes ?? [],
      identity,
    });
  }

  /**
   * `fn f() { #![no_mangle] }`: inner attributes at the top of a body apply to the fn. The export
   * attributes among them join the outer ones (other inner attributes are lints and docs).
   */
  private withInnerExportAttrs(body: Node, pending: Pending): Pending {
    let out = pending;
    // sibling by sibling: only the first few children are looked at (`namedChildren` would
    // marshal every statement of the body)
    for (let c = body.firstNamedChild; c; c = c.nextNamedSibling) {
      if (c.type === 'line_comment' || c.type === 'block_comment') continue;
      if (c.type !== 'inner_attribute_item') break;
      const attr = c.namedChildren.find((a) => a.type === 'attribute');
      if (!attr) continue;
      const exports = readAttribute(attr.text, this.env).filter(
        (a) => a.name === 'no_mangle' || a.name === 'export_name',
      );
      if (!exports.length) continue;
      if (out === pending)
        out = { ...pending, attrs: [...pending.attrs], attrRanges: [...pending.attrRanges] };
      out.attrs.push(...exports);
      out.attrRanges.push([c.startIndex, c.endIndex]);
    }
    return out;
  }

  /** Items in an initialiser (`const _: () = { #[no_mangle] extern "C" fn f() {} };`) are exported too. */
  private scanInitialiser(node: Node, pending: Pending, ctx: ScanContext): void {
    const value = node.childForFieldName('value');
    if (value) this.scanNested(value, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] });
  }

  private scanStatic(node: Node, pending: Pending, ctx: ScanContext): void {
    this.scanInitialiser(node, pending, ctx);
    this.scanEmbeddedTypes([node.childForFieldName('type')], pending, ctx);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const variants = this.exportVariants(pending);
    if (variants.length) this.out.accounted.push(...pending.attrRanges);
    if (variants.length === 0) return;
    // the same for every export variant: computed once (there can be as many variants as attributes)
    const name = ident(nameNode);
    const line = this.line(node, ctx);
    const visibility = this.visibility(node);
    const type = normaliseType(node.childForFieldName('type'), this.tctx(ctx));
    const mutable = node.namedChildren.some((c) => c.type === 'mutable_specifier');
    const doc = this.docOf(pending);
    for (const exp of variants) {
      const item: StaticItem = {
        kind: 'static',
        name,
        symbol: exp.value ?? name,
        path: ctx.modPath,
        file: ctx.file,
        line,
        cfg: this.effectiveCfg(ctx, pending, exp.conditions),
        visibility,
        type,
        mutable,
        export: exp.symbolFrom,
        doc: { ...doc },
      };
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
  }

  private reprOf(pending: Pending): string[] {
    const repr: string[] = [];
    for (const a of pending.attrs) if (a.name === 'repr' && a.args !== null) repr.push(...readRepr(a.args));
    return repr;
  }

  private fieldsOf(list: Node | null, ctx: ScanContext): { fields: Field[]; tuple: boolean } {
    const fields: Field[] = [];
    if (!list) return { fields, tuple: false };
    const tuple = list.type === 'ordered_field_declaration_list';
    let pending = newPending();
    let index = 0;
    if (tuple) {
      // children: visibility_modifier? type, interleaved with attribute_items
      for (const c of list.namedChildren) {
        if (c.type === 'attribute_item') {
          this.readAttr(c, pending, ctx);
          continue;
        }
        if (c.type === 'visibility_modifier' || c.type === 'line_comment' || c.type === 'block_comment')
          continue;
        if (!pending.disabled) fields.push({ name: String(index), type: normaliseType(c, this.tctx(ctx)) });
        index++;
        pending = newPending();
      }
      return { fields, tuple };
    }
    for (const c of list.namedChildren) {
      if (c.type === 'attribute_item') {
        this.readAttr(c, pending, ctx);
        continue;
      }
      if (c.type !== 'field_declaration') continue;
      if (!pending.disabled) {
        fields.push({
          name: c.childForFieldName('name')?.text ?? String(index),
          type: normaliseType(c.childForFieldName('type'), this.tctx(ctx)),
        });
      }
      index++;
      pending = newPending();
    }
    return { fields, tuple };
  }

  private scanStruct(node: Node, pending: Pending, ctx: ScanContext): void {
    this.scanEmbedded([node.childForFieldName('body')], pending, ctx);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const kind = node.type === 'union_item' ? 'union' : 'struct';
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: ident(nameNode), kind, repr });
    const visibility = this.visibility(node);
    const body = node.childForFieldName('body');
    const { fields, tuple } = this.fieldsOf(body, ctx);
    const item: StructItem = {
      kind,
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      fields,
      tuple,
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.definitions.push(item);
    if (visibility === 'pub' && repr.length > 0) this.out.items.push(item);
  }

  private scanEnum(node: Node, pending: Pending, ctx: ScanContext): void {
    this.scanEmbedded([node.childForFieldName('body')], pending, ctx);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: ident(nameNode), kind: 'enum', repr });
    const visibility = this.visibility(node);
    const variants: Variant[] = [];
    const body = node.childForFieldName('body');
    let next: bigint | null = 0n;
    const reprInt = repr.find((r) => /^[iu](8|16|32|64|128|size)$/.test(r)) ?? 'isize';
    let vp = newPending();
    for (const c of body?.namedChildren ?? []) {
      if (c.type === 'attribute_item') {
        this.readAttr(c, vp, ctx);
        continue;
      }
      if (c.type !== 'enum_variant') continue;
      if (vp.disabled) {
        vp = newPending();
        continue;
      }
      vp = newPending();
      const vname = c.childForFieldName('name')?.text ?? '?';
      const valueNode = c.childForFieldName('value');
      const discriminant = valueNode ? valueNode.text.replace(/\s+/g, ' ') : null;
      let value: bigint | null;
      // the one const evaluator, without the crate's consts here (the diff evaluates those); the
      // discriminant's type is the enum's integer repr, else isize as rustc types it
      if (valueNode)
        value = evaluateConst(valueNode.text, NO_CONSTS, TARGETS['x86_64-unknown-linux-gnu'], reprInt);
      else value = next;
      const variant: Variant = { name: vname, discriminant, value: value === null ? null : value.toString() };
      const vbody = c.childForFieldName('body');
      if (vbody) variant.fields = this.fieldsOf(vbody, ctx).fields;
      variants.push(variant);
      next = value === null ? null : value + 1n;
    }
    const item: EnumItem = {
      kind: 'enum',
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      variants,
      nonExhaustive: pending.attrs.some((a) => a.name === 'non_exhaustive'),
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.definitions.push(item);
    if (visibility === 'pub' && repr.length > 0) this.out.items.push(item);
  }

  private scanTypeAlias(node: Node, pending: Pending, ctx: ScanContext): void {
    this.scanEmbeddedTypes([node.childForFieldName('type')], pending, ctx);
    const nameNode = node.childForFieldName('name');
    if (!nameNode || ctx.selfType) return; // an associated type is not a C type
    if (node.childForFieldName('type_parameters')) return; // generic aliases are not C types
    const visibility = this.visibility(node);
    const item: TypeAliasItem = {
      kind: 'type',
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      target: normaliseType(node.childForFieldName('type'), this.tctx(ctx)),
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.definitions.push(item);
    if (visibility === 'pub') this.out.candidates.push(item);
  }

  private scanConst(node: Node, pending: Pending, ctx: ScanContext): void {
    this.scanInitialiser(node, pending, ctx);
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const valueNode = node.childForFieldName('value');
    if (!valueNode) return; // a trait's required const has no value to compare
    const visibility = this.visibility(node);
    const item: ConstItem = {
      kind: 'const',
      name: ctx.selfType ? `${ctx.selfType}::${ident(nameNode)}` : ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      type: normaliseType(node.childForFieldName('type'), this.tctx(ctx)),
      value: valueNode.text.replace(/\s+/g, ' ').slice(0, 1000),
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.definitions.push(item);
    if (visibility === 'pub' && !ctx.selfType) this.out.candidates.push(item);
  }

  private scanMod(node: Node, pending: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    const name = nameNode ? ident(nameNode) : '';
    if (!name) return;
    const body = node.childForFieldName('body');
    const cfgs = [...ctx.cfgs, ...pending.cfgs];
    const pathAttr = pending.attrs.find((a) => a.name === 'path')?.value ?? null;
    const modPath = `${ctx.modPath}::${name}`;
    if (body) {
      if (moduleNesting(modPath) > MAX_MODULE_NESTING) {
        this.diag(
          'error',
          'module-too-deep',
          `module ${name} is nested deeper than ${MAX_MODULE_NESTING}`,
          ctx,
          node,
        );
        return;
      }
      const dir = pathAttr ? joinPath(ctx.pathBaseDir, pathAttr) : joinPath(ctx.childDir, name);
      this.scanContainer(body, { ...ctx, modPath, cfgs, childDir: dir, pathBaseDir: dir });
      return;
    }
    this.out.mods.push({
      name,
      pathAttr,
      cfgs,
      modPath,
      lookupDir: ctx.childDir,
      pathBaseDir: ctx.pathBaseDir,
      file: ctx.file,
      line: this.line(node, ctx),
    });
  }

  private scanForeign(node: Node, pending: Pending, ctx: ScanContext): void {
    const ext = node.namedChildren.find((c) => c.type === 'extern_modifier');
    const abi = ext ? abiOf(ext) : 'C';
    const body = node.childForFieldName('body');
    if (!body) return;
    let ip = newPending();
    for (const c of body.namedChildren) {
      if (c.type === 'attribute_item') {
        this.readAttr(c, ip, ctx);
        continue;
      }
      if (c.type !== 'function_signature_item' && c.type !== 'static_item') continue;
      const cur = ip;
      ip = newPending();
      if (cur.disabled) continue;
      const nameNode = c.childForFieldName('name');
      const name = nameNode ? ident(nameNode) : '';
      if (!name) continue;
      const linkName = cur.attrs.find((a) => a.name === 'link_name')?.value ?? name;
      const item: ImportItem = {
        kind: 'import',
        name,
        symbol: linkName,
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(c, ctx),
        cfg: conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs])
          ? renderCfg(conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs]) as CfgPred)
          : null,
        visibility: this.visibility(c),
        abi,
        what: c.type === 'static_item' ? 'static' : 'function',
      };
      if (c.type === 'function_signature_item') {
        const { params, variadic } = this.readParams(c, ctx);
        const ret = c.childForFieldName('return_type');
        const r = ret ? normaliseType(ret, this.tctx(ctx)) : null;
        item.params = params;
        item.variadic = variadic;
        item.returns = r === '()' ? null : r;
      } else {
        item.type = normaliseType(c.childForFieldName('type'), this.tctx(ctx));
        item.mutable = c.namedChildren.some((x) => x.type === 'mutable_specifier');
      }
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
  }

  private scanMacroDef(node: Node, ctx: ScanContext): void {
    const name = node.childForFieldName('name')?.text;
    if (!name) return;
    const rules: MacroRule[] = [];
    for (const r of node.namedChildren) {
      if (r.type !== 'macro_rule') continue;
      const left = r.childForFieldName('left');
      const right = r.childForFieldName('right');
      if (!left || !right) continue;
      rules.push({ matcher: left.text.slice(1, -1), transcriber: right.text.slice(1, -1) });
    }
    const text = node.text;
    this.out.macros.push({
      name,
      rules,
      exports: /\b(no_mangle|export_name)\b/.test(text),
      catchesUnwind: /\bcatch_unwind\b/.test(text),
      file: ctx.file,
      line: this.line(node, ctx),
    });
  }

  private scanInvocation(node: Node, pending: Pending, ctx: ScanContext, inBody = false): void {
    const macroNode = node.childForFieldName('macro');
    if (!macroNode) return;
    const full = macroNode.text.replace(/\s+/g, ''); // `crate :: m` in an expansion is `crate::m`
    const name = full.split('::').pop() ?? full;
    if (name === 'macro_rules') return;
    const tt = node.namedChildren.find((c) => c.type === 'token_tree');
    const input = tt ? tt.text.slice(1, -1) : '';
    // std macros matter when an export hides in their input; `include!` always does
    if (HARMLESS_ITEM_MACROS.has(name) && name !== 'include' && !/\b(no_mangle|export_name)\b/.test(input))
      return;
    const inv: MacroInvocation = {
      name: full,
      input,
      ctx: { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] },
      line: this.line(node, ctx),
      start: node.startIndex,
      end: node.endIndex,
    };
    if (inBody) inv.inBody = true;
    this.out.invocations.push(inv);
  }

  get text(): string {
    return this.source;
  }
}

/** An identifier's name: `r#type` is `type` (the symbol rustc exports, the file it looks for). */
export function ident(node: Node): string {
  const t = node.text;
  return t.startsWith('r#') ? t.slice(2) : t;
}

/** Inline modules nested deeper than this are not read (the walk would exhaust the stack). */
export const MAX_MODULE_NESTING = 256;

/** Number of `::`-separated segments of a module path. */
export function moduleNesting(modPath: string): number {
  let n = 1;
  for (let i = modPath.indexOf('::'); i >= 0; i = modPath.indexOf('::', i + 2)) n++;
  return n;
}

export function joinPath(dir: string, rel: string, separators: RegExp = /[\\/]/): string {
  const parts = (dir ? dir.split('/') : []).concat(rel.split(separators));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0 || out[out.length - 1] === '..') out.push('..');
      else out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

export function emptyBody(): BodyFacts {
  return { derefs: [], panics: [], catchUnwind: false, macros: [], assigns: [] };
}

const DEREF_CALLS = new Set([
  'from_ptr',
  'from_raw_parts',
  'from_raw_parts_mut',
  'from_raw',
  'read',
  'read_unaligned',
  'read_volatile',
  'write',
  'write_unaligned',
  'write_volatile',
  'write_bytes',
  'copy',
  'copy_nonoverlapping',
  'drop_in_place',
  'replace',
  'swap',
  'strlen',
]);
const DEREF_METHODS = new Set([
  'as_ref',
  'as_mut',
  'read',
  'read_unaligned',
  'read_volatile',
  'write',
  'write_unaligned',
  'write_volatile',
  'replace',
  'swap',
  'drop_in_place',
  'as_uninit_ref',
  'as_uninit_mut',
]);
const PANIC_MACROS = new Set([
  'panic',
  'unreachable',
  'todo',
  'unimplemented',
  'assert',
  'assert_eq',
  'assert_ne',
  'debug_assert',
  'debug_assert_eq',
  'debug_assert_ne',
]);
const PANIC_METHODS = new Set(['unwrap', 'expect', 'unwrap_err', 'expect_err']);

function stripParens(node: Node | null): Node | null {
  let n = node;
  while (n && n.type === 'parenthesized_expression') n = n.namedChildren[0] ?? null;
  return n;
}

/** Pointer arithmetic and casts whose result still points into the parameter's allocation. */
const POINTER_DERIVATIONS = new Set([
  'add',
  'sub',
  'offset',
  'byte_add',
  'byte_sub',
  'byte_offset',
  'wrapping_add',
  'wrapping_sub',
  'wrapping_offset',
  'wrapping_byte_add',
  'wrapping_byte_sub',
  'wrapping_byte_offset',
  'cast',
  'cast_mut',
  'cast_const',
]);

/**
 * The expression a pointer is derived from: `p.add(i)`, `p.cast::<T>()`, `p as *const T` and
 * parentheses lead back to `p`, so `*p.add(i)` and `from_raw_parts(p.cast(), n)` dereference `p`.
 */
function pointerRoot(node: Node | null): Node | null {
  let n = stripParens(node);
  for (let guard = 0; n && guard < 64; guard++) {
    if (n.type === 'type_cast_expression') {
      n = stripParens(n.childForFieldName('value'));
      continue;
    }
    if (n.type === 'call_expression') {
      let fn = n.childForFieldName('function');
      if (fn?.type === 'generic_function') fn = fn.childForFieldName('function');
      if (
        fn?.type === 'field_expression' &&
        POINTER_DERIVATIONS.has(fn.childForFieldName('field')?.text ?? '')
      ) {
        n = stripParens(fn.childForFieldName('value'));
        continue;
      }
    }
    break;
  }
  return n;
}

/** The expression a cast keeps: `p as *const T`, `p.cast::<T>()`, `(p)` lead back to `p`. */
function castRoot(node: Node | null): Node | null {
  let n = stripParens(node);
  for (let guard = 0; n && guard < 16; guard++) {
    if (n.type === 'type_cast_expression') {
      n = stripParens(n.childForFieldName('value'));
      continue;
    }
    let fn = n.type === 'call_expression' ? n.childForFieldName('function') : null;
    if (fn?.type === 'generic_function') fn = fn.childForFieldName('function');
    const field = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
    if (fn && (field === 'cast' || field === 'cast_mut' || field === 'cast_const')) {
      n = stripParens(fn.childForFieldName('value'));
      continue;
    }
    break;
  }
  return n;
}

/** The callee's last path segment without generic arguments: `ptr::read::<T>` → `read`. */
function calleeName(fnText: string): string {
  // what `fnText.split('::').pop().replace(/<.*$/, '')` gave, without rescanning from every `<`
  const colons = fnText.lastIndexOf('::');
  const last = colons < 0 ? fnText : fnText.slice(colons + 2);
  let lineStart = last.length;
  while (lineStart > 0 && !isLineBreak(last.charCodeAt(lineStart - 1))) lineStart--;
  const generic = last.indexOf('<', lineStart);
  return generic < 0 ? last : last.slice(0, generic);
}

/** A character of an identifier, as the lexer reads them (ASCII word characters and any non-ASCII). */
function isIdentChar(c: number): boolean {
  return isWordChar(c) || c > 0x7f;
}

/**
 * Adds to `into` the names in `ptrs` that the token text of a macro invocation dereferences:
 * `*p`, `from_ptr(p`, `from_raw_parts(p`, `from_raw_parts_mut(p`, `p.as_ref`, `p.as_mut`, with
 * whitespace allowed between the tokens. One pass over the text, whatever the number of pointers
 * (one regular expression per pointer made it the product of the two).
 */
export function derefsInText(txt: string, ptrs: ReadonlySet<string>, into: Set<string>): void {
  const n = txt.length;
  const skipSpace = (k: number): number => {
    while (k < n && isSpace(txt.charCodeAt(k))) k++;
    return k;
  };
  /** The identifiers that start at `k`: the word, and `r#word` for a raw identifier. */
  const namesAt = (k: number): void => {
    let e = k;
    while (e < n && isIdentChar(txt.charCodeAt(e))) e++;
    if (e === k) return;
    const word = txt.slice(k, e);
    if (ptrs.has(word)) into.add(word);
    if (word === 'r' && txt[e] === '#') {
      let r = e + 1;
      while (r < n && isIdentChar(txt.charCodeAt(r))) r++;
      if (r > e + 1 && ptrs.has(txt.slice(k, r))) into.add(txt.slice(k, r));
    }
  };
  for (let i = 0; i < n; i++) {
    const c = txt[i];
    if (c === '*') namesAt(skipSpace(i + 1));
    else if (c === 'f' && txt.startsWith('from_', i)) {
      const k = txt.startsWith('ptr', i + 5)
        ? i + 8
        : txt.startsWith('raw_parts', i + 5)
          ? txt.startsWith('_mut', i + 14) && txt[skipSpace(i + 18)] === '('
            ? i + 18
            : i + 14
          : -1;
      if (k < 0) continue;
      const open = skipSpace(k);
      if (txt[open] === '(') namesAt(skipSpace(open + 1));
    } else if (c === '.') {
      const after = skipSpace(i + 1);
      if (!txt.startsWith('as_ref', after) && !txt.startsWith('as_mut', after)) continue;
      if (isWordChar(txt.charCodeAt(after + 6))) continue;
      let e = i;
      while (e > 0 && isSpace(txt.charCodeAt(e - 1))) e--;
      let b = e;
      while (b > 0 && isIdentChar(txt.charCodeAt(b - 1))) b--;
      if (b === e) continue;
      const word = txt.slice(b, e);
      if (ptrs.has(word)) into.add(word);
      if (
        b >= 2 &&
        txt[b - 1] === '#' &&
        txt[b - 2] === 'r' &&
        !(b >= 3 && isIdentChar(txt.charCodeAt(b - 3)))
      ) {
        const raw = txt.slice(b - 2, e);
        if (ptrs.has(raw)) into.add(raw);
      }
    }
  }
}

/**
 * Collects the body facts the security findings need. Expressions nested deeper than
 * `MAX_SYNTAX_NESTING` are not looked into; `onTooDeep` is called once when that happens.
 */
export function bodyFacts(body: Node, params: Param[], lineBase: number, onTooDeep?: () => void): BodyFacts {
  const ptrs = new Set(params.filter((p) => isRawPointer(p.type)).map((p) => p.name));
  const facts = emptyBody();
  const derefs = new Set<string>();
  const macros = new Set<string>();
  const assigns = new Set<string>();
  const line = (n: Node) => lineBase + n.startPosition.row;

  const owners = new Set<string>();
  const forgotten = new Set<string>();
  const returned: Node[] = [];
  const boxFromRaw: { arg: string; line: number }[] = [];
  const transmutes: { arg: string; line: number; to?: string }[] = [];

  const spared: NonNullable<BodyFacts['sparedPanics']> = [];
  /** A panic site: inside `catch_unwind` it is spared (kept as evidence for panic-path). */
  const panic = (p: BodyFacts['panics'][number], guarded: boolean): void => {
    if (!guarded) facts.panics.push(p);
    else if (spared.length < MAX_BODY_RECORDS)
      spared.push({ what: p.what, line: p.line, by: 'catch_unwind' });
  };
  let depth = 0;
  let tooDeep = false;
  const visit = (node: Node, guarded: boolean): void => {
    if (depth >= MAX_SYNTAX_NESTING) {
      if (!tooDeep) onTooDeep?.();
      tooDeep = true;
      return;
    }
    depth++;
    try {
      visitNode(node, guarded);
    } finally {
      depth--;
    }
  };
  const visitNode = (node: Node, guarded: boolean): void => {
    switch (node.type) {
      case 'unary_expression': {
        if (node.children[0]?.text === '*') {
          const op = pointerRoot(node.namedChildren[0] ?? null);
          if (op?.type === 'identifier' && ptrs.has(op.text)) derefs.add(op.text);
        }
        break;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        // `ptr::read::<T>(p)`: the turbofish is not part of the name
        const callee = fn?.type === 'generic_function' ? fn.childForFieldName('function') : fn;
        const last = calleeName(callee?.text ?? '');
        if (callee?.type === 'field_expression') {
          const field = callee.childForFieldName('field')?.text ?? '';
          const value = pointerRoot(callee.childForFieldName('value'));
          if (DEREF_METHODS.has(field) && value?.type === 'identifier' && ptrs.has(value.text))
            derefs.add(value.text);
          if (PANIC_METHODS.has(field)) panic({ what: field, line: line(node) }, guarded);
        } else if (DEREF_CALLS.has(last) && args) {
          for (const a of args.namedChildren) {
            const v = pointerRoot(a);
            if (v?.type === 'identifier' && ptrs.has(v.text)) derefs.add(v.text);
          }
        }
        if (last === 'from_raw' && /\bBox\b/.test(callee?.text ?? '') && args) {
          const v = pointerRoot(args.namedChildren[0] ?? null);
          if (v?.type === 'identifier' && boxFromRaw.length < MAX_BODY_RECORDS)
            boxFromRaw.push({ arg: v.text, line: line(node) });
        }
        if ((last === 'transmute' || last === 'transmute_copy') && args) {
          const v = stripParens(args.namedChildren[0] ?? null);
          if (v?.type === 'identifier' && transmutes.length < MAX_BODY_RECORDS) {
            const to = transmuteTarget(fn, node);
            transmutes.push(to ? { arg: v.text, line: line(node), to } : { arg: v.text, line: line(node) });
          }
        }
        if ((last === 'forget' || last === 'into_raw') && args) {
          const v = stripParens(args.namedChildren[0] ?? null);
          if (v?.type === 'identifier') forgotten.add(v.text);
        }
        if (last === 'catch_unwind') {
          facts.catchUnwind = true;
          if (fn) visit(fn, guarded);
          if (args) for (const a of args.namedChildren) visit(a, true);
          return;
        }
        break;
      }
      case 'index_expression':
        panic({ what: 'indexing', line: line(node) }, guarded);
        break;
      case 'macro_invocation': {
        const m = (node.childForFieldName('macro')?.text ?? '').replace(/\s+/g, '');
        const name = m.split('::').pop() ?? m;
        macros.add(name);
        if (PANIC_MACROS.has(name)) panic({ what: `${name}!`, line: line(node) }, guarded);
        const tt = node.namedChildren.find((c) => c.type === 'token_tree');
        if (tt) {
          const txt = tt.text;
          if (/\bcatch_unwind\b/.test(txt)) facts.catchUnwind = true;
          const m2 = /\.\s*(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)\s*!/.exec(txt);
          if (m2)
            panic({ what: `${m2[1] ?? m2[2] + '!'} in ${name}!`, line: line(node), macro: name }, guarded);
          if (ptrs.size > 0) derefsInText(txt, ptrs, derefs);
        }
        return;
      }
      case 'assignment_expression':
      case 'compound_assignment_expr': {
        const left = stripParens(node.childForFieldName('left'));
        if (left?.type === 'identifier') assigns.add(left.text);
        else if (left?.type === 'scoped_identifier')
          assigns.add(left.childForFieldName('name')?.text ?? left.text);
        else if (left?.type === 'field_expression' || left?.type === 'index_expression') {
          let base: Node | null = left;
          while (base && (base.type === 'field_expression' || base.type === 'index_expression'))
            base = stripParens(base.namedChildren[0] ?? null);
          if (base?.type === 'identifier') assigns.add(base.text);
        }
        break;
      }
      case 'let_declaration': {
        const pat = node.childForFieldName('pattern');
        const name = pat?.type === 'identifier' ? pat.text : pat?.childForFieldName('name')?.text;
        const ty = node.childForFieldName('type')?.text ?? '';
        const value = node.childForFieldName('value')?.text.slice(0, 512) ?? '';
        if (name && (OWNING_TYPE.test(ty) || OWNING_VALUE.test(value))) owners.add(name);
        break;
      }
      case 'return_expression':
        if (node.namedChildren[0] && returned.length < MAX_BODY_RECORDS) returned.push(node.namedChildren[0]);
        break;
      case 'function_item':
      case 'impl_item':
      case 'mod_item':
        return; // nested items have their own facts
      default:
        break;
    }
    for (const c of node.namedChildren) visit(c, guarded);
  };
  visit(body, false);
  const tail = tailExpression(body);
  if (tail) returned.push(tail);
  const dangling: { what: string; line: number }[] = [];
  for (const r of returned) {
    const what = danglingAsPtr(r, owners, forgotten);
    if (what !== null) dangling.push({ what, line: line(r) });
  }
  if (dangling.length) facts.danglingReturns = dangling;
  if (ptrs.size > 0) {
    const ints = new Set(params.filter((p) => !ptrs.has(p.name)).map((p) => p.name));
    const ev = scanEvidence(body.text, ptrs, ints, line(body));
    if (ev.nullChecks.length) facts.nullChecks = ev.nullChecks.filter((c) => !c.through);
    if (!facts.nullChecks?.length) delete facts.nullChecks;
    if (ev.passes.length) facts.passes = ev.passes.slice(0, MAX_EVIDENCE_RECORDS);
    if (ev.checkedArith.length) facts.checkedArith = ev.checkedArith;
  }
  if (spared.length) facts.sparedPanics = spared;
  if (boxFromRaw.length) facts.boxFromRaw = boxFromRaw;
  if (transmutes.length) facts.transmutes = transmutes;
  facts.derefs = [...derefs].sort();
  facts.macros = [...macros].sort();
  facts.assigns = [...assigns].sort();
  return facts;
}

/** Most helper functions recorded per file. */
const MAX_HELPERS = 1024;
/** A helper body that names one of these may null-check a pointer. */
const HELPER_WORDS = /is_null|as_ref|as_mut|NonNull|null_mut|null\s*(?:::\s*<[^>]*>\s*)?\(/;

/** At most this many `boxFromRaw`, `transmutes` and returned expressions are kept per body. */
const MAX_BODY_RECORDS = 64;

/** A type that owns its heap buffer: `.as_ptr()` into it dangles once it is dropped. */
const OWNING_TYPE = /\b(?:CString|String|Vec|OsString|PathBuf|Box)\b/;
/** An expression that builds an owner (a temporary, or a local's initialiser). */
const OWNING_VALUE =
  /\b(?:CString|String|Vec|OsString|PathBuf|Box)\s*::|\b(?:format|vec)\s*!|\.\s*(?:to_string|to_owned|to_vec|into_bytes|into_bytes_with_nul)\s*\(/;

/** `transmute::<u32, Mode>(x)` → `Mode`; `let m: Mode = transmute(x)` → `Mode`. */
function transmuteTarget(fn: Node | null, call: Node): string | undefined {
  if (fn?.type === 'generic_function') {
    const targs = fn.childForFieldName('type_arguments')?.namedChildren ?? [];
    const t = targs[targs.length - 1];
    if (targs.length === 2 && t) return t.text.replace(/\s+/g, ' ').slice(0, 200);
  }
  let p = call.parent;
  while (p && (p.type === 'unsafe_block' || p.type === 'block' || p.type === 'parenthesized_expression'))
    p = p.parent;
  const ty = p?.type === 'let_declaration' ? p.childForFieldName('type') : null;
  return ty ? ty.text.replace(/\s+/g, ' ').slice(0, 200) : undefined;
}

/** The tail expression of a block, through `unsafe { … }` and nested blocks. */
function tailExpression(block: Node): Node | null {
  let b: Node | null = block;
  for (let guard = 0; b && guard < 16; guard++) {
    const kids: Node[] = b.namedChildren.filter(
      (c: Node) => c.type !== 'line_comment' && c.type !== 'block_comment',
    );
    let last: Node | undefined = kids[kids.length - 1];
    // a block-like tail (`unsafe { … }`, `if`, `match`) is an expression statement without `;`
    if (last?.type === 'expression_statement' && !last.text.endsWith(';')) last = last.namedChildren[0];
    if (
      !last ||
      last.type.endsWith('_statement') ||
      last.type.endsWith('_item') ||
      last.type === 'let_declaration'
    )
      return null;
    if (last.type === 'unsafe_block' || last.type === 'block') {
      b = last.type === 'block' ? last : (last.namedChildren.find((c: Node) => c.type === 'block') ?? null);
      continue;
    }
    return last;
  }
  return null;
}

/**
 * The receiver text when `expr` (a returned expression) is `X.as_ptr()` (or `as_mut_ptr`, through
 * casts and parentheses) and `X` is a temporary owner or a local owner not forgotten; else null.
 */
function danglingAsPtr(
  expr: Node,
  owners: ReadonlySet<string>,
  forgotten: ReadonlySet<string>,
): string | null {
  let n = stripParens(expr);
  for (let guard = 0; n?.type === 'type_cast_expression' && guard < 16; guard++)
    n = stripParens(n.childForFieldName('value'));
  if (n?.type !== 'call_expression') return null;
  const fn = n.childForFieldName('function');
  if (fn?.type !== 'field_expression') return null;
  const field = fn.childForFieldName('field')?.text;
  if (field !== 'as_ptr' && field !== 'as_mut_ptr') return null;
  const recv = stripParens(fn.childForFieldName('value'));
  if (!recv) return null;
  const shown = recv.text.replace(/\s+/g, ' ');
  const short = shown.length > 80 ? shown.slice(0, 77) + '...' : shown;
  if (recv.type === 'identifier') return owners.has(recv.text) && !forgotten.has(recv.text) ? short : null;
  if (recv.type === 'call_expression' || recv.type === 'macro_invocation' || recv.type === 'try_expression')
    return OWNING_VALUE.test(recv.text.slice(0, 1024)) ? short : null;
  return null;
}

/** `unsafe impl Send for Engine` → `Engine` (last path segment, generics dropped); else null. */
function unsafeSendSyncOf(node: Node): string | null {
  if (!node.children.some((c) => c.type === 'unsafe')) return null;
  const trait = node.childForFieldName('trait');
  const ty = node.childForFieldName('type');
  if (!trait || !ty) return null;
  const t = calleeName(trait.text.replace(/\s+/g, ''));
  if (t !== 'Send' && t !== 'Sync') return null;
  const base = ty.type === 'generic_type' ? (ty.childForFieldName('type') ?? ty) : ty;
  const name = calleeName(base.text.replace(/\s+/g, ''));
  return name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : null;
}

/** Capitalised identifiers a doc comment names (`Engine`, `` `Widget` ``): at most 32, sorted. */
export function docTypeNames(docs: readonly string[]): string[] {
  const out = new Set<string>();
  let budget = 64 * 1024;
  for (const d of docs) {
    if (budget <= 0 || out.size >= 32) break;
    const text = d.slice(0, budget);
    budget -= text.length;
    for (const m of text.matchAll(/[A-Z][A-Za-z0-9_]*/g)) {
      const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 32;
      if (isWordChar(before)) continue;
      out.add(m[0]);
      if (out.size >= 32) break;
    }
  }
  return [...out].sort();
}

/** Re-exported for the macro expander: decoding of string literals in attributes. */
export { unescapeRustString };

/** `#[target_feature(enable = "avx2,fma")]` → `["avx2", "fma"]`, sorted and unique. */
export function targetFeatures(attrs: Attr[]): string[] {
  const out = new Set<string>();
  for (const a of attrs) {
    if (a.name !== 'target_feature' || a.args === null) continue;
    for (const m of a.args.slice(0, 4096).matchAll(/"([^"\\]*)"/g))
      for (const f of m[1].split(',')) if (f.trim()) out.add(f.trim());
  }
  return [...out].sort();
}
