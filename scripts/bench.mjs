// `npm run bench`: the performance budget of SPEC section 9, measured on a generated workspace.
//
// Generates (in a temporary directory) a Cargo workspace of N crates with about 10,000 .rs files
// of plain Rust (1-3 KB each) and a few hundred exports spread around, commits it to a git
// repository, and measures:
//   (a) `git grep -l -e no_mangle -e export_name` over the work tree and over HEAD — the yardstick;
//   (b) a full `extract` through the bundled `dist/cli.js`, on the work tree and with `--rev HEAD`
//       (process wall time, so it includes Node start-up and loading the WebAssembly parser);
//   (c) the engine alone, in-process (the engine bundled from src/ with esbuild), on both trees;
//   (d) a `diff` of a pull request touching 20 files (budget: well under a second of engine time),
//       through the CLI and in-process, beside the full extract (see `benchDiff`);
// and prints each time, the ratio extract / git grep (budget: at most 2×) and peak RSS.
//
// Options: --crates N (20), --files N (10000), --exports N (300), --runs N (3), --keep;
// FSG_DIST_DIR=dir benchmarks another build of the bundle than dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.FSG_DIST_DIR ? path.resolve(process.env.FSG_DIST_DIR) : path.join(ROOT, 'dist');
const require = createRequire(path.join(ROOT, 'package.json'));

// ---------------------------------------------------------------------------------------------
// Workspace generation (deterministic)
// ---------------------------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32), so every run benchmarks the same tree. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts },
  );
}

