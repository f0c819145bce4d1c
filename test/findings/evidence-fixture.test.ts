/**
 * Evidence before questions on a rustls-ffi-like crate (test/fixtures/crates/evidence): a
 * null-check macro defined in the crate that calls a checking function (which checks through a
 * cast), a boundary macro wrapping the body, a slice macro that checks its pointer, checked
 * arithmetic on a length, `NonNull::new`, an `Option<NonNull<T>>` parameter and a `# Safety`
 * section naming the parameter. Each finding is verified with its evidence at file:line, and each
 * mitigation removed again (a variant of the fixture) reopens it. The crate's own tests
 * (`cargo test`) are the oracle that the verified exports do handle NULL.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeFindings } from '../../src/core/findings/compute-findings';
import type { Finding } from '../../src/core/report';
import { describeWithTools, hasTool, tempDir } from '../support/debian-tools';
import { extractMemory } from '../support/extract';

const DIR = path.join(__dirname, '..', 'fixtures', 'crates', 'evidence');
const FILES = ['Cargo.toml', 'src/lib.rs', 'src/ffi.rs', 'src/panic.rs', 'tests/null.rs'];

function fixture(): Record<string, string> {
  return Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(DIR, f), 'utf8')]));
}

/** The 1-based line of the only line of `file` that contains `snippet`. */
function lineOf(files: Record<string, string>, file: string, snippet: string): number {
  const lines = files[file].split('\n');
  const at = lines.flatMap((l, i) => (l.includes(snippet) ? [i + 1] : []));
  if (at.length !== 1) throw new Error(`${snippet} is on ${at.length} lines of ${file}`);
  return at[0];
}

/** `files` with `from` replaced by `to` in `file` (which must contain it once). */
function variant(
  files: Record<string, string>,
  file: string,
  from: string,
  to: string,
): Record<string, string> {
  const text = files[file];
  if (text.split(from).length !== 2) throw new Error(`${from} is not in ${file} exactly once`);
  return { ...files, [file]: text.replace(from, to) };
}

async function findings(files: Record<string, string>): Promise<Finding[]> {
  const s = await extractMemory(files);
  const crate = s.crates[0];
  return computeFindings(
    crate.items.map((item) => ({ item })),
    crate,
  );
}

/** The one finding of `rule` on parameter `param` of `symbol`. */
function one(fs: Finding[], symbol: string, rule: string, param: string): Finding {
  const hits = fs.filter((f) => f.symbol === symbol && f.rule === rule && f.message.includes(`\`${param}\``));
  expect(hits).toHaveLength(1);
  return hits[0];
}

interface Mitigation {
  name: string;
  symbol: string;
  rule: string;
  param: string;
  /** Evidence expected: the file, the snippet on its line, substrings of `what`. */
  evidence: { file: string; at: string; what: string[] }[];
  /** Variants without the mitigation: each reopens the finding. */
  removed: { why: string; file: string; from: string; to: string }[];
}

