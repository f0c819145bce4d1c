/**
 * The consumers' contract check in the product (issue 16 items 1–3): `analyseDiff` on real git
 * history of a crate with a committed header (include/mini.h) and a cgo package (go/main.go,
 * `#include`ing the header and declaring one more export inline). Each PR's contradictions are
 * findings naming both file:line sides; the Go call sites of a removed export are on its change.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseDiff } from '../../src/app/analyse-diff';
import { computeReportFindings } from '../../src/app/findings';
import { readConsumers } from '../../src/app/consumers';
import { loadCParser, loadGoParser } from '../../src/adapters/consumer-parsers';
import { MemoryTree } from '../../src/core/source-tree';
import type { Change, DiffReport, Finding } from '../../src/core/report';
import type { Surface } from '../../src/core/model';
import { renderMarkdown } from '../../src/core/render/report-markdown';
import { renderText } from '../../src/core/render/report-text';
import { gitIn, writeFiles } from '../support/action-runner';

const LIB = [
  '#[no_mangle]', // 1
  'pub extern "C" fn mini_add(a: i32, b: i32) -> i32 {', // 2
  '    a + b',
  '}',
  '',
  '#[no_mangle]', // 6
  'pub extern "C" fn mini_version() -> u32 {', // 7
  '    1',
  '}',
  '',
  '#[no_mangle]', // 11
  'pub extern "C" fn mini_twice(v: i32) -> i32 {', // 12
  '    v * 2',
  '}',
  '',
].join('\n');

const HEADER = [
  '#ifndef MINI_H', // 1
  '#define MINI_H',
  '#include <stdint.h>',
  '#ifdef __cplusplus',
  'extern "C" {',
  '#endif',
  'int32_t mini_add(int32_t a, int32_t b);', // 7
  'uint32_t mini_version(void);', // 8
  '#ifdef __cplusplus',
  '}',
  '#endif',
  '#endif',
  '',
].join('\n');

const MAIN_GO = [
  'package main', // 1
  '',
  '/*',
  '#cgo LDFLAGS: -lmini',
  '#include <stdint.h>',
  '#include "../include/mini.h"',
  '',
  'int32_t mini_twice(int32_t v);', // 8
  '*/',
  'import "C"',
  '',
  'import "fmt"',
  '',
  'func main() {',
  '\tfmt.Println(C.mini_add(1, 2))', // 15
  '\tfmt.Println(C.mini_version())', // 16
  '\tfmt.Println(C.mini_twice(21))', // 17
  '}',
  '',
].join('\n');

const BASE_FILES = {
  'Cargo.toml':
    '[package]\nname = "mini"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n',
  'src/lib.rs': LIB,
  'include/mini.h': HEADER,
  'go/main.go': MAIN_GO,
  'go/go.mod': 'module example.com/mini\n\ngo 1.19\n',
};

let root = '';
let base = '';
const heads: Record<string, string> = {};

