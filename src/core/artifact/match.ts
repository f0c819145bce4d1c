/**
 * Which crate built an artifact: by the library's file name (`[lib] name`, else the package name
 * with `-` as `_`) and the crate type its extension says (`.so`/`.dylib`/`.dll`: cdylib;
 * `.a`/`.lib`: staticlib).
 */
import type { CrateSurface } from '../model';

export interface ArtifactName {
  /** The library name the file is built from. */
  lib: string;
  crateType: 'cdylib' | 'staticlib';
}

/** The library name and crate type a file name says, or null when it is no library name. */
export function parseArtifactName(fileName: string): ArtifactName | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  let m = /^lib(.+)\.so(\.[0-9]+)*$/.exec(base) ?? /^lib(.+)\.dylib$/.exec(base);
  if (m) return { lib: m[1], crateType: 'cdylib' };
  m = /^(.+)\.dll$/i.exec(base);
  if (m) return { lib: m[1], crateType: 'cdylib' };
  m = /^lib(.+)\.a$/.exec(base);
  if (m) return { lib: m[1], crateType: 'staticlib' };
  m = /^(.+)\.lib$/i.exec(base);
  if (m && !/\.dll$/i.test(m[1])) return { lib: m[1], crateType: 'staticlib' };
  return null;
}

export type MatchResult =
  { ok: true; crate: CrateSurface; declared: boolean } | { ok: false; reason: string };

/**
 * The crate whose library the file is. `declared` is false when the crate does not declare the
 * file's crate type (the artifact is still compared: it says what the crate exports).
 */
export function matchArtifact(fileName: string, crates: readonly CrateSurface[]): MatchResult {
  const parsed = parseArtifactName(fileName);
  if (!parsed)
    return {
      ok: false,
      reason:
        'not a library file name (libNAME.so, libNAME.dylib, NAME.dll, libNAME.a or NAME.lib, NAME being the [lib] name)',
    };
  const want = parsed.lib.replace(/-/g, '_');
  const found = crates.filter((c) => c.lib?.name === want);
  if (found.length === 0) {
    const names = crates
      .filter((c) => c.lib?.crateTypes.some((t) => t === 'cdylib' || t === 'staticlib'))
      .map((c) => c.lib?.name);
    return {
      ok: false,
      reason: `no analysed crate builds the library ${want}${names.length ? ` (libraries: ${names.join(', ')})` : ''}`,
    };
  }
  if (found.length > 1)
    return {
      ok: false,
      reason: `several crates build a library named ${want} (${found.map((c) => c.name).join(', ')})`,
    };
  const crate = found[0];
  if (crate.lib?.crateTypes.includes('proc-macro'))
    return {
      ok: false,
      reason: `${crate.name} is a proc-macro crate: its library runs inside the compiler and is never linked by a consumer`,
    };
  return { ok: true, crate, declared: !!crate.lib?.crateTypes.includes(parsed.crateType) };
}
