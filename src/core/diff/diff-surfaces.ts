/**
 * Diffs two surfaces crate by crate: items are matched by identity (exported symbol for functions
 * and statics, name for types), so that moving an export to another module or file is no change;
 * every change rule then judges each matched pair.
 */
import { sha256, stableStringify } from '../digest';
import type { CrateSurface, Surface, SurfaceItem, UnresolvedEntry } from '../model';
import { itemKey } from '../model';
import { signatureOf } from '../render/surface-text';
import { cNameOf } from '../abi/cbindgen-names';
import type { Bump, Change, Severity } from '../report';
import { SEVERITIES } from '../report';
import { CHANGE_RULES, changeRule } from './catalogue';
import { gatedExportChanges } from './gated-exports';
import { libraryChanges } from './library-identity';
import type { DiffContext } from './rule';

export interface DiffOptions {
  /** The bump a potentially-breaking change needs: `major` (default) or `minor`. */
  potentiallyBreakingBump?: 'major' | 'minor';
}

interface Pair {
  before: SurfaceItem | null;
  after: SurfaceItem | null;
}

/** Pairs items: same key and cfg first, then same key, then renamed exports of the same Rust item. */
export function pairItems(
  base: SurfaceItem[],
  head: SurfaceItem[],
  cName: { base: (n: string) => string; head: (n: string) => string } | null = null,
): Pair[] {
  const pairs: Pair[] = [];
  const left = [...base];
  const right = [...head];
  const take = (match: (a: SurfaceItem, b: SurfaceItem) => boolean) => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((b) => match(left[i], b));
      if (j < 0) continue;
      pairs.push({ before: left[i], after: right[j] });
      left.splice(i, 1);
      right.splice(j, 1);
      i--;
    }
  };
  take((a, b) => itemKey(a) === itemKey(b) && a.cfg === b.cfg);
  take((a, b) => itemKey(a) === itemKey(b));
  take(
    (a, b) =>
      (a.kind === 'function' || a.kind === 'static') &&
      a.kind === b.kind &&
      a.name === b.name &&
      a.path === b.path,
  );
  // types renamed in Rust whose C name (cbindgen.toml's `[export.rename]`/`prefix`) stayed: one type
  if (cName)
    take(
      (a, b) =>
        a.kind === b.kind &&
        (a.kind === 'struct' || a.kind === 'union' || a.kind === 'enum' || a.kind === 'type') &&
        cName.base(a.name) === cName.head(b.name),
    );
  for (const a of left) pairs.push({ before: a, after: null });
  for (const b of right) pairs.push({ before: null, after: b });
  return pairs;
}

const SEVERITY_RANK: Record<Severity, number> = {
  breaking: 0,
  'source-breaking': 1,
  'potentially-breaking': 2,
  addition: 3,
  'non-abi': 4,
};

function changeOf(rule: string, severity: Severity, crate: string, pair: Pair, message: string): Change {
  const item = (pair.after ?? pair.before) as SurfaceItem;
  const c: Change = {
    rule,
    severity,
    kind: item.kind,
    name: item.name,
    crate,
    file: item.file,
    line: item.line,
    before: pair.before ? signatureOf(pair.before) : null,
    after: pair.after ? signatureOf(pair.after) : null,
    message,
  };
  if ('symbol' in item) c.symbol = item.symbol;
  return c;
}

/** A matched pair in which at least one rule found a change. */
export interface TouchedItem {
  crate: string;
  before: SurfaceItem | null;
  after: SurfaceItem | null;
}

function diffCrate(
  name: string,
  base: CrateSurface | null,
  head: CrateSurface | null,
  touched: TouchedItem[],
): Change[] {
  const ctx: DiffContext = { base, head };
  const out: Change[] = [];
  const names =
    base?.cNames || head?.cNames
      ? { base: (n: string) => cNameOf(base?.cNames, n), head: (n: string) => cNameOf(head?.cNames, n) }
      : null;
  for (const pair of pairItems(base?.items ?? [], head?.items ?? [], names)) {
    const kind = (pair.after ?? pair.before)?.kind;
    const count = out.length;
    for (const rule of CHANGE_RULES) {
      if (!kind || (!rule.kinds.includes(kind) && !(pair.before && rule.kinds.includes(pair.before.kind))))
        continue;
      for (const o of rule.check(pair.before, pair.after, ctx))
        out.push(
          typeof o === 'string'
            ? changeOf(rule.id, rule.severity, name, pair, o)
            : changeOf(rule.id, o.severity, name, pair, o.message),
        );
    }
    if (out.length > count) touched.push({ crate: name, before: pair.before, after: pair.after });
  }
  // removal and addition rules stand down where the item was gated or un-gated
  const gatedKeys = new Set(
    out
      .filter((c) => c.rule === 'item-gated' || c.rule === 'feature-made-default')
      .map((c) => `${c.kind}:${c.symbol ?? c.name}`),
  );
  const gatedRemoval = (c: Change) =>
    gatedKeys.has(`${c.kind}:${c.symbol ?? c.name}`) && /-(removed|added)$/.test(c.rule);
  return out.filter((c) => !gatedRemoval(c));
}

