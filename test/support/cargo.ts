/** Builds fixture crates with the real compiler and reads their dynamic symbol table. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const TARGET = path.join(os.tmpdir(), 'ffi-surface-guard-test-target');

export function hasCargo(): boolean {
  try {
    execFileSync('cargo', ['--version'], { stdio: 'ignore' });
    execFileSync('nm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Builds the crate at `dir` as a cdylib and returns `nm -D --defined-only` symbol names. */
export function exportedSymbols(dir: string, flags: string[] = []): string[] {
  const manifest = path.join(dir, 'Cargo.toml');
  const name = /name\s*=\s*"([^"]+)"/.exec(fs.readFileSync(manifest, 'utf8'))?.[1] as string;
  const target = path.join(TARGET, path.basename(dir) + (flags.join('') || '-default'));
  execFileSync('cargo', ['build', '--offline', '--quiet', '--manifest-path', manifest, ...flags], {
    env: { ...process.env, CARGO_TARGET_DIR: target, RUSTFLAGS: '-A warnings' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lib = path.join(target, 'debug', `lib${name.replace(/-/g, '_')}.so`);
  const out = execFileSync('nm', ['-D', '--defined-only', lib], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map((p) => p[2])
    .sort();
}
