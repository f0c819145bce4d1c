/**
 * The findings part of the configuration (SPEC sections 5 and 7): per-rule level overrides or
 * switch-off, and per-rule path scopes.
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import type { FindingLevel } from '../report';
import { FINDING_LEVELS } from '../report';
import { FINDING_RULE_IDS } from './catalogue';
import { matchGlob } from './glob';

export interface FindingScope {
  /** When present, the rule only looks at items whose file matches one of these globs. */
  include?: string[];
  /** The rule never looks at items whose file matches one of these globs. */
  exclude?: string[];
}

export interface FindingPolicy {
  /** Rule id → a level replacing the rule's default, or `off`. */
  levels?: Record<string, FindingLevel | 'off'>;
  /** Rule id → the files the rule looks at. */
  scopes?: Record<string, FindingScope>;
}

function suggestion(id: string): string {
  const containing = id.length >= 4 ? FINDING_RULE_IDS.filter((k) => k.includes(id)) : [];
  if (containing.length === 1) return ` (did you mean "${containing[0]}"?)`;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of FINDING_RULE_IDS) {
    const d = levenshtein(id, known);
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(id.length / 4))
    ? ` (did you mean "${best}"?)`
    : '';
}

/** Throws an Error naming the first unknown rule id, bad level or bad glob. */
export function validateFindingPolicy(policy: FindingPolicy): void {
  const known = new Set(FINDING_RULE_IDS);
  for (const [id, level] of Object.entries(policy.levels ?? {})) {
    if (!known.has(id)) throw new Error(`unknown finding rule "${id}" in levels${suggestion(id)}`);
    if (level !== 'off' && !FINDING_LEVELS.includes(level))
      throw new Error(
        `finding rule "${id}": level must be one of high, medium, low or off, not "${String(level)}"`,
      );
  }
  for (const [id, scope] of Object.entries(policy.scopes ?? {})) {
    if (!known.has(id)) throw new Error(`unknown finding rule "${id}" in scopes${suggestion(id)}`);
    for (const key of ['include', 'exclude'] as const) {
      const globs: unknown = scope[key];
      if (globs === undefined) continue;
      if (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string' || g.trim() === ''))
        throw new Error(`finding rule "${id}": scope ${key} must be a list of non-empty path globs`);
    }
  }
}

/** The level a rule reports at under the policy, or `off`. */
export function effectiveLevel(
  policy: FindingPolicy | undefined,
  id: string,
  level: FindingLevel,
): FindingLevel | 'off' {
  return policy?.levels?.[id] ?? level;
}

/** The rule looks at items in this file under the policy. */
export function inScope(policy: FindingPolicy | undefined, id: string, file: string): boolean {
  const scope = policy?.scopes?.[id];
  if (!scope) return true;
  if (scope.include && !scope.include.some((g) => matchGlob(g, file))) return false;
  if (scope.exclude && scope.exclude.some((g) => matchGlob(g, file))) return false;
  return true;
}