/** The identity of an entry without its tokens: a changed site keeps it. */
function place(e: UnresolvedEntry): string {
  return [e.kind, e.file, e.path, e.macro ?? ''].join('\u0000');
}

/**
 * Unresolved entries new, changed or gone in the head (SPEC section 2): matched by key, which is
 * free of line numbers, so an edit above a site is no change; a site whose tokens changed is one
 * change, with its excerpt before and after.
 */
export function unresolvedChanges(
  crate: string,
  base: CrateSurface | null,
  head: CrateSurface | null,
): Change[] {
  const before = base?.unresolved ?? [];
  const after = head?.unresolved ?? [];
  const baseKeys = new Set(before.map((e) => e.key));
  const headKeys = new Set(after.map((e) => e.key));
  const gone = before.filter((e) => !headKeys.has(e.key));
  const added = after.filter((e) => !baseKeys.has(e.key));
  const out: Change[] = [];
  const change = (b: UnresolvedEntry | null, a: UnresolvedEntry | null): Change => {
    const e = (a ?? b) as UnresolvedEntry;
    const rule = changeRule(e.kind === 'macro' ? 'unresolved-macro' : 'unresolved-export-site');
    const what = a && b ? 'changed' : a ? 'new' : 'removed';
    const subject =
      e.kind === 'macro' ? `${e.macro ?? '?'}!` : e.macro ? `export site in ${e.macro}!` : 'export site';
    return {
      rule: rule.id,
      severity: rule.severity,
      kind: 'unknown',
      name: e.kind === 'macro' ? `${e.macro ?? '?'}!` : e.path,
      crate,
      file: e.file,
      line: e.line,
      before: b ? b.excerpt : null,
      after: a ? a.excerpt : null,
      message:
        what === 'removed'
          ? `${subject} in ${e.path} is gone (${e.reason}): if it exported a symbol, that symbol is gone too`
          : `${what} unresolved ${subject} in ${e.path} (${e.reason}): ${e.message}`,
    };
  };
  // an added entry and a gone one at the same place are one changed site (in order, linear time)
  const goneAt = new Map<string, UnresolvedEntry[]>();
  for (const b of gone) goneAt.set(place(b), [...(goneAt.get(place(b)) ?? []), b]);
  const paired = new Set<UnresolvedEntry>();
  for (const a of added) {
    const b = goneAt.get(place(a))?.shift();
    if (b) paired.add(b);
    out.push(change(b ?? null, a));
  }
  for (const b of gone) if (!paired.has(b)) out.push(change(b, null));
  return out;
}

export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.crate < b.crate ? -1 : a.crate > b.crate ? 1 : 0) ||
      ((a.symbol ?? a.name) < (b.symbol ?? b.name)
        ? -1
        : (a.symbol ?? a.name) > (b.symbol ?? b.name)
          ? 1
          : 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export interface SurfaceDiff {
  changes: Change[];
  /** Items that changed or are new (and removed ones, with `after` null). */
  touched: TouchedItem[];
}

export function diffSurfaces(base: Surface, head: Surface): SurfaceDiff {
  const names = [...new Set([...base.crates.map((c) => c.name), ...head.crates.map((c) => c.name)])].sort();
  const changes: Change[] = [];
  const touched: TouchedItem[] = [];
  for (const n of names) {
    changes.push(
      ...diffCrate(
        n,
        base.crates.find((c) => c.name === n) ?? null,
        head.crates.find((c) => c.name === n) ?? null,
        touched,
      ),
      ...unresolvedChanges(
        n,
        base.crates.find((c) => c.name === n) ?? null,
        head.crates.find((c) => c.name === n) ?? null,
      ),
      ...libraryChanges(
        n,
        base.crates.find((c) => c.name === n) ?? null,
        head.crates.find((c) => c.name === n) ?? null,
      ),
      ...gatedExportChanges(
        n,
        base.crates.find((c) => c.name === n) ?? null,
        head.crates.find((c) => c.name === n) ?? null,
      ),
    );
  }
  return { changes: sortChanges(changes), touched };
}

export function requiredBump(changes: Change[], options: DiffOptions = {}): Bump {
  const worst = SEVERITIES.find((s) => changes.some((c) => c.severity === s));
  switch (worst) {
    case 'breaking':
    case 'source-breaking':
      return 'major';
    case 'potentially-breaking':
      return options.potentiallyBreakingBump ?? 'major';
    case 'addition':
      return 'minor';
    case 'non-abi':
      return 'patch';
    default:
      return 'none';
  }
}

/** Digest of the canonical list of changes: positions (file, line) excluded, so moving an export keeps it. */
export function deltaDigest(changes: Change[]): string {
  const canon = changes.map((c) => ({
    rule: c.rule,
    crate: c.crate,
    kind: c.kind,
    id: c.symbol ?? c.name,
    before: c.before,
    after: c.after,
    message: c.message,
    // present only when several feature sets were analysed (undefined keys are not hashed)
    featureSets: c.featureSets,
  }));
  return sha256(stableStringify(canon));
}
