/**
 * Contract problems as changes (issue 16 item 2): a contradiction between the Rust surface and a
 * consumer's declaration that the head has and the base did not is something the pull request
 * did (Rust changed and the header was not regenerated, a cgo prototype left narrow, a header
 * edited by hand). Pure: it takes the contract results of both sides and returns the changes,
 * one per declaration (or record), with both file:line sides in the message.
 *
 * A problem is the same on both sides when its rule, symbol (or record), the file of the C
 * declaration and what disagrees (the parameter, the field) are: line numbers are not compared,
 * so a header that only moved introduces nothing.
 */
import type { Change, Severity } from '../report';
import type { ContractResult } from './contract';
import { quoted } from '../message-text';

/** The Rust item a contract problem is about, for the change's kind, name and crate. */
export interface ContractSubject {
  crate: string;
  name: string;
  kind: 'function' | 'static' | 'struct' | 'union';
}

export interface ContractChangeContext {
  /** The head's (else the base's) export with this symbol. */
  exportOf(symbol: string): ContractSubject | null;
  /** The head's (else the base's) repr(C) record with this Rust name. */
  recordOf(name: string): ContractSubject | null;
  /** How many data models were checked: a type that disagrees under fewer is a platform matter. */
  models: number;
}

export const HEADER_OUT_OF_DATE = 'header-out-of-date';
export const CGO_PROTOTYPE_MISMATCH = 'cgo-prototype-mismatch';

type Problem = Exclude<ContractResult, { rule: 'exported-not-declared' | 'incomplete-declarations' }>;

function isProblem(r: ContractResult): r is Problem {
  return r.rule !== 'exported-not-declared' && r.rule !== 'incomplete-declarations';
}

/** What a problem is, without its line numbers. */
function problemKey(r: Problem): string {
  switch (r.rule) {
    case 'declared-not-exported':
    case 'parameter-count':
    case 'kind-mismatch':
      return [r.rule, r.symbol, r.c.file].join('\0');
    case 'type-mismatch':
      return [r.rule, r.symbol, r.c.file, String(r.position)].join('\0');
    case 'record-mismatch':
      return [
        r.rule,
        r.record,
        r.c.file,
        r.detail.k,
        r.detail.k === 'field-type' ? `${r.detail.index}` : '',
      ].join('\0');
  }
}

const loc = (s: { file: string; line: number }): string => quoted(`${s.file}:${s.line}`);

/** One problem in words (the C side first, then Rust's), and whether it breaks on every model. */
function describe(r: Problem, models: number): { text: string; everywhere: boolean } {
  switch (r.rule) {
    case 'declared-not-exported':
      return {
        text: `declared at ${loc(r.c)} but exported by no Rust code: a consumer that calls it fails to link`,
        everywhere: true,
      };
    case 'parameter-count':
      return {
        text: `declared at ${loc(r.c)} with ${r.cParams}${r.cVariadic ? ' + ...' : ''} parameters, defined at ${loc(r.rust)} with ${r.rustParams}${r.rustVariadic ? ' + ...' : ''}: callers pass the wrong arguments`,
        everywhere: true,
      };
    case 'kind-mismatch':
      return {
        text: `declared at ${loc(r.c)} as a ${r.cKind}, defined at ${loc(r.rust)} as a ${r.rustKind}`,
        everywhere: true,
      };
    case 'type-mismatch':
      return {
        text: `${r.position === 'return' ? 'the return type' : `parameter ${r.position + 1}`} is \`${quoted(r.cType)}\` at ${loc(r.c)} and \`${r.rustType}\` at ${loc(r.rust)} (${r.aspects.join(', ')}; ${r.models.join(', ')}): consumers read the wrong value`,
        everywhere: r.models.length >= models,
      };
    case 'record-mismatch': {
      const d = r.detail;
      switch (d.k) {
        case 'tag':
          return {
            text: `a ${d.cTag} at ${loc(r.c)}, a ${d.rustKind} at ${loc(r.rust)}`,
            everywhere: true,
          };
        case 'field-count':
          return {
            text: `${d.cFields} fields at ${loc(r.c)}, ${d.rustFields} at ${loc(r.rust)}: every offset after the difference is wrong`,
            everywhere: true,
          };
        case 'field-order':
          return {
            text: `fields ${d.cNames.join(', ')} at ${loc(r.c)}, ${d.rustNames.join(', ')} at ${loc(r.rust)}: consumers read one field as another`,
            everywhere: true,
          };
        case 'field-type':
          return {
            text: `field ${d.index + 1} (${d.field}) is \`${quoted(d.cType)}\` at ${loc(r.c)} and \`${d.rustType}\` at ${loc(r.rust)} (${d.aspects.join(', ')}; ${d.models.join(', ')}): consumers read the wrong value`,
            everywhere: d.models.length >= models,
          };
      }
    }
  }
}

function subjectOf(r: Problem, ctx: ContractChangeContext): { id: string; subject: ContractSubject | null } {
  if (r.rule === 'record-mismatch') return { id: r.record, subject: ctx.recordOf(r.record) };
  return { id: r.symbol, subject: ctx.exportOf(r.symbol) };
}

/** The contract problems of the head that the base did not have, as changes. */
export function contractChanges(
  base: readonly ContractResult[],
  head: readonly ContractResult[],
  ctx: ContractChangeContext,
): Change[] {
  const before = new Set(base.filter(isProblem).map(problemKey));
  const groups = new Map<string, Problem[]>();
  for (const r of head) {
    if (!isProblem(r) || before.has(problemKey(r))) continue;
    const { id } = subjectOf(r, ctx);
    // one change per declaration: the C record's (or prototype's) file, and the item
    const key = [r.rule === 'record-mismatch' ? 'record' : 'symbol', id, r.c.file].join('\0');
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const out: Change[] = [];
  for (const problems of groups.values()) {
    const first = problems[0];
    const { id, subject } = subjectOf(first, ctx);
    const cgo = first.c.file.endsWith('.go');
    const described = problems.map((p) => describe(p, ctx.models));
    const severity: Severity = described.some((d) => d.everywhere) ? 'breaking' : 'potentially-breaking';
    const line = Math.min(...problems.map((p) => p.c.line));
    const where = cgo ? `the cgo preamble of ${quoted(first.c.file)}` : quoted(first.c.file);
    const record = first.rule === 'record-mismatch';
    const fix = cgo ? 'update the prototype' : 'regenerate the header';
    out.push({
      rule: cgo ? CGO_PROTOTYPE_MISMATCH : HEADER_OUT_OF_DATE,
      severity,
      kind: subject?.kind ?? (record ? 'struct' : 'function'),
      name: subject?.name ?? id,
      ...(record ? {} : { symbol: id }),
      crate: subject?.crate ?? '',
      file: first.c.file,
      line,
      before: null,
      after: null,
      message: `${record ? `the ${subject?.kind ?? 'struct'} ` : ''}\`${id}\` in ${where} now disagrees with Rust: ${described.map((d) => d.text).join('; ')}; ${fix}`,
    });
  }
  return out;
}
