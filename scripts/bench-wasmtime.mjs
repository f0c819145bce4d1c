// Generated workspaces for `npm run bench` (scripts/bench.mjs) shaped like wasmtime: many crates
// under crates/ and cranelift/, versions and dependencies inherited from [workspace.package] and
// [workspace.dependencies] (path dependencies between the members), a proc-macro crate, and a
// C-API crate like wasmtime's crates/c-api whose exports are written out and made by macro_rules
// (`declare_own!`, `declare_vec!` expanding to `#[no_mangle] pub extern "C" fn`), beside
// `#[repr(C)]` types the exports use. Deterministic for a seed.
import * as fs from 'node:fs';
import * as path from 'node:path';

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

const CRATES = [
  'wasmtime',
  'environ',
  'runtime',
  'cranelift',
  'winch',
  'wasi',
  'wasi-common',
  'wasi-http',
  'wasi-nn',
  'wasi-threads',
  'wasi-config',
  'wasi-keyvalue',
  'wasi-io',
  'component-macro',
  'component-util',
  'wit-bindgen',
  'cache',
  'cli-flags',
  'explorer',
  'fiber',
  'jit-debug',
  'jit-icache-coherence',
  'math',
  'slab',
  'types',
  'versioned-export-macros',
  'wast',
  'wmemcheck',
  'asm-macros',
  'debugger',
  'fuzzing',
  'misc-component-test',
  'test-programs',
  'test-util',
  'unwinder',
  'wiggle',
  'wiggle-generate',
  'wiggle-macro',
  'component-test-macros',
];
const CRANELIFT = [
  'codegen',
  'codegen-meta',
  'codegen-shared',
  'control',
  'bforest',
  'entity',
  'frontend',
  'interpreter',
  'isle',
  'jit',
  'module',
  'native',
  'object',
  'reader',
  'serde',
  'filetests',
  'fuzzgen',
  'assembler-x64',
  'bitset',
  'srcgen',
  'umbrella',
  'wasm',
  'tools',
  'frontend-tests',
  'peepmatic',
  'egraph',
  'isle-veri',
  'isle-fuzz',
  'frontend-fuzz',
  'minimal',
  'c-abi',
  'object-tests',
  'simplejit',
  'faerie',
  'preopt',
  'spidermonkey',
  'serde-tests',
  'wasm-tests',
  'codegen-tests',
  'jit-tests',
  'native-tests',
  'arm32',
  'arm64',
  'riscv64',
  's390x',
];

function plainItem(r, id) {
  const variants = [
    `/// Counts the lines of \`input\`.
pub fn count_lines_${id}(input: &[u8]) -> usize {
    input.iter().filter(|b| **b == b'\\n').count()
}
`,
    `pub(crate) fn lookup_${id}(map: &std::collections::HashMap<String, u64>, key: &str) -> Option<u64> {
    match map.get(key) {
        Some(v) => Some(*v),
        None => map.values().next().copied(),
    }
}
`,
    `#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind${id} {
    Func,
    Table,
    Memory,
    Global,
}

impl Kind${id} {
    pub fn name(self) -> &'static str {
        match self {
            Self::Func => "func",
            Self::Table => "table",
            Self::Memory => "memory",
            Self::Global => "global",
        }
    }
}
`,
    `pub struct Builder${id} {
    values: Vec<u32>,
    name: Option<String>,
}

impl Builder${id} {
    pub fn new() -> Self {
        Self { values: Vec::new(), name: None }
    }

    pub fn push(&mut self, v: u32) -> &mut Self {
        self.values.push(v);
        self
    }

    pub fn build(&self) -> u64 {
        self.values.iter().map(|v| u64::from(*v)).sum()
    }
}
`,
  ];
  return variants[Math.floor(r() * variants.length)];
}

function plainModule(r, id, minBytes, maxBytes) {
  let out = `//! Module ${id}: generated for the benchmark.\n#![allow(dead_code)]\n`;
  const target = minBytes + Math.floor(r() * (maxBytes - minBytes));
  let n = 0;
  while (out.length < target) out += '\n' + plainItem(r, `${id}_${n++}`);
  return out;
}

/** The C-API crate's macros: each invocation expands to exports. */
const CAPI_MACROS = `//! Macros that declare the C API's owned types and vectors, as wasmtime's crates/c-api does.

macro_rules! declare_own {
    ($name:ident, $delete:ident) => {
        #[no_mangle]
        pub extern "C" fn $delete(_: Box<$name>) {}
    };
}

macro_rules! declare_vec {
    ($name:ident, $elem:ty, $new_empty:ident, $new:ident, $copy:ident, $delete:ident) => {
        #[repr(C)]
        pub struct $name {
            pub size: usize,
            pub data: *mut $elem,
        }

        #[no_mangle]
        pub extern "C" fn $new_empty(out: &mut $name) {
            out.size = 0;
            out.data = std::ptr::null_mut();
        }

        #[no_mangle]
        pub unsafe extern "C" fn $new(out: &mut $name, size: usize, ptr: *const $elem) {
            out.size = size;
            out.data = ptr as *mut $elem;
        }

        #[no_mangle]
        pub extern "C" fn $copy(out: &mut $name, src: &$name) {
            out.size = src.size;
            out.data = src.data;
        }

        #[no_mangle]
        pub extern "C" fn $delete(out: &mut $name) {
            out.size = 0;
        }
    };
}
`;

