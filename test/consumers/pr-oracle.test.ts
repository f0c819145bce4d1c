/**
 * The compiler as the oracle of what the contract check reports on pull requests (issue 16, tests
 * that must exist): a small crate (`mini`, a cdylib) with a committed header and a cgo package that
 * `#include`s it and declares one export inline. Each pull request is analysed by the product
 * (analyseDiff on real git history) and built for real — the crate with `cargo build --offline`,
 * the Go program with `go build` (cgo) against the header and preamble of that revision — and
 * then with the header or prototype regenerated:
 * - (b) Rust widens a parameter the inline prototype still declares narrow: the program builds
 *   and prints the wrong value; `cgo-prototype-mismatch` names both file:lines; the prototype
 *   regenerated, it prints the right one;
 * - (a) a parameter added, the header not regenerated: the program still builds (nothing catches
 *   it) while `header-out-of-date` names both sides; with the header regenerated the compiler
 *   rejects the old call, and the updated call prints the right value;
 * - (c) an export removed that the header declares and Go calls: the link fails on exactly it;
 * - (d) an export no header declares: `undeclared-export`, and the program is unaffected;
 * - the cgo type view: `void *` → `Engine *` with the header regenerated is `source-breaking`;
 *   the report names the Go call site, and `go build` fails at exactly that line until the Go
 *   code is updated;
 * - the consistent project: no contract finding, no change, the right values.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDiff } from '../../src/app/analyse-diff';
import { computeReportFindings } from '../../src/app/findings';
import type { DiffReport } from '../../src/core/report';
import { gitIn, writeFiles } from '../support/action-runner';
import { buildCdylib, describeWithTools, goEnv, hasGo, tempDir } from '../support/debian-tools';
import { hasCargo } from '../support/cargo';

const LIB = [
  'use std::ffi::c_void;', // 1
  '',
  '#[repr(C)]', // 3
  'pub struct Engine {',
  '    pub n: u32,',
  '}',
  '',
  '#[no_mangle]', // 8
  'pub extern "C" fn mini_add(a: i32, b: i32) -> i32 {', // 9
  '    a + b',
  '}',
  '',
  '#[no_mangle]', // 13
  'pub extern "C" fn mini_version() -> u32 {', // 14
  '    1',
  '}',
  '',
  '#[no_mangle]', // 18
  'pub extern "C" fn mini_halve(v: i32) -> i32 {', // 19
  '    v / 2',
  '}',
  '',
  '#[no_mangle]', // 23
  'pub unsafe extern "C" fn mini_engine_n(e: *const c_void) -> u32 {', // 24
  '    (*(e as *const Engine)).n',
  '}',
  '',
].join('\n');

const header = (add: string, version: string | null, engine: string): string =>
  [
    '#ifndef MINI_H', // 1
    '#define MINI_H',
    '#include <stdint.h>',
    '',
    'typedef struct Engine {', // 5
    '  uint32_t n;',
    '} Engine;',
    '',
    add, // 9
    ...(version === null ? [] : [version]), // 10
    engine, // 11 (10 without the version)
    '',
    '#endif',
    '',
  ].join('\n');

const HEADER = header(
  'int32_t mini_add(int32_t a, int32_t b);',
  'uint32_t mini_version(void);',
  'uint32_t mini_engine_n(const void *e);',
);

const main = (o: { halve?: string; add?: string; version?: boolean; engine?: string } = {}): string =>
  [
    'package main', // 1
    '',
    '/*',
    '#cgo LDFLAGS: -lmini',
    '#include <stdint.h>',
    '#include "../include/mini.h"',
    '',
    o.halve ?? 'int32_t mini_halve(int32_t v);', // 8
    '*/',
    'import "C"',
    '',
    'import (',
    '\t"fmt"',
    '\t"unsafe"',
    ')',
    '',
    'var _ = unsafe.Pointer(nil)',
    '',
    'func main() {',
    '\te := C.Engine{n: 7}', // 20
    `\tfmt.Println("add", ${o.add ?? 'C.mini_add(1, 2)'})`, // 21
    `\tfmt.Println("version", ${o.version === false ? '0' : 'C.mini_version()'})`, // 22
    '\tfmt.Println("halve", C.mini_halve(-10))', // 23
    `\tfmt.Println("engine", ${o.engine ?? 'C.mini_engine_n(unsafe.Pointer(&e))'})`, // 24
    '}',
    '',
  ].join('\n');

