/** `extract --findings` over a whole surface, and the config file's scope and policy on the CLI. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-cli-'));
  for (const [p, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
  return dir;
}

const TWO_CRATES = {
  'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n',
  'a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\n',
  'a/src/lib.rs': 'mod gen;\n#[no_mangle] pub extern "C" fn a_read(p: *const u8) -> u8 { unsafe { *p } }\n',
  'a/src/gen.rs': '#[no_mangle] pub extern "C" fn a_generated() {}\n',
  'b/Cargo.toml': '[package]\nname = "b"\nversion = "1.0.0"\n',
  'b/src/lib.rs': '#[no_mangle] pub extern "C" fn b_only() {}\n',
};

interface Out {
  crates: { name: string; items: { symbol?: string }[] }[];
  findings?: { rule: string; level: string; symbol: string }[];
}

describe('extract with --findings and a config file', () => {
  it('reports findings over the whole surface', async () => {
    const dir = workspace(TWO_CRATES);
    const r = await run(['extract', '--root', dir, '--findings']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const rules = (out.findings ?? [])
      .filter((f) => f.symbol === 'a_read')
      .map((f) => `${f.rule}:${f.level}`);
    expect(rules).toEqual(expect.arrayContaining(['raw-pointer-param:high', 'not-unsafe-ptr-deref:high']));
  });

  it('applies crates.exclude, paths.exclude and finding levels from .github/ffi-surface-guard.yml', async () => {
    const dir = workspace({
      ...TWO_CRATES,
      '.github/ffi-surface-guard.yml':
        'crates:\n  exclude: [b]\npaths:\n  exclude: ["a/src/gen.rs"]\nfindings:\n  levels:\n    raw-pointer-param: low\n    untested-export: off\n',
    });
    const r = await run(['extract', '--root', dir, '--findings']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crates.map((c) => c.name)).toEqual(['a']);
    expect(out.crates[0].items.map((i) => i.symbol)).toEqual(['a_read']);
    const found = (out.findings ?? []).map((f) => `${f.rule}:${f.level}`);
    expect(found).toContain('raw-pointer-param:low');
    expect(found.some((f) => f.startsWith('untested-export'))).toBe(false);
  });

  it('a bad config file is exit 2 with one line naming the file and the key', async () => {
    const dir = workspace({ ...TWO_CRATES, 'ffi.yml': 'required-approvals: 0\n' });
    const r = await run(['extract', '--root', dir, '--config', path.join(dir, 'ffi.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.error).toMatch(/ffi\.yml: required-approvals: /);
    expect(r.error).not.toContain('\n');
    const missing = await run(['extract', '--root', dir, '--config', path.join(dir, 'nope.yml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.error).toMatch(/nope\.yml: cannot be read/);
  });
});
