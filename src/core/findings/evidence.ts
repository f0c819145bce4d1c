/**
 * Evidence before questions (SPEC section 5): what the code shows that answers a finding's
 * question. A finding is `verified` only when every part of its question that code can answer has
 * evidence; otherwise it stays `open`, with whatever evidence was found attached.
 *
 * The pointer findings (`raw-pointer-param`, `c-string-param`, `buffer-param`) ask:
 * - NULL: answered by a null check of the parameter in the body (also inside macro invocations:
 *   `p.is_null()`, `NonNull::new(p)`, `p.as_ref()`/`as_mut()`, a comparison with `null()`), by a
 *   crate macro or function called with it whose definition checks that argument
 *   (`CrateSurface.nullCheckers`), by a type that makes NULL `None` (`Option<NonNull<T>>`), or — in
 *   an `unsafe` fn — by a `# Safety` section naming it (NULL is then excluded by the documented
 *   contract the caller must keep);
 * - the length (`buffer-param` only, when the element is larger than a byte): `checked_*`,
 *   `saturating_*` or `overflowing_*` arithmetic on the length parameter.
 * Alignment, lifetime and aliasing cannot be read from code: a `# Safety` section naming the
 * parameter is attached as evidence of their documentation, and they do not keep a finding open.
 */
import type { FunctionItem, NullChecker } from '../model';
import type { Evidence } from '../report';
import { optionInner, parseType, renderType, wrapped } from '../rust/type-syntax';
import type { PointerParam } from './pointer-params';
import { FindingContext, memoised } from './rule';
import { codeName, quoted } from '../message-text';

/** Most evidence records one finding carries. */
export const MAX_EVIDENCE = 8;
/** Longest `what` (the renderer escapes it; this keeps it one short line). */
const MAX_WHAT = 200;

export interface Verdict {
  status: 'open' | 'verified';
  evidence: Evidence[];
}

/** Names (chosen by a PR author) shortened and kept inside one code span. */
export const code = (name: string): string => codeName(name);

function clip(what: string): string {
  return what.length > MAX_WHAT ? `${what.slice(0, MAX_WHAT - 3)}...` : what;
}

function checkersOf(ctx: FindingContext): Map<string, NullChecker> {
  return memoised(ctx, 'evidence:nullCheckers', () => {
    const m = new Map<string, NullChecker>();
    for (const c of ctx.crate.nullCheckers ?? []) m.set(`${c.macro ? '!' : ''}${c.name}\0${c.arg}`, c);
    return m;
  });
}

/** Evidence that NULL is handled for parameter `name` of `item`. */
export function nullEvidence(
  item: FunctionItem,
  name: string,
  type: string,
  ctx: FindingContext,
): Evidence[] {
  const out: Evidence[] = [];
  const t = parseType(type);
  const inner = optionInner(t);
  if (inner && wrapped(inner, 'NonNull'))
    out.push({
      file: item.file,
      line: item.line,
      what: `${code(name)} is an \`Option<NonNull<…>>\`: NULL arrives as \`None\``,
    });
  for (const c of item.body.nullChecks ?? [])
    if (c.param === name && !c.through)
      out.push({ file: item.file, line: c.line, what: `${code(name)} checked with ${c.what}` });
  const checkers = checkersOf(ctx);
  for (const p of item.body.passes ?? []) {
    if (p.param !== name) continue;
    const c = checkers.get(`${p.macro ? '!' : ''}${p.callee}\0${p.arg}`);
    if (!c) continue;
    const callee = p.macro ? `${code(c.name + '!')}` : code(c.name);
    out.push({
      file: item.file,
      line: p.line,
      what: clip(
        `${code(name)} checked by ${callee} (defined at ${quoted(`${c.file}:${c.line}`)}: ${c.how})`,
      ),
    });
  }
  if (item.unsafe && safetyNames(item, name))
    out.push({ file: item.file, line: item.line, what: safetyWhat(name, true) });
  return out;
}

function safetyNames(item: FunctionItem, name: string): boolean {
  return item.doc.safetyNames?.includes(name) ?? false;
}

function safetyWhat(name: string, contract: boolean): string {
  return contract
    ? `the \`# Safety\` section of this \`unsafe\` fn names ${code(name)}: the caller's contract`
    : `the \`# Safety\` section names ${code(name)} (documented; the fn is not \`unsafe\`)`;
}

/** Element types one byte wide: `len` counts bytes, nothing is multiplied. */
const BYTE_TYPES = new Set(['u8', 'i8', 'c_char', 'c_uchar', 'c_schar', 'bool']);

/** Evidence that the length of buffer parameter `p` is used without overflow. */
export function lengthEvidence(item: FunctionItem, p: PointerParam): Evidence[] {
  if (p.role.kind !== 'buffer') return [];
  const len = p.role.len.name;
  const t = parseType(p.param.type);
  let pointee = t.k === 'ptr' ? t.to : null;
  const nn = optionInner(t);
  if (!pointee && nn) pointee = wrapped(nn, 'NonNull');
  if (pointee?.k === 'path' && pointee.args.length === 0 && BYTE_TYPES.has(pointee.name))
    return [
      {
        file: item.file,
        line: item.line,
        what: `the element type \`${renderType(pointee)}\` is one byte: ${code(len)} counts bytes, nothing is multiplied`,
      },
    ];
  return (item.body.checkedArith ?? [])
    .filter((a) => a.param === len)
    .map((a) => ({ file: item.file, line: a.line, what: clip(`${code(len)} used through ${a.what}`) }));
}

/** The verdict on pointer parameter `p` of `item` (see the module comment). */
export function pointerVerdict(item: FunctionItem, p: PointerParam, ctx: FindingContext): Verdict {
  const name = p.param.name;
  const nulls = nullEvidence(item, name, p.param.type, ctx);
  const lengths = lengthEvidence(item, p);
  const evidence = [...nulls, ...lengths];
  if (!item.unsafe && safetyNames(item, name))
    evidence.push({ file: item.file, line: item.line, what: safetyWhat(name, false) });
  const verified = nulls.length > 0 && (p.role.kind !== 'buffer' || lengths.length > 0);
  return { status: verified ? 'verified' : 'open', evidence: dedupe(evidence).slice(0, MAX_EVIDENCE) };
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.file}\0${e.line}\0${e.what}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
