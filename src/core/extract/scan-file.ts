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
import { abiOf, isRawPointer, normaliseType, TypeContext } from '../rust/types';
import { evalDiscriminant } from './discriminant';

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
  declaredTypes: DeclaredType[];
  mods: ModDecl[];
  macros: MacroDef[];
  invocations: MacroInvocation[];
  diagnostics: Diagnostic[];
  /** Source text of `#[cfg(test)]` modules, to find which exports tests mention. */
  testText: string[];
}

export function emptyScan(): FileScan {
  return {
    items: [],
    candidates: [],
    declaredTypes: [],
    mods: [],
    macros: [],
    invocations: [],
    diagnostics: [],
    testText: [],
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

interface Pending {
  attrs: Attr[];
  cfgs: CfgPred[];
  disabled: boolean;
  docs: string[];
  isTest: boolean;
}

function newPending(): Pending {
  return { attrs: [], cfgs: [], disabled: false, docs: [], isTest: false };
}

export class FileScanner {
  readonly out: FileScan = emptyScan();

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

  /** Scans the children of a `source_file` or `declaration_list`, or a block's statements. */
  scanContainer(container: Node, ctx: ScanContext, inBody = false): void {
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
      if (ITEM_TYPES.has(t)) {
        if (!pending.disabled) this.scanItem(child, pending, ctx);
        else if (pending.isTest) this.out.testText.push(child.text);
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
    if (node.type === 'block' || node.type === 'declaration_list') {
      this.scanContainer(node, ctx, true);
      return;
    }
    if (ITEM_TYPES.has(node.type) && node.type !== 'macro_invocation') {
      this.scanItem(node, newPending(), ctx);
      return;
    }
    for (const c of node.namedChildren) this.scanNested(c, ctx);
  }

  private readAttr(node: Node, pending: Pending, ctx: ScanContext): void {
    const attr = node.namedChildren.find((c) => c.type === 'attribute');
    if (!attr) return;
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

  private effectiveCfg(ctx: ScanContext, pending: Pending, attr?: Attr): string | null {
    const preds = [...ctx.cfgs, ...pending.cfgs, ...(attr ? attr.conditions : [])];
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

  private exportAttr(
    pending: Pending,
  ): { symbolFrom: 'no_mangle' | 'export_name'; value: string | null; attr: Attr } | null {
    for (const a of pending.attrs) {
      if (a.name === 'no_mangle') return { symbolFrom: 'no_mangle', value: null, attr: a };
      if (a.name === 'export_name' && a.value !== null)
        return { symbolFrom: 'export_name', value: a.value, attr: a };
    }
    return null;
  }

  private visibility(node: Node): string {
    const v = node.namedChildren.find((c) => c.type === 'visibility_modifier');
    return v ? v.text.replace(/\s+/g, '') : 'private';
  }

  private docOf(pending: Pending): { present: boolean; safety: boolean } {
    const text = pending.docs.map((d) => d.replace(/^\/\/\/|^\/\*\*|\*\/$/g, '')).join('\n');
    return { present: pending.docs.length > 0, safety: hasSafetySection(text) };
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

  private scanFunction(node: Node, pending: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    const exp = this.exportAttr(pending);
    if (nameNode && exp) {
      const name = nameNode.text;
      const { abi, unsafe } = this.fnModifiers(node);
      const { params, variadic } = this.readParams(node, ctx);
      const ret = node.childForFieldName('return_type');
      const returns = ret ? normaliseType(ret, this.tctx(ctx)) : null;
      const item: FunctionItem = {
        kind: 'function',
        name,
        symbol: exp.value ?? name,
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(node, ctx),
        cfg: this.effectiveCfg(ctx, pending, exp.attr),
        visibility: this.visibility(node),
        abi,
        unsafe,
        params,
        variadic,
        returns: returns === '()' ? null : returns,
        export: exp.symbolFrom,
        doc: this.docOf(pending),
        body: body ? bodyFacts(body, params, ctx.lineBase) : emptyBody(),
      };
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
    // Items nested in a function body are exported too.
    if (body) this.scanContainer(body, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] }, true);
  }

  private scanStatic(node: Node, pending: Pending, ctx: ScanContext): void {
    const exp = this.exportAttr(pending);
    const nameNode = node.childForFieldName('name');
    if (!exp || !nameNode) return;
    const item: StaticItem = {
      kind: 'static',
      name: nameNode.text,
      symbol: exp.value ?? nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending, exp.attr),
      visibility: this.visibility(node),
      type: normaliseType(node.childForFieldName('type'), this.tctx(ctx)),
      mutable: node.namedChildren.some((c) => c.type === 'mutable_specifier'),
      export: exp.symbolFrom,
      doc: this.docOf(pending),
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
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
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const kind = node.type === 'union_item' ? 'union' : 'struct';
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: nameNode.text, kind, repr });
    const visibility = this.visibility(node);
    if (visibility !== 'pub' || repr.length === 0) return;
    const body = node.childForFieldName('body');
    const { fields, tuple } = this.fieldsOf(body, ctx);
    const item: StructItem = {
      kind,
      name: nameNode.text,
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
    this.out.items.push(item);
  }

  private scanEnum(node: Node, pending: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: nameNode.text, kind: 'enum', repr });
    const visibility = this.visibility(node);
    if (visibility !== 'pub' || repr.length === 0) return;
    const variants: Variant[] = [];
    const body = node.childForFieldName('body');
    let next: bigint | null = 0n;
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
      if (valueNode) value = evalDiscriminant(valueNode.text);
      else value = next;
      const variant: Variant = { name: vname, discriminant, value: value === null ? null : value.toString() };
      const vbody = c.childForFieldName('body');
      if (vbody) variant.fields = this.fieldsOf(vbody, ctx).fields;
      variants.push(variant);
      next = value === null ? null : value + 1n;
    }
    const item: EnumItem = {
      kind: 'enum',
      name: nameNode.text,
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
    this.out.items.push(item);
  }

  private scanTypeAlias(node: Node, pending: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode || this.visibility(node) !== 'pub') return;
    if (node.childForFieldName('type_parameters')) return; // generic aliases are not C types
    const item: TypeAliasItem = {
      kind: 'type',
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: 'pub',
      target: normaliseType(node.childForFieldName('type'), this.tctx(ctx)),
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }

  private scanConst(node: Node, pending: Pending, ctx: ScanContext): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode || this.visibility(node) !== 'pub' || ctx.selfType) return;
    const valueNode = node.childForFieldName('value');
    const item: ConstItem = {
      kind: 'const',
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: 'pub',
      type: normaliseType(node.childForFieldName('type'), this.tctx(ctx)),
      value: valueNode ? valueNode.text.replace(/\s+/g, ' ').slice(0, 1000) : '',
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }

  private scanMod(node: Node, pending: Pending, ctx: ScanContext): void {
    const name = node.childForFieldName('name')?.text;
    if (!name) return;
    const body = node.childForFieldName('body');
    const cfgs = [...ctx.cfgs, ...pending.cfgs];
    const pathAttr = pending.attrs.find((a) => a.name === 'path')?.value ?? null;
    const modPath = `${ctx.modPath}::${name}`;
    if (body) {
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
      const name = c.childForFieldName('name')?.text;
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

  private scanInvocation(node: Node, pending: Pending, ctx: ScanContext): void {
    const macroNode = node.childForFieldName('macro');
    if (!macroNode) return;
    const full = macroNode.text;
    const name = full.split('::').pop() ?? full;
    if (name === 'macro_rules') return;
    const tt = node.namedChildren.find((c) => c.type === 'token_tree');
    const input = tt ? tt.text.slice(1, -1) : '';
    if (HARMLESS_ITEM_MACROS.has(name)) return;
    this.out.invocations.push({
      name: full,
      input,
      ctx: { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] },
      line: this.line(node, ctx),
    });
  }

  get text(): string {
    return this.source;
  }
}

export function joinPath(dir: string, rel: string): string {
  const parts = (dir ? dir.split('/') : []).concat(rel.split(/[\\/]/));
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

/** Collects the body facts the security findings need. */
export function bodyFacts(body: Node, params: Param[], lineBase: number): BodyFacts {
  const ptrs = new Set(params.filter((p) => isRawPointer(p.type)).map((p) => p.name));
  const facts = emptyBody();
  const derefs = new Set<string>();
  const macros = new Set<string>();
  const assigns = new Set<string>();
  const line = (n: Node) => lineBase + n.startPosition.row;

  const visit = (node: Node, guarded: boolean): void => {
    switch (node.type) {
      case 'unary_expression': {
        if (node.children[0]?.text === '*') {
          const op = stripParens(node.namedChildren[0] ?? null);
          if (op?.type === 'identifier' && ptrs.has(op.text)) derefs.add(op.text);
        }
        break;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const fnText = fn?.text ?? '';
        const last = fnText.split('::').pop()?.replace(/<.*$/, '') ?? '';
        if (fn?.type === 'field_expression') {
          const field = fn.childForFieldName('field')?.text ?? '';
          const value = stripParens(fn.childForFieldName('value'));
          if (DEREF_METHODS.has(field) && value?.type === 'identifier' && ptrs.has(value.text))
            derefs.add(value.text);
          if (PANIC_METHODS.has(field) && !guarded) facts.panics.push({ what: field, line: line(node) });
        } else if (DEREF_CALLS.has(last) && args) {
          for (const a of args.namedChildren) {
            const v = stripParens(a);
            if (v?.type === 'identifier' && ptrs.has(v.text)) derefs.add(v.text);
            if (v?.type === 'type_cast_expression') {
              const inner = stripParens(v.childForFieldName('value'));
              if (inner?.type === 'identifier' && ptrs.has(inner.text)) derefs.add(inner.text);
            }
          }
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
        if (!guarded) facts.panics.push({ what: 'indexing', line: line(node) });
        break;
      case 'macro_invocation': {
        const m = node.childForFieldName('macro')?.text ?? '';
        const name = m.split('::').pop() ?? m;
        macros.add(name);
        if (PANIC_MACROS.has(name) && !guarded) facts.panics.push({ what: `${name}!`, line: line(node) });
        const tt = node.namedChildren.find((c) => c.type === 'token_tree');
        if (tt) {
          const txt = tt.text;
          if (/\bcatch_unwind\b/.test(txt)) facts.catchUnwind = true;
          if (!guarded) {
            const m2 = /\.\s*(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)\s*!/.exec(txt);
            if (m2)
              facts.panics.push({
                what: `${m2[1] ?? m2[2] + '!'} in ${name}!`,
                line: line(node),
                macro: name,
              });
          }
          for (const p of ptrs) {
            if (
              new RegExp(
                `\\*\\s*${p}\\b|from_ptr\\s*\\(\\s*${p}\\b|from_raw_parts(_mut)?\\s*\\(\\s*${p}\\b|\\b${p}\\s*\\.\\s*as_(ref|mut)\\b`,
              ).test(txt)
            )
              derefs.add(p);
          }
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
  facts.derefs = [...derefs].sort();
  facts.macros = [...macros].sort();
  facts.assigns = [...assigns].sort();
  return facts;
}

/** Re-exported for the macro expander: decoding of string literals in attributes. */
export { unescapeRustString };
