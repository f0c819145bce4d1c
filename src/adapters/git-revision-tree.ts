/**
 * A `SourceTree` over one git revision, read straight from the object database: no checkout, no
 * work-tree change. Symbolic links (to files and to directories) are followed only while they stay
 * inside the analysed root.
 */
import { decodeText, EntryType, ReadResult, SourceTree } from '../core/source-tree';
import { BlobReader, git, GitError, gitRecords, runGit } from './git';

/** Longest symbolic-link target followed (PATH_MAX): a link blob can be any size. */
const MAX_LINK_BYTES = 4096;

interface Entry {
  mode: string;
  oid: string;
  size: number;
}

/**
 * The blobs of one revision by path, kept compactly: an object with two strings per blob held
 * ~20 MB at 100,000 files (issue 19's peak-memory measure); here a blob is an index into a mode
 * table, a size array and one buffer of binary object ids. `get` builds an `Entry` when asked.
 */
class EntryTable {
  private readonly index = new Map<string, number>();
  private readonly modeCodes: number[] = [];
  private readonly modes: string[] = [];
  private readonly sizes: number[] = [];
  private oidBytes = 0;
  private oids = Buffer.alloc(0);
  private count = 0;

  add(path: string, mode: string, oid: string, size: number): void {
    if (this.count === 0) this.oidBytes = oid.length >> 1; // SHA-1 or SHA-256: one per repository
    if (oid.length !== this.oidBytes * 2 || !/^[0-9a-f]+$/.test(oid))
      throw new GitError(`git ls-tree printed an object id that is not one: ${JSON.stringify(oid)}`);
    let code = this.modes.indexOf(mode);
    if (code < 0) code = this.modes.push(mode) - 1;
    const at = this.index.get(path);
    const i = at ?? this.count++;
    if (at === undefined) this.index.set(path, i);
    if ((i + 1) * this.oidBytes > this.oids.length) {
      const grown = Buffer.alloc(Math.max(1024, this.oids.length * 2));
      this.oids.copy(grown);
      this.oids = grown;
    }
    this.oids.write(oid, i * this.oidBytes, 'hex');
    this.modeCodes[i] = code;
    this.sizes[i] = size;
  }

  get(path: string): Entry | undefined {
    const i = this.index.get(path);
    if (i === undefined) return undefined;
    const at = i * this.oidBytes;
    return {
      mode: this.modes[this.modeCodes[i]],
      oid: this.oids.toString('hex', at, at + this.oidBytes),
      size: this.sizes[i],
    };
  }

  /** The mode of `path`'s blob, without building an entry. */
  mode(path: string): string | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.modes[this.modeCodes[i]];
  }

  has(path: string): boolean {
    return this.index.has(path);
  }

  paths(): IterableIterator<string> {
    return this.index.keys();
  }

  /** `path` names the same blob here and in `other`. */
  sameBlob(path: string, other: EntryTable): boolean {
    const i = this.index.get(path);
    const j = other.index.get(path);
    if (i === undefined || j === undefined || this.oidBytes !== other.oidBytes) return false;
    const n = this.oidBytes;
    return this.oids.compare(other.oids, j * n, j * n + n, i * n, i * n + n) === 0;
  }
}

const LINK = '120000';
/** Most symbolic links followed while resolving one path (Linux allows 40). */
const MAX_LINK_HOPS = 40;

type Resolved =
  | { kind: 'file'; path: string; entry: Entry }
  | { kind: 'dir'; path: string }
  | { kind: 'outside' }
  | { kind: 'missing' };

/**
 * A directory's entries: names sorted (code-unit order) and one character per name for its type
 * (`f`ile, `d`irectory, `l`ink). A `Map` per directory cost ~80 bytes an entry (8 MB at 100,000
 * files, kept for the whole run; issue 19's peak-memory measure); this costs ~33.
 */
interface DirListing {
  names: string[];
  types: string;
}

/** What a revision's directory holds: a blob, a link or a tree. */
type DirEntryType = 'file' | 'dir' | 'symlink';

const TYPE_CHAR: Record<DirEntryType, string> = { file: 'f', dir: 'd', symlink: 'l' };
const CHAR_TYPE: Record<string, DirEntryType> = { f: 'file', d: 'dir', l: 'symlink' };

