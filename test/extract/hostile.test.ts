/**
 * Hostile input (SPEC section 8): every case yields a result and a diagnostic, never a crash, a
 * hang, or a read outside the repository — on disk, in memory and in a git revision.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSystemTree } from '../../src/adapters/file-system-tree';
import { GitRevisionTree } from '../../src/adapters/git-revision-tree';
import fc from 'fast-check';
import { MemoryTree, SourceTree } from '../../src/core/source-tree';
import { openTree } from '../../src/adapters/open-tree';
import { loadRustParser } from '../../src/adapters/tree-sitter-parser';
import { run } from '../../src/cli/run';
import { Clock, Deadline, DeadlineExceeded, DeadlineTree, parserWithDeadline } from '../../src/core/deadline';
import {
  isCCompatible,
  mayDeclareFileModule,
  prepareForParse,
  RustParser,
  scanModsLexically,
} from '../../src/core/extract/extract-crate';
import { extractSurface } from '../../src/core/extract/extract-surface';
import { derefsInText, ScanContext } from '../../src/core/extract/scan-file';
import { words } from '../../src/core/findings/ownership';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { hasSafetySection, unescapeRustString } from '../../src/core/rust/attributes';
import type { WorkMeter } from '../../src/core/rust/text';
import {
  codes,
  crate,
  DEFAULT,
  diag,
  extract,
  extractFiles,
  fn,
  MANIFEST,
  RecordingTree,
  removeTree,
  symbolsOf,
  writeTree,
} from './helpers';

// a hang is a failure: nothing here may take long
jest.setTimeout(30_000);

const EXPORT = (name: string): string => `#[no_mangle]\npub extern "C" fn ${name}() {}\n`;

function gitRepo(files: Record<string, string | Buffer>, links: Record<string, string> = {}): string {
  const dir = writeTree(files, 'fsg-hostile-git-');
  for (const [rel, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, rel));
  }
  const g = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    });
  g('init', '-q', '-b', 'main');
  g('add', '-A');
  g('commit', '-q', '-m', 'fixture');
  return dir;
}

async function withDisk<T>(
  files: Record<string, string | Buffer>,
  links: Record<string, string>,
  f: (tree: SourceTree, dir: string) => Promise<T>,
): Promise<T> {
  const dir = writeTree(files, 'fsg-hostile-');
  try {
    for (const [rel, target] of Object.entries(links)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.symlinkSync(target, path.join(dir, rel));
    }
    return await f(await FileSystemTree.open(dir), dir);
  } finally {
    removeTree(dir);
  }
}

async function withRevision<T>(
  files: Record<string, string | Buffer>,
  links: Record<string, string>,
  f: (tree: SourceTree, dir: string) => Promise<T>,
): Promise<T> {
  const dir = gitRepo(files, links);
  const tree = await GitRevisionTree.open(dir, 'HEAD');
  try {
    return await f(tree, dir);
  } finally {
    tree.close();
    removeTree(dir);
  }
}

describe('syntax errors', () => {
  it('returns the items it can read and a syntax-error diagnostic', async () => {
    const s = await extractFiles(
      crate(
        `${EXPORT('before_error')}
fn broken( {
    let x = ;
}
${EXPORT('after_error')}
mod child;
`,
        { 'src/child.rs': `#[no_mangle]\npub extern "C" fn child_ok() {}\nimpl {{{{ ]]] ) struct;\n` },
      ),
    );
    expect(symbolsOf(s)).toEqual(expect.arrayContaining(['before_error', 'child_ok']));
    expect(codes(s)).toContain('syntax-error');
    expect(diag(s, 'syntax-error').file).toMatch(/^src\/(lib|child)\.rs$/);
  });

  it('survives garbage that is not Rust at all', async () => {
    const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join(
      '',
    );
    const s = await extractFiles(crate(`${EXPORT('ok')}mod g;\n`, { 'src/g.rs': `extern ${garbage}` }));
    expect(symbolsOf(s)).toContain('ok');
  });

  it('survives unterminated strings, comments and raw strings in lexically scanned files', async () => {
    for (const tail of ['"unterminated', '/* unterminated', 'r##"raw', "'c", 'mod', 'mod x', '#[path = ']) {
      const s = await extractFiles(crate('mod plain;\n', { 'src/plain.rs': `pub fn f() {}\n${tail}` }));
      expect(s.crates).toHaveLength(1);
    }
  });
});

describe('size limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeTree({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': `mod big;\n${EXPORT('small_ok')}`,
    });
    // 50 MB of plausible Rust with an export in it, generated without holding it twice in memory
    const fd = fs.openSync(path.join(dir, 'src/big.rs'), 'w');
    const chunk = Buffer.from(`${EXPORT('in_big_file')}fn filler() { let x = 1 + 2; }\n`.repeat(10_000));
    let written = 0;
    while (written < 50 * 1024 * 1024) written += fs.writeSync(fd, chunk);
    fs.closeSync(fd);
  });
  afterAll(() => removeTree(dir));

  it('refuses a 50 MB module file quickly with file-too-large', async () => {
    const tree = new RecordingTree(await FileSystemTree.open(dir));
    const s = await extract(tree);
    expect(symbolsOf(s)).toEqual(['small_ok']);
    const d = diag(s, 'file-too-large');
    expect(d.file).toBe('src/big.rs');
    expect(d.level).toBe('error');
  }, 20_000);

  it('refuses a too-large crate root with a diagnostic', async () => {
    const s = await extractFiles(crate(`${EXPORT('x')}// ${'y'.repeat(2000)}\n`), undefined, {
      maxFileBytes: 1000,
    });
    expect(s.crates[0].items).toEqual([]);
    expect(diag(s, 'file-too-large').file).toBe('src/lib.rs');
  });

  it('bounds the number of files per crate', async () => {
    const files: Record<string, string> = {};
    const decls: string[] = [];
    for (let i = 0; i < 50; i++) {
      decls.push(`mod m${i};`);
      files[`src/m${i}.rs`] = EXPORT(`f${i}`);
    }
    const s = await extractFiles(crate(decls.join('\n'), files), undefined, { maxFilesPerCrate: 10 });
    expect(symbolsOf(s)).toHaveLength(9);
    expect(codes(s)).toContain('too-many-files');
  });
});

describe('encodings and binary data', () => {
  it('reads invalid UTF-8 lossily with a diagnostic and keeps the valid items', async () => {
    const bad = Buffer.concat([
      Buffer.from(`${EXPORT('valid_before')}// bad bytes: `),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from(`\nconst S: &str = "`),
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from(`";\n${EXPORT('valid_after')}`),
    ]);
    await withDisk(
      { 'Cargo.toml': MANIFEST, 'src/lib.rs': 'mod bad;\n', 'src/bad.rs': bad },
      {},
      async (t) => {
        const s = await extract(t);
        expect(symbolsOf(s)).toEqual(['valid_after', 'valid_before']);
        const d = diag(s, 'invalid-utf8');
        expect(d.file).toBe('src/bad.rs');
        expect(d.level).toBe('warning');
      },
    );
  });

  it('refuses binary data as a module file', async () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 31 + 7) % 256;
    await withDisk(
      { 'Cargo.toml': MANIFEST, 'src/lib.rs': `mod blob;\n${EXPORT('kept')}`, 'src/blob.rs': binary },
      {},
      async (t) => {
        const s = await extract(t);
        expect(symbolsOf(s)).toEqual(['kept']);
        expect(diag(s, 'file-binary').file).toBe('src/blob.rs');
      },
    );
  });

  it('handles a byte-order mark and CRLF line endings', async () => {
    const s = await extractFiles(
      crate(`\ufeff${EXPORT('with_bom').replace(/\n/g, '\r\n')}mod crlf;\r\n`, {
        'src/crlf.rs': 'mod inner;\r\n',
        'src/crlf/inner.rs': EXPORT('crlf_inner').replace(/\n/g, '\r\n'),
      }),
    );
    expect(symbolsOf(s)).toEqual(['crlf_inner', 'with_bom']);
    expect(fn(s, 'with_bom').line).toBe(2);
  });
});

type Backend = [
  string,
  <T>(
    files: Record<string, string | Buffer>,
    links: Record<string, string>,
    f: (t: SourceTree, dir: string) => Promise<T>,
  ) => Promise<T>,
];
const BACKENDS: Backend[] = [
  ['working tree', withDisk],
  ['git revision', withRevision],
];

describe.each(BACKENDS)('links and paths leading out of the repository (%s)', (_label, withTree) => {
  const passwd = fs.existsSync('/etc/passwd') ? '/etc/passwd' : '/etc/hostname';

  it('does not read a module file that is a symlink to /etc/passwd', async () => {
    await withTree(
      {
        'Cargo.toml': MANIFEST,
        'src/lib.rs': `mod evil;\nmod relative;\nmod fine;\n${EXPORT('kept')}`,
        'src/real.rs': EXPORT('through_inner_link'),
      },
      {
        'src/evil.rs': passwd,
        'src/relative.rs': `../../../../../../../..${passwd}`,
        'src/fine.rs': 'real.rs',
      },
      async (t) => {
        const rec = new RecordingTree(t);
        const s = await extract(rec);
        expect(symbolsOf(s)).toEqual(['kept', 'through_inner_link']);
        const outside = s.diagnostics.filter((d) => d.code === 'file-outside').map((d) => d.file);
        expect(outside.sort()).toEqual(['src/evil.rs', 'src/relative.rs']);
        expect(JSON.stringify(s)).not.toContain('root:');
      },
    );
  });

  it('does not read through a symlinked directory that leads outside', async () => {
    await withTree(
      {
        'Cargo.toml': MANIFEST,
        'src/lib.rs': `#[path = "sub/passwd"]\nmod p;\nmod sub;\n${EXPORT('kept')}`,
      },
      { 'src/sub': path.dirname(passwd) },
      async (t) => {
        const s = await extract(t);
        expect(symbolsOf(s)).toEqual(['kept']);
        expect(JSON.stringify(s)).not.toContain('root:');
        expect(s.crates[0].files).toEqual(['src/lib.rs']);
        expect(s.diagnostics.map((d) => d.code)).toEqual(
          expect.arrayContaining([expect.stringMatching(/^(file-outside|module-not-found)$/)]),
        );
      },
    );
  });

  it('refuses #[path] that climbs out of the root or is absolute', async () => {
    await withTree(
      {
        'Cargo.toml': MANIFEST,
        'src/lib.rs': `#[path = "../../etc/passwd"]\nmod up;\n#[path = "${passwd}"]\nmod abs;\nmod inl {\n    #[path = "../../../../../../etc/passwd"]\n    mod deep;\n}\n${EXPORT('kept')}`,
      },
      {},
      async (t) => {
        const rec = new RecordingTree(t);
        const s = await extract(rec);
        expect(symbolsOf(s)).toEqual(['kept']);
        expect(s.diagnostics.filter((d) => d.code === 'file-outside').map((d) => d.line)).toEqual([2, 4, 7]);
        expect(rec.reads.filter((r) => r.includes('passwd'))).toEqual([]);
      },
    );
  });

  it('reports a #[path] cycle once and terminates', async () => {
    await withTree(
      {
        'Cargo.toml': MANIFEST,
        'src/lib.rs': 'mod a;\n',
        'src/a.rs': `#[path = "a.rs"]\nmod again;\n#[path = "../src/./a.rs"]\nmod and_again;\n${EXPORT('in_a')}`,
      },
      {},
      async (t) => {
        const s = await extract(t);
        expect(symbolsOf(s)).toEqual(['in_a']);
        expect(codes(s).filter((c) => c === 'module-cycle')).toHaveLength(2);
      },
    );
  });
});

describe('--rev on a git revision', () => {
  it('reads the object database only and does not follow a symlink to /etc/passwd', async () => {
    const dir = gitRepo(
      { 'Cargo.toml': MANIFEST, 'src/lib.rs': `mod evil;\n${EXPORT('kept')}` },
      { 'src/evil.rs': '/etc/passwd' },
    );
    try {
      // the working tree changes after the commit: --rev must not see it
      fs.writeFileSync(path.join(dir, 'src/lib.rs'), EXPORT('uncommitted'));
      const tree = await openTree(dir, 'HEAD');
      try {
        const s = await extract(tree);
        expect(symbolsOf(s)).toEqual(['kept']);
        expect(s.rev).toMatch(/^[0-9a-f]{40}$/);
        expect(s.diagnostics).toEqual([
          expect.objectContaining({ code: 'file-outside', file: 'src/evil.rs' }),
        ]);
        expect(JSON.stringify(s)).not.toContain('root:');
      } finally {
        tree.close?.();
      }
      await expect(openTree(dir, 'no-such-rev')).rejects.toThrow(/not in this repository/);
    } finally {
      removeTree(dir);
    }
  });
});

describe('depth and breadth', () => {
  it('bounds 200 levels of nested module files', async () => {
    const files: Record<string, string> = { 'Cargo.toml': MANIFEST, 'src/lib.rs': 'mod m;\n' };
    let dir = 'src';
    for (let i = 0; i < 200; i++) {
      dir += '/m';
      files[`${dir}.rs`] = `mod m;\n${EXPORT(`level_${i + 1}`)}`;
    }
    const s = await extractFiles(files);
    expect(symbolsOf(s)).toHaveLength(64);
    expect(diag(s, 'module-too-deep').message).toContain('64');
  }, 30_000);

  it('survives 200 levels of nested inline modules and 20,000 in a plain file', async () => {
    const nest = (n: number, inner: string) => 'mod m {\n'.repeat(n) + inner + '}\n'.repeat(n);
    const s = await extractFiles(
      crate(`${nest(200, EXPORT('deep_inline'))}mod plain;\nmod parsed;\n`, {
        'src/plain.rs': nest(20_000, 'mod leaf;\n'),
        'src/parsed.rs': EXPORT('before_deep') + nest(20_000, EXPORT('too_deep')),
      }),
    );
    expect(symbolsOf(s)).toEqual(['before_deep', 'deep_inline']);
    expect(fn(s, 'deep_inline').path).toBe('crate' + '::m'.repeat(200));
    const deep = s.diagnostics.filter((d) => d.code === 'module-too-deep').map((d) => d.file);
    expect(deep.sort()).toEqual(['src/parsed.rs', 'src/plain.rs']);
  }, 30_000);

  it('survives pathologically deep expressions in an exported function', async () => {
    const deep = '('.repeat(20_000) + '1' + ')'.repeat(20_000);
    const s = await extractFiles(
      crate(`${EXPORT('shallow')}#[no_mangle]\npub extern "C" fn deep() -> i32 { ${deep} }\n`),
    );
    expect(symbolsOf(s)).toContain('shallow');
  }, 30_000);

  it('reads a crate of thousands of tiny files', async () => {
    const files: Record<string, string> = { 'Cargo.toml': MANIFEST };
    const top: string[] = [];
    for (let d = 0; d < 50; d++) {
      top.push(`mod d${d};`);
      const inner: string[] = [];
      for (let f = 0; f < 60; f++) {
        inner.push(`pub mod f${f};`);
        files[`src/d${d}/f${f}.rs`] = f % 20 === 0 ? EXPORT(`x_${d}_${f}`) : `pub fn g() -> u32 { ${f} }\n`;
      }
      files[`src/d${d}.rs`] = inner.join('\n');
    }
    files['src/lib.rs'] = top.join('\n');
    const s = await extractFiles(files);
    expect(s.crates[0].files).toHaveLength(1 + 50 + 3000);
    expect(symbolsOf(s)).toHaveLength(150);
    expect(s.diagnostics).toEqual([]);
  }, 60_000);

  it('bounds the number of crates in a workspace', async () => {
    const files: Record<string, string> = { 'Cargo.toml': '[workspace]\nmembers = ["c/*"]\n' };
    for (let i = 0; i < 30; i++) {
      files[`c/k${i}/Cargo.toml`] = `[package]\nname = "k${i}"\nversion = "0.1.0"\n`;
      files[`c/k${i}/src/lib.rs`] = EXPORT(`k${i}`);
    }
    const s = await extractFiles(files, undefined, { maxCrates: 5 });
    // Superseded (Sound gate I): the crates over the limit are not analysed, but each export in
    // them is an unresolved entry of the skipped package, never silently dropped.
    expect(s.crates.filter((c) => c.root !== '')).toHaveLength(5);
    const skipped = s.crates.filter((c) => c.root === '');
    expect(skipped.map((c) => c.unresolved?.map((u) => u.reason))).toEqual(
      Array.from({ length: 25 }, () => ['skipped-crate']),
    );
    expect(codes(s)).toContain('too-many-crates');
  });
});

describe('hostile export names', () => {
  const NAMES: [string, string][] = [
    ['"tick`s`"', 'tick`s`'],
    ['"<img src=x onerror=alert(1)>"', '<img src=x onerror=alert(1)>'],
    ['"line\\nbreak\\r\\n"', 'line\nbreak\r\n'],
    ['"<!-- ffi-surface-guard -->"', '<!-- ffi-surface-guard -->'],
    ['"@octocat **bold** | pipe"', '@octocat **bold** | pipe'],
    ['"quote\\"d\\\\back"', 'quote"d\\back'],
    ['"rtl\\u{202e}gnp.exe"', 'rtl\u202egnp.exe'],
    ['"tab\\there\\x41"', 'tab\thereA'],
    ['r#"raw "quoted" `name`"#', 'raw "quoted" `name`'],
    ['"emoji 🦀"', 'emoji 🦀'],
  ];

  it('preserves every character exactly, through JSON', async () => {
    const lib = NAMES.map(([lit], i) => `#[export_name = ${lit}]\npub extern "C" fn f${i}() {}\n`).join('');
    const s = await extractFiles(
      crate(`${lib}#[unsafe(export_name = "unsafe\\n<b>")]\npub static S: u8 = 0;\n`),
    );
    const back = JSON.parse(JSON.stringify(s)) as typeof s;
    expect(symbolsOf(back)).toEqual([...NAMES.map(([, v]) => v), 'unsafe\n<b>'].sort());
    for (let i = 0; i < NAMES.length; i++) expect(fn(back, NAMES[i][1]).name).toBe(`f${i}`);
  });

  it('keeps them through macro expansion', async () => {
    const s = await extractFiles(
      crate(
        'macro_rules! ex { ($s:literal) => { #[export_name = $s] pub extern "C" fn via_macro() {} }; }\nex!("a`b\\n<c>");\n',
      ),
    );
    expect(symbolsOf(s)).toEqual(['a`b\n<c>']);
  });
});

describe('in-memory trees stay inside too', () => {
  it('does not resolve paths that leave the root', async () => {
    const tree = new MemoryTree({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': '#[path = "../outside.rs"]\nmod o;\n#[path = "../../x.rs"]\nmod x;\n',
      'outside.rs': EXPORT('inside_root_but_above_src'),
    });
    const s = await extract(tree);
    // `../outside.rs` from src/ is still inside the analysed root: rustc would read it too
    expect(symbolsOf(s)).toEqual(['inside_root_but_above_src']);
    expect(diag(s, 'file-outside').line).toBe(4);
  });
});

describe('bounded work on hostile text', () => {
  // Each input here made a backtracking regular expression run for hours (a synchronous hang no
  // test timeout interrupts). The scanners count the positions they look at; the assertions are
  // on that count and on the result, never on time.
  const CTX: ScanContext = {
    file: 'src/big.rs',
    modPath: 'crate::big',
    cfgs: [],
    childDir: 'src/big',
    pathBaseDir: 'src',
    lineBase: 1,
  };
  const ENV = { features: new Set<string>() };
  const meter = (): WorkMeter => ({ steps: 0 });

  it('scans a 1 MiB module file of `mod ` tokens without a `;` once', async () => {
    const big = 'mod '.repeat(256 * 1024);
    expect(big.length).toBe(1024 * 1024);
    const work = meter();
    expect(scanModsLexically(big, CTX, ENV, undefined, work)).toEqual([]);
    // the first `mod` finds no `;` after it, so no later one can declare a file: nothing is lexed
    expect(work.steps).toBe(1);

    const s = await extractFiles(crate(`mod big;\n${EXPORT('kept')}`, { 'src/big.rs': big }));
    expect(symbolsOf(s)).toEqual(['kept']);
    expect(s.crates[0].files).toEqual(['src/big.rs', 'src/lib.rs']);
    expect(s.diagnostics).toEqual([]);
  });

  it('walks unclosed inline modules without rescanning the rest of the file at each level', () => {
    const text = 'mod m { '.repeat(100_000) + 'mod leaf;';
    const tokens = 4 * 100_000 + 3;
    const work = meter();
    const deep: number[] = [];
    expect(scanModsLexically(text, CTX, ENV, (_p, line) => deep.push(line), work)).toEqual([]);
    expect(deep).toEqual([1]);
    // the `mod`/`;` test, the token count and one visit per token at most (skipTree made it 256×)
    expect(work.steps).toBeLessThanOrEqual(100_001 + 2 + 2 * tokens);
  });

  it('prepares `unsafe extern "C" {}` and a million newlines for parsing in one pass', async () => {
    const text = `unsafe extern "C" {}${'\n'.repeat(1_000_000)}`;
    const work = meter();
    // `unsafe` blanked out, same length: positions stay
    expect(prepareForParse(text, work)).toBe(`${' '.repeat(7)}extern "C" {}${'\n'.repeat(1_000_000)}`);
    expect(work.steps).toBeLessThanOrEqual(2 * text.length);

    const s = await extractFiles(crate(`${text}${EXPORT('after')}`));
    expect(symbolsOf(s)).toEqual(['after']);
    expect(fn(s, 'after').line).toBe(1_000_002);
    expect(s.diagnostics).toEqual([]);
  });

  it('reads a `#[doc]` string of 500,000 `\\n` escapes on an export once', async () => {
    const escapes = (n: number): string => `#[doc = "${'\\n'.repeat(n)}"]`;
    const s = await extractFiles(
      crate(
        `${escapes(500_000)}\n#[no_mangle]\npub unsafe extern "C" fn documented() {}\n` +
          `${escapes(50_000)}\n/// # Safety\n/// p is valid\n#[no_mangle]\npub unsafe extern "C" fn with_safety() {}\n`,
      ),
    );
    expect(fn(s, 'documented').doc).toEqual({ present: true, safety: false });
    expect(fn(s, 'with_safety').doc).toEqual({ present: true, safety: true });
    expect(s.diagnostics).toEqual([]);

    const doc = unescapeRustString(`"${'\\n'.repeat(500_000)}"`);
    expect(doc).toBe('\n'.repeat(500_000));
    const work = meter();
    expect(hasSafetySection(doc, work)).toBe(false);
    expect(work.steps).toBeLessThanOrEqual(2 * doc.length + 1);
  });

  it('bounds recursion on types, blocks and expressions nested by the ten thousand', async () => {
    const s = await extractFiles(
      crate(
        `${EXPORT('before')}#[no_mangle]\npub extern "C" fn deep_type(p: ${'*const '.repeat(20_000)}u8) {}\n` +
          `#[no_mangle]\npub extern "C" fn deep_body() -> i32 ${'{'.repeat(20_000)}1${'}'.repeat(20_000)}\n` +
          EXPORT('after'),
      ),
    );
    // the file is read to its end: no stack overflow that loses everything after it
    expect(symbolsOf(s)).toEqual(['after', 'before', 'deep_body', 'deep_type']);
    // normalised 128 levels down, then the text as written (whitespace collapsed)
    const type = fn(s, 'deep_type').params[0].type;
    expect(type.startsWith(`${'*const '.repeat(128)}*const*const`)).toBe(true);
    expect(type.endsWith('*const u8')).toBe(true);
    expect(codes(s)).toContain('nesting-too-deep');
    expect(codes(s)).not.toContain('parse-failed');
  });

  it('survives a macro matcher nested 100,000 deep', async () => {
    const deep = `macro_rules! m { (${'('.repeat(100_000)}${')'.repeat(100_000)}) => {} }\nm!();\n`;
    const s = await extractFiles(crate(`${EXPORT('kept')}${deep}`));
    expect(symbolsOf(s)).toEqual(['kept']);
    expect(diag(s, 'unexpanded-macro').message).toContain('no rule of macro m!');
  });

  describe('the linear scanners accept what the expressions they replace did', () => {
    const pieces = (...extra: string[]) =>
      fc.array(fc.constantFrom(...' \t\n\r\u2028\u00a0xa_;{}()#"'.split(''), ...extra), { maxLength: 40 });
    const agree = <T>(arb: fc.Arbitrary<string[]>, f: (t: string) => T, g: (t: string) => T) =>
      fc.assert(
        fc.property(arb, (parts) => {
          const text = parts.join('');
          expect([text, f(text)]).toEqual([text, g(text)]);
        }),
        { numRuns: 3000 },
      );

    it('`mod …;` before a brace', () => {
      // a `mod` then `;` before any brace, or a brace a comment or string may hide (a `/`, `"` or
      // `'` before it) with a `;` somewhere after
      agree(pieces('mod', 'xmod', 'mod_', '//', "'"), mayDeclareFileModule, (t) =>
        /\bmod\b[^;{}]*;|\bmod\b[^;{}]*["'/][^;{}]*[{}][^]*;/.test(t),
      );
    });

    it('`unsafe extern` and `safe fn` blanking', () => {
      const old = (text: string): string =>
        !/unsafe\s+extern/.test(text)
          ? text
          : text
              .replace(/\bunsafe(\s+extern\s*(?:"[^"\n]*"\s*)?\{)/g, (_m, rest: string) => '      ' + rest)
              .replace(
                /^(\s*(?:pub(?:\([^)\n]*\))?\s+)?)safe(\s+(?:fn|static)\b)/gm,
                (_m, pre: string, rest: string) => pre + '    ' + rest,
              );
      agree(
        pieces('unsafe', 'extern', '"C"', 'safe', 'pub', 'pub(crate)', 'fn', 'static', 'fnx'),
        (t) => prepareForParse(t),
        old,
      );
    });

    it('`# Safety` headings', () => {
      agree(
        pieces('#', 'Safety', 'SAFETY', 'safety', 'Safetyx', 'ſafety'),
        (t) => hasSafetySection(t),
        (t) => /^\s*#+\s*Safety\b/im.test(t),
      );
    });

    it('string literal unescaping', () => {
      const old = (lit: string): string => {
        const raw = /^(?:b|c)?r(#*)"([\s\S]*)"\1$/.exec(lit);
        if (raw) return raw[2];
        const m = /^(?:b|c)?"([\s\S]*)"$/.exec(lit);
        if (!m) return lit;
        const body = m[1];
        let out = '';
        for (let i = 0; i < body.length; i++) {
          const c = body[i];
          if (c !== '\\') {
            out += c;
            continue;
          }
          const e = body[++i];
          if (e === 'n') out += '\n';
          else if (e === 'r') out += '\r';
          else if (e === 't') out += '\t';
          else if (e === '0') out += '\0';
          else if (e === '\\' || e === '"' || e === "'") out += e;
          else if (e === 'x') {
            // rustc's own reading where it accepts the escape; any fixed value where it does not
            const hex = body.slice(i + 1, i + 3);
            out += /^[0-9A-Fa-f]{2}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : '\0';
            i += 2;
          } else if (e === 'u') {
            const m = /^\{([0-9A-Fa-f][0-9A-Fa-f_]*)\}/.exec(body.slice(i + 1));
            const digits = m ? m[1].split('_').join('') : '';
            const cp = digits.length >= 1 && digits.length <= 6 ? parseInt(digits, 16) : -1;
            if (m && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && cp >= 0) {
              out += String.fromCodePoint(cp);
              i += m[0].length;
            } else {
              out += '\ufffd';
              const close = body.indexOf('}', i);
              i = close < 0 ? body.length : close;
            }
          } else if (e === '\n' || e === '\r')
            // a line continuation skips ASCII whitespace only, as rustc does
            while (i + 1 < body.length && ' \t\n\r'.includes(body[i + 1])) i++;
          else out += e ?? '';
        }
        return out;
      };
      agree(
        fc.array(
          fc.constantFrom(
            '"',
            'b"',
            'r#"',
            '"#',
            'a',
            ' ',
            '\n',
            '\r',
            '\u00a0',
            '\\',
            'n',
            'x4',
            '1',
            'u{',
            '41',
            '_',
            '}',
            'q',
          ),
          {
            maxLength: 20,
          },
        ),
        unescapeRustString,
        old,
      );
    });

    it('arrays of C types', () => {
      const old = (type: string): boolean => {
        const t = type.trim();
        if (t === 'u8') return true;
        const arr = /^\[(.+); .+\]$/.exec(t);
        return arr ? old(arr[1]) : false;
      };
      agree(
        fc.array(fc.constantFrom('[', ']', '; ', ';', ' ', 'u8', '2', '\n', 'x'), { maxLength: 16 }),
        (t) => isCCompatible(t, new Set(), new Set()),
        old,
      );
    });

    it('the words of a name', () => {
      const old = (name: string): string[] =>
        name
          .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
          .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean);
      agree(
        fc.array(fc.constantFrom('A', 'B', 'a', 'b', '_', '1', 'HTTP', 'Free'), { maxLength: 16 }),
        words,
        old,
      );
      const work = 'A'.repeat(200_000); // the backtracking replace took minutes on this
      expect(words(work)).toEqual(['a'.repeat(200_000)]);
    });

    it('pointer dereferences in macro input, for identifier names', () => {
      const names = ['p', 'q', 'ptr', 'r#type'];
      const old = (txt: string): string[] =>
        names.filter((p) =>
          new RegExp(
            `\\*\\s*${p}\\b|from_ptr\\s*\\(\\s*${p}\\b|from_raw_parts(_mut)?\\s*\\(\\s*${p}\\b|\\b${p}\\s*\\.\\s*as_(ref|mut)\\b`,
          ).test(txt),
        );
      const found = (txt: string): string[] => {
        const into = new Set<string>();
        derefsInText(txt, new Set(names), into);
        return names.filter((p) => into.has(p));
      };
      agree(
        fc.array(
          fc.constantFrom(
            '*',
            ' ',
            'p',
            'q',
            'ptr',
            'r#type',
            'type',
            '.',
            'as_ref',
            'as_mut',
            'as_refx',
            'from_ptr',
            'from_raw_parts',
            '_mut',
            '(',
            ')',
            'x',
            ',',
          ),
          { maxLength: 14 },
        ),
        found,
        old,
      );
    });
  });
});

/** A clock that moves `step` milliseconds forward each time it is read. */
class SteppingClock implements Clock {
  private t = 0;
  constructor(private readonly step: number) {}
  now(): number {
    this.t += this.step;
    return this.t;
  }
}