/** One module of the C-API crate: a repr(C) type, its own/vec macros, written-out exports. */
function capiModule(r, name, prefix) {
  const t = `${prefix}_${name}_t`;
  let out = `//! The ${name} part of the C API.
use std::os::raw::{c_char, c_int};

/// An opaque ${name}.
#[repr(C)]
pub struct ${t} {
    pub id: u64,
    pub flags: u32,
    pub refs: usize,
}

declare_own!(${t}, ${prefix}_${name}_delete);
declare_vec!(${prefix}_${name}_vec_t, *mut ${t}, ${prefix}_${name}_vec_new_empty, ${prefix}_${name}_vec_new, ${prefix}_${name}_vec_copy, ${prefix}_${name}_vec_delete);

#[no_mangle]
pub extern "C" fn ${prefix}_${name}_new() -> Box<${t}> {
    Box::new(${t} { id: 0, flags: 0, refs: 1 })
}
`;
  const extra = 2 + Math.floor(r() * 6);
  for (let i = 0; i < extra; i++) {
    const kind = Math.floor(r() * 3);
    if (kind === 0)
      out += `
/// # Safety
/// \`name\` is NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn ${prefix}_${name}_set_${i}(obj: *mut ${t}, name: *const c_char, len: usize) -> c_int {
    if obj.is_null() || name.is_null() {
        return -1;
    }
    (*obj).refs = len;
    0
}
`;
    else if (kind === 1)
      out += `
#[no_mangle]
pub extern "C" fn ${prefix}_${name}_get_${i}(obj: &${t}) -> u64 {
    obj.id + ${i}
}
`;
    else
      out += `
#[no_mangle]
pub extern "C" fn ${prefix}_${name}_same_${i}(a: &${t}, b: &${t}) -> bool {
    a.id == b.id
}
`;
  }
  out += '\n' + plainItem(r, `${name}_helper`);
  return out;
}

const CAPI_PARTS = [
  'engine',
  'store',
  'module',
  'instance',
  'func',
  'global',
  'table',
  'memory',
  'externals',
  'trap',
  'val',
  'reference',
  'config',
  'linker',
  'wasi',
  'frame',
  'error',
  'types_func',
  'types_global',
  'types_table',
  'types_memory',
  'types_import',
  'types_export',
  'types_extern',
  'types_val',
  'types_limits',
  'async_support',
  'profiling',
  'sharedmemory',
  'component',
  'component_linker',
  'component_instance',
  'component_func',
  'component_val',
  'component_types',
  'wat2wasm',
  'trap_code',
  'callbacks',
  'debug',
  'stats',
];

/**
 * The files of a wasmtime-like C-API crate, keyed by path relative to the crate: `parts` modules
 * (at most 40), each a type, `declare_own!`/`declare_vec!` invocations and written-out exports.
 * `deps` are the `[dependencies]` lines (none for a standalone crate).
 */
export function capiCrate(r, { parts = CAPI_PARTS.length, deps = [], workspace = false } = {}) {
  const names = CAPI_PARTS.slice(0, parts);
  const files = {};
  files['Cargo.toml'] =
    `[package]\nname = "wasmtime-c-api-impl"\n` +
    (workspace
      ? `version.workspace = true\nedition.workspace = true\n`
      : `version = "30.0.0"\nedition = "2021"\n`) +
    `\n[lib]\nname = "wasmtime_c_api"\ncrate-type = ["staticlib", "cdylib", "rlib"]\n\n[dependencies]\n${deps.join('\n')}\n\n[features]\ndefault = ["wat", "async"]\nwat = []\nasync = []\n`;
  files['src/macros.rs'] = CAPI_MACROS;
  files['src/lib.rs'] =
    `//! The C API of the wasmtime-shaped benchmark workspace.\n#![allow(clippy::missing_safety_doc)]\n\n#[macro_use]\nmod macros;\n\n` +
    names
      .map((n) => (n === 'async_support' ? `#[cfg(feature = "async")]\nmod ${n};` : `mod ${n};`))
      .join('\n') +
    `\n\n#[no_mangle]\npub extern "C" fn wasmtime_c_api_version() -> u32 {\n    30\n}\n`;
  for (const n of names) files[`src/${n}.rs`] = capiModule(r, n, n.startsWith('wasi') ? 'wasi' : 'wasm');
  return files;
}

function writeFiles(dir, files) {
  let rs = 0;
  let bytes = 0;
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    if (rel.endsWith('.rs')) {
      rs++;
      bytes += text.length;
    }
  }
  return { rs, bytes };
}

