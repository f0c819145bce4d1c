/**
 * A `SourceTree` over a directory on disk. Bounded reads; a symbolic link is followed only when
 * its real target stays inside the root.
 */
import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { lowerBound } from '../core/bisect';
import { decodeText, EntryType, ReadResult, SourceTree } from '../core/source-tree';

const SKIP_DIRS = new Set(['.git', 'target', 'node_modules']);

/** What a directory entry is, as `readdir` saw it (a symbolic link is resolved when asked). */
const enum DirentKind {
  File,
  Dir,
  Symlink,
  Other,
}

function direntKind(e: fsSync.Dirent): DirentKind {
  return e.isSymbolicLink()
    ? DirentKind.Symlink
    : e.isFile()
      ? DirentKind.File
      : e.isDirectory()
        ? DirentKind.Dir
        : DirentKind.Other;
}

/**
 * A directory's entries with their kinds: the names sorted (code-unit order), and one character
 * per name for its kind. A `Map` per directory cost ~80 bytes an entry (8 MB at 100,000 files,
 * kept for the whole run); this costs ~33.
 */
interface Listing {
  names: string[];
  /** `kinds.charCodeAt(i) - 48` is the `DirentKind` of `names[i]`. */
  kinds: string;
}

function packListing(entries: fsSync.Dirent[]): Listing {
  const sorted = entries
    .map((e) => ({ name: e.name, kind: direntKind(e) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { names: sorted.map((e) => e.name), kinds: sorted.map((e) => String(e.kind)).join('') };
}

/** The kind of the entry `name` of a listing (undefined: no such entry); a binary search. */
function kindIn(listing: Listing, name: string): DirentKind | undefined {
  const { names } = listing;
  const lo = lowerBound(names, name);
  return lo < names.length && names[lo] === name
    ? ((listing.kinds.charCodeAt(lo) - 48) as DirentKind)
    : undefined;
}

export class FileSystemTree implements SourceTree {
  readonly label = 'working tree';
  /** Where each directory looked at really is (cached: a tree is read once). */
  private readonly dirState = new Map<string, 'inside' | 'outside' | 'missing'>();
  /**
   * Each directory's entries by name, as a kind code (`Dirent`s are not kept: at 100,000 files they
   * held ~30 MB, each with its own copy of the directory's absolute path).
   */
  private readonly listings = new Map<string, Listing>();
  private readonly walks = new Map<number, Promise<{ paths: string[]; truncated: boolean }>>();
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

  async realPath(rel: string): Promise<string | null> {
    if (rel === '') return '';
    const real = await this.contained(rel);
    return real === null ? null : path.relative(this.root, real).split(path.sep).join('/');
  }

  /**
   * Where the directory holding `rel` really is: a symlinked directory on the way
   * (`src/sub -> /etc`) must not let `src/sub/passwd` through. Cached per directory.
   */
  private parentState(rel: string): 'inside' | 'outside' | 'missing' {
    const slash = rel.lastIndexOf('/');
    if (slash < 0) return 'inside';
    const dir = rel.slice(0, slash);
    let state = this.dirState.get(dir);
    if (!state) {
      try {
        state = this.inside(fsSync.realpathSync(path.join(this.root, dir))) ? 'inside' : 'outside';
      } catch {
        state = 'missing';
      }
      this.dirState.set(dir, state);
    }
    return state;
  }

  /** The real path of a symbolic link if it stays inside the root, else null. */
  private containedSync(abs: string): string | null {
    try {
      const real = fsSync.realpathSync(abs);
      return this.inside(real) ? real : null;
    } catch {
      return null;
    }
  }

  /** The entries of a directory inside the root, by name (one `readdir` instead of a stat per file). */
  private listing(dir: string): Listing {
    let m = this.listings.get(dir);
    if (m === undefined) {
      let entries: fsSync.Dirent[] = [];
      try {
        entries = fsSync.readdirSync(dir ? path.join(this.root, dir) : this.root, { withFileTypes: true });
      } catch {
        // unreadable or not a directory: empty
      }
      m = packListing(entries);
      this.listings.set(dir, m);
    }
    return m;
  }

  // stat and read use synchronous calls: the engine reads thousands of small files one after the
  // other, and a thread-pool round trip per call costs more than the call itself.
  async stat(rel: string): Promise<EntryType> {
    const abs = this.abs(rel);
    if (!abs) return 'missing';
    if (rel === '') return 'dir';
    // a path through a directory link that leads outside: not looked at (not even its existence)
    const parent = this.parentState(rel);
    if (parent !== 'inside') return parent === 'outside' ? 'symlink' : 'missing';
    const slash = rel.lastIndexOf('/');
    const e = kindIn(this.listing(slash < 0 ? '' : rel.slice(0, slash)), rel.slice(slash + 1));
    if (e === undefined) return 'missing';
    if (e === DirentKind.Symlink) {
      const real = this.containedSync(abs);
      if (!real) return 'symlink';
      try {
        const t = fsSync.statSync(real);
        return t.isFile() ? 'file' : t.isDirectory() ? 'dir' : 'missing';
      } catch {
        return 'missing';
      }
    }
    return e === DirentKind.File ? 'file' : e === DirentKind.Dir ? 'dir' : 'missing';
  }

  async read(rel: string, maxBytes: number): Promise<ReadResult> {
    const abs = this.abs(rel);
    if (!abs) return { ok: false, reason: 'outside', detail: 'is outside the analysed root' };
    const parent = this.parentState(rel);
    if (parent === 'missing') return { ok: false, reason: 'missing', detail: 'does not exist' };
    if (parent === 'outside')
      return {
        ok: false,
        reason: 'outside',
        detail: 'is reached through a symbolic link that leads outside the repository; not followed',
      };
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fsSync.constants;
    let fd: number | null = null;
    try {
      // O_NOFOLLOW: a symbolic link fails to open and is resolved (and checked) below;
      // O_NONBLOCK: opening a FIFO must not block (it is refused as not a regular file)
      try {
        fd = fsSync.openSync(abs, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
          return { ok: false, reason: 'missing', detail: 'does not exist' };
        if (code !== 'ELOOP' && code !== 'EMLINK' && O_NOFOLLOW !== undefined) throw e;
      }
      if (fd === null || O_NOFOLLOW === undefined) {
        if (fd !== null && !fsSync.lstatSync(abs).isSymbolicLink()) {
          // no O_NOFOLLOW on this platform, and not a link: read what was opened
        } else {
          if (fd !== null) fsSync.closeSync(fd);
          fd = null;
          const real = this.containedSync(abs);
          if (!real)
            return {
              ok: false,
              reason: 'outside',
              detail: 'is a symbolic link that leads outside the repository; not followed',
            };
          fd = fsSync.openSync(real, O_RDONLY | (O_NONBLOCK ?? 0));
        }
      }
      const st = fsSync.fstatSync(fd);
      if (!st.isFile()) return { ok: false, reason: 'error', detail: 'is not a regular file' };
      if (st.size > maxBytes)
        return { ok: false, reason: 'too-large', detail: `is ${st.size} bytes (limit ${maxBytes})` };
      const buf = Buffer.allocUnsafe(st.size);
      let got = 0;
      while (got < st.size) {
        const n = fsSync.readSync(fd, buf, got, st.size - got, got);
        if (n === 0) break;
        got += n;
      }
      return decodeText(buf.subarray(0, got));
    } catch (e) {
      return {
        ok: false,
        reason: 'error',
        detail: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    } finally {
      if (fd !== null) fsSync.closeSync(fd);
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

  /** Workspace discovery and the test search both list the tree: walk it once. */
  async listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    let walk = this.walks.get(max);
    if (!walk) {
      walk = this.walk(max);
      this.walks.set(max, walk);
    }
    const r = await walk;
    return { paths: [...r.paths], truncated: r.truncated };
  }

  private async walk(max: number): Promise<{ paths: string[]; truncated: boolean }> {
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
