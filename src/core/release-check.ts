/**
 * Release gating: does each crate's version change cover the surface change? Cargo's rules: in
 * `x.y.z` with x ≥ 1 the positions are major.minor.patch; in `0.y.z` the minor is the breaking
 * position and the patch takes additions; in `0.0.z` every release is breaking.
 */
import * as semver from 'semver';
import type { Bump, Change } from './report';
import { requiredBump } from './diff/diff-surfaces';

export type VersionBump = 'major' | 'minor' | 'patch' | 'none' | 'backwards' | 'prerelease';

export interface CrateVerdict {
  name: string;
  baseVersion: string | null;
  headVersion: string | null;
  requiredBump: Bump;
  /** What the version change amounts to under Cargo's rules. */
  actualBump: VersionBump | 'new' | 'removed' | 'invalid';
  covered: boolean;
  reason: string;
  changes: Change[];
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The bump a version change makes, in Cargo's compatibility terms (0.y.z shifted). */
export function versionBump(from: string, to: string): VersionBump | 'invalid' {
  const a = cargoVersion(from);
  const b = cargoVersion(to);
  if (!a || !b) return 'invalid';
  const cmp = semver.compare(a, b);
  if (cmp === 0) return 'none';
  if (cmp > 0) return 'backwards';
  const tri = (v: semver.SemVer) => [v.major, v.minor, v.patch];
  const [am, an, ap] = tri(a);
  const [bm, bn, bp] = tri(b);
  if (am === bm && an === bn && ap === bp) return 'prerelease'; // same release line, different pre-release
  // Cargo's compatible positions
  if (am !== bm) return 'major';
  if (am === 0) {
    if (an !== bn) return 'major';
    if (an === 0) return 'major'; // 0.0.z → 0.0.z': every release is breaking
    return 'minor'; // 0.y.z → 0.y.z'
  }
  if (an !== bn) return 'minor';
  void ap;
  void bp;
  return 'patch';
}

/** Cargo's version syntax is strict semver: no `v` prefix, no `=`, no spaces, all three numbers. */
const CARGO_VERSION =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function cargoVersion(v: string): semver.SemVer | null {
  return CARGO_VERSION.test(v) ? semver.parse(v) : null;
}

/** How to cover `required` from `base` when the bump given does not. */
function bumpHint(required: Bump, base: string): string {
  const v = cargoVersion(base);
  if (!v || v.major !== 0) return '';
  if (v.minor === 0) return ' (in 0.0.z every release is breaking: bump z)';
  if (required === 'major') return ' (in 0.y.z: bump y)';
  if (required === 'minor') return ' (in 0.y.z: bump z)';
  return '';
}

function covers(actual: VersionBump, required: Bump, basePrerelease: boolean): boolean {
  if (required === 'none') return true; // nothing to cover, whatever the version did (as the Action's release gate)
  if (actual === 'backwards' || actual === 'none') return false;
  if (actual === 'prerelease') return basePrerelease; // a pre-release line promises nothing between its steps
  return RANK[actual] >= RANK[required];
}

export function checkCrate(
  name: string,
  baseVersion: string | null,
  headVersion: string | null,
  changes: Change[],
  options: { potentiallyBreakingBump?: 'major' | 'minor' } = {},
): CrateVerdict {
  const required = requiredBump(changes, options);
  const base = { name, baseVersion, headVersion, requiredBump: required, changes };
  if (baseVersion === null)
    return {
      ...base,
      actualBump: 'new',
      covered: true,
      reason: `first release of ${name}: the whole surface is new`,
    };
  if (headVersion === null)
    return { ...base, actualBump: 'removed', covered: true, reason: `${name} is no longer in the workspace` };
  const actual = versionBump(baseVersion, headVersion);
  if (actual === 'invalid')
    return {
      ...base,
      actualBump: 'invalid',
      covered: false,
      reason: `cannot read versions ${baseVersion} → ${headVersion} as semver`,
    };
  const pre = (cargoVersion(baseVersion)?.prerelease.length ?? 0) > 0;
  const ok = covers(actual, required, pre);
  let reason: string;
  if (required === 'none')
    reason =
      actual === 'backwards'
        ? `no surface change (the version went backwards: ${baseVersion} → ${headVersion})`
        : 'no surface change';
  else if (actual === 'backwards') reason = `version went backwards: ${baseVersion} → ${headVersion}`;
  else if (ok)
    reason = `${baseVersion} → ${headVersion} is a ${actual} bump, which covers the required ${required}`;
  else
    reason = `${baseVersion} → ${headVersion} is ${actual === 'none' ? 'no bump' : `a ${actual} bump`}, but the surface change needs ${required}${bumpHint(required, baseVersion)}`;
  return { ...base, actualBump: actual, covered: ok, reason };
}