export function commitAll(dir, message = 'workspace') {
  if (!fs.existsSync(path.join(dir, '.git'))) git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers
// ---------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs a command `runs` times (after one warm-up) and returns the median wall time in ms. */
function timeCommand(cmd, args, { cwd, runs, env }) {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.status !== 0 && !(cmd === 'git' && r.status === 1))
      throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.split('\n')[0]}`);
    return { ms, stdout: r.stdout, stderr: r.stderr };
  };
  const warm = once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once().ms);
  return { ms: median(times), stdout: warm.stdout, stderr: warm.stderr };
}

/** A preload script that reports the child's peak RSS when it exits. */
function rssProbe(tmp) {
  const file = path.join(tmp, 'rss-probe.cjs');
  fs.writeFileSync(
    file,
    `process.on('exit', () => { require('fs').writeFileSync(process.env.FSG_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n`,
  );
  return file;
}

function cliRun(label, args, { tmp, runs }) {
  const rssFile = path.join(tmp, 'rss.txt');
  const env = { ...process.env, FSG_RSS_FILE: rssFile };
  const r = timeCommand(process.execPath, ['-r', rssProbe(tmp), path.join(DIST, 'cli.js'), ...args], {
    cwd: tmp,
    runs,
    env,
  });
  const rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
  const out = JSON.parse(r.stdout);
  const symbols = out.crates
    .flatMap((c) => c.items)
    .filter((i) => i.kind === 'function' || i.kind === 'static');
  return {
    label,
    ms: r.ms,
    rssMb: rssKb / 1024,
    symbols: symbols.length,
    diagnostics: out.diagnostics.length,
  };
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
      `export { ScanCache, SharedReads } from ${JSON.stringify(path.join(ROOT, 'src/core/extract/scan-cache'))};`,
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

/** Wraps the parser to count what the byte prefilter let through. */
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

async function engineRun(engine, label, openTree, runs) {
  const base = await engine.loadRustParser();
  const times = [];
  let counts;
  let surface;
  for (let i = 0; i < runs + 1; i++) {
    counts = { parses: 0, parsedBytes: 0, parseMs: 0 };
    const tree = await openTree();
    const t0 = performance.now();
    surface = await engine.extractSurface(tree, countingParser(base, counts), {
      features: { mode: 'default', features: [] },
    });
    const ms = performance.now() - t0;
    tree.close?.();
    if (i > 0) times.push(ms); // the first run warms the JIT and the page cache
  }
  const symbols = surface.crates
    .flatMap((c) => c.items)
    .filter((it) => it.kind === 'function' || it.kind === 'static');
  const files = surface.crates.reduce((n, c) => n + c.files.length, 0);
  return { label, ms: median(times), symbols: symbols.length, files, ...counts };
}

// DIFF BENCHMARK (SPEC section 9): a pull request touching 20 files of the 10,000-file workspace,
// "well under a second of engine time".
//
// `makePullRequest` commits the pull request (18 plain edits, two new exports) on top of the
// workspace; `benchDiff` times `diff --base BASE --head HEAD` of it
//   - through the bundled CLI (process wall time: Node start-up, WebAssembly load, git, both
//     extractions, findings, JSON), and
//   - in-process through `analyseDiff` (the engine: git plumbing, both extractions sharing one scan
//     cache, the report with findings),
// and breaks the engine time down into opening both revisions, the base extraction (cold scan
// cache) and the head extraction (warm cache, reads of unchanged blobs shared: only the touched
// files are read and parsed again; the per-file module walk and the test search remain).
// ---------------------------------------------------------------------------------------------

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

/** Times the diff engine in-process: the whole `analyseDiff`, then base and head extraction apart. */
async function engineDiffRun(engine, { dir, base, head, runs }) {
  const features = { mode: 'default', features: [] };
  const parser = await engine.loadRustParser();
  const times = [];
  let report;
  let counts;
  for (let i = 0; i < runs + 1; i++) {
    counts = { parses: 0, parsedBytes: 0, parseMs: 0 };
    const t0 = performance.now();
    const a = await engine.analyseDiff({
      root: dir,
      base,
      head,
      features,
      findings: engine.computeReportFindings(),
      parser: countingParser(parser, counts),
    });
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first run warms the JIT and the page cache
    report = a.report;
  }
  // the parts apart, composed as analyseDiff composes them: the two trees, one scan cache, reads
  // of unchanged blobs shared
  const openTimes = [];
  const baseTimes = [];
  const headTimes = [];
  let split;
  for (let i = 0; i < runs; i++) {
    const cache = new engine.ScanCache();
    const baseCounts = { parses: 0, parsedBytes: 0, parseMs: 0 };
    const headOnly = { parses: 0, parsedBytes: 0, parseMs: 0 };
    let t0 = performance.now();
    const baseTree = await engine.GitRevisionTree.open(dir, base);
    const headTree = await engine.GitRevisionTree.open(dir, head);
    const changed = baseTree.changedPaths(headTree);
    const shared = new engine.SharedReads((p) => !changed.has(p));
    openTimes.push(performance.now() - t0);
    t0 = performance.now();
    await engine.extractSurface(shared.wrap(baseTree), countingParser(parser, baseCounts), {
      features,
      scanCache: cache,
    });
    baseTimes.push(performance.now() - t0);
    t0 = performance.now();
    await engine.extractSurface(shared.wrap(headTree), countingParser(parser, headOnly), {
      features,
      testCoverage: true,
      scanCache: cache,
    });
    headTimes.push(performance.now() - t0);
    baseTree.close();
    headTree.close();
    split = { baseCounts, headOnly, hits: cache.stats.hits, reused: shared.reused, changed: changed.size };
  }
  return {
    ms: median(times),
    report,
    parses: counts.parses,
    openMs: median(openTimes),
    baseMs: median(baseTimes),
    headMs: median(headTimes),
    ...split,
  };
}

export async function benchDiff({ dir, moduleFiles, tmp, runs, engine }) {
  const probe = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'diff'], { encoding: 'utf8' });
  if (/unknown command/.test(probe.stderr) || !fs.existsSync(path.join(dir, '.git'))) return null;
  const { base, head, touched } = makePullRequest(dir, moduleFiles);
  try {
    const cli = timeCommand(
      process.execPath,
      [path.join(DIST, 'cli.js'), 'diff', '--base', base, '--head', head, '--root', dir, '--format', 'json'],
      { cwd: tmp, runs, env: process.env },
    );
    const cliReport = JSON.parse(cli.stdout);
    const eng = engine ? await engineDiffRun(engine, { dir, base, head, runs }) : null;
    return { touched: touched.length, cliMs: cli.ms, cliChanges: changeSummary(cliReport), engine: eng };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    git(dir, ['reset', '-q', '--hard', base]);
  }
}

function printDiff(diff, { cliExtract, engineExtract }) {
  if (!diff) {
    console.log('\ndiff benchmark: dist/cli.js has no diff command (run `npm run build`)');
    return;
  }
  if (diff.error) {
    console.log(`\ndiff benchmark failed: ${diff.error}`);
    return;
  }
  console.log(
    `\ndiff of a pull request touching ${diff.touched} files (budget: well under 1 s of engine time):`,
  );
  console.log(`${fmtMs(diff.cliMs)}  dist/cli.js diff --base --head: ${diff.cliChanges}`);
  const e = diff.engine;
  if (e) {
    console.log(
      `${fmtMs(e.ms)}  engine only (analyseDiff, with findings): ${e.parses} files parsed over both sides, ${changeSummary(e.report)}`,
    );
    console.log(`${fmtMs(e.openMs)}    opening both revisions (git ls-tree): ${e.changed} paths differ`);
    console.log(
      `${fmtMs(e.baseMs)}    base extraction (cold scan cache): ${e.baseCounts.parses} parsed (${e.baseCounts.parseMs.toFixed(0)} ms in tree-sitter)`,
    );
    console.log(
      `${fmtMs(e.headMs)}    head extraction (warm scan cache): ${e.headOnly.parses} parsed (${e.headOnly.parseMs.toFixed(0)} ms in tree-sitter), ` +
        `${e.hits} scans and ${e.reused} file reads reused, test files searched`,
    );
  }
  console.log('beside the full extract of the same tree:');
  console.log(`${fmtMs(cliExtract)}  dist/cli.js extract --rev HEAD`);
  console.log(`${fmtMs(engineExtract)}  engine only extract (git HEAD)`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function parseOptions(argv) {
  const o = { crates: 20, files: 10_000, exports: 300, runs: 3, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') o.keep = true;
    else if (['--crates', '--files', '--exports', '--runs'].includes(a)) o[a.slice(2)] = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const fmtMs = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

export async function main(argv = process.argv.slice(2)) {
  const opts = parseOptions(argv);
  if (!fs.existsSync(path.join(DIST, 'cli.js')))
    throw new Error('dist/cli.js is missing: run `npm run build`');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-bench-'));
  const dir = path.join(tmp, 'workspace');
  try {
    const t0 = performance.now();
    const gen = generateWorkspace(dir, opts);
    const genMs = performance.now() - t0;
    const t1 = performance.now();
    commitAll(dir);
    const commitMs = performance.now() - t1;
    console.log(
      `workspace: ${opts.crates} crates, ${gen.rsFiles} .rs files, ${(gen.bytes / 1024 / 1024).toFixed(1)} MB, ` +
        `${gen.exported} files with exports (generated in ${genMs.toFixed(0)} ms, committed in ${commitMs.toFixed(0)} ms)`,
    );
    console.log(`median of ${opts.runs} runs after a warm-up\n`);

    const grepArgs = ['grep', '-l', '-e', 'no_mangle', '-e', 'export_name'];
    const grepWork = timeCommand('git', grepArgs, { cwd: dir, runs: opts.runs });
    const grepHead = timeCommand('git', [...grepArgs, 'HEAD'], { cwd: dir, runs: opts.runs });
    const grepFiles = grepWork.stdout.split('\n').filter(Boolean).length;

    const cliWork = cliRun(
      'dist/cli.js extract (work tree)',
      ['extract', '--root', dir, '--format', 'json'],
      {
        tmp,
        runs: opts.runs,
      },
    );
    const cliRev = cliRun(
      'dist/cli.js extract --rev HEAD',
      ['extract', '--root', dir, '--rev', 'HEAD', '--format', 'json'],
      { tmp, runs: opts.runs },
    );

    const engine = await loadEngine(tmp);
    const engWork = await engineRun(
      engine,
      'engine only (work tree)',
      () => engine.FileSystemTree.open(dir),
      opts.runs,
    );
    const engRev = await engineRun(
      engine,
      'engine only (git HEAD)',
      () => engine.GitRevisionTree.open(dir, 'HEAD'),
      opts.runs,
    );
    const benchRss = process.resourceUsage().maxRSS / 1024;

    console.log(`${fmtMs(grepWork.ms)}  git grep -l (work tree): ${grepFiles} files`);
    console.log(`${fmtMs(grepHead.ms)}  git grep -l HEAD`);
    for (const c of [cliWork, cliRev])
      console.log(
        `${fmtMs(c.ms)}  ${c.label}: ${c.symbols} symbols, ${c.diagnostics} diagnostics, peak RSS ${c.rssMb.toFixed(0)} MB`,
      );
    for (const e of [engWork, engRev])
      console.log(
        `${fmtMs(e.ms)}  ${e.label}: ${e.files} files read, ${e.parses} parsed (${(e.parsedBytes / 1024).toFixed(0)} KB, ` +
          `${e.parseMs.toFixed(0)} ms in tree-sitter), ${e.symbols} symbols`,
      );
    console.log(`          bench process (engine in-process) peak RSS ${benchRss.toFixed(0)} MB`);

    const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
    console.log('\nratio extract / git grep (budget ≤ 2×):');
    console.log(`  CLI, work tree     ${ratio(cliWork.ms, grepWork.ms)}`);
    console.log(`  CLI, --rev HEAD    ${ratio(cliRev.ms, grepHead.ms)}`);
    console.log(`  engine, work tree  ${ratio(engWork.ms, grepWork.ms)}`);
    console.log(`  engine, git HEAD   ${ratio(engRev.ms, grepHead.ms)}`);

    const diff = await benchDiff({ dir, moduleFiles: gen.moduleFiles, tmp, runs: opts.runs, engine });
    printDiff(diff, { cliExtract: cliRev.ms, engineExtract: engRev.ms });
  } finally {
    if (opts.keep) console.log(`\nkept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
