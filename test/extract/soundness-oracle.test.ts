/**
 * The soundness oracle (SPEC section 2, "Soundness"): the compiler decides what a library exports.
 *
 * test/fixtures/soundness is one cargo workspace whose members are cdylibs, each showing a way a
 * symbol gets into the library. It is built once, as members of the one fixture workspace
 * (test/support/oracle-workspace.ts, release profile, offline), and `nm -D` lists what
 * every library really exports. Each symbol has a row in ORACLE below and a marker comment
 * `// oracle: <symbol> <extracted|unresolved>` in the fixture, on the line a reviewer should be
 * pointed to: the export itself for `extracted` rows, the construct (the macro invocation, the
 * `include!`, the attribute) for `unresolved` rows. Then one extraction of the whole workspace must
 * account for every symbol: `extracted` rows as an item with that symbol; `unresolved` rows as such
 * an item or as an entry of the crate's `unresolved[]` at the marker's file and line.
 *
 * The second part, "bounds on the net", checks the other side: edits that cannot change the
 * surface (a literal in an exported fn's body, a doc comment, nothing at all) change nothing and
 * raise no unresolved entry, on every fixture crate under test/fixtures/crates.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffSurfaces } from '../../src/core/diff/diff-surfaces';
import type { CrateSurface, Surface } from '../../src/core/model';
import { hasCargo } from '../support/cargo';
import { extractDir, extractMemory } from '../support/extract';
import { oracleLibraries } from '../support/oracle-workspace';
import {
  definedDynamicSymbols,
  isToolchainSymbol,
  OracleMarker,
  OracleOutcome,
  readMarkers,
} from '../support/soundness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'soundness');
const CRATES = path.join(__dirname, '..', 'fixtures', 'crates');

/**
 * Members with an oracle of their own, whose symbols have no rows or markers here: `fragments`
 * (./fragments-oracle.test.ts) has hundreds, one per `macro_rules!` probe.
 */
const OWN_ORACLE = new Set(['fragments']);

interface OracleRow {
  construct: string;
  crate: string;
  symbol: string;
  expected: OracleOutcome;
}

const row = (construct: string, crate: string, symbol: string, expected: OracleOutcome): OracleRow => ({
  construct,
  crate,
  symbol,
  expected,
});