const MITIGATIONS: Mitigation[] = [
  {
    name: 'a null-check macro of the crate (calling a checking fn) inside a boundary macro',
    symbol: 'conn_get',
    rule: 'raw-pointer-param',
    param: 'conn',
    evidence: [
      {
        file: 'src/lib.rs',
        at: 'let conn = try_ref_from_ptr!(conn);',
        what: ['`conn` checked by `try_ref_from_ptr!`', 'src/ffi.rs:16', '`.as_ref()` in `try_from`'],
      },
    ],
    removed: [
      {
        why: 'the macro call is gone',
        file: 'src/lib.rs',
        from: 'let conn = try_ref_from_ptr!(conn);',
        to: 'let conn = unsafe { &*conn };',
      },
      {
        why: 'the function the macro calls no longer checks',
        file: 'src/ffi.rs',
        from: 'unsafe { cast_const_ptr(from).as_ref() }',
        to: 'unsafe { Some(&*cast_const_ptr(from)) }',
      },
      {
        why: 'the function checked through is no plain cast any more',
        file: 'src/ffi.rs',
        from: 'ptr as *const _',
        to: 'ptr.wrapping_add(1)',
      },
      {
        why: 'the macro passes its argument to nothing that checks',
        file: 'src/ffi.rs',
        from: 'match $crate::ffi::try_from($var) {',
        to: 'match Some(unsafe { &*$var }) {',
      },
      {
        why: 'the check is only spelt in a comment',
        file: 'src/lib.rs',
        from: 'let conn = try_ref_from_ptr!(conn);',
        to: '// try_ref_from_ptr!(conn);\n        let conn = unsafe { &*conn };',
      },
    ],
  },
  {
    name: 'a slice macro of the crate whose definition checks its pointer (element of one byte)',
    symbol: 'count_bytes',
    rule: 'buffer-param',
    param: 'bytes',
    evidence: [
      {
        file: 'src/lib.rs',
        at: 'try_slice!(bytes, bytes_len)',
        what: ['`bytes` checked by `try_slice!`', 'src/ffi.rs:28', '`.is_null()` in `try_slice!`'],
      },
      { file: 'src/lib.rs', at: 'pub extern "C" fn count_bytes', what: ['`u8` is one byte'] },
    ],
    removed: [
      {
        why: 'the macro no longer checks',
        file: 'src/ffi.rs',
        from: 'if $ptr.is_null() {',
        to: 'if $count == usize::MAX {',
      },
    ],
  },
  {
    name: 'is_null() and checked arithmetic on the length',
    symbol: 'sum_u32',
    rule: 'buffer-param',
    param: 'data',
    evidence: [
      { file: 'src/lib.rs', at: 'if data.is_null() {', what: ['`data` checked with `.is_null()`'] },
      {
        file: 'src/lib.rs',
        at: 'data_len.checked_mul(',
        what: ['`data_len` used through `data_len.checked_mul()`'],
      },
    ],
    removed: [
      {
        why: 'the length is multiplied unchecked',
        file: 'src/lib.rs',
        from: 'let Some(_bytes) = data_len.checked_mul(std::mem::size_of::<u32>()) else {',
        to: 'let Some(_bytes) = Some(data_len * std::mem::size_of::<u32>()) else {',
      },
      {
        why: 'the null check is gone',
        file: 'src/lib.rs',
        from: 'if data.is_null() {',
        to: 'if data_len == 0 {',
      },
    ],
  },
  {
    name: 'NonNull::new',
    symbol: 'conn_reset',
    rule: 'raw-pointer-param',
    param: 'conn',
    evidence: [
      { file: 'src/lib.rs', at: 'match NonNull::new(conn) {', what: ['`conn` checked with `NonNull::new`'] },
    ],
    removed: [
      {
        why: 'NonNull::new_unchecked does not check',
        file: 'src/lib.rs',
        from: 'match NonNull::new(conn) {',
        to: 'match Some(unsafe { NonNull::new_unchecked(conn) }) {',
      },
    ],
  },
  {
    name: 'an Option<NonNull<T>> parameter',
    symbol: 'conn_free',
    rule: 'raw-pointer-param',
    param: 'conn',
    evidence: [
      {
        file: 'src/lib.rs',
        at: 'pub extern "C" fn conn_free(',
        what: ['`conn` is an `Option<NonNull<…>>`: NULL arrives as `None`'],
      },
    ],
    removed: [
      {
        why: 'the parameter is a plain pointer',
        file: 'src/lib.rs',
        from: 'conn_free(conn: Option<NonNull<Conn>>) {\n    if let Some(c) = conn {',
        to: 'conn_free(conn: *mut Conn) {\n    if let Some(c) = Some(conn) {',
      },
    ],
  },
  {
    name: 'a # Safety section of an unsafe fn naming the parameter',
    symbol: 'name_len',
    rule: 'c-string-param',
    param: 'name',
    evidence: [
      {
        file: 'src/lib.rs',
        at: 'pub unsafe extern "C" fn name_len(',
        what: ['the `# Safety` section of this `unsafe` fn names `name`'],
      },
    ],
    removed: [
      {
        why: 'the Safety section names something else',
        file: 'src/lib.rs',
        from: '/// `name` must point to a NUL-terminated string',
        to: '/// it must point to a NUL-terminated string',
      },
      {
        why: 'the parameter is named outside the Safety section only',
        file: 'src/lib.rs',
        from: '/// # Safety\n///\n/// `name` must point',
        to: '/// `name`\n///\n/// # Safety\n///\n/// It must point',
      },
    ],
  },
];