function packDir(m: Map<string, DirEntryType>): DirListing {
  const names = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, types: names.map((n) => TYPE_CHAR[m.get(n) as DirEntryType]).join('') };
}

export class GitRevisionTree implements SourceTree {
  private readonly dirs = new Map<string, DirListing>();
  private readonly links = new Map<string, Promise<string | null>>();

  private constructor(
    readonly label: string,
    private readonly entries: EntryTable,
    private readonly reader: BlobReader,
  ) {
    const building = new Map<string, Map<string, DirEntryType>>([['', new Map()]]);
    for (const p of entries.paths()) {
      // from the file up: a directory already listed in its parent has all its ancestors listed,
      // so each directory is registered once, not once per file below it (each time rebuilding the
      // path of every ancestor, which is quadratic in the depth)
      let name = p.slice(p.lastIndexOf('/') + 1);
      let type: DirEntryType = entries.mode(p) === LINK ? 'symlink' : 'file';
      for (let end = p.length - name.length - 1; ;) {
        const dir = end < 0 ? '' : p.slice(0, end);
        let m = building.get(dir);
        const known = m?.has(name) ?? false;
        if (!m) building.set(dir, (m = new Map<string, DirEntryType>()));
        m.set(name, type);
        if (end < 0 || (known && type === 'dir')) break;
        const slash = end > 0 ? p.lastIndexOf('/', end - 1) : -1;
        name = p.slice(slash + 1, end);
        type = 'dir';
        end = slash;
      }
    }
    for (const [dir, m] of building) this.dirs.set(dir, packDir(m));
  }

