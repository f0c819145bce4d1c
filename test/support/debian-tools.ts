/**
 * Oracles from Debian packages: cbindgen (a second, independent reading of the crate source that
 * emits a C header) and the Go toolchain (a real cgo consumer). `.ci/run` installs both; on a
 * developer machine without them the oracle suites are skipped, in CI they must run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** True when `cmd args` runs and exits 0. */
export function hasTool(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/**
 * `describe` when the tools are there or when running in CI (where a missing tool must fail the
 * suite, not hide it), `describe.skip` otherwise.
 */
export function describeWithTools(present: boolean): jest.Describe {
  return present || process.env.CI === 'true' ? describe : describe.skip;
}

export function hasCbindgen(): boolean {
  return hasTool('cbindgen', ['--version']);
}

export function hasGo(): boolean {
  return hasTool('go', ['version']);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ffi-surface-guard-${prefix}-`));
}

/** The `[package] name` of a crate directory. */
export function crateName(dir: string): string {
  const manifest = fs.readFileSync(path.join(dir, 'Cargo.toml'), 'utf8');
  const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(manifest)?.[1];
  if (!name) throw new Error(`no package name in ${dir}/Cargo.toml`);
  return name;
}

/** Builds the crate at `dir` as a cdylib into `targetDir` and returns the path of the `.so`. */
export function buildCdylib(dir: string, targetDir: string): string {
  execFileSync('cargo', ['build', '--offline', '--quiet', '--manifest-path', path.join(dir, 'Cargo.toml')], {
    env: { ...process.env, CARGO_TARGET_DIR: targetDir, RUSTFLAGS: '-A warnings' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return path.join(targetDir, 'debug', `lib${crateName(dir).replace(/-/g, '_')}.so`);
}

/**
 * Copies a crate's sources (no `target/`) and rewrites the edition-2024 attribute forms
 * `#[unsafe(no_mangle)]` / `#[unsafe(export_name = "…")]` to their edition-2021 spelling, which
 * means the same thing: cbindgen 0.24 parses with syn 1, which rejects `unsafe(...)` attributes.
 */
export function copyForCbindgen(dir: string, to: string): string {
  fs.cpSync(dir, to, { recursive: true, filter: (src) => path.basename(src) !== 'target' });
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rs')) {
        const src = fs.readFileSync(p, 'utf8');
        const out = src.replace(/#\[unsafe\((no_mangle|export_name\s*=\s*"[^"]*")\)\]/g, '#[$1]');
        if (out !== src) fs.writeFileSync(p, out);
      }
    }
  };
  walk(to);
  return to;
}

export interface CbindgenResult {
  header: string;
  /** cbindgen's `WARN:` lines (why it skipped an item). */
  warnings: string[];
}

/**
 * `cbindgen --lang c --crate <name> <dir>`, offline (no `cargo metadata` of dependencies), with
 * `include` naming types to emit even when no exported function mentions them.
 */
export function runCbindgen(dir: string, include: string[]): CbindgenResult {
  const config = path.join(tempDir('cbindgen-config'), 'cbindgen.toml');
  fs.writeFileSync(
    config,
    [
      '[parse]',
      'parse_deps = false',
      '[layout]',
      'packed = "__attribute__((packed))"',
      '[export]',
      `include = [${include.map((n) => JSON.stringify(n)).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const r = spawnSync('cbindgen', ['--lang', 'c', '--config', config, '--crate', crateName(dir), dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cbindgen failed on ${dir}: ${r.stderr}`);
  const warnings = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('WARN:'))
    .map((l) => l.slice(5).trim());
  return { header: r.stdout, warnings };
}

export interface CFunction {
  name: string;
  params: string[];
  returns: string;
}

export interface CRecord {
  kind: 'struct' | 'union' | 'enum';
  /** Field names, or variant names for enums. */
  members: string[];
}

export interface CHeader {
  functions: Map<string, CFunction>;
  /** `extern <ret> name(...)`: cbindgen's rendering of a Rust `extern "C" { fn … }` import. */
  externFunctions: Map<string, CFunction>;
  /** `extern [const] T NAME;` */
  statics: Set<string>;
  defines: Map<string, string>;
  /** Complete struct/union/enum definitions. */
  records: Map<string, CRecord>;
  /** `typedef struct X X;` forward declarations of non-repr(C) types. */
  opaque: Set<string>;
  /** Other typedefs: function pointers, the integer typedef of a `repr(u8)` enum, ... */
  typedefs: Set<string>;
}

