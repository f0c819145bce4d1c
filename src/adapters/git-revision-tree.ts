/**
 * A `SourceTree` over one git revision, read straight from the object database: no checkout, no
 * work-tree change. Symbolic links are followed only to blobs inside the analysed root.
 */
import { decodeText, EntryType, ReadResult, SourceTree } from '../core/source-tree';
import { BlobReader, git, GitError, runGit } from './git';

/** Longest symbolic-link target followed (PATH_MAX): a link blob can be any size. */
const MAX_LINK_BYTES = 4096;

interface Entry {
  mode: string;
  oid: string;
  size: number;
}

export class GitRevisionTree implements SourceTree {
  private readonly dirs = new Map<string, Map<string, EntryType>>();

  private constructor(
    readonly label: string,
    private readonly entries: Map<string, Entry>,
    private readonly reader: BlobReader,
  ) {
    this.dirs.set('', new Map());
    for (const [p, e] of entries) {
      // from the file up: a directory already listed in its parent has all its ancestors listed,
      // so each directory is registered once, not once per file below it (each time rebuilding the
      // path of every ancestor, which is quadratic in the depth)
      let name = p.slice(p.lastIndexOf('/') + 1);
      let type: EntryType = e.mode === '120000' ? 'symlink' : 'file';
      for (let end = p.length - name.length - 1; ;) {
        const dir = end < 0 ? '' : p.slice(0, end);
        let m = this.dirs.get(dir);
        const known = m?.has(name) ?? false;
        if (!m) this.dirs.set(dir, (m = new Map<string, EntryType>()));
        m.set(name, type);
        if (end < 0 || (known && type === 'dir')) break;
        const slash = end > 0 ? p.lastIndexOf('/', end - 1) : -1;
        name = p.slice(slash + 1, end);
        type = 'dir';
        end = slash;
      }
    }
  }

  /**
   * Opens `rev` of the repository that contains `dir`; paths are relative to `dir` inside it.
   * Throws GitError with a clear message when the revision is not in the object database.
   */
  static async open(dir: string, rev: string): Promise<GitRevisionTree> {
    const top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
    const prefix = (await git(dir, ['rev-parse', '--show-prefix'])).trim().replace(/\/$/, '');
    const r = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    if (r.code !== 0) {
      const shallow =
        (await git(dir, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
      throw new GitError(
        `revision ${JSON.stringify(rev)} is not in this repository${shallow ? ' (it is a shallow clone: fetch the base, or use actions/checkout with fetch-depth: 0)' : ''}`,
      );
    }
    const sha = r.stdout.toString('utf8').trim();
    const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', sha];
    if (prefix) args.push('--', prefix);
    const out = await git(top, args);
    const entries = new Map<string, Entry>();
    for (const rec of out.split('\0')) {
      if (!rec) continue;
      const tab = rec.indexOf('\t');
      const [mode, type, oid, size] = rec.slice(0, tab).split(/ +/);
      const full = rec.slice(tab + 1);
      if (type !== 'blob') continue;
      const rel = prefix ? full.slice(prefix.length + 1) : full;
      entries.set(rel, { mode, oid, size: Number(size) });
    }
    return new GitRevisionTree(sha, entries, new BlobReader(top));
  }

  close(): void {
    this.reader.close();
  }

  async stat(path: string): Promise<EntryType> {
    const e = this.entries.get(path);
    if (e) {
      if (e.mode !== '120000') return 'file';
      const target = await this.linkTarget(path, 0);
      return target ? 'file' : 'symlink';
    }
    return this.dirs.has(path) ? 'dir' : 'missing';
  }

  /** Resolves a symlink blob to a regular file inside the root, or null. */
  private async linkTarget(path: string, depth: number): Promise<string | null> {
    const e = this.entries.get(path);
    if (!e) return null;
    if (e.mode !== '120000') return path;
    if (depth > 8 || e.size > MAX_LINK_BYTES) return null; // no system resolves a longer target
    const buf = await this.reader.read(e.oid);
    if (!buf) return null;
    const target = buf.toString('utf8');
    if (target.startsWith('/')) return null;
    const parts = path.split('/').slice(0, -1);
    for (const seg of target.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (!parts.length) return null;
        parts.pop();
      } else parts.push(seg);
    }
    return this.linkTarget(parts.join('/'), depth + 1);
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    let e = this.entries.get(path);
    if (!e) return { ok: false, reason: 'missing', detail: 'does not exist' };
    if (e.mode === '120000') {
      const target = await this.linkTarget(path, 0);
      if (!target)
        return {
          ok: false,
          reason: 'outside',
          detail: 'is a symbolic link that leads outside the repository; not followed',
        };
      e = this.entries.get(target) as Entry;
    }
    if (e.mode === '160000') return { ok: false, reason: 'error', detail: 'is a submodule' };
    if (e.size > maxBytes)
      return { ok: false, reason: 'too-large', detail: `is ${e.size} bytes (limit ${maxBytes})` };
    const buf = await this.reader.read(e.oid);
    if (!buf) return { ok: false, reason: 'missing', detail: 'is missing from the object database' };
    return decodeText(buf);
  }

  async list(dir: string): Promise<{ name: string; type: EntryType }[]> {
    const m = this.dirs.get(dir);
    if (!m) return [];
    return [...m.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, type]) => ({ name, type }));
  }

  async listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    const all = [...this.entries.keys()].filter((p) => !/(^|\/)(target|node_modules)\//.test(p)).sort();
    return { paths: all.slice(0, max), truncated: all.length > max };
  }

  /** Paths whose blob differs between two trees (added, removed or changed). */
  changedPaths(other: GitRevisionTree): Set<string> {
    const out = new Set<string>();
    for (const [p, e] of this.entries) if (other.entries.get(p)?.oid !== e.oid) out.add(p);
    for (const p of other.entries.keys()) if (!this.entries.has(p)) out.add(p);
    return out;
  }
}