function branch(name: string, files: Record<string, string | null>, from = base): void {
  gitIn(root, 'checkout', '-q', '-b', name, from);
  writeFiles(root, files);
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-q', '-m', name);
  heads[name] = gitIn(root, 'rev-parse', 'HEAD');
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-consumers-'));
  gitIn(root, 'init', '-q', '-b', 'main');
  writeFiles(root, BASE_FILES);
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-q', '-m', 'base');
  base = gitIn(root, 'rev-parse', 'HEAD');
  branch('consistent', { 'README.md': 'mini\n', 'src/lib.rs': LIB + '// a comment\n' });
  // (a) a parameter added on the Rust side, the header not regenerated
  branch('param', { 'src/lib.rs': LIB.replace('(a: i32, b: i32)', '(a: i32, b: i32, c: i32)') });
  // (b) a type widened on the Rust side that the inline cgo prototype still declares narrow
  branch('widen', { 'src/lib.rs': LIB.replace('mini_twice(v: i32) -> i32', 'mini_twice(v: i64) -> i64') });
  // (c) an export the header declares and Go calls, removed
  branch('remove', {
    'src/lib.rs': LIB.replace(/#\[no_mangle\]\npub extern "C" fn mini_version[^}]*}\n/, ''),
  });
  // a hostile header name and a stray declaration in it
  branch('hostile', { 'include/<b>x</b>`|.h': 'uint32_t mini_version(void);\nvoid mini_gone(void);\n' });
  // on top of (a): an unrelated edit, the header still out of date
  branch('param-later', { 'README.md': 'later\n' }, heads.param);
  // the header edited by hand, the Rust side unchanged
  branch('header-only', {
    'include/mini.h': HEADER.replace('uint32_t mini_version', 'uint64_t mini_version'),
  });
  // (d) a new export that no header declares
  branch('undeclared', {
    'src/lib.rs': LIB + '#[no_mangle]\npub extern "C" fn mini_extra() -> i32 {\n    7\n}\n',
  });
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function reportOf(head: string, from = base): Promise<DiffReport> {
  const a = await analyseDiff({
    root,
    base: from,
    head: heads[head],
    features: { mode: 'default', features: [] },
    findings: computeReportFindings(),
  });
  return a.report;
}

const CONTRACT = new Set(['declared-not-exported', 'undeclared-export', 'signature-mismatch']);
const contract = (r: DiffReport): Finding[] => r.findings.filter((f) => CONTRACT.has(f.rule));
const CONTRACT_CHANGES = new Set(['header-out-of-date', 'cgo-prototype-mismatch']);
const contractChanges = (r: DiffReport): Change[] => r.changes.filter((c) => CONTRACT_CHANGES.has(c.rule));

describe('the contract check in the diff report', () => {
  it('reports nothing on a consistent project', async () => {
    const r = await reportOf('consistent');
    expect(contract(r)).toEqual([]);
    expect(r.changes).toEqual([]);
  });

  it('(a) a parameter added without regenerating the header: signature-mismatch, both sides', async () => {
    const r = await reportOf('param');
    const found = contract(r);
    expect(found.map((f) => [f.rule, f.level, f.symbol, f.file, f.line])).toEqual([
      ['signature-mismatch', 'high', 'mini_add', 'include/mini.h', 7],
    ]);
    expect(found[0].message).toContain('include/mini.h:7');
    expect(found[0].message).toContain('src/lib.rs:2');
    expect(found[0].message).toContain('2 parameters in C, 3 in Rust');
    expect(found[0].crate).toBe('mini');
    // the pull request introduced it: a change of its own, both sides, and the Go call site
    const changes = contractChanges(r);
    expect(changes.map((c) => [c.rule, c.severity, c.kind, c.symbol, c.crate, c.file, c.line])).toEqual([
      ['header-out-of-date', 'breaking', 'function', 'mini_add', 'mini', 'include/mini.h', 7],
    ]);
    expect(changes[0].message).toBe(
      '`mini_add` in include/mini.h now disagrees with Rust: declared at include/mini.h:7 with 2 parameters, defined at src/lib.rs:2 with 3: callers pass the wrong arguments; regenerate the header',
    );
    expect(changes[0].consumers).toEqual([{ file: 'go/main.go', line: 15, via: 'call' }]);
  });

  it('a problem the base already had is a finding, not a change of this pull request', async () => {
    const r = await reportOf('param-later', heads.param);
    expect(r.changes).toEqual([]);
    expect(r.requiredBump).toBe('none');
    expect(contract(r).map((f) => [f.rule, f.symbol])).toEqual([['signature-mismatch', 'mini_add']]);
  });

  it('a header edited by hand (Rust unchanged) is the only change: breaking, and the digest binds it', async () => {
    const r = await reportOf('header-only');
    expect(r.changes.map((c) => [c.rule, c.severity, c.symbol, c.file, c.line])).toEqual([
      ['header-out-of-date', 'breaking', 'mini_version', 'include/mini.h', 8],
    ]);
    expect(r.changes[0].message).toContain(
      'the return type is `uint64_t` at include/mini.h:8 and `u32` at src/lib.rs:7 (size; LP64, LLP64)',
    );
    expect(r.requiredBump).toBe('major');
    const consistent = await reportOf('consistent');
    expect(r.deltaDigest).not.toBe(consistent.deltaDigest);
  });

  it('(b) a type widened that the inline cgo prototype declares narrow: the preamble line and the Rust line', async () => {
    const r = await reportOf('widen');
    const found = contract(r);
    expect(found.map((f) => [f.rule, f.symbol, f.file, f.line])).toEqual([
      ['signature-mismatch', 'mini_twice', 'go/main.go', 8],
    ]);
    expect(found[0].message).toContain('src/lib.rs:12');
    expect(found.map((f) => f.message).join('\n')).toContain(
      'parameter 1 is `int32_t` in C and `i64` in Rust (size',
    );
    // the change names the Go call site
    const change = r.changes.find((c) => c.symbol === 'mini_twice');
    expect(change?.severity).toBe('breaking');
    expect(change?.consumers).toEqual([{ file: 'go/main.go', line: 17, via: 'call' }]);
    const changes = contractChanges(r);
    expect(changes.map((c) => [c.rule, c.severity, c.symbol, c.file, c.line])).toEqual([
      ['cgo-prototype-mismatch', 'breaking', 'mini_twice', 'go/main.go', 8],
    ]);
    expect(changes[0].message).toBe(
      '`mini_twice` in the cgo preamble of go/main.go now disagrees with Rust: parameter 1 is `int32_t` at go/main.go:8 and `i64` at src/lib.rs:12 (size; LP64, LLP64): consumers read the wrong value; the return type is `int32_t` at go/main.go:8 and `i64` at src/lib.rs:12 (size; LP64, LLP64): consumers read the wrong value; update the prototype',
    );
    expect(changes[0].consumers).toEqual([{ file: 'go/main.go', line: 17, via: 'call' }]);
  });

  it('(c) an export removed that the header declares and Go calls: declared-not-exported and the call site', async () => {
    const r = await reportOf('remove');
    const found = contract(r);
    expect(found.map((f) => [f.rule, f.level, f.symbol, f.file, f.line])).toEqual([
      ['declared-not-exported', 'high', 'mini_version', 'include/mini.h', 8],
    ]);
    expect(found[0].message).toContain('include/mini.h:8');
    expect(found[0].message).toContain('the base exported it at src/lib.rs:7');
    const removed = r.changes.find((c) => c.symbol === 'mini_version');
    expect(removed?.rule).toBe('function-removed');
    expect(removed?.consumers).toEqual([{ file: 'go/main.go', line: 16, via: 'call' }]);
    // the header still declares it: a change of its own, naming the same call site
    expect(
      contractChanges(r).map((c) => [c.rule, c.severity, c.symbol, c.file, c.line, c.consumers]),
    ).toEqual([
      [
        'header-out-of-date',
        'breaking',
        'mini_version',
        'include/mini.h',
        8,
        [{ file: 'go/main.go', line: 16, via: 'call' }],
      ],
    ]);
    expect(contractChanges(r)[0].message).toContain(
      'declared at include/mini.h:8 but exported by no Rust code',
    );
    // the other changes name no consumer
    expect(
      r.changes
        .filter((c) => c.consumers)
        .map((c) => c.rule)
        .sort(),
    ).toEqual(['function-removed', 'header-out-of-date']);
    expect(renderText(r)).toContain('called from go/main.go:16');
    expect(renderMarkdown(r)).toContain('called from go/main.go:16');
  });

  it('(d) a new export no header declares: undeclared-export naming the header it belongs in', async () => {
    const r = await reportOf('undeclared');
    const found = contract(r);
    expect(found.map((f) => [f.rule, f.level, f.symbol, f.file, f.line])).toEqual([
      ['undeclared-export', 'medium', 'mini_extra', 'src/lib.rs', 16],
    ]);
    expect(found[0].message).toContain('src/lib.rs:16');
    expect(found[0].message).toContain('declare it in include/mini.h');
    // an undeclared export breaks no consumer: a finding, no change beyond the addition
    expect(r.changes.map((c) => c.rule)).toEqual(['function-added']);
  });

  it('is off without findings, and a level off in the policy silences it', async () => {
    const off = await analyseDiff({
      root,
      base,
      head: heads.param,
      features: { mode: 'default', features: [] },
    });
    expect(off.report.findings).toEqual([]);
    const silenced = await analyseDiff({
      root,
      base,
      head: heads.param,
      features: { mode: 'default', features: [] },
      findings: computeReportFindings(),
      consumers: { policy: { levels: { 'signature-mismatch': 'off' } } },
    });
    expect(contract(silenced.report)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('escapes the header path in Markdown and text', async () => {
    const r = await reportOf('hostile');
    expect(contract(r).map((f) => [f.rule, f.symbol, f.file])).toEqual([
      ['declared-not-exported', 'mini_gone', 'include/<b>x</b>`|.h'],
    ]);
    const md = renderMarkdown(r);
    expect(md).toContain('mini_gone');
    expect(md).not.toContain('<b>');
    expect(contractChanges(r).map((c) => [c.rule, c.symbol, c.file])).toEqual([
      ['header-out-of-date', 'mini_gone', 'include/<b>x</b>`|.h'],
    ]);
    expect(renderText(r)).toContain('include/<b>x</b>`|.h:2');
  });
});

describe('readConsumers', () => {
  const surface = (symbols: string[]): Surface =>
    ({
      crates: [
        {
          name: 'x',
          items: symbols.map((s, i) => ({
            kind: 'function',
            name: s,
            symbol: s,
            params: [],
            variadic: false,
            returns: null,
            file: 'src/lib.rs',
            line: i + 1,
          })),
        },
      ],
    }) as unknown as Surface;

  it('ignores headers that declare no export (auto), and reads only the configured ones when set', async () => {
    const parsers = { c: loadCParser, go: loadGoParser };
    const tree = new MemoryTree({
      'vendor/zlib.h': 'int deflate(void);\n',
      'include/x.h': 'void x_one(void);\nvoid x_gone(void);\n',
    });
    const auto = await readConsumers(tree, surface(['x_one']), null, parsers);
    expect(auto.findings.map((f) => [f.rule, f.symbol, f.file])).toEqual([
      ['declared-not-exported', 'x_gone', 'include/x.h'],
    ]);
    const configured = await readConsumers(tree, surface(['x_one']), null, parsers, {
      headers: ['vendor/*.h'],
    });
    // x_one is then declared nowhere, and vendor/zlib.h speaks for no crate export: only the stray declaration
    expect(configured.findings.map((f) => [f.rule, f.symbol])).toEqual([
      ['declared-not-exported', 'deflate'],
    ]);
  });

  it('a declaration of an export the source gates behind a feature that is off is no finding', async () => {
    const parsers = { c: loadCParser, go: loadGoParser };
    const tree = new MemoryTree({
      'include/x.h':
        'void x_one(void);\n#if defined(X_FEAT)\nvoid x_feat(void);\n#endif\nvoid x_gone(void);\n',
    });
    const head = surface(['x_one']);
    (head.crates[0] as { gated?: unknown }).gated = [
      {
        kind: 'function',
        name: 'x_feat',
        symbol: 'x_feat',
        cfg: 'feature = "feat"',
        file: 'src/lib.rs',
        line: 9,
      },
    ];
    const view = await readConsumers(tree, head, null, parsers);
    expect(view.findings.map((f) => [f.rule, f.symbol])).toEqual([['declared-not-exported', 'x_gone']]);
  });

  it('keeps a bound: an oversized header is a warning and suppresses undeclared-export', async () => {
    const parsers = { c: loadCParser, go: loadGoParser };
    const tree = new MemoryTree({
      'include/x.h': 'void x_one(void);\n',
      'include/big.h': 'void x_one(void);\n' + '/*' + 'a'.repeat(1024 * 1024) + '*/\n',
    });
    const view = await readConsumers(tree, surface(['x_one', 'x_two']), null, parsers);
    expect(view.warnings.some((w) => w.includes('include/big.h'))).toBe(true);
    expect(view.findings).toEqual([]);
  });

  it('says in one warning which headers were not read completely (a C++ API gives one per header)', async () => {
    const parsers = { c: loadCParser, go: loadGoParser };
    const files: Record<string, string> = { 'include/x.h': 'void x_one(void);\n' };
    // C++ the C grammar reads with errors, one header per class as in wasmtime's c-api
    for (let i = 0; i < 8; i++)
      files[`include/c${i}.hh`] =
        `void x_one(void);\nnamespace wasmtime {\ntemplate <typename T> class C${i} {\n public:\n  C${i}(T t);\n};\n}\n`;
    const view = await readConsumers(new MemoryTree(files), surface(['x_one']), null, parsers);
    const incomplete = view.warnings.filter((w) => w.includes('not read completely'));
    expect(incomplete).toEqual([
      'consumers: 8 headers were not read completely (include/c0.hh, include/c1.hh, include/c2.hh, include/c3.hh, include/c4.hh, and 3 more); undeclared exports are not reported for them',
    ]);
    const one = await readConsumers(
      new MemoryTree({ 'include/x.h': files['include/x.h'], 'include/c0.hh': files['include/c0.hh'] }),
      surface(['x_one']),
      null,
      parsers,
    );
    expect(one.warnings.filter((w) => w.includes('not read completely'))).toEqual([
      'consumers: include/c0.hh was not read completely; undeclared exports are not reported for them',
    ]);
  });

  it('an inline cgo prototype of another library is not a Rust declaration', async () => {
    const parsers = { c: loadCParser, go: loadGoParser };
    const tree = new MemoryTree({
      'main.go':
        'package main\n\n/*\n#include <zlib.h>\nint other(int);\nvoid x_one(void);\n*/\nimport "C"\n\nfunc main() { C.x_one(); C.other(1) }\n',
    });
    const view = await readConsumers(tree, surface(['x_one']), null, parsers);
    expect(view.findings).toEqual([]);
    expect([...view.callSites]).toEqual([['x_one', [{ file: 'main.go', line: 10, via: 'call' }]]]);
  });
});
