/**
 * A security finding rule: data plus one check, one rule per file under `rules/` (the way
 * cargo-semver-checks keeps its lints). The catalogue lists them; `computeFindings` runs them.
 */
import type { CrateSurface, ItemKind, SurfaceItem } from '../model';
import type { Evidence, FindingLevel } from '../report';
import type { TypeEnv } from './ffi-safety';

/** One thing a rule found on one item. */
export interface FindingHit {
  /** Names the parameter, type or place concretely. */
  message: string;
  /** Defaults to the item's line. */
  line?: number;
  /** `verified` when the code answers the question (`evidence` says where); `open` by default. */
  status?: 'open' | 'verified';
  /** What the code shows that answers (part of) the question. */
  evidence?: Evidence[];
}

/** An item that the base's build switched off with a feature `cfg` (see `CrateSurface.gated`). */
export interface GatedRecord {
  kind: string;
  name: string;
  symbol?: string;
  cfg: string;
}

/** What is known of the same crate in the base revision (all optional; only exposure-widened uses it). */
export interface BaseCrate {
  /** Features the base's analysed (default) build enabled. */
  features: string[];
  /** Items present in the base's source but switched off there by a feature `cfg`. */
  gated?: GatedRecord[];
}

export interface FindingContext {
  /** The whole crate surface of the head. */
  crate: CrateSurface;
  /** The item existed in the base (changed), as opposed to new. */
  changed: boolean;
  /** The item as it was in the base, if it existed there. */
  before?: SurfaceItem;
  /** The base crate, when the caller knows it. */
  base?: BaseCrate;
  /** Types and aliases of the crate, for FFI-safety questions. */
  types: TypeEnv;
  /**
   * Values a rule derives from the whole crate, kept for the other items of the same
   * `computeFindings` call (so a rule is not linear in the crate for each of its items).
   */
  memo?: Map<string, unknown>;
}

/** `make()`, computed once per `computeFindings` call under `key` (every time without a memo). */
export function memoised<T>(ctx: FindingContext, key: string, make: () => T): T {
  if (!ctx.memo) return make();
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
}

export interface FindingRule {
  /** Stable kebab-case id (SPEC section 5). */
  id: string;
  /** Default level: memory safety `high`, contract and documentation `medium`, hygiene `low`. */
  level: FindingLevel;
  /** Item kinds the rule looks at. */
  kinds: readonly ItemKind[];
  /** One line: why this is a finding, and why at this level. */
  rationale: string;
  /** What the reviewer must confirm (rendered as the checklist item). */
  checklist: string;
  /** A short Rust example the rule flags (the README's rule table shows it). */
  example?: string;
  /**
   * What verifies a finding of this rule (the README's rule table shows it): the mitigations the
   * check looks for, or "none: always open".
   */
  evidence: string;
  check(item: SurfaceItem, ctx: FindingContext): FindingHit[];
}
