/**
 * The artifact fixtures, built once per test process with the real compiler (`cargo build
 * --offline --locked --release`), and the oracles the readers are checked against: binutils'
 * `nm -D` for shared objects, `readelf -s` for archive members (binutils' and LLVM 14's `nm` cannot
 * read rustc 1.95's members, which embed LLVM 22 bitcode), LLVM's `llvm-nm` for Mach-O and
 * `objdump -p` / `llvm-readobj --coff-exports` for PE.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const WORKSPACE = path.join(__dirname, '..', 'fixtures', 'artifacts', 'workspace');
const TARGET = path.join(os.tmpdir(), 'ffi-surface-guard-test-target', 'artifacts');

export function hasTools(): boolean {
  return ['cargo', 'nm', 'readelf'].every(
    (t) => spawnSync(t, ['--version'], { stdio: 'ignore' }).status === 0,
  );
}

let built: string | null = null;

/** Builds the fixture workspace (release) and returns the directory holding its libraries. */
export function buildFixtures(): string {
  if (built) return built;
  const env: NodeJS.ProcessEnv = { ...process.env, CARGO_TARGET_DIR: TARGET };
  delete env.RUSTFLAGS;
  delete env.CARGO_ENCODED_RUSTFLAGS;
  delete env.CARGO_BUILD_TARGET;
  execFileSync('cargo', ['build', '--offline', '--locked', '--release', '--workspace', '--quiet'], {
    cwd: WORKSPACE,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  built = path.join(TARGET, 'release');
  return built;
}

/** `nm -D --defined-only` names, version suffixes (`@@V1`) removed, sorted and unique. */
export function nmDynamic(file: string): string[] {
  const out = execFileSync('nm', ['-D', '--defined-only', file], { encoding: 'utf8' });
  return [
    ...new Set(
      out
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((p) => p.length === 3)
        .map((p) => p[2].replace(/@.*$/, '')),
    ),
  ].sort();
}

/** `member\0name` of every defined global, weak or unique symbol of an archive's ELF members (`readelf -s`). */
export function readelfArchive(file: string): string[] {
  const out = execFileSync('readelf', ['-s', '-W', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const found = new Set<string>();
  let member = '';
  for (const line of out.split('\n')) {
    const f = /^File: .*\((.*)\)$/.exec(line);
    if (f) {
      member = f[1];
      continue;
    }
    const p = line.trim().split(/\s+/);
    // Num: Value Size Type Bind Vis Ndx Name
    if (p.length < 8 || !/^[0-9]+:$/.test(p[0])) continue;
    const [, , , type, bind, , ndx, name] = p;
    if (!['GLOBAL', 'WEAK', 'UNIQUE'].includes(bind) || ndx === 'UND') continue;
    if (type === 'SECTION' || type === 'FILE') continue;
    found.add(`${member}\u0000${name}`);
  }
  return [...found].sort();
}

export function tool(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

export function read(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}