/** construct → crate → symbol → expected outcome; every symbol checked with rustc 1.95 and `nm -D`. */
const ORACLE: OracleRow[] = [
  row('control: #[no_mangle] pub extern "C" fn', 'plain', 'sg_plain', 'extracted'),
  row('control: #[no_mangle] pub static', 'plain', 'SG_PLAIN_STATIC', 'extracted'),
  row('inner attribute #![no_mangle] in the fn body', 'inner-attr', 'sg_inner_attr', 'extracted'),
  row('include!("included.rs") of a file of the crate', 'include-file', 'sg_include', 'extracted'),
  row('export in a block argument of println!', 'expr-macros', 'sg_println_arg', 'extracted'),
  row('export in a block argument of vec!', 'expr-macros', 'sg_vec_arg', 'extracted'),
  row(
    'let x = m!(); m a crate macro expanding to a block with an export',
    'expr-macros',
    'sg_let_macro',
    'extracted',
  ),
  row(
    'crate macro in a fn body calling a second crate macro that exports',
    'expr-macros',
    'sg_macro_in_macro',
    'extracted',
  ),
  row('export in a thread_local! initialiser', 'expr-macros', 'sg_thread_local_init', 'extracted'),
  row('export in the array length of a parameter type', 'const-positions', 'sg_param_len', 'extracted'),
  row('export in the array length of a type alias', 'const-positions', 'sg_alias_len', 'extracted'),
  row('export in an enum discriminant', 'const-positions', 'sg_discriminant', 'extracted'),
  row(
    'shadowed macro_rules!: the later definition exports',
    'macro-rules-tricks',
    'sg_shadowed_macro',
    'extracted',
  ),
  row(
    '$i:ident does not match `_`: the second rule exports',
    'macro-rules-tricks',
    'sg_fragment_rule',
    'extracted',
  ),
  row('#[r#no_mangle]', 'raw-attrs', 'sg_raw_no_mangle', 'extracted'),
  row('#[r#export_name = "…"]', 'raw-attrs', 'sg_raw_export_name', 'extracted'),
  row('#[cfg_attr(all(), r#no_mangle)]', 'raw-attrs', 'sg_raw_in_cfg_attr', 'extracted'),
  row('#[path] on a module declared in a fn body', 'paths', 'sg_path_in_fn', 'extracted'),
  row('#[path = "sub\\\\x.rs"]: a backslash in the file name', 'paths', 'sg_backslash_path', 'extracted'),
  row('module directory that is a symlink inside the crate', 'paths', 'sg_symlinked_dir', 'extracted'),
  row(
    'U+200E (left-to-right mark) between # and [no_mangle]',
    'odd-whitespace',
    'sg_lrm_whitespace',
    'extracted',
  ),
  row('#[export_name = concat!(…)]', 'name-macros', 'sg_concat', 'extracted'),
  row('#[export_name = stringify!(…)]', 'name-macros', 'sg_stringify', 'extracted'),
  row('#[cfg(not(debug_assertions))] (release build)', 'cfgs', 'sg_release_only', 'extracted'),
  row(
    '#[cfg_attr(not(debug_assertions), no_mangle)] (release build)',
    'cfgs',
    'sg_release_cfg_attr',
    'extracted',
  ),
  row('cfg from build.rustflags in .cargo/config.toml', 'cfgs', 'sg_rustflag_cfg', 'extracted'),
  row('cfg set by build.rs (cargo::rustc-cfg)', 'build-script', 'sg_build_rs_cfg', 'extracted'),
  row(
    'include!(concat!(env!("OUT_DIR"), …)) of a file build.rs writes',
    'build-script',
    'sg_out_dir',
    'unresolved',
  ),
  row('workspace member that is a directory symlink', 'symlinked-member', 'sg_symlinked_member', 'extracted'),
  row('control: export of a crate with features', 'feat-lib', 'sg_feature_base', 'extracted'),
  row(
    'non-default feature switched on by another member (unification)',
    'feat-lib',
    'sg_feature_unified',
    'extracted',
  ),
  row('proc-macro attribute at item position', 'proc-user', 'sg_proc_attribute', 'unresolved'),
  row('proc-macro derive', 'proc-user', 'sg_proc_derive', 'unresolved'),
  row('function-like proc macro at item position', 'proc-user', 'sg_proc_fn_item', 'unresolved'),
  row('function-like proc macro in a fn body', 'proc-user', 'sg_proc_fn_in_body', 'unresolved'),
  row('control: the export holding inline assembly', 'shadowed-names', 'sg_asm_host', 'extracted'),
  row(
    '#[test] with a proc-macro attribute imported as test',
    'shadowed-names',
    'sg_proc_attribute',
    'unresolved',
  ),
  row(
    '#[derive(Debug)] with a proc-macro derive imported as Debug',
    'shadowed-names',
    'sg_proc_derive',
    'unresolved',
  ),
];

const key = (crate: string, symbol: string) => `${crate} ${symbol}`;

function exportedSymbols(c: CrateSurface | undefined): string[] {
  return (c?.items ?? []).flatMap((i) => (i.kind === 'function' || i.kind === 'static' ? [i.symbol] : []));
}

const HAVE_TOOLS = hasCargo();
if (!HAVE_TOOLS)
  console.warn(
    'soundness oracle skipped: `cargo` and `nm` (binutils) are needed to build test/fixtures/soundness ' +
      'and read its dynamic symbols',
  );
const withTools = HAVE_TOOLS ? describe : describe.skip;

