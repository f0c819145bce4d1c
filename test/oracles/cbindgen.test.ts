/**
 * cbindgen is an oracle: it reads the same Rust source independently and emits a C header. For
 * the crates it can parse, the header's functions, statics, imports, `#define`s and repr types
 * agree with `extract`, except for the differences listed (and asserted) below.
 *
 * Crates left out: test/fixtures/crates/macros (edition 2024 `unsafe extern "C" { safe fn … }`:
 * cbindgen 0.24's syn 1 parser rejects the file) and test/fixtures/crates/modules (cbindgen
 * resolves `#[path]` inside an inline module that itself has `#[path = "thread_files"]` to
 * src/thread/tls.rs instead of src/thread_files/tls.rs, and aborts).
 *
 * How cbindgen legitimately differs from `extract` (the compiler oracle says `extract` is right):
 * - it emits only `pub extern "C"` functions: private `#[no_mangle]` fns, `extern "system"`,
 *   `extern "C-unwind"` and Rust-ABI exports are skipped with a warning;
 * - it does not expand macros, look into fn bodies or closures, or read `no_mangle` behind
 *   `cfg_attr`;
 * - it emits statics only for `#[no_mangle]`, not `#[export_name]`;
 * - it ignores `cfg` (no `[defines]` configured), so feature- and platform-gated items are all
 *   there; we compare with `--all-features` and do not evaluate platform cfgs;
 * - it emits types only when a function uses them or `[export] include` names them, so the test
 *   names every repr type `extract` reports; non-repr(C) types behind pointers come out opaque;
 * - it renders `extern "C" { fn … }` imports as `extern` prototypes.
 */
import * as path from 'node:path';
import type { FeatureSelection, FunctionItem, Surface, SurfaceItem } from '../../src/core/model';
import { extractDir } from '../support/extract';
import {
  copyForCbindgen,
  describeWithTools,
  hasCbindgen,
  parseCHeader,
  runCbindgen,
  tempDir,
  type CHeader,
} from '../support/debian-tools';

const ROOT = path.join(__dirname, '..', '..');
const ALL: FeatureSelection = { mode: 'all' };
const present = hasCbindgen();

/** What cbindgen cannot see, by symbol, for functions the model does not mark (macro items are). */
const NOT_SEEN_BY_CBINDGEN: Record<string, string> = {
  forms_nested_in_fn: 'declared inside a fn body',
  forms_in_closure_block: 'declared inside a closure in a fn body',
};

const items = (s: Surface): SurfaceItem[] => s.crates.flatMap((c) => c.items);
const fns = (s: Surface): FunctionItem[] => items(s).filter((i): i is FunctionItem => i.kind === 'function');

/** Why cbindgen leaves out an exported function `extract` reports, or null when it should emit it. */
function reasonMissing(f: FunctionItem, warnings: string[]): string | null {
  if (f.macro) return `macro ${f.macro}`;
  if (NOT_SEEN_BY_CBINDGEN[f.symbol]) return NOT_SEEN_BY_CBINDGEN[f.symbol];
  const w = warnings.find((x) => x.includes(`::${f.name} `));
  if (w) return `skipped: ${w.replace(/^Skipping \S+ - /, '')}`;
  return null;
}

interface Comparison {
  header: CHeader;
  surface: Surface;
  missing: Record<string, string>;
}