const BASE: Record<string, string> = {
  'Cargo.toml':
    '[package]\nname = "mini"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n',
  'src/lib.rs': LIB,
  'include/mini.h': HEADER,
  'go/main.go': main(),
  'go/go.mod': 'module example.com/mini\n\ngo 1.19\n',
};

/** Each pull request's files on top of BASE. */
const PULLS: Record<string, Record<string, string | null>> = {
  consistent: { 'README.md': 'mini\n' },
  // (b) the parameter and return widened on the Rust side; the inline prototype left narrow
  widen: { 'src/lib.rs': LIB.replace('mini_halve(v: i32) -> i32', 'mini_halve(v: i64) -> i64') },
  // (a) a parameter added on the Rust side; the header left as it was
  param: {
    'src/lib.rs': LIB.replace(
      'mini_add(a: i32, b: i32) -> i32 {\n    a + b',
      'mini_add(a: i32, b: i32, c: i32) -> i32 {\n    a + b + c',
    ),
  },
  // (c) an export removed that the header declares and Go calls
  remove: { 'src/lib.rs': LIB.replace(/#\[no_mangle\]\npub extern "C" fn mini_version[^}]*}\n\n/, '') },
  // (d) a new export no header declares
  undeclared: { 'src/lib.rs': `${LIB}#[no_mangle]\npub extern "C" fn mini_extra() -> i32 {\n    7\n}\n` },
  // the cgo type view: the same ABI, a C declaration of another type; the header regenerated
  retype: {
    'src/lib.rs': LIB.replace(
      '(e: *const c_void) -> u32 {\n    (*(e as *const Engine)).n',
      '(e: *const Engine) -> u32 {\n    (*e).n',
    ),
    'include/mini.h': header(
      'int32_t mini_add(int32_t a, int32_t b);',
      'uint32_t mini_version(void);',
      'uint32_t mini_engine_n(const Engine *e);',
    ),
  },
};

const CONTRACT_FINDINGS = new Set(['declared-not-exported', 'undeclared-export', 'signature-mismatch']);
const CONTRACT_CHANGES = new Set(['header-out-of-date', 'cgo-prototype-mismatch']);

describeWithTools(hasGo() && hasCargo())(
  'pull requests against the compiler: what is reported is real',
  () => {
    let tmp = '';
    let repo = '';
    let baseSha = '';
    const heads: Record<string, string> = {};
    const libs = new Map<string, string>();

    beforeAll(() => {
      tmp = tempDir('pr-oracle');
      repo = path.join(tmp, 'repo');
      fs.mkdirSync(repo);
      gitIn(repo, 'init', '-q', '-b', 'main');
      writeFiles(repo, BASE);
      gitIn(repo, 'add', '-A');
      gitIn(repo, 'commit', '-qm', 'base');
      baseSha = gitIn(repo, 'rev-parse', 'HEAD');
      for (const [name, files] of Object.entries(PULLS)) {
        gitIn(repo, 'checkout', '-q', '-b', name, baseSha);
        writeFiles(repo, files);
        gitIn(repo, 'add', '-A');
        gitIn(repo, 'commit', '-qm', name);
        heads[name] = gitIn(repo, 'rev-parse', 'HEAD');
      }
    });
    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    const reportOf = async (pull: string): Promise<DiffReport> =>
      (
        await analyseDiff({
          root: repo,
          base: baseSha,
          head: heads[pull],
          features: { mode: 'default', features: [] },
          findings: computeReportFindings(),
        })
      ).report;

    /** The pull request's Rust side built once (one target directory: cargo rebuilds only the crate). */
    const libOf = (pull: string): string => {
      const known = libs.get(pull);
      if (known) return known;
      const dir = path.join(tmp, `crate-${pull}`);
      writeFiles(dir, { ...BASE, ...PULLS[pull] });
      const so = buildCdylib(dir, path.join(tmp, 'target'));
      const libDir = path.join(tmp, `lib-${pull}`);
      fs.mkdirSync(libDir);
      fs.copyFileSync(so, path.join(libDir, 'libmini.so'));
      libs.set(pull, libDir);
      return libDir;
    };

    let builds = 0;
    /** Builds the Go program of `pull` (with `files` replacing its header or main.go) and runs it. */
    const goRun = (
      pull: string,
      files: Record<string, string> = {},
    ): { built: boolean; log: string; stdout: string } => {
      const libDir = libOf(pull);
      const dir = path.join(tmp, `go-${pull}-${++builds}`);
      const merged: Record<string, string | null> = { ...BASE, ...PULLS[pull], ...files };
      writeFiles(dir, merged);
      const bin = path.join(dir, 'prog');
      const b = spawnSync('go', ['build', '-o', bin, '.'], {
        cwd: path.join(dir, 'go'),
        env: goEnv(tmp, { CGO_LDFLAGS: `-L${libDir}` }),
        encoding: 'utf8',
      });
      if (b.status !== 0) return { built: false, log: `${b.stdout}${b.stderr}`, stdout: '' };
      const r = spawnSync(bin, [], {
        env: { ...process.env, LD_LIBRARY_PATH: libDir },
        encoding: 'utf8',
        timeout: 20_000,
      });
      return { built: true, log: r.stderr, stdout: r.stdout };
    };

    it('the consistent project: nothing reported, and the program prints the right values', async () => {
      const r = await reportOf('consistent');
      expect(r.findings.filter((f) => CONTRACT_FINDINGS.has(f.rule))).toEqual([]);
      expect(r.changes).toEqual([]);
      const run = goRun('consistent');
      expect(run.log).toBe('');
      expect(run.stdout).toBe('add 3\nversion 1\nhalve -5\nengine 7\n');
    }, 300_000);

    it('(b) a widened parameter the inline prototype declares narrow: the wrong value, then the right one', async () => {
      const r = await reportOf('widen');
      const change = r.changes.find((c) => c.rule === 'cgo-prototype-mismatch');
      expect([change?.severity, change?.symbol, change?.file, change?.line]).toEqual([
        'breaking',
        'mini_halve',
        'go/main.go',
        8,
      ]);
      expect(change?.message).toContain('`int32_t` at go/main.go:8 and `i64` at src/lib.rs:19');
      expect(change?.consumers).toEqual([{ file: 'go/main.go', line: 23, via: 'call' }]);
      const finding = r.findings.find((f) => f.rule === 'signature-mismatch');
      expect([finding?.file, finding?.line]).toEqual(['go/main.go', 8]);
      expect(finding?.message).toContain('src/lib.rs:19');

      const stale = goRun('widen');
      expect(stale.built).toBe(true);
      const halve = /^halve (-?\d+)$/m.exec(stale.stdout)?.[1];
      // the 32-bit -10 arrives as a 64-bit 4294967286 (its upper half zero): halved, read back as 32 bits
      expect(halve).not.toBe('-5');
      expect(halve).toBe('2147483643');

      const fixed = goRun('widen', { 'go/main.go': main({ halve: 'int64_t mini_halve(int64_t v);' }) });
      expect(fixed.log).toBe('');
      expect(fixed.stdout).toBe('add 3\nversion 1\nhalve -5\nengine 7\n');
    }, 300_000);

    it('(a) a parameter added, the header not regenerated: it builds silently; regenerated, the compiler objects', async () => {
      const r = await reportOf('param');
      const change = r.changes.find((c) => c.rule === 'header-out-of-date');
      expect([change?.severity, change?.symbol, change?.file, change?.line]).toEqual([
        'breaking',
        'mini_add',
        'include/mini.h',
        9,
      ]);
      expect(change?.message).toContain(
        'declared at include/mini.h:9 with 2 parameters, defined at src/lib.rs:9 with 3',
      );
      expect(change?.consumers).toEqual([{ file: 'go/main.go', line: 21, via: 'call' }]);

      // nothing stops the stale build: the third argument is whatever the register holds
      const stale = goRun('param');
      expect(stale.built).toBe(true);

      const regenerated = header(
        'int32_t mini_add(int32_t a, int32_t b, int32_t c);',
        'uint32_t mini_version(void);',
        'uint32_t mini_engine_n(const void *e);',
      );
      const rejected = goRun('param', { 'include/mini.h': regenerated });
      expect(rejected.built).toBe(false);
      expect(rejected.log).toMatch(
        /main\.go:21:\d+: not enough arguments in call to \(?_?C(func_|\.)mini_add/,
      );
      const updated = goRun('param', {
        'include/mini.h': regenerated,
        'go/main.go': main({ add: 'C.mini_add(1, 2, 10)' }),
      });
      expect(updated.log).toBe('');
      expect(updated.stdout).toBe('add 13\nversion 1\nhalve -5\nengine 7\n');
    }, 300_000);

    it('(c) an export removed that the header declares and Go calls: the link fails on exactly it', async () => {
      const r = await reportOf('remove');
      expect(r.changes.filter((c) => c.consumers).map((c) => [c.rule, c.symbol, c.consumers])).toEqual([
        ['function-removed', 'mini_version', [{ file: 'go/main.go', line: 22, via: 'call' }]],
        ['header-out-of-date', 'mini_version', [{ file: 'go/main.go', line: 22, via: 'call' }]],
      ]);
      const finding = r.findings.find((f) => f.rule === 'declared-not-exported');
      expect([finding?.symbol, finding?.file, finding?.line]).toEqual(['mini_version', 'include/mini.h', 10]);
      expect(finding?.message).toContain('the base exported it at src/lib.rs:14');

      const stale = goRun('remove');
      expect(stale.built).toBe(false);
      expect([
        ...new Set([...stale.log.matchAll(/undefined reference to `(\w+)'/g)].map((m) => m[1])),
      ]).toEqual(['mini_version']);
      const regenerated = header(
        'int32_t mini_add(int32_t a, int32_t b);',
        null,
        'uint32_t mini_engine_n(const void *e);',
      );
      const fixed = goRun('remove', {
        'include/mini.h': regenerated,
        'go/main.go': main({ version: false }),
      });
      expect(fixed.log).toBe('');
      expect(fixed.stdout).toBe('add 3\nversion 0\nhalve -5\nengine 7\n');
    }, 300_000);

    it('(d) an export no header declares: a finding naming the header, and no consumer is affected', async () => {
      const r = await reportOf('undeclared');
      expect(
        r.findings
          .filter((f) => CONTRACT_FINDINGS.has(f.rule))
          .map((f) => [f.rule, f.symbol, f.file, f.line]),
      ).toEqual([['undeclared-export', 'mini_extra', 'src/lib.rs', 28]]);
      expect(r.findings.find((f) => f.rule === 'undeclared-export')?.message).toContain(
        'declare it in include/mini.h',
      );
      expect(r.changes.map((c) => c.rule)).toEqual(['function-added']);
      const run = goRun('undeclared');
      expect(run.stdout).toBe('add 3\nversion 1\nhalve -5\nengine 7\n');
    }, 300_000);

    it('the cgo type view: void * to Engine * names the Go call that stops compiling, and go build agrees', async () => {
      const r = await reportOf('retype');
      expect(r.findings.filter((f) => CONTRACT_FINDINGS.has(f.rule))).toEqual([]);
      expect(r.changes.filter((c) => CONTRACT_CHANGES.has(c.rule))).toEqual([]);
      const change = r.changes.find((c) => c.rule === 'c-declaration-changed');
      expect([change?.severity, change?.symbol, change?.consumers]).toEqual([
        'source-breaking',
        'mini_engine_n',
        [{ file: 'go/main.go', line: 24, via: 'call' }],
      ]);

      const stale = goRun('retype');
      expect(stale.built).toBe(false);
      // the one error is at the call site the report names
      const errors = [...stale.log.matchAll(/main\.go:(\d+):\d+: /g)].map((m) => Number(m[1]));
      expect([...new Set(errors)]).toEqual([24]);
      expect(stale.log).toContain('unsafe.Pointer');

      const updated = goRun('retype', { 'go/main.go': main({ engine: 'C.mini_engine_n(&e)' }) });
      expect(updated.log).toBe('');
      expect(updated.stdout).toBe('add 3\nversion 1\nhalve -5\nengine 7\n');
    }, 300_000);
  },
);
