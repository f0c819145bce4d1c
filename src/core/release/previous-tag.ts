/**
 * Release tags: which tags are releases, what version each names, and which earlier release a tag
 * is compared against (issue 7: release gating on `push` of a tag and on `release`).
 *
 * A tag pattern is a glob with exactly one `*` (`v*`, `mycrate-v*`, `release/*`); every other
 * character is literal. The `*` part must be a semver version (`1.2.3`, `0.3.0-rc.1`,
 * `1.0.0+build.5`), optionally with one leading `v` when the pattern does not already end in `v`
 * (so `*` and `mycrate-*` accept `v1.2.3`, and `v*` does not accept `vv1.2.3`). Tags that do not
 * match, or whose `*` part is not strict semver (`v1.2`, `v01.2.3`, `vlatest`), are not releases
 * and are ignored. Versions are ordered by semver precedence (`v1.10.0` > `v1.9.0`,
 * `2.0.0-rc.10` > `2.0.0-rc.2` > `2.0.0-beta`, build metadata ignored), never lexically; tags
 * naming the same version are ordered by name, so every result is deterministic.
 *
 * Which release is "previous" — the policy (option `stableAgainstStable`, default true):
 * - a pre-release tag compares against the greatest release of any kind below it
 *   (`v2.0.0-rc.2` → `v2.0.0-rc.1`; `v2.0.0-rc.1` → `v1.9.0`), so each release candidate is
 *   checked against the one before it;
 * - a stable tag compares against the greatest *stable* release below it (`v2.0.0` → `v1.9.0`,
 *   not `v2.0.0-rc.3`), so the gate checks the whole change since the last release users could
 *   depend on, not just the last step of a release-candidate series. When no stable release
 *   precedes it (only pre-releases, e.g. `v1.0.0-rc.1` before `v1.0.0`), it is the first stable
 *   release: there is no previous tag.
 * With `stableAgainstStable: false` every tag compares against the greatest release of any kind
 * below it.
 *
 * All functions are pure. A full ref (`refs/tags/v1.2.3`) is accepted wherever a tag is.
 */
import * as semver from 'semver';

/** A tag pattern that is not a glob with exactly one `*`: a configuration error. */
export class TagPatternError extends Error {}

export const DEFAULT_TAG_PATTERN = 'v*';

export interface TagPattern {
  pattern: string;
  /** The literal text before and after the `*`. */
  prefix: string;
  suffix: string;
}

export interface ReleaseTag {
  /** The tag name (without `refs/tags/`). */
  tag: string;
  /** The normalised semver version (`1.2.3-rc.1`, no leading `v`, build metadata kept). */
  version: string;
  prerelease: boolean;
}

export interface PreviousTagOptions {
  /** A stable tag compares against the previous stable release only (default true). */
  stableAgainstStable?: boolean;
}

export type PreviousTagResult =
  | { status: 'found'; current: ReleaseTag; previous: ReleaseTag }
  /** The current tag is a release and nothing precedes it: the whole surface is new. */
  | { status: 'first-release'; current: ReleaseTag }
  /** The current tag does not match the pattern or does not name a semver version. */
  | { status: 'not-a-release-tag'; reason: string };

const REFS_TAGS = 'refs/tags/';

function tagName(ref: string): string {
  return ref.startsWith(REFS_TAGS) ? ref.slice(REFS_TAGS.length) : ref;
}

/** Parses a tag pattern; throws {@link TagPatternError} unless it holds exactly one `*`. */
export function parseTagPattern(pattern: string): TagPattern {
  const star = pattern.indexOf('*');
  if (star < 0 || pattern.indexOf('*', star + 1) >= 0)
    throw new TagPatternError(
      `tag pattern ${JSON.stringify(pattern)} must contain exactly one * standing for the version (e.g. "v*" or "mycrate-v*")`,
    );
  if (/[\s\p{Cc}]/u.test(pattern))
    throw new TagPatternError(
      `tag pattern ${JSON.stringify(pattern)} must not contain spaces or control characters`,
    );
  return { pattern, prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1) };
}

function versionOf(tag: string, p: TagPattern): semver.SemVer | null {
  if (tag.length < p.prefix.length + p.suffix.length) return null;
  if (!tag.startsWith(p.prefix) || !tag.endsWith(p.suffix)) return null;
  let part = tag.slice(p.prefix.length, tag.length - p.suffix.length);
  if (part.startsWith('v') && !p.prefix.endsWith('v')) part = part.slice(1);
  // strict: semver's characters only (semver.parse would trim spaces and accept a leading `=`)
  if (!/^\d[0-9A-Za-z.+-]*$/.test(part)) return null;
  return semver.parse(part, { loose: false });
}