/**
 * Writes a wasmtime-shaped workspace below `dir` with about `files` `.rs` files across `crates`
 * library crates (plus the C-API and a proc-macro crate). Returns counts.
 */
export function generateWasmtime(dir, { crates = 84, files = 2000, seed = 2026 } = {}) {
  const r = rng(seed);
  const names = [
    ...CRATES.map((n) => ({ dir: `crates/${n}`, name: n === 'wasmtime' ? 'wasmtime' : `wasmtime-${n}` })),
    ...CRANELIFT.map((n) => ({ dir: `cranelift/${n}`, name: `cranelift-${n}` })),
  ].slice(0, Math.max(2, crates));
  // file counts skewed as in wasmtime: a few big crates, many small ones
  const weights = names.map((_, i) => 1 / (1 + i * 0.35));
  const total = weights.reduce((a, b) => a + b, 0);
  const capiParts = Math.min(CAPI_PARTS.length, Math.max(4, Math.round(files / 50)));
  const budget = Math.max(names.length * 2, files - capiParts - 3);
  const all = {};
  const wsDeps = [];
  names.forEach(({ dir: d, name }, i) => {
    wsDeps.push(`${name} = { path = "${d}", version = "=30.0.0" }`);
    const count = Math.max(2, Math.round((budget * weights[i]) / total));
    const deps = [];
    for (let k = 0; k < Math.min(i, 3); k++) deps.push(names[Math.floor(r() * i)].name);
    const uniq = [...new Set(deps)];
    all[`${d}/Cargo.toml`] =
      `[package]\nname = "${name}"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\n` +
      uniq.map((n) => `${n} = { workspace = true }`).join('\n') +
      `\n\n[features]\ndefault = ["std"]\nstd = []\n`;
    // modules: lib.rs + dirs of leaves
    const dirs = Math.max(1, Math.round(Math.sqrt(count / 2)));
    const leaves = Math.max(1, Math.ceil((count - 1 - dirs) / dirs));
    const mods = [];
    let made = 1;
    for (let m = 0; m < dirs && made < count; m++) {
      mods.push(`pub mod m${m};`);
      const leafDecls = [];
      made++;
      for (let f = 0; f < leaves && made < count; f++, made++) {
        leafDecls.push(`${r() < 0.1 ? '#[cfg(feature = "std")]\n' : ''}pub mod f${f};`);
        let text = plainModule(r, `${i}_${m}_${f}`, 1500, 9000);
        // a runtime libcall or a debugger hook now and then, as wasmtime's runtime has
        if (r() < 0.01)
          text += `\n#[no_mangle]\npub extern "C" fn ${name.replace(/-/g, '_')}_hook_${m}_${f}(vmctx: *mut u8, index: u32) -> u32 {\n    let _ = vmctx;\n    index\n}\n`;
        all[`${d}/src/m${m}/f${f}.rs`] = text;
      }
      all[m % 2 === 0 ? `${d}/src/m${m}/mod.rs` : `${d}/src/m${m}.rs`] =
        `//! Directory module ${m}.\n${leafDecls.join('\n')}\n`;
    }
    all[`${d}/src/lib.rs`] =
      `//! ${name}: generated for the benchmark.\n#![allow(dead_code)]\n\n${mods.join('\n')}\n`;
  });
  // a proc-macro crate (never part of the surface) and the C API depending on the main crates
  all['crates/c-api/macros/Cargo.toml'] =
    `[package]\nname = "wasmtime-c-api-macros"\nversion.workspace = true\nedition.workspace = true\n\n[lib]\nproc-macro = true\n`;
  all['crates/c-api/macros/src/lib.rs'] =
    `//! Proc macros of the C API.\nextern crate proc_macro;\nuse proc_macro::TokenStream;\n\n#[proc_macro]\npub fn declare_ref(input: TokenStream) -> TokenStream {\n    input\n}\n`;
  const capi = capiCrate(r, {
    parts: capiParts,
    workspace: true,
    deps: ['wasmtime = { workspace = true }', 'wasmtime-c-api-macros = { path = "macros" }'],
  });
  for (const [rel, text] of Object.entries(capi)) all[`crates/c-api/${rel}`] = text;
  all['Cargo.toml'] =
    `[workspace]\nresolver = "2"\nmembers = ["crates/*", "cranelift/*", "crates/c-api", "crates/c-api/macros"]\n\n` +
    `[workspace.package]\nversion = "30.0.0"\nedition = "2021"\n\n[workspace.dependencies]\n${wsDeps.join('\n')}\n`;
  const { rs, bytes } = writeFiles(dir, all);
  return { crates: names.length + 2, rsFiles: rs, bytes, capiParts };
}

/** A standalone C-API crate (the same generator, no dependencies) for the cbindgen comparison. */
export function generateCapiCrate(dir, { parts = CAPI_PARTS.length, seed = 2026 } = {}) {
  return writeFiles(dir, capiCrate(rng(seed), { parts }));
}
