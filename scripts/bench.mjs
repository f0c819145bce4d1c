// `npm run bench`: the performance targets of issue 19 and SPEC section 9, measured on generated
// workspaces, printed as ratios measured in the same run beside their targets.
//
// Every ratio compares two things timed in this process, alternately (a warm-up each, then rounds
// in rotating order; medians), so that a loaded machine slows both sides:
//   1. full extract of a wasmtime-shaped workspace (scripts/bench-wasmtime.mjs: ~85 crates, path
//      dependencies through [workspace.dependencies], exports made by macro_rules in a C-API crate)
//      against `git grep -l -F -e no_mangle -e export_name` spawned from this process:
//      - the engine in-process (extractSurface on the work tree, bundle already loaded) / git grep,
//        target ≤ 3×;
//      - the whole command (`node dist/cli.js extract`) / (`node -e 0` + git grep), target ≤ 5×;
//   2. `diff` of a 20-file pull request on a 10,000-file workspace against `git grep … HEAD`
//      (the diff reads git objects): engine (analyseDiff in-process) ≤ 1×, whole command ≤ 3×;
//   3. extract of one generated C-API crate against `cbindgen --lang c -o /dev/null` in the crate
//      directory (when cbindgen is installed; run offline), whole command / cbindgen ≤ 2×;
//   4. peak RSS of `extract` at 100,000 files, work tree and `--rev HEAD`, each in a child
//      process (< 200 MB);
//   5. start-up: `node dist/cli.js --version` (< 0.3 s), beside `node -e 0`.
// It ends with a table: measure, value, target, met?
//
// Options: --quick (small sizes, one round: for the test that checks every line is printed),
// --runs N (rounds, default 5), --wasmtime-files N (2000), --files N (10000), --rss-files N
// (100000), --keep (keep the temporary directory); FSG_DIST_DIR=dir benchmarks another build of
// the bundle than dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCapiCrate, generateWasmtime, rng } from './bench-wasmtime.mjs';

export { rng };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.FSG_DIST_DIR ? path.resolve(process.env.FSG_DIST_DIR) : path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'cli.js');
const require = createRequire(path.join(ROOT, 'package.json'));

// ---------------------------------------------------------------------------------------------
// The plain workspace (deterministic): N crates of about `files` .rs files, a few hundred exports
// ---------------------------------------------------------------------------------------------

const TYPES = ['u8', 'u16', 'u32', 'u64', 'i32', 'i64', 'f64', 'usize', 'bool'];

function plainFunction(r, id) {
  const t = TYPES[Math.floor(r() * TYPES.length)];
  const variants = [
    `/// Counts the lines of \`input\`.
pub fn count_lines_${id}(input: &[u8]) -> usize {
    let mut count = 0;
    for b in input {
        if *b == b'\\n' {
            count += 1;
        }
    }
    count
}
`,
    `pub(crate) fn lookup_${id}(map: &HashMap<String, ${t}>, key: &str) -> Option<${t}> {
    match map.get(key) {
        Some(v) => Some(*v),
        None => {
            let fallback = key.len() % 7;
            if fallback == 0 { None } else { map.values().next().copied() }
        }
    }
}
`,
    `fn checksum_${id}(data: &[u8]) -> u32 {
    // Adler-32, written out for the benchmark's sake.
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}
`,
    `impl Widget${id} {
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self { id, name: name.into(), values: Vec::with_capacity(8) }
    }

    pub fn push(&mut self, v: f64) -> &mut Self {
        self.values.push(v);
        self
    }

    pub fn total(&self) -> f64 {
        self.values.iter().copied().sum::<f64>()
    }
}
`,
  ];
  return variants[Math.floor(r() * variants.length)];
}