describe('evidence before questions on a rustls-ffi-like crate', () => {
  const files = fixture();

  describe.each(MITIGATIONS)('$name', (m) => {
    it(`verifies ${m.rule} on \`${m.param}\` of ${m.symbol} with the evidence at file:line`, async () => {
      const f = one(await findings(files), m.symbol, m.rule, m.param);
      expect(f.status).toBe('verified');
      for (const e of m.evidence) {
        const line = lineOf(files, e.file, e.at);
        const hit = f.evidence?.find((x) => x.file === e.file && x.line === line);
        expect(hit).toBeDefined();
        for (const w of e.what) expect(hit?.what).toContain(w);
      }
    });
    it.each(m.removed)('reopens when $why', async (r) => {
      const f = one(await findings(variant(files, r.file, r.from, r.to)), m.symbol, m.rule, m.param);
      expect(f.status).toBe('open');
    });
  });

  /** The fixture with the checking functions moved to `src/util.rs` (declared with `mod` or not). */
  const movedHelpers = (declared: boolean): Record<string, string> => {
    const ffi = files['src/ffi.rs'];
    const helpers = ffi.slice(ffi.indexOf('/// Returns its argument'), ffi.indexOf('/// Returns `-1`'));
    const moved = {
      ...variant(files, 'src/ffi.rs', helpers, 'pub(crate) use crate::util::try_from;\n\n'),
      'src/util.rs': helpers,
    };
    return declared ? variant(moved, 'src/lib.rs', 'mod ffi;', 'mod ffi;\nmod util;') : moved;
  };

  it('reads a checker in a file the prefilter skipped on demand', async () => {
    // src/util.rs has no export, macro or extern: the prefilter does not parse it
    const fx = movedHelpers(true);
    const f = one(await findings(fx), 'conn_get', 'raw-pointer-param', 'conn');
    expect(f.status).toBe('verified');
    expect(f.evidence?.[0].what).toContain('`.as_ref()` in `try_from`');
    const s = await extractMemory(fx);
    const tryFrom = s.crates[0].nullCheckers?.find((c) => c.name === 'try_from');
    expect(tryFrom && `${tryFrom.file}:${tryFrom.line}`).toBe(
      `src/util.rs:${lineOf(fx, 'src/util.rs', 'fn try_from')}`,
    );
  });

  it('leaves the finding open when the checker is in no file of the crate (fail closed)', async () => {
    const fx = movedHelpers(false);
    const f = one(await findings(fx), 'conn_get', 'raw-pointer-param', 'conn');
    expect(f.status).toBe('open');
    const s = await extractMemory(fx);
    expect((s.crates[0].nullCheckers ?? []).filter((c) => c.macro).map((c) => c.name)).toEqual(['try_slice']);
  });

  it('records the checkers of the crate (helpers, macros and exports), with where they are defined', async () => {
    const s = await extractMemory(files);
    const got = (s.crates[0].nullCheckers ?? []).map((c) => [c.name, c.macro, c.arg, `${c.file}:${c.line}`]);
    const at = (file: string, snippet: string) => `${file}:${lineOf(files, file, snippet)}`;
    expect(got).toEqual([
      ['conn_get', false, 0, at('src/lib.rs', 'fn conn_get')],
      ['conn_reset', false, 0, at('src/lib.rs', 'fn conn_reset')],
      ['count_bytes', false, 0, at('src/lib.rs', 'fn count_bytes')],
      ['sum_u32', false, 0, at('src/lib.rs', 'fn sum_u32')],
      ['try_from', false, 0, at('src/ffi.rs', 'fn try_from')],
      ['try_ref_from_ptr', true, 0, at('src/ffi.rs', 'macro_rules! try_ref_from_ptr')],
      ['try_slice', true, 0, at('src/ffi.rs', 'macro_rules! try_slice')],
    ]);
  });

  describeWithTools(hasTool('cargo', ['--version']))('cargo is the oracle', () => {
    it("the crate's own tests pass NULL to every verified export and get the error value", () => {
      const target = tempDir('evidence-target');
      try {
        const r = spawnSync(
          'cargo',
          ['test', '--offline', '--quiet', '--manifest-path', path.join(DIR, 'Cargo.toml')],
          { encoding: 'utf8', env: { ...process.env, CARGO_TARGET_DIR: target, RUSTFLAGS: '-A warnings' } },
        );
        expect(r.stderr + r.stdout).toContain('2 passed');
        expect(r.status).toBe(0);
      } finally {
        fs.rmSync(target, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