withTools('soundness oracle: every symbol rustc exports is extracted or unresolved', () => {
  /** `crate symbol` for every symbol `nm -D` shows in a member's cdylib, sorted. */
  let nm: string[] = [];
  let markers: OracleMarker[] = [];
  let surface: Surface;

  beforeAll(async () => {
    // the soundness members of the one fixture workspace (test/support/oracle-workspace.ts)
    const libs = oracleLibraries().filter((lib) => lib.group === 'soundness');
    nm = libs
      .filter((lib) => !OWN_ORACLE.has(lib.crate))
      .flatMap((lib) =>
        definedDynamicSymbols(lib.file)
          .filter((s) => !isToolchainSymbol(s))
          .map((s) => key(lib.crate, s)),
      )
      .sort();
    markers = readMarkers(FIXTURE);
    surface = await extractDir(FIXTURE);
  }, 600_000);

  it('the table, the markers and nm -D agree', () => {
    const table = ORACLE.map((r) => key(r.crate, r.symbol)).sort();
    expect(new Set(table).size).toBe(table.length);
    // every exported symbol has a row, every row's symbol is exported
    expect(table).toEqual(nm);
    // one marker per row, in that crate, with the row's outcome
    expect(markers.map((m) => `${key(m.crate, m.symbol)} ${m.expected}`).sort()).toEqual(
      ORACLE.map((r) => `${key(r.crate, r.symbol)} ${r.expected}`).sort(),
    );
  });

  it('extracts no symbol that the libraries do not export', () => {
    const extracted = surface.crates
      .filter((c) => !OWN_ORACLE.has(c.name))
      .flatMap((c) => exportedSymbols(c).map((s) => key(c.name, s)))
      .sort();
    expect(extracted.filter((k) => !nm.includes(k))).toEqual([]);
  });

  it.each(ORACLE)('$crate: $symbol is $expected ($construct)', (r) => {
    const crate = surface.crates.find((c) => c.name === r.crate);
    const marker = markers.find((m) => m.crate === r.crate && m.symbol === r.symbol);
    const site = `${marker?.file}:${marker?.line}`;
    const items = exportedSymbols(crate);
    const unresolved = (crate?.unresolved ?? []).map((u) => `${u.file}:${u.line} ${u.reason}`);
    const accounted =
      items.includes(r.symbol) ||
      (r.expected === 'unresolved' && unresolved.some((u) => u.startsWith(`${site} `)));
    // the object shows, on failure, what the engine found for this crate instead
    expect({ crate: crate?.name, symbol: r.symbol, site, accounted, items, unresolved }).toEqual(
      expect.objectContaining({ crate: r.crate, accounted: true }),
    );
  });
});

withTools('soundness oracle: inline assembly defines a global symbol of the staticlib', () => {
  it('is in nm of the staticlib, and an inline-asm entry at the asm! invocation', async () => {
    const lib = oracleLibraries().find((l) => l.crate === 'shadowed-names');
    if (!lib) throw new Error('no shadowed-names library');
    const archive = path.join(path.dirname(lib.file), 'libshadowed_names.a');
    const nmOut = execFileSync('nm', ['--defined-only', archive], { encoding: 'utf8' });
    expect(nmOut).toMatch(/^[0-9a-f]+ T sg_inline_asm$/m);
    // in the cdylib, rustc's version script keeps it local: not a dynamic symbol
    expect(definedDynamicSymbols(lib.file)).not.toContain('sg_inline_asm');
    const file = 'shadowed-names/src/lib.rs';
    const line =
      fs
        .readFileSync(path.join(FIXTURE, file), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('staticlib: sg_inline_asm')) + 1;
    const surface = await extractDir(FIXTURE);
    const crate = surface.crates.find((c) => c.name === 'shadowed-names');
    expect((crate?.unresolved ?? []).map((u) => `${u.file}:${u.line} ${u.reason}`)).toContain(
      `${file}:${line} inline-asm`,
    );
  }, 600_000);
});

// --- bounds on the net -------------------------------------------------------------------------

/** Every file below `dir` (no symbolic links in these fixtures), by path relative to it. */
function readTree(dir: string, rel = '', out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== 'target') readTree(dir, r, out);
    else if (e.isFile()) out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
  }
  return out;
}

/** The offset just past the `}` that closes the `{` at `open` (comments and strings are not skipped). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Edits the body of an exported fn written in the source (not made by a macro): changes an
 * integer literal in it, or, when no exported body has one, adds a statement holding one.
 */