function exportBlock(r, crate, id) {
  const kind = Math.floor(r() * 4);
  if (kind === 0)
    return `/// Creates a handle.
///
/// # Safety
/// \`name\` must be a valid NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn ${crate}_create_${id}(name: *const c_char, flags: u32) -> *mut Handle${id} {
    if name.is_null() {
        return std::ptr::null_mut();
    }
    let _ = CStr::from_ptr(name);
    Box::into_raw(Box::new(Handle${id} { flags, len: 0 }))
}

#[repr(C)]
pub struct Handle${id} {
    pub flags: u32,
    pub len: usize,
}
`;
  if (kind === 1)
    return `#[export_name = "${crate}_version_${id}"]
pub extern "C" fn version_${id}() -> u32 {
    ${id}
}
`;
  if (kind === 2)
    return `#[no_mangle]
pub static ${crate.toUpperCase()}_LIMIT_${id}: usize = ${id * 16};
`;
  return `#[no_mangle]
pub extern "C" fn ${crate}_sum_${id}(ptr: *const u8, len: usize) -> u64 {
    let data = unsafe { std::slice::from_raw_parts(ptr, len) };
    data.iter().map(|&b| u64::from(b)).sum()
}
`;
}

function rustFile(r, opts) {
  const { id, crate, exported } = opts;
  let out = `//! Module ${id} of ${crate}: generated for the benchmark.
use std::collections::HashMap;
use std::fmt;
${exported ? 'use std::ffi::CStr;\nuse std::os::raw::c_char;\n' : ''}
/// A widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget${id} {
    pub id: u64,
    name: String,
    values: Vec<f64>,
}

impl fmt::Display for Widget${id} {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{} ({} values)", self.name, self.id, self.values.len())
    }
}

`;
  const target = 1000 + Math.floor(r() * 2000);
  let n = 0;
  while (out.length < target) out += '\n' + plainFunction(r, `${id}_${n++}`);
  if (exported) out += '\n' + exportBlock(r, crate, id);
  out += `
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_${id}_displays() {
        let w = Widget${id} { id: 1, name: "w".into(), values: vec![] };
        assert_eq!(w.to_string(), "w#1 (0 values)");
    }
}
`;
  return out;
}

/**
 * Writes the workspace below `dir`. Returns counts and the list of generated module files (the
 * diff benchmark picks the files a pull request touches from it).
 */
export function generateWorkspace(dir, { crates = 20, files = 10_000, exports = 300, seed = 42 } = {}) {
  const r = rng(seed);
  fs.mkdirSync(dir, { recursive: true });
  const members = [];
  const perCrate = Math.ceil(files / crates);
  const dirsPerCrate = Math.max(1, Math.round(Math.sqrt(perCrate)));
  const leavesPerDir = Math.max(1, Math.ceil((perCrate - 1 - dirsPerCrate) / dirsPerCrate));
  const exportChance = exports / files;
  let rsFiles = 0;
  let exported = 0;
  let bytes = 0;
  const moduleFiles = [];
  const write = (rel, text) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    if (rel.endsWith('.rs')) {
      rsFiles++;
      bytes += text.length;
    }
  };
  for (let c = 0; c < crates; c++) {
    const name = `crate${String(c).padStart(2, '0')}`;
    members.push(`crates/${name}`);
    write(
      `crates/${name}/Cargo.toml`,
      `[package]\nname = "${name}"\nversion = "0.${c}.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[features]\ndefault = []\nextra = []\n`,
    );
    const mods = [];
    for (let d = 0; d < dirsPerCrate; d++) {
      mods.push(`pub mod m${d};`);
      const leaves = [];
      for (let f = 0; f < leavesPerDir; f++) {
        leaves.push(`pub mod f${f};`);
        const isExport = r() < exportChance;
        if (isExport) exported++;
        const rel = `crates/${name}/src/m${d}/f${f}.rs`;
        write(rel, rustFile(r, { id: `${c}_${d}_${f}`, crate: name, exported: isExport }));
        moduleFiles.push(rel);
      }
      // alternate the two layouts: m/mod.rs and m.rs + m/
      const modFile = d % 2 === 0 ? `crates/${name}/src/m${d}/mod.rs` : `crates/${name}/src/m${d}.rs`;
      write(modFile, `//! Directory module ${d}.\n${leaves.join('\n')}\n`);
    }
    write(
      `crates/${name}/src/lib.rs`,
      `//! ${name}: generated for the benchmark.\n#![allow(dead_code)]\n\n${mods.join('\n')}\n\n#[no_mangle]\npub extern "C" fn ${name}_abi_version() -> u32 {\n    1\n}\n`,
    );
    exported++;
  }
  write('Cargo.toml', `[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n`);
  return { rsFiles, exported, bytes, moduleFiles };
}