/** Splits at top-level occurrences of `sep` (outside (), {}, []). */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('({['.includes(ch)) depth++;
    if (')}]'.includes(ch)) depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

function parsePrototype(decl: string): CFunction | null {
  // `ret name(params)`: the name is the identifier before the first top-level `(`
  const m = /^(.*?)\b(\w+)\s*\((.*)\)$/s.exec(decl);
  if (!m) return null;
  const inner = m[3].trim();
  return {
    name: m[2],
    returns: m[1].trim(),
    params: inner === 'void' || inner === '' ? [] : splitTop(inner, ','),
  };
}

function members(kind: CRecord['kind'], body: string): string[] {
  if (kind === 'enum') return splitTop(body, ',').map((v) => v.split('=')[0].trim());
  return splitTop(body, ';').map((f) => {
    const name = /(\w+)\s*(\[[^\]]*\])?$/.exec(f)?.[1];
    if (!name) throw new Error(`unparsed field ${f}`);
    return name;
  });
}

/** Parses the subset of C that cbindgen's `--lang c` output uses. */
export function parseCHeader(text: string): CHeader {
  const h: CHeader = {
    functions: new Map(),
    externFunctions: new Map(),
    statics: new Set(),
    defines: new Map(),
    records: new Map(),
    opaque: new Set(),
    typedefs: new Set(),
  };
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const rest: string[] = [];
  for (const line of code.split('\n')) {
    const d = /^\s*#define\s+(\w+)\s+(.*)$/.exec(line);
    if (d) h.defines.set(d[1], d[2].trim());
    else if (!/^\s*#/.test(line)) rest.push(line);
  }
  for (const raw of splitTop(rest.join('\n'), ';')) {
    const stmt = raw.replace(/\s+/g, ' ').trim();
    let m: RegExpExecArray | null;
    if ((m = /^typedef (struct|union|enum)(?: __attribute__\(\(\w+\)\))? (\w+) \{(.*)\} (\w+)$/.exec(stmt))) {
      h.records.set(m[2], { kind: m[1] as CRecord['kind'], members: members(m[1] as CRecord['kind'], m[3]) });
    } else if ((m = /^(struct|union|enum)(?: __attribute__\(\(\w+\)\))? (\w+) \{(.*)\}$/.exec(stmt))) {
      h.records.set(m[2], { kind: m[1] as CRecord['kind'], members: members(m[1] as CRecord['kind'], m[3]) });
    } else if ((m = /^typedef (?:struct|union) (\w+) (\w+)$/.exec(stmt)) && m[1] === m[2]) {
      h.opaque.add(m[1]);
    } else if (stmt.startsWith('typedef ')) {
      const name = /\(\*\s*(\w+)\)/.exec(stmt)?.[1] ?? /(\w+)$/.exec(stmt)?.[1];
      if (!name) throw new Error(`unparsed typedef ${stmt}`);
      h.typedefs.add(name);
    } else if (stmt.startsWith('extern ')) {
      const body = stmt.slice('extern '.length);
      const f = body.endsWith(')') ? parsePrototype(body) : null;
      if (f) h.externFunctions.set(f.name, f);
      else {
        const name = /(\w+)$/.exec(body)?.[1];
        if (!name) throw new Error(`unparsed extern ${stmt}`);
        h.statics.add(name);
      }
    } else {
      const f = parsePrototype(stmt);
      if (!f) throw new Error(`unparsed declaration ${stmt}`);
      h.functions.set(f.name, f);
    }
  }
  return h;
}

/** Environment for an offline, hermetic `go build`: caches in `tmp`, no proxy, no toolchain download. */
export function goEnv(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOCACHE: path.join(tmp, 'gocache'),
    GOPATH: path.join(tmp, 'gopath'),
    GOPROXY: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GO111MODULE: 'on',
    CGO_ENABLED: '1',
    ...extra,
  };
}
