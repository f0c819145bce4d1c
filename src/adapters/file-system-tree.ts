/**
 * A `SourceTree` over a directory on disk. Bounded reads; a symbolic link is followed only when
 * its real target stays inside the root.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeText, EntryType, ReadResult, SourceTree } from '../core/source-tree';

const SKIP_DIRS = new Set(['.git', 'target', 'node_modules']);

export class FileSystemTree implements SourceTree {
  readonly label = 'working tree';
  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<FileSystemTree> {
    return new FileSystemTree(await fs.realpath(root));
  }

  private abs(rel: string): string | null {
    if (rel.startsWith('/') || rel.split('/').includes('..')) return null;
    return path.join(this.root, rel);
  }

  private inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root + path.sep);
  }

  /** The real path of `rel` if it stays inside the root, else null. */
  private async contained(rel: string): Promise<string | null> {
    const abs = this.abs(rel);
    if (!abs) return null;
    try {
      const real = await fs.realpath(abs);
      return this.inside(real) ? real : null;
    } catch {
      return null;
    }
  }

  async stat(rel: string): Promise<EntryType> {
    const abs = this.abs(rel);
    if (!abs) return 'missing';
    try {
      const st = await fs.lstat(abs);
      if (st.isSymbolicLink()) {
        const real = await this.contained(rel);
        if (!real) return 'symlink';
        const t = await fs.stat(real);
        return t.isFile() ? 'file' : t.isDirectory() ? 'dir' : 'missing';
      }
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'missing';
    } catch {
      return 'missing';
    }
  }

  async read(rel: string, maxBytes: number): Promise<ReadResult> {
    const abs = this.abs(rel);
    if (!abs) return { ok: false, reason: 'outside', detail: 'is outside the analysed root' };
    let real: string;
    try {
      const st = await fs.lstat(abs);
      if (st.isSymbolicLink()) {
        const r = await this.contained(rel);
        if (!r)
          return {
            ok: false,
            reason: 'outside',
            detail: 'is a symbolic link that leads outside the repository; not followed',
          };
        real = r;
      } else real = abs;
    } catch {
      return { ok: false, reason: 'missing', detail: 'does not exist' };
    }
    let handle: fs.FileHandle | null = null;
    try {
      handle = await fs.open(real, 'r');
      const st = await handle.stat();
      if (!st.isFile()) return { ok: false, reason: 'error', detail: 'is not a regular file' };
      if (st.size > maxBytes)
        return { ok: false, reason: 'too-large', detail: `is ${st.size} bytes (limit ${maxBytes})` };
      const buf = Buffer.alloc(st.size);
      const { bytesRead } = await handle.read(buf, 0, st.size, 0);
      return decodeText(buf.subarray(0, bytesRead));
    } catch (e) {
      return {
        ok: false,
        reason: 'error',
        detail: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    } finally {
      await handle?.close();
    }
  }

  async list(dir: string): Promise<{ name: string; type: EntryType }[]> {
    const abs = dir === '' ? this.root : await this.contained(dir);
    if (!abs) return [];
    try {
      const entries = await fs.readdir(abs, { withFileTypes: true });
      const out: { name: string; type: EntryType }[] = [];
      for (const e of entries) {
        const type: EntryType = e.isSymbolicLink()
          ? await this.stat(dir ? `${dir}/${e.name}` : e.name)
          : e.isDirectory()
            ? 'dir'
            : e.isFile()
              ? 'file'
              : 'missing';
        out.push({ name: e.name, type });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  }

  async listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    const paths: string[] = [];
    const stack = [''];
    while (stack.length) {
      const dir = stack.pop() as string;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir ? path.join(this.root, dir) : this.root, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) stack.push(rel);
        } else if (e.isFile()) {
          if (paths.length >= max) return { paths: paths.sort(), truncated: true };
          paths.push(rel);
        }
      }
    }
    return { paths: paths.sort(), truncated: false };
  }
}