function git(dir, args, opts = {}) {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@example.com',
      '-c',
      'commit.gpgsign=false',
      // no background `git gc --auto` after committing 100,000 files: it would still be writing
      // into .git when the bench removes its directory
      '-c',
      'gc.auto=0',
      '-c',
      'maintenance.auto=false',
      ...args,
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts },
  );
}

export function commitAll(dir, message = 'workspace') {
  if (!fs.existsSync(path.join(dir, '.git'))) git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** Commits a change to `touch` files of the workspace; returns { base, head, touched }. */
export function makePullRequest(dir, moduleFiles, { touch = 20, seed = 7 } = {}) {
  const r = rng(seed);
  const base = git(dir, ['rev-parse', 'HEAD']).trim();
  const picked = new Set();
  while (picked.size < Math.min(touch, moduleFiles.length))
    picked.add(moduleFiles[Math.floor(r() * moduleFiles.length)]);
  const touched = [...picked].sort();
  touched.forEach((rel, i) => {
    const abs = path.join(dir, rel);
    let text = fs.readFileSync(abs, 'utf8');
    if (i === 0)
      text += `\n#[no_mangle]\npub extern "C" fn bench_pr_added(ptr: *mut u8, len: usize) -> i32 {\n    let _ = (ptr, len);\n    0\n}\n`;
    else if (i === 1)
      text += `\n#[no_mangle]\npub extern "C" fn bench_pr_changed(flags: u64) -> u32 {\n    flags as u32\n}\n`;
    else text = text.replace(/^\/\/! .*$/m, (m) => `${m} (edited by the pull request)`);
    fs.writeFileSync(abs, text);
  });
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'pull request']);
  return { base, head: git(dir, ['rev-parse', 'HEAD']).trim(), touched };
}

