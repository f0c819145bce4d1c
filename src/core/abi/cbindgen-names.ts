/**
 * The C names a crate's `cbindgen.toml` gives its types (`[export] prefix`, `[export.rename]`,
 * `[export] exclude`), so that a Rust-only rename the header hides is not a change (SPEC section 4).
 * Pure: the caller reads the file (bounded); a file that does not parse gives no names (the Rust
 * names are then compared, which over-reports, never under-reports).
 */
import { parse as parseToml } from 'smol-toml';
import type { CNames } from '../model';

export const MAX_CBINDGEN_TOML_BYTES = 256 * 1024;
const MAX_RENAMES = 10_000;

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseCbindgenNames(text: string): CNames | null {
  if (text.length > MAX_CBINDGEN_TOML_BYTES) return null;
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const exp = isTable(toml.export) ? toml.export : {};
  const names: CNames = {};
  if (typeof exp.prefix === 'string' && exp.prefix.length <= 200) names.prefix = exp.prefix;
  if (isTable(exp.rename)) {
    const rename: Record<string, string> = {};
    let n = 0;
    for (const [k, v] of Object.entries(exp.rename)) {
      if (typeof v !== 'string' || ++n > MAX_RENAMES) continue;
      rename[k] = v;
    }
    if (n) names.rename = rename;
  }
  if (Array.isArray(exp.exclude))
    names.exclude = exp.exclude
      .filter((x): x is string => typeof x === 'string')
      .slice(0, MAX_RENAMES)
      .sort();
  return names.prefix !== undefined || names.rename || names.exclude ? names : null;
}

/** The name C sees for a Rust type name. */
export function cNameOf(names: CNames | undefined, rust: string): string {
  if (!names) return rust;
  const renamed = names.rename?.[rust];
  if (renamed !== undefined) return renamed;
  return `${names.prefix ?? ''}${rust}`;
}