describe('the whole-run deadline', () => {
  const files: Record<string, string> = { 'Cargo.toml': MANIFEST };
  const decls: string[] = [];
  for (let i = 0; i < 40; i++) {
    decls.push(`mod m${i};`);
    files[`src/m${i}.rs`] = EXPORT(`f${i}`);
  }
  files['src/lib.rs'] = decls.join('\n');

  it('stops an extraction at the first read or parse past it, naming the path', async () => {
    const clock = new SteppingClock(1000); // one second per look at the clock
    const deadline = new Deadline(10, clock, 0);
    const inner = new RecordingTree(new MemoryTree(files));
    const parser = parserWithDeadline(await loadRustParser(), deadline);
    const run = extractSurface(new DeadlineTree(inner, deadline), parser, {
      features: DEFAULT,
      limits: DEFAULT_LIMITS,
    });
    await expect(run).rejects.toThrow(DeadlineExceeded);
    await expect(run).rejects.toThrow(/^analysis exceeded the deadline of 10 s while (reading|parsing) \S+$/);
    // every read and parse looks at the clock twice, so about five of them happened, not 41
    expect(inner.reads.length).toBeLessThanOrEqual(5);
    // past the deadline every check fails again, with the first place it was noticed
    const first = await run.catch((e: DeadlineExceeded) => e);
    expect(() => deadline.check('anything')).toThrow(first as DeadlineExceeded);
  });

  it('names the file being parsed, and is not turned into a parse-failed diagnostic', async () => {
    let t = 0;
    const clock: Clock = { now: () => t };
    const deadline = new Deadline(600, clock, 0);
    const raw = await loadRustParser();
    const slow: RustParser = {
      parse: (text, origin) => {
        if (origin === 'src/m7.rs') t = 601_000; // this parse takes past the deadline
        return raw.parse(text, origin);
      },
    };
    const run = extractSurface(
      new DeadlineTree(new MemoryTree(files), deadline),
      parserWithDeadline(slow, deadline),
      {
        features: DEFAULT,
        limits: DEFAULT_LIMITS,
      },
    );
    await expect(run).rejects.toThrow('analysis exceeded the deadline of 600 s while parsing src/m7.rs');
  });

  it('is --deadline on the command line: exit code 2 and one line naming the path', async () => {
    const dir = writeTree(files);
    try {
      const r = await run(['extract', '--root', dir, '--deadline', '1'], { clock: new SteppingClock(1000) });
      expect(r).toEqual({
        stdout: '',
        exitCode: 2,
        error: 'error: analysis exceeded the deadline of 1 s while reading Cargo.toml',
      });
      // the real clock: well within the deadline
      const ok = await run(['extract', '--root', dir, '--deadline', '600']);
      expect(ok.exitCode).toBe(0);
      for (const bad of ['0', '21601', 'ten', '1.5', '-3'])
        expect(await run(['extract', '--root', dir, `--deadline=${bad}`])).toEqual({
          stdout: '',
          exitCode: 2,
          error: `--deadline must be a whole number of seconds from 1 to 21600 (got ${JSON.stringify(bad)})`,
        });
    } finally {
      removeTree(dir);
    }
  });

  it('is limits.deadline-seconds in the configuration file', async () => {
    const dir = writeTree({ ...files, '.github/ffi-surface-guard.yml': 'limits:\n  deadline-seconds: 2\n' });
    try {
      const r = await run(['extract', '--root', dir], { clock: new SteppingClock(1000) });
      expect(r.exitCode).toBe(2);
      expect(r.error).toMatch(/^error: analysis exceeded the deadline of 2 s while reading \S+$/);
      const typo = writeTree({
        ...files,
        '.github/ffi-surface-guard.yml': 'limits:\n  deadline-second: 2\n',
      });
      try {
        const bad = await run(['extract', '--root', typo]);
        expect(bad.exitCode).toBe(2);
        expect(bad.error).toContain(
          'limits.deadline-second: unknown key "deadline-second" (did you mean "deadline-seconds"?)',
        );
      } finally {
        removeTree(typo);
      }
    } finally {
      removeTree(dir);
    }
  });
});