/** The change rules a diff report holds, e.g. `function-added ×2`. */
function changeSummary(report) {
  const counts = new Map();
  for (const c of report.changes) counts.set(c.rule, (counts.get(c.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'no changes';
}

/** Bundles the engine from src/ into one CommonJS file (with the .wasm beside it) and loads it. */
export async function loadEngine(tmp) {
  const { build } = require('esbuild');
  const entry = path.join(tmp, 'engine-entry.ts');
  fs.writeFileSync(
    entry,
    [
      `export { extractSurface } from ${JSON.stringify(path.join(ROOT, 'src/core/extract/extract-surface'))};`,
      `export { FileSystemTree } from ${JSON.stringify(path.join(ROOT, 'src/adapters/file-system-tree'))};`,
      `export { GitRevisionTree } from ${JSON.stringify(path.join(ROOT, 'src/adapters/git-revision-tree'))};`,
      `export { loadRustParser } from ${JSON.stringify(path.join(ROOT, 'src/adapters/tree-sitter-parser'))};`,
      `export { analyseDiff } from ${JSON.stringify(path.join(ROOT, 'src/app/analyse-diff'))};`,
      `export { computeReportFindings } from ${JSON.stringify(path.join(ROOT, 'src/app/findings'))};`,
      `export { lex } from ${JSON.stringify(path.join(ROOT, 'src/core/rust/lexer'))};`,
    ].join('\n'),
  );
  const outfile = path.join(tmp, 'engine.cjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  });
  fs.copyFileSync(
    require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    path.join(tmp, 'web-tree-sitter.wasm'),
  );
  fs.copyFileSync(
    require.resolve('tree-sitter-rust/tree-sitter-rust.wasm'),
    path.join(tmp, 'tree-sitter-rust.wasm'),
  );
  return createRequire(outfile)(outfile);
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Spawns a command and returns its wall time; throws when it fails. */
function spawnTimed(cmd, args, { cwd, env, okCodes = [0] } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status))
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr ?? '').split('\n')[0]}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Times each task (an async function returning its result) after one warm-up each, in `runs`
 * rounds whose order rotates, and returns per task the median time and the last result.
 */
async function alternate(tasks, runs, { warmUp = true } = {}) {
  const names = Object.keys(tasks);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const last = {};
  const once = async (n) => {
    const t0 = performance.now();
    const result = await tasks[n]();
    const ms = result && typeof result.ms === 'number' ? result.ms : performance.now() - t0;
    last[n] = result;
    return ms;
  };
  if (warmUp) for (const n of names) await once(n); // JIT, page cache
  for (let round = 0; round < runs; round++)
    for (let k = 0; k < names.length; k++) {
      const n = names[(k + round) % names.length];
      times[n].push(await once(n));
    }
  return Object.fromEntries(names.map((n) => [n, { ms: median(times[n]), result: last[n] }]));
}

/** A preload script that writes the child's peak RSS (KB) to FSG_RSS_FILE when it exits. */
function rssProbe(tmp) {
  const file = path.join(tmp, 'rss-probe.cjs');
  fs.writeFileSync(
    file,
    `process.on('exit', () => { require('fs').writeFileSync(process.env.FSG_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n`,
  );
  return file;
}

/** Runs the CLI once in a child process; its wall time, peak RSS and parsed JSON output. */
function cliChild(args, tmp) {
  const rssFile = path.join(tmp, 'rss.txt');
  const env = { ...process.env, FSG_RSS_FILE: rssFile };
  const r = spawnTimed(process.execPath, ['-r', rssProbe(tmp), CLI, ...args], { cwd: tmp, env });
  return { ms: r.ms, rssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024, json: JSON.parse(r.stdout) };
}

/** The CLI as users run it (no probe): wall time and parsed JSON output. */
function cliTimed(args, tmp, okCodes) {
  const r = spawnTimed(process.execPath, [CLI, ...args], { cwd: tmp, okCodes });
  return { ms: r.ms, json: args.includes('json') ? JSON.parse(r.stdout) : r.stdout };
}

const GREP = ['grep', '-l', '-F', '-e', 'no_mangle', '-e', 'export_name'];

/** `git grep -l -F -e no_mangle -e export_name [REV]`: wall time and the files it lists. */
function gitGrep(dir, rev) {
  const r = spawnTimed('git', rev ? [...GREP, rev] : GREP, { cwd: dir, okCodes: [0, 1] });
  return { ms: r.ms, files: r.stdout.split('\n').filter(Boolean).length };
}

function nodeZero() {
  return spawnTimed(process.execPath, ['-e', '0']);
}

/** Wraps the parser to count what reaches tree-sitter. */
function countingParser(parser, counts) {
  return {
    parse(text) {
      const t0 = performance.now();
      const tree = parser.parse(text);
      counts.parses++;
      counts.parsedBytes += text.length;
      counts.parseMs += performance.now() - t0;
      return tree;
    },
  };
}

const symbolsOf = (surface) =>
  surface.crates.flatMap((c) => c.items).filter((i) => i.kind === 'function' || i.kind === 'static').length;

const FEATURES = { mode: 'default', features: [] };

/** --quick: no warm-up rounds (the quick run shows that every measure runs, not what it costs). */
let warmUp = true;

// ---------------------------------------------------------------------------------------------
// The measures
// ---------------------------------------------------------------------------------------------

const fmtMs = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
const times = (x) => `${x.toFixed(2)}×`;

/** 5. start-up: `--version` against `node -e 0`. */
async function benchStartup(runs) {
  const m = await alternate(
    { node: async () => nodeZero(), version: async () => spawnTimed(process.execPath, [CLI, '--version']) },
    Math.max(5, runs * 2 + 1),
    { warmUp },
  );
  console.log('start-up');
  console.log(`${fmtMs(m.node.ms)}  node -e 0`);
  console.log(`${fmtMs(m.version.ms)}  node dist/cli.js --version`);
  return { versionMs: m.version.ms, nodeMs: m.node.ms };
}

/**
 * The floor of a sound full extract, in-process: every `.rs` file read and lexed once (the
 * accounting must see every macro invocation and attribute of every file, issues I–III), nothing
 * else. For information beside the engine's ratio: a target below it cannot be met by an engine
 * that keeps that guarantee in JavaScript.
 */
function readAndLexAll(engine, dir) {
  const t0 = performance.now();
  let files = 0;
  let bytes = 0;
  let tokens = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'target') stack.push(p);
      } else if (e.isFile() && e.name.endsWith('.rs')) {
        const text = fs.readFileSync(p, 'utf8');
        files++;
        bytes += text.length;
        tokens += engine.lex(text).length;
      }
    }
  }
  return { ms: performance.now() - t0, files, bytes, tokens };
}