  /**
   * Opens `rev` of the repository that contains `dir`; paths are relative to `dir` inside it.
   * `rev` names a commit (the label is then its SHA) or a tree object, such as the merged tree
   * `git merge-tree --write-tree` writes (the label is then the tree's id).
   * Throws GitError with a clear message when the revision is not in the object database.
   */
  static async open(dir: string, rev: string): Promise<GitRevisionTree> {
    // one line that says what to do, never git's own "fatal: …"
    const inside = await runGit(dir, ['rev-parse', '--is-inside-work-tree']);
    if (inside.code !== 0)
      throw new GitError(
        `${dir} is not inside a git repository: a revision (--rev, --base, --head) is read from git objects; run it in a clone, or leave the revision out to read the files`,
      );
    const top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
    const prefix = (await git(dir, ['rev-parse', '--show-prefix'])).trim().replace(/\/$/, '');
    let r = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    if (r.code !== 0)
      r = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{tree}`]);
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
    const entries = new EntryTable();
    // records `<mode> <type> <oid> <size>\t<path>`, decoded field by field as git prints them: a
    // path is its own string, and the listing (megabytes) is never held whole
    await gitRecords(top, args, (buf, start, end) => {
      const tab = buf.indexOf(9, start);
      if (tab < start || tab >= end) return;
      const [mode, type, oid, size] = buf.toString('latin1', start, tab).split(/ +/);
      if (type !== 'blob') return;
      const full = buf.toString('utf8', tab + 1, end);
      entries.add(prefix ? full.slice(prefix.length + 1) : full, mode, oid, Number(size));
    });
    return new GitRevisionTree(sha, entries, new BlobReader(top));
  }

  close(): void {
    this.reader.close();
  }

  async stat(path: string): Promise<EntryType> {
    const r = await this.resolve(path);
    if (r.kind === 'file' || r.kind === 'dir') return r.kind;
    // a link that leads outside, dangles or loops, or a path through a link that leads outside
    return r.kind === 'outside' || this.entries.mode(path) === LINK ? 'symlink' : 'missing';
  }

  /** The text of a symbolic link blob (cached by object id). */
  private linkText(oid: string): Promise<string | null> {
    let t = this.links.get(oid);
    if (!t) {
      t = this.reader.read(oid).then((b) => (b ? b.toString('utf8') : null));
      this.links.set(oid, t);
    }
    return t;
  }

  /**
   * Where `path` really is: every symbolic link on the way (the last segment or a directory
   * before it) is followed, as long as it stays inside the root. An absolute link, one that climbs
   * above the root, or a path with `..` is `outside`; a dangling link or a loop is `missing`.
   */
  private async resolve(path: string): Promise<Resolved> {
    const direct = this.entries.get(path);
    // a blob's parents are trees, never links: the common case needs no walk
    if (direct && direct.mode !== LINK) return { kind: 'file', path, entry: direct };
    if (!direct && this.dirs.has(path)) return { kind: 'dir', path };
    const input = path.split('/');
    if (input.includes('..')) return { kind: 'outside' };
    const todo = input.filter((s) => s !== '' && s !== '.').reverse(); // a stack: next segment last
    const cur: string[] = [];
    let hops = 0;
    while (todo.length) {
      const seg = todo.pop() as string;
      if (seg === '..') {
        if (!cur.length) return { kind: 'outside' };
        cur.pop();
        continue;
      }
      const p = cur.length ? `${cur.join('/')}/${seg}` : seg;
      const e = this.entries.get(p);
      if (e && e.mode === LINK) {
        if (++hops > MAX_LINK_HOPS) return { kind: 'missing' };
        // no system resolves a longer target: a huge link blob is not read
        const target = e.size > MAX_LINK_BYTES ? null : await this.linkText(e.oid);
        if (target === null) return { kind: 'missing' };
        if (target.startsWith('/') || target.startsWith('\\') || /^[A-Za-z]:/.test(target))
          return { kind: 'outside' };
        for (const s of target.split('/').reverse()) if (s !== '' && s !== '.') todo.push(s);
      } else if (e) {
        // a file cannot have children
        return todo.length ? { kind: 'missing' } : { kind: 'file', path: p, entry: e };
      } else if (this.dirs.has(p)) cur.push(seg);
      else return { kind: 'missing' };
    }
    return { kind: 'dir', path: cur.join('/') };
  }

  async realPath(path: string): Promise<string | null> {
    const r = await this.resolve(path);
    return r.kind === 'file' || r.kind === 'dir' ? r.path : null;
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    const r = await this.resolve(path);
    const own = this.entries.get(path);
    if (r.kind === 'outside' || (r.kind === 'missing' && own?.mode === LINK))
      return {
        ok: false,
        reason: 'outside',
        detail:
          own?.mode === LINK
            ? 'is a symbolic link that leads outside the repository; not followed'
            : 'is reached through a symbolic link that leads outside the repository; not followed',
      };
    if (r.kind === 'missing') return { ok: false, reason: 'missing', detail: 'does not exist' };
    if (r.kind === 'dir')
      return own || !this.dirs.has(path)
        ? { ok: false, reason: 'error', detail: 'is not a regular file' }
        : { ok: false, reason: 'missing', detail: 'does not exist' };
    const e = r.entry;
    if (e.mode === '160000') return { ok: false, reason: 'error', detail: 'is a submodule' };
    if (e.size > maxBytes)
      return { ok: false, reason: 'too-large', detail: `is ${e.size} bytes (limit ${maxBytes})` };
    const buf = await this.reader.read(e.oid);
    if (!buf) return { ok: false, reason: 'missing', detail: 'is missing from the object database' };
    return decodeText(buf);
  }

  /**
   * The entries of a directory (reached through links if need be). A link in the listing stays a
   * `symlink` whatever it points to: callers that share reads between revisions rely on it.
   */
  async list(dir: string): Promise<{ name: string; type: EntryType }[]> {
    let m = this.dirs.get(dir);
    if (!m) {
      const r = await this.resolve(dir);
      if (r.kind !== 'dir') return [];
      m = this.dirs.get(r.path);
      if (!m) return [];
    }
    const { names, types } = m;
    return names.map((name, i) => ({ name, type: CHAR_TYPE[types[i]] }));
  }

  async listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    const all = [...this.entries.paths()].filter((p) => !/(^|\/)(target|node_modules)\//.test(p)).sort();
    return { paths: all.slice(0, max), truncated: all.length > max };
  }

  /** Paths whose blob differs between two trees (added, removed or changed). */
  changedPaths(other: GitRevisionTree): Set<string> {
    const out = new Set<string>();
    for (const p of this.entries.paths()) if (!this.entries.sameBlob(p, other.entries)) out.add(p);
    for (const p of other.entries.paths()) if (!this.entries.has(p)) out.add(p);
    return out;
  }
}