function bodyEdit(
  files: Record<string, string>,
  surface: Surface,
): { files: Record<string, string>; what: string } {
  const bodies: { file: string; name: string; start: number; end: number }[] = [];
  for (const it of surface.crates.flatMap((c) => c.items)) {
    if (it.kind !== 'function' || it.macro) continue;
    const text = files[it.file];
    if (text === undefined) continue;
    const lineStart = text
      .split('\n')
      .slice(0, it.line - 1)
      .join('\n').length;
    const fnAt = text.slice(lineStart).search(new RegExp(`\\bfn\\s+(r#)?${it.name}\\b`));
    if (fnAt < 0) continue;
    const open = text.indexOf('{', lineStart + fnAt);
    const end = open < 0 ? -1 : closingBrace(text, open);
    if (end > 0) bodies.push({ file: it.file, name: it.name, start: open, end });
  }
  if (bodies.length === 0) throw new Error('no exported fn body written in the source');
  for (const b of bodies) {
    const text = files[b.file];
    const lit = /(?<![\w.])\d+(?![\w.])/.exec(text.slice(b.start, b.end));
    if (!lit) continue;
    const at = b.start + lit.index;
    const edited = text.slice(0, at) + String(Number(lit[0]) + 1) + text.slice(at + lit[0].length);
    return { files: { ...files, [b.file]: edited }, what: `literal ${lit[0]} in ${b.name}` };
  }
  const b = bodies[0];
  const text = files[b.file];
  const edited = text.slice(0, b.start + 1) + ' let _oracle_edit = 41; ' + text.slice(b.start + 1);
  return { files: { ...files, [b.file]: edited }, what: `a statement in ${b.name}` };
}

/**
 * Rewrites every doc comment in the crate's reachable files and adds a line of documentation above
 * the first exported fn written in the source.
 */
function docEdit(files: Record<string, string>, surface: Surface): Record<string, string> {
  const out = { ...files };
  for (const f of surface.crates.flatMap((c) => c.files)) {
    if (out[f] === undefined) continue;
    out[f] = out[f]
      .split('\n')
      .map((l) => (/^\s*\/\/[/!]\s/.test(l) && !l.includes('#') ? `${l.trimEnd()} (edited)` : l))
      .join('\n');
  }
  const first = surface.crates.flatMap((c) => c.items).find((i) => i.kind === 'function' && !i.macro);
  if (!first || out[first.file] === undefined) throw new Error('no exported fn written in the source');
  const lines = out[first.file].split('\n');
  const indent = /^\s*/.exec(lines[first.line - 1])?.[0] ?? '';
  lines.splice(first.line - 1, 0, `${indent}/// An added line of documentation.`);
  out[first.file] = lines.join('\n');
  return out;
}

function unresolvedKeys(s: Surface): string[] {
  return s.crates.flatMap((c) => (c.unresolved ?? []).map((u) => `${c.name} ${u.key}`)).sort();
}

async function expectNoChange(base: Surface, files: Record<string, string>): Promise<void> {
  const head = await extractMemory(files);
  expect(diffSurfaces(base, head).changes).toEqual([]);
  expect(unresolvedKeys(head)).toEqual(unresolvedKeys(base));
  expect(head.digest).toBe(base.digest);
}

describe('bounds on the net: edits that cannot change the surface change nothing', () => {
  const crates = fs.readdirSync(CRATES).filter((d) => fs.existsSync(path.join(CRATES, d, 'Cargo.toml')));

  it('has fixture crates', () => expect(crates.length).toBeGreaterThan(0));

  describe.each(crates)('test/fixtures/crates/%s', (crate) => {
    let files: Record<string, string>;
    let base: Surface;
    beforeAll(async () => {
      files = readTree(path.join(CRATES, crate));
      base = await extractMemory(files);
    });

    it('self-diff', async () => {
      expect(diffSurfaces(base, base).changes).toEqual([]);
      await expectNoChange(base, files);
    });

    it('body-only edit of an exported fn', async () => {
      const edit = bodyEdit(files, base);
      expect(edit.files).not.toEqual(files);
      await expectNoChange(base, edit.files);
    });

    it('doc-only edit', async () => {
      const edited = docEdit(files, base);
      expect(edited).not.toEqual(files);
      await expectNoChange(base, edited);
    });
  });
});