/** 1. full extract of the wasmtime-shaped workspace against git grep. */
async function benchWasmtime({ tmp, engine, parser, runs, files }) {
  const dir = path.join(tmp, 'wasmtime');
  const gen = generateWasmtime(dir, { files, crates: files >= 1000 ? 84 : 12 });
  commitAll(dir);
  const counts = { parses: 0, parsedBytes: 0, parseMs: 0 };
  const stats = { quietCensuses: 0, fullCensuses: 0 };
  const m = await alternate(
    {
      grep: async () => gitGrep(dir),
      node: async () => nodeZero(),
      engine: async () => {
        Object.assign(counts, { parses: 0, parsedBytes: 0, parseMs: 0 });
        Object.assign(stats, { quietCensuses: 0, fullCensuses: 0 });
        const t0 = performance.now(); // opening the tree (the walk of the work tree) included
        const tree = await engine.FileSystemTree.open(dir);
        const surface = await engine.extractSurface(tree, countingParser(parser, counts), {
          features: FEATURES,
          stats,
        });
        const ms = performance.now() - t0;
        tree.close?.();
        return { ms, symbols: symbolsOf(surface), crates: surface.crates.length };
      },
      cli: async () => cliTimed(['extract', '--root', dir, '--format', 'json'], tmp),
      floor: async () => readAndLexAll(engine, dir),
    },
    runs,
    { warmUp },
  );
  const engineRatio = m.engine.ms / m.grep.ms;
  const cliRatio = m.cli.ms / (m.node.ms + m.grep.ms);
  const floorRatio = m.floor.ms / m.grep.ms;
  console.log(
    `\nfull extract, wasmtime-shaped workspace: ${gen.crates} crates, ${gen.rsFiles} .rs files, ` +
      `${(gen.bytes / 1024 / 1024).toFixed(1)} MB, C-API crate of ${gen.capiParts} modules with macro-made exports`,
  );
  console.log(
    `${fmtMs(m.grep.ms)}  git grep -l -F -e no_mangle -e export_name: ${m.grep.result.files} files`,
  );
  console.log(`${fmtMs(m.node.ms)}  node -e 0`);
  console.log(
    `${fmtMs(m.engine.ms)}  engine in-process (work tree): ${m.engine.result.crates} crates, ${m.engine.result.symbols} symbols, ` +
      `${counts.parses} parses (${(counts.parsedBytes / 1024).toFixed(0)} KB, ${counts.parseMs.toFixed(0)} ms in tree-sitter), ` +
      `quiet census for ${stats.quietCensuses} of ${stats.quietCensuses + stats.fullCensuses} texts`,
  );
  console.log(`${fmtMs(m.cli.ms)}  node dist/cli.js extract: ${symbolsOf(m.cli.result.json)} symbols`);
  console.log(
    `${fmtMs(m.floor.ms)}  floor in-process: read and lex every .rs file once (${m.floor.result.files} files, ` +
      `${m.floor.result.tokens} tokens), what accounting for every macro invocation needs at least`,
  );
  console.log(`ratio full extract, engine / git grep: ${times(engineRatio)} (target ≤ 3×)`);
  console.log(`ratio full extract, whole command / (node -e 0 + git grep): ${times(cliRatio)} (target ≤ 5×)`);
  console.log(
    `ratio full extract, floor (read + lex every file) / git grep: ${times(floorRatio)} (for information)`,
  );
  return { engineRatio, cliRatio, floorRatio };
}