async function compare(dir: string): Promise<Comparison> {
  const surface = await extractDir(dir, ALL);
  expect(surface.diagnostics).toEqual([]);
  const typeNames = items(surface)
    .filter((i) => i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum' || i.kind === 'type')
    .map((i) => i.name);
  const copy = copyForCbindgen(dir, path.join(tempDir('cbindgen'), path.basename(dir)));
  const { header: text, warnings } = runCbindgen(copy, typeNames);
  const header = parseCHeader(text);

  // functions: every one cbindgen emits is ours with the same parameter count; every one of ours
  // it leaves out has a reason
  const ours = new Map(fns(surface).map((f) => [f.symbol, f]));
  for (const [name, f] of header.functions) {
    const item = ours.get(name);
    expect({ name, inExtract: !!item }).toEqual({ name, inExtract: true });
    expect({ name, params: f.params.length }).toEqual({ name, params: item?.params.length });
  }
  const missing: Record<string, string> = {};
  for (const f of ours.values()) {
    const reason = reasonMissing(f, warnings);
    if (header.functions.has(f.symbol)) {
      expect({ symbol: f.symbol, abi: f.abi, visibility: f.visibility, reason }).toEqual({
        symbol: f.symbol,
        abi: 'C',
        visibility: 'pub',
        reason: null,
      });
    } else {
      missing[f.symbol] = reason ?? 'NO REASON: cbindgen dropped it unexpectedly';
    }
  }

  // statics: cbindgen emits the pub #[no_mangle] ones
  const statics = items(surface).filter((i) => i.kind === 'static');
  expect([...header.statics].sort()).toEqual(
    statics
      .filter((s) => s.export === 'no_mangle' && s.visibility === 'pub')
      .map((s) => s.symbol)
      .sort(),
  );

  // imports: `extern "C" { fn … }` come out as `extern` prototypes with the same arity
  const imports = items(surface).filter((i) => i.kind === 'import' && i.what === 'function');
  expect([...header.externFunctions.values()].map((f) => [f.name, f.params.length]).sort()).toEqual(
    imports
      .map((i) => [i.kind === 'import' ? i.symbol : '', i.kind === 'import' ? (i.params ?? []).length : -1])
      .sort(),
  );

  // pub consts become #defines with the same value
  const consts = items(surface).filter((i) => i.kind === 'const' && i.visibility === 'pub');
  expect(Object.fromEntries(header.defines)).toEqual(
    Object.fromEntries(consts.map((c) => [c.name, c.kind === 'const' ? c.value : ''])),
  );

  // repr types: same kind and the same field / variant names in the same order
  // (a type with Rust's layout that an export reaches behind a pointer is an opaque declaration)
  const reprTypes = items(surface).filter(
    (i) => (i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum') && i.repr.length > 0,
  );
  for (const it of reprTypes) {
    if (it.kind !== 'struct' && it.kind !== 'union' && it.kind !== 'enum') continue;
    const rec = header.records.get(it.name);
    const want = it.kind === 'enum' ? it.variants.map((v) => v.name) : it.fields.map((f) => f.name);
    expect({ name: it.name, kind: rec?.kind, members: rec?.members }).toEqual({
      name: it.name,
      kind: it.kind,
      members: want,
    });
  }
  // and nothing else is defined in full: the rest are opaque forward declarations
  expect([...header.records.keys()].sort()).toEqual(reprTypes.map((i) => i.name).sort());
  for (const it of items(surface))
    if ((it.kind === 'struct' || it.kind === 'union' || it.kind === 'enum') && !it.repr.length)
      expect({ opaque: it.name, declared: header.opaque.has(it.name) }).toEqual({
        opaque: it.name,
        declared: true,
      });
  for (const t of items(surface).filter((i) => i.kind === 'type')) expect(header.typedefs).toContain(t.name);
  return { header, surface, missing };
}

describeWithTools(present)('cbindgen agrees with extract', () => {
  it('cbindgen is installed (CI installs it in .ci/run)', () => {
    expect(present).toBe(true);
  });

  it('test/fixtures/crates/forms', async () => {
    const { header, missing } = await compare(path.join(ROOT, 'test', 'fixtures', 'crates', 'forms'));
    expect(missing).toEqual({
      forms_c_unwind: 'skipped: (not `extern "C"`',
      forms_cfg_attr: 'skipped: (not `no_mangle`, and has no `export_name` attribute)',
      forms_cfg_attr_beta: 'skipped: (not `no_mangle`, and has no `export_name` attribute)',
      forms_in_closure_block: 'declared inside a closure in a fn body',
      forms_macro_one: 'macro export_getter',
      forms_macro_two: 'macro export_getter',
      forms_many_a: 'macro export_many',
      forms_many_b: 'macro export_many',
      forms_many_c: 'macro export_many',
      forms_nested_in_fn: 'declared inside a fn body',
      forms_private: 'skipped: (not `pub` but is `extern "C"` and `no_mangle`)',
      forms_rust_abi: 'skipped: (not `extern "C"`',
      forms_system_abi: 'skipped: (not `extern "C"`',
    });
    expect(header.functions.size).toBe(18);
    // cbindgen ignores cfg: the windows-only and every feature-gated export are in its header
    expect(header.functions.has('forms_windows_only')).toBe(true);
    expect(header.functions.has('forms_feature_gamma')).toBe(true);
    // methods in an inherent impl, modules via mod.rs / #[path] / inline parents: both see them
    expect(header.functions.has('forms_handle_free')).toBe(true);
    expect(header.functions.has('forms_via_path_attr')).toBe(true);
    expect(header.functions.has('forms_inline_child')).toBe(true);
    expect(header.opaque).toContain('Handle');
  });

  for (const v of ['v1', 'v2']) {
    it(`demo/${v}`, async () => {
      const { header, missing } = await compare(path.join(ROOT, 'demo', v));
      expect(missing).toEqual({});
      expect(header.functions.size).toBe(v === 'v1' ? 6 : 8);
      expect(header.functions.get('tinyimg_area')?.params).toEqual(['struct Dimensions d']);
      expect(header.functions.get('tinyimg_clamp')?.params).toEqual([v === 'v1' ? 'int v' : 'int64_t v']);
      expect(header.opaque).toContain('Image');
    });
  }
});
