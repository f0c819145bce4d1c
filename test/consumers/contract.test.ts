/**
 * The contract check against oracles. cbindgen reads the fixture crate independently and writes
 * the header its consumers compile against: on that header (and the cgo preamble that declares
 * the one export cbindgen leaves out) the check reports nothing. Hand-edited copies then show each
 * contradiction, and a real cgo build shows that what is reported is real: a declared but not
 * exported symbol does not link, a narrowed return type prints a wrong value, and the consistent
 * package builds and prints the right ones.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCParser, loadGoParser } from '../../src/adapters/consumer-parsers';
import { readCDeclarations, type CDeclaration } from '../../src/core/consumers/c-declarations';
import { readCgo } from '../../src/core/consumers/cgo';
import { checkContract, type ContractResult, type RustExport } from '../../src/core/consumers/contract';
import { LLP64, LP64, LP64_UNSIGNED_CHAR } from '../../src/core/consumers/c-types';
import type { FeatureSelection } from '../../src/core/model';
import { hasCargo } from '../support/cargo';
import { buildCdylib, describeWithTools, goEnv, hasCbindgen, hasGo, tempDir } from '../support/debian-tools';
import { CRATE, FIXTURES, rustExports } from './support';

const ALL: FeatureSelection = { mode: 'all' };
const DEFAULT: FeatureSelection = { mode: 'default', features: [] };
const COMMITTED_HEADER = fs.readFileSync(path.join(CRATE, 'tinyffi.h'), 'utf8');
const MAIN_GO = fs.readFileSync(path.join(FIXTURES, 'cgo', 'main.go'), 'utf8');

async function headerDecls(text: string, file = 'tinyffi.h'): Promise<CDeclaration[]> {
  const r = readCDeclarations(text, file, await loadCParser());
  expect(r.diagnostics).toEqual([]);
  expect(r.complete).toBe(true);
  return r.declarations;
}

async function preambleDecls(text: string): Promise<CDeclaration[]> {
  const r = readCgo(text, 'cgo/main.go', await loadGoParser(), await loadCParser());
  expect(r.complete).toBe(true);
  return r.preamble?.declarations ?? [];
}

/** The committed header with `from` replaced by `to` (which must occur exactly once). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length).toBe(2);
  return text.replace(from, to);
}

const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

let exportsAll: RustExport[] = [];
let exportsDefault: RustExport[] = [];
let consistent: CDeclaration[] = [];

beforeAll(async () => {
  exportsAll = await rustExports(CRATE, ALL);
  exportsDefault = await rustExports(CRATE, DEFAULT);
  consistent = [...(await headerDecls(COMMITTED_HEADER)), ...(await preambleDecls(MAIN_GO))];
});

describe('a consistent project', () => {
  it('the committed header and the cgo preamble agree with every export, all features on', () => {
    expect(exportsAll.map((e) => e.symbol)).toContain('tinyffi_extra_double');
    expect(checkContract(exportsAll, consistent)).toEqual([]);
  });

  it('also on an aarch64-like data model (unsigned char)', () => {
    expect(checkContract(exportsAll, consistent, { models: [LP64, LLP64, LP64_UNSIGNED_CHAR] })).toEqual([]);
  });

  it('the header alone leaves out exactly the export cbindgen skips (not pub), with its Rust line', () => {
    const header = consistent.filter((d) => d.file === 'tinyffi.h');
    expect(checkContract(exportsAll, header)).toEqual([
      { rule: 'exported-not-declared', symbol: 'tinyffi_hidden_sum', rust: { file: 'src/lib.rs', line: 90 } },
    ]);
  });

  it('a feature off: the declaration under #if defined(TINYFFI_EXTRA) is reported with its condition', () => {
    expect(exportsDefault.map((e) => e.symbol)).not.toContain('tinyffi_extra_double');
    expect(checkContract(exportsDefault, consistent)).toEqual([
      {
        rule: 'declared-not-exported',
        symbol: 'tinyffi_extra_double',
        c: {
          file: 'tinyffi.h',
          line: lineOf(COMMITTED_HEADER, 'double tinyffi_extra_double'),
          condition: 'defined(TINYFFI_EXTRA)',
        },
      },
    ]);
  });
});

describe('each contradiction, in a hand-edited copy, with both file:line sides', () => {
  const check = async (header: string): Promise<ContractResult[]> =>
    checkContract(exportsAll, [...(await headerDecls(header)), ...(await preambleDecls(MAIN_GO))]);

  it('declared but not exported (a link failure for callers)', async () => {
    const h = edit(
      COMMITTED_HEADER,
      'void tinyffi_counter_free',
      'void tinyffi_h3_accept(void);\n\nvoid tinyffi_counter_free',
    );
    expect(await check(h)).toEqual([
      {
        rule: 'declared-not-exported',
        symbol: 'tinyffi_h3_accept',
        c: { file: 'tinyffi.h', line: lineOf(h, 'tinyffi_h3_accept'), condition: null },
      },
    ]);
  });

  it('exported but declared nowhere', async () => {
    const h = edit(COMMITTED_HEADER, 'void tinyffi_counter_free(struct Counter *c);', '');
    expect(await check(h)).toEqual([
      {
        rule: 'exported-not-declared',
        symbol: 'tinyffi_counter_free',
        rust: { file: 'src/lib.rs', line: 75 },
      },
    ]);
  });

  it('a parameter added on the Rust side, the header not regenerated', async () => {
    const h = edit(COMMITTED_HEADER, 'tinyffi_counter_new(int64_t start)', 'tinyffi_counter_new(void)');
    expect(await check(h)).toEqual([
      {
        rule: 'parameter-count',
        symbol: 'tinyffi_counter_new',
        c: { file: 'tinyffi.h', line: lineOf(h, 'tinyffi_counter_new(void)'), condition: null },
        rust: { file: 'src/lib.rs', line: 41 },
        cParams: 0,
        rustParams: 1,
        cVariadic: false,
        rustVariadic: false,
      },
    ]);
  });

  it('variadic on one side only', async () => {
    const h = edit(COMMITTED_HEADER, 'uint8_t *out, uintptr_t len)', '...)');
    const r = await check(h);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ rule: 'parameter-count', cParams: 1, rustParams: 3, cVariadic: true });
  });

  const mismatch = async (from: string, to: string): Promise<ContractResult[]> =>
    check(edit(COMMITTED_HEADER, from, to));

  it('size: a narrowed parameter', async () => {
    expect(await mismatch('tinyffi_clamp(int32_t v)', 'tinyffi_clamp(int16_t v)')).toEqual([
      {
        rule: 'type-mismatch',
        symbol: 'tinyffi_clamp',
        position: 0,
        cType: 'int16_t',
        rustType: 'i32',
        aspects: ['size'],
        models: ['LP64', 'LLP64'],
        c: { file: 'tinyffi.h', line: lineOf(COMMITTED_HEADER, 'tinyffi_clamp(int32_t v)'), condition: null },
        rust: { file: 'src/lib.rs', line: 26 },
      },
    ]);
  });

  it('signedness', async () => {
    const r = await mismatch('tinyffi_clamp(int32_t v)', 'tinyffi_clamp(uint32_t v)');
    expect(r).toMatchObject([
      { rule: 'type-mismatch', position: 0, aspects: ['signedness'], cType: 'uint32_t' },
    ]);
  });

  it('the return type', async () => {
    const r = await mismatch('uint64_t tinyffi_area', 'uint8_t tinyffi_area');
    expect(r).toMatchObject([
      { rule: 'type-mismatch', symbol: 'tinyffi_area', position: 'return', aspects: ['size'] },
    ]);
  });

  it('pointer depth', async () => {
    const r = await mismatch(
      'void tinyffi_counter_free(struct Counter *c)',
      'void tinyffi_counter_free(struct Counter **c)',
    );
    expect(r).toMatchObject([
      {
        rule: 'type-mismatch',
        position: 0,
        cType: 'struct Counter **',
        rustType: '*mut Counter',
        aspects: ['pointer-depth'],
      },
    ]);
  });

  it('a pointer where Rust takes an integer', async () => {
    const r = await mismatch('tinyffi_clamp(int32_t v)', 'tinyffi_clamp(int32_t *v)');
    expect(r).toMatchObject([{ rule: 'type-mismatch', position: 0, aspects: ['pointer-depth'] }]);
  });

  it('kind: a float where Rust returns an integer', async () => {
    const r = await mismatch('uint64_t tinyffi_area', 'double tinyffi_area');
    expect(r).toMatchObject([{ rule: 'type-mismatch', position: 'return', aspects: ['kind'] }]);
  });

  it('long: int64_t against c_long is wrong only under LLP64 (Windows)', async () => {
    const r = await mismatch('long tinyffi_scale(long v,', 'long tinyffi_scale(int64_t v,');
    expect(r).toMatchObject([
      {
        rule: 'type-mismatch',
        position: 0,
        cType: 'int64_t',
        rustType: 'c_long',
        aspects: ['size'],
        models: ['LLP64'],
      },
    ]);
  });

  it('a static of another size; a static declared as a function', async () => {
    expect(
      await mismatch('extern const uint32_t TINYFFI_ABI;', 'extern const uint16_t TINYFFI_ABI;'),
    ).toMatchObject([
      { rule: 'type-mismatch', symbol: 'TINYFFI_ABI', position: 'return', aspects: ['size'] },
    ]);
    expect(await mismatch('extern const uint32_t TINYFFI_ABI;', 'uint32_t TINYFFI_ABI(void);')).toMatchObject(
      [{ rule: 'kind-mismatch', symbol: 'TINYFFI_ABI', cKind: 'function', rustKind: 'static' }],
    );
  });

  it('a typedef of the header is resolved: a narrowed typedef is a mismatch where it is used', async () => {
    const h = edit(
      COMMITTED_HEADER,
      'typedef struct Dimensions {',
      'typedef int16_t clamp_in;\n\ntypedef struct Dimensions {',
    );
    const r = await check(edit(h, 'tinyffi_clamp(int32_t v)', 'tinyffi_clamp(clamp_in v)'));
    expect(r).toMatchObject([{ rule: 'type-mismatch', position: 0, cType: 'clamp_in', aspects: ['size'] }]);
  });

  it('a narrow inline prototype in the cgo preamble: reported at the Go file line', async () => {
    const go = edit(
      MAIN_GO,
      'int64_t tinyffi_hidden_sum(int64_t a, int64_t b);',
      'int32_t tinyffi_hidden_sum(int32_t a, int64_t b);',
    );
    const r = checkContract(exportsAll, [
      ...(await headerDecls(COMMITTED_HEADER)),
      ...(await preambleDecls(go)),
    ]);
    const c = { file: 'cgo/main.go', line: lineOf(go, 'int32_t tinyffi_hidden_sum'), condition: null };
    const rust = { file: 'src/lib.rs', line: 90 };
    expect(r).toEqual([
      {
        rule: 'type-mismatch',
        symbol: 'tinyffi_hidden_sum',
        position: 0,
        cType: 'int32_t',
        rustType: 'i64',
        aspects: ['size'],
        models: ['LP64', 'LLP64'],
        c,
        rust,
      },
      {
        rule: 'type-mismatch',
        symbol: 'tinyffi_hidden_sum',
        position: 'return',
        cType: 'int32_t',
        rustType: 'i64',
        aspects: ['size'],
        models: ['LP64', 'LLP64'],
        c,
        rust,
      },
    ]);
  });

  it('an incomplete reading suppresses exported-not-declared and says so', () => {
    const r = checkContract(exportsAll, [], { incompleteFiles: ['huge.h'] });
    expect(r).toEqual([{ rule: 'incomplete-declarations', file: 'huge.h' }]);
  });
});

describeWithTools(hasCbindgen())('cbindgen is the oracle of the committed header', () => {
  it('the committed header is what cbindgen generates from the crate today', () => {
    const tmp = tempDir('consumers-cbindgen');
    const out = path.join(tmp, 'tinyffi.h');
    const r = spawnSync(
      'cbindgen',
      ['--config', 'cbindgen.toml', '--crate', 'tinyffi', '--output', out, '.'],
      {
        cwd: CRATE,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(COMMITTED_HEADER);
  });
});

const goPresent = hasGo() && hasCargo();

describeWithTools(goPresent)('a real cgo build agrees with what the check reports', () => {
  let tmp = '';
  let libDir = '';

  beforeAll(() => {
    if (!goPresent && process.env.CI !== 'true') return;
    tmp = tempDir('consumers-cgo');
    const so = buildCdylib(CRATE, path.join(tmp, 'target'));
    libDir = path.join(tmp, 'lib');
    fs.mkdirSync(libDir);
    fs.copyFileSync(so, path.join(libDir, 'libtinyffi.so'));
  }, 180_000);

  /** Builds the package with this header and main.go; runs it when it builds. */
  const buildAndRun = (
    name: string,
    header: string,
    main: string,
  ): { built: boolean; log: string; stdout: string } => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'tinyffi.h'), header);
    fs.writeFileSync(path.join(dir, 'main.go'), main);
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module tinyfficonsumer\n\ngo 1.19\n');
    const bin = path.join(dir, 'bin');
    const b = spawnSync('go', ['build', '-o', bin, '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: goEnv(tmp, { CGO_LDFLAGS: `-L${libDir}` }),
    });
    if (b.status !== 0) return { built: false, log: b.stderr, stdout: '' };
    const r = spawnSync(bin, [], {
      encoding: 'utf8',
      env: { ...process.env, LD_LIBRARY_PATH: libDir },
      timeout: 20_000,
    });
    return { built: true, log: r.stderr, stdout: r.stdout };
  };

  it('go and cargo are installed (CI installs go in .ci/run)', () => {
    expect(goPresent).toBe(true);
  });

  it('the consistent package builds and prints the right values', () => {
    const r = buildAndRun('consistent', COMMITTED_HEADER, MAIN_GO);
    expect(r.log).toBe('');
    expect(r.stdout).toBe('version=0.1.0\nclamp=255\narea=307200\nscale=-42\nsum=42\ndone\n');
  }, 180_000);

  it('declared but not exported: calling it does not link', async () => {
    const h = edit(
      COMMITTED_HEADER,
      'void tinyffi_counter_free',
      'void tinyffi_h3_accept(void);\n\nvoid tinyffi_counter_free',
    );
    expect(checkContract(exportsAll, await headerDecls(h)).map((x) => x.rule)).toContain(
      'declared-not-exported',
    );
    const main = edit(MAIN_GO, 'os.Stdout.Sync()', 'C.tinyffi_h3_accept()\n\tos.Stdout.Sync()');
    const r = buildAndRun('undeclared-symbol', h, main);
    expect(r.built).toBe(false);
    expect(r.log).toContain('tinyffi_h3_accept');
    expect(r.log).toMatch(/undefined reference/);
  }, 180_000);

  // x86_64: the caller reads the returned uint8_t from %al; the ABI leaves the rest to the callee
  (process.arch === 'x64' ? it : it.skip)(
    'a narrowed return type: it builds, and the value read is wrong',
    async () => {
      const h = edit(COMMITTED_HEADER, 'uint64_t tinyffi_area', 'uint8_t tinyffi_area');
      expect(checkContract(exportsAll, await headerDecls(h))).toContainEqual(
        expect.objectContaining({ rule: 'type-mismatch', symbol: 'tinyffi_area', position: 'return' }),
      );
      const r = buildAndRun('narrow-return', h, MAIN_GO);
      expect(r.built).toBe(true);
      // 307200 is 0x4B000: its low byte is 0
      expect(r.stdout).toContain('area=0\n');
    },
    180_000,
  );
});