/** 2. a 20-file pull request's diff on the plain workspace against git grep over HEAD. */
async function benchDiff({ tmp, engine, parser, runs, files }) {
  const dir = path.join(tmp, 'workspace');
  const gen = generateWorkspace(dir, {
    files,
    crates: files >= 5000 ? 20 : 4,
    exports: Math.round(files * 0.03),
  });
  commitAll(dir);
  const { base, head, touched } = makePullRequest(dir, gen.moduleFiles);
  const counts = { parses: 0, parsedBytes: 0, parseMs: 0 };
  const findings = engine.computeReportFindings();
  const m = await alternate(
    {
      grep: async () => gitGrep(dir, 'HEAD'),
      node: async () => nodeZero(),
      engine: async () => {
        Object.assign(counts, { parses: 0, parsedBytes: 0, parseMs: 0 });
        const a = await engine.analyseDiff({
          root: dir,
          base,
          head,
          features: FEATURES,
          findings,
          parser: countingParser(parser, counts),
        });
        return a.report;
      },
      cli: async () =>
        cliTimed(['diff', '--base', base, '--head', head, '--root', dir, '--format', 'json'], tmp),
      // the floor of a diff that may not reuse a persisted result (the gate): the base extracted
      // in full from git objects, once
      baseOnly: async () => {
        const t0 = performance.now();
        const tree = await engine.GitRevisionTree.open(dir, base);
        try {
          const surface = await engine.extractSurface(tree, parser, { features: FEATURES });
          return { ms: performance.now() - t0, symbols: symbolsOf(surface) };
        } finally {
          tree.close();
        }
      },
    },
    runs,
    { warmUp },
  );
  const engineRatio = m.engine.ms / m.grep.ms;
  const cliRatio = m.cli.ms / (m.node.ms + m.grep.ms);
  const baseRatio = m.baseOnly.ms / m.grep.ms;
  console.log(
    `\ndiff of a pull request touching ${touched.length} files, workspace of ${gen.rsFiles} .rs files ` +
      `(${(gen.bytes / 1024 / 1024).toFixed(1)} MB, ${gen.exported} files with exports)`,
  );
  console.log(
    `${fmtMs(m.grep.ms)}  git grep -l -F -e no_mangle -e export_name HEAD: ${m.grep.result.files} files`,
  );
  console.log(`${fmtMs(m.node.ms)}  node -e 0`);
  console.log(
    `${fmtMs(m.engine.ms)}  engine in-process (analyseDiff with findings): ${changeSummary(m.engine.result)}, ` +
      `${counts.parses} parses over both sides (${counts.parseMs.toFixed(0)} ms in tree-sitter)`,
  );
  console.log(`${fmtMs(m.cli.ms)}  node dist/cli.js diff --base --head: ${changeSummary(m.cli.result.json)}`);
  console.log(
    `${fmtMs(m.baseOnly.ms)}  the base alone, extracted in full from git objects (${m.baseOnly.result.symbols} symbols): ` +
      'what a diff that may not reuse a persisted result does at least',
  );
  console.log(`ratio 20-file PR diff, engine / git grep: ${times(engineRatio)} (target ≤ 1×)`);
  console.log(
    `ratio 20-file PR diff, whole command / (node -e 0 + git grep): ${times(cliRatio)} (target ≤ 3×)`,
  );
  console.log(
    `ratio 20-file PR diff, base extraction alone / git grep: ${times(baseRatio)} (for information)`,
  );
  return { engineRatio, cliRatio, baseRatio };
}

