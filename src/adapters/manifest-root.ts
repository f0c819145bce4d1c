/**
 * Where a command run without `--root` analyses: the nearest directory upwards from the current
 * one that holds a `Cargo.toml` — or, further up, the root of the workspace it belongs to — never
 * above the repository's root (the first directory holding `.git`). As cargo finds its manifest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_LEVELS = 128;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** The manifest's text declares a `[workspace]` table (a line-by-line scan, linear). */
function declaresWorkspace(file: string): boolean {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(fs.fstatSync(fd).size, MAX_MANIFEST_BYTES));
      fs.readSync(fd, buf, 0, buf.length, 0);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  for (const line of text.split('\n')) if (line.trim() === '[workspace]') return true;
  return false;
}

export function findManifestRoot(start: string): string {
  let dir = path.resolve(start);
  let nearest: string | null = null;
  let workspace: string | null = null;
  for (let i = 0; i < MAX_LEVELS; i++) {
    const manifest = path.join(dir, 'Cargo.toml');
    if (fs.existsSync(manifest)) {
      nearest ??= dir;
      if (declaresWorkspace(manifest)) workspace = dir;
    }
    if (fs.existsSync(path.join(dir, '.git'))) break; // the repository's root
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = workspace ?? nearest;
  return found === null ? start : path.relative(process.cwd(), found) || '.';
}