function releaseTag(tag: string, p: TagPattern): ReleaseTag | null {
  const v = versionOf(tag, p);
  if (!v) return null;
  const build = v.build.length ? `+${v.build.join('.')}` : '';
  return { tag, version: v.version + build, prerelease: v.prerelease.length > 0 };
}

/**
 * The version a tag names under a pattern (`v1.2.3` under `v*` → `1.2.3`), or null when the tag
 * is not a release under it. Throws {@link TagPatternError} for an invalid pattern.
 */
export function tagVersion(tag: string, pattern: string): string | null {
  return releaseTag(tagName(tag), parseTagPattern(pattern))?.version ?? null;
}

function compareReleases(a: ReleaseTag, b: ReleaseTag): number {
  return semver.compare(a.version, b.version) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

/** The tags that are releases under the pattern, in ascending semver order (duplicates removed). */
export function releaseTags(tags: string[], pattern: string): ReleaseTag[] {
  const p = parseTagPattern(pattern);
  const seen = new Set<string>();
  const out: ReleaseTag[] = [];
  for (const t of tags) {
    const name = tagName(t);
    if (seen.has(name)) continue;
    seen.add(name);
    const r = releaseTag(name, p);
    if (r) out.push(r);
  }
  return out.sort(compareReleases);
}

/**
 * The release the `current` tag compares against, with the reason when there is none. The
 * current tag need not be in `tags`. Throws {@link TagPatternError} for an invalid pattern.
 */
export function findPreviousTag(
  tags: string[],
  current: string,
  pattern: string = DEFAULT_TAG_PATTERN,
  options: PreviousTagOptions = {},
): PreviousTagResult {
  const p = parseTagPattern(pattern);
  const name = tagName(current);
  const cur = releaseTag(name, p);
  if (!cur)
    return {
      status: 'not-a-release-tag',
      reason: `tag ${JSON.stringify(name)} does not match ${JSON.stringify(pattern)} with a semver version in place of the *`,
    };
  const stableOnly = (options.stableAgainstStable ?? true) && !cur.prerelease;
  let best: ReleaseTag | null = null;
  for (const r of releaseTags(tags, pattern)) {
    if (semver.compare(r.version, cur.version) >= 0) continue;
    if (stableOnly && r.prerelease) continue;
    if (!best || compareReleases(r, best) > 0) best = r;
  }
  return best ? { status: 'found', current: cur, previous: best } : { status: 'first-release', current: cur };
}

/**
 * The previous release tag for `current` under `pattern` (see the policy at the top of this file),
 * or null when there is none or `current` is not a release tag under the pattern.
 */
export function previousTag(
  tags: string[],
  current: string,
  pattern: string = DEFAULT_TAG_PATTERN,
  options: PreviousTagOptions = {},
): string | null {
  const r = findPreviousTag(tags, current, pattern, options);
  return r.status === 'found' ? r.previous.tag : null;
}

/**
 * The crates whose tag pattern (workspaces with per-crate tags: `{ "foo": "foo-v*" }`) makes `tag`
 * a release, most specific pattern first (the longest literal text; then by crate name).
 * Throws {@link TagPatternError} for an invalid pattern.
 */
export function cratesForTag(tag: string, crateTagPatterns: Record<string, string>): string[] {
  const name = tagName(tag);
  const hits: { crate: string; literal: number }[] = [];
  for (const [crate, pattern] of Object.entries(crateTagPatterns)) {
    const p = parseTagPattern(pattern);
    if (releaseTag(name, p)) hits.push({ crate, literal: p.prefix.length + p.suffix.length });
  }
  return hits
    .sort((a, b) => b.literal - a.literal || (a.crate < b.crate ? -1 : a.crate > b.crate ? 1 : 0))
    .map((h) => h.crate);
}

/**
 * The crate a tag releases: the one whose pattern matches it most specifically (`foo-v*` wins over
 * `foo-*` for `foo-v1.0.0`), or null when no pattern matches or two equally specific
 * ones do (ambiguous: use {@link cratesForTag} to see them).
 */
export function crateForTag(tag: string, crateTagPatterns: Record<string, string>): string | null {
  const name = tagName(tag);
  const ranked = cratesForTag(name, crateTagPatterns);
  if (ranked.length === 0) return null;
  if (ranked.length === 1) return ranked[0];
  const literal = (crate: string) => {
    const p = parseTagPattern(crateTagPatterns[crate]);
    return p.prefix.length + p.suffix.length;
  };
  return literal(ranked[0]) > literal(ranked[1]) ? ranked[0] : null;
}