/** 3. one C-API crate against cbindgen (null when cbindgen is not installed or cannot run). */
async function benchCbindgen({ tmp, engine, parser, runs }, parts) {
  const which = spawnSync('cbindgen', ['--version'], { encoding: 'utf8' });
  if (which.error || which.status !== 0) {
    console.log('\nratio one crate, whole command / cbindgen: skipped (cbindgen is not installed)');
    return null;
  }
  const dir = path.join(tmp, 'capi');
  const gen = generateCapiCrate(dir, { parts });
  // offline: cbindgen runs `cargo metadata`, which needs no network for a crate without dependencies
  const env = { ...process.env, CARGO_NET_OFFLINE: 'true' };
  const cbindgen = () => spawnTimed('cbindgen', ['--lang', 'c', '-o', '/dev/null'], { cwd: dir, env });
  try {
    cbindgen();
  } catch (e) {
    console.log(`\nratio one crate, whole command / cbindgen: skipped (cbindgen fails: ${e.message})`);
    return null;
  }
  const m = await alternate(
    {
      cbindgen: async () => cbindgen(),
      engine: async () => {
        const t0 = performance.now();
        const tree = await engine.FileSystemTree.open(dir);
        const surface = await engine.extractSurface(tree, parser, { features: FEATURES });
        const ms = performance.now() - t0;
        tree.close?.();
        return { ms, symbols: symbolsOf(surface) };
      },
      cli: async () => cliTimed(['extract', '--root', dir, '--format', 'json'], tmp),
    },
    runs,
    { warmUp },
  );
  const ratio = m.cli.ms / m.cbindgen.ms;
  console.log(`\none crate: the C-API crate alone, ${gen.rs} .rs files (${which.stdout.trim()})`);
  console.log(`${fmtMs(m.cbindgen.ms)}  cbindgen --lang c -o /dev/null (includes its cargo metadata)`);
  console.log(`${fmtMs(m.engine.ms)}  engine in-process: ${m.engine.result.symbols} symbols`);
  console.log(`${fmtMs(m.cli.ms)}  node dist/cli.js extract: ${symbolsOf(m.cli.result.json)} symbols`);
  console.log(`ratio one crate, whole command / cbindgen: ${times(ratio)} (target ≤ 2×)`);
  console.log(`ratio one crate, engine / cbindgen: ${times(m.engine.ms / m.cbindgen.ms)} (for information)`);
  return { ratio };
}

/** 4. peak RSS of extract at `files` files, both modes, each in its own child process. */
function benchRss({ tmp }, files) {
  const dir = path.join(tmp, 'rss');
  // 20 crates at 100,000 files, as when issue 19 measured 167 MB (332 MB with --rev)
  const crates = Math.max(2, Math.min(20, Math.round(files / 500)));
  const gen = generateWorkspace(dir, { files, crates, seed: 11 });
  commitAll(dir);
  const work = cliChild(['extract', '--root', dir, '--format', 'json'], tmp);
  const rev = cliChild(['extract', '--root', dir, '--rev', 'HEAD', '--format', 'json'], tmp);
  console.log(
    `\npeak RSS at ${gen.rsFiles} .rs files, ${crates} crates (${(gen.bytes / 1024 / 1024).toFixed(0)} MB of source; ` +
      'the node process, not its git children)',
  );
  console.log(
    `peak RSS, work tree: ${work.rssMb.toFixed(0)} MB (${fmtMs(work.ms).trim()}, ${symbolsOf(work.json)} symbols)`,
  );
  console.log(
    `peak RSS, --rev HEAD: ${rev.rssMb.toFixed(0)} MB (${fmtMs(rev.ms).trim()}, ${symbolsOf(rev.json)} symbols)`,
  );
  return { files: gen.rsFiles, workMb: work.rssMb, revMb: rev.rssMb };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export function parseOptions(argv) {
  const o = {
    runs: 5,
    wasmtimeFiles: 2000,
    files: 10_000,
    rssFiles: 100_000,
    capiParts: 40,
    keep: false,
    quick: false,
  };
  const numeric = {
    '--runs': 'runs',
    '--wasmtime-files': 'wasmtimeFiles',
    '--files': 'files',
    '--rss-files': 'rssFiles',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') o.keep = true;
    else if (a === '--quick')
      Object.assign(o, {
        quick: true,
        runs: 1,
        wasmtimeFiles: 150,
        files: 400,
        rssFiles: 1000,
        capiParts: 8,
      });
    else if (a in numeric) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
      o[numeric[a]] = n;
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** The closing table: measure, value, target, met? */
function table(rows) {
  const head = ['measure', 'value', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.target,
    r.met === null ? 'n/a' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export async function main(argv = process.argv.slice(2)) {
  const opts = parseOptions(argv);
  warmUp = !opts.quick;
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\``);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-bench-'));
  const loadBefore = load();
  console.log(
    `${opts.quick ? 'quick run (small sizes: the ratios are not the targets’ sizes); ' : ''}` +
      `${os.cpus().length} cores, load average ${loadBefore}; medians of ${opts.runs} alternating rounds${opts.quick ? ', no warm-up' : ' after a warm-up'}\n`,
  );
  try {
    const engine = await loadEngine(tmp);
    const parser = await engine.loadRustParser();
    const ctx = { tmp, engine, parser, runs: opts.runs };
    const startup = await benchStartup(opts.runs);
    const wasmtime = await benchWasmtime({ ...ctx, files: opts.wasmtimeFiles });
    const diff = await benchDiff({ ...ctx, files: opts.files });
    const cbindgen = await benchCbindgen(ctx, opts.capiParts);
    const rss = benchRss(ctx, opts.rssFiles);
    const mb = (x) => `${x.toFixed(0)} MB`;
    const rows = [
      {
        measure: 'full extract (wasmtime-shaped), engine / git grep',
        value: times(wasmtime.engineRatio),
        target: '≤ 3×',
        met: wasmtime.engineRatio <= 3,
      },
      {
        measure: 'full extract, floor (read + lex every file) / git grep',
        value: times(wasmtime.floorRatio),
        target: '(information)',
        met: null,
      },
      {
        measure: 'full extract, whole command / (node -e 0 + git grep)',
        value: times(wasmtime.cliRatio),
        target: '≤ 5×',
        met: wasmtime.cliRatio <= 5,
      },
      {
        measure: '20-file PR diff, engine / git grep',
        value: times(diff.engineRatio),
        target: '≤ 1×',
        met: diff.engineRatio <= 1,
      },
      {
        measure: '20-file PR diff, base extraction alone / git grep',
        value: times(diff.baseRatio),
        target: '(information)',
        met: null,
      },
      {
        measure: '20-file PR diff, whole command / (node -e 0 + git grep)',
        value: times(diff.cliRatio),
        target: '≤ 3×',
        met: diff.cliRatio <= 3,
      },
      {
        measure: 'one crate, whole command / cbindgen',
        value: cbindgen ? times(cbindgen.ratio) : 'not run',
        target: '≤ 2×',
        met: cbindgen ? cbindgen.ratio <= 2 : null,
      },
      {
        measure: `peak RSS at ${rss.files} files, work tree`,
        value: mb(rss.workMb),
        target: '< 200 MB',
        met: rss.workMb < 200,
      },
      {
        measure: `peak RSS at ${rss.files} files, --rev HEAD`,
        value: mb(rss.revMb),
        target: '< 200 MB',
        met: rss.revMb < 200,
      },
      {
        measure: 'start-up, --version',
        value: `${startup.versionMs.toFixed(0)} ms (node -e 0: ${startup.nodeMs.toFixed(0)} ms)`,
        target: '< 300 ms',
        met: startup.versionMs < 300,
      },
    ];
    console.log(`\nload average before ${loadBefore}, after ${load()}\n`);
    console.log(table(rows));
    return rows;
  } finally {
    if (opts.keep) console.log(`\nkept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
