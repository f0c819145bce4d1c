/**
 * The one interface through which the engine reads a repository: a working tree or a git
 * revision. Paths are POSIX, relative to the analysed root, never absolute and never leaving it.
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'missing';

export type ReadResult =
  | { ok: true; text: string; bytes: number }
  | {
      ok: false;
      reason: 'missing' | 'too-large' | 'binary' | 'invalid-utf8' | 'symlink' | 'outside' | 'error';
      detail: string;
      text?: string;
    };

export interface SourceTree {
  /** What is being read: `working tree` or a commit SHA. */
  readonly label: string;
  stat(path: string): Promise<EntryType>;
  /** Reads a UTF-8 text file of at most `maxBytes` bytes. Never follows a link out of the root. */
  read(path: string, maxBytes: number): Promise<ReadResult>;
  /** Names in a directory (files and directories), sorted; empty when missing. */
  list(dir: string): Promise<{ name: string; type: EntryType }[]>;
  /** All file paths below the root (skipping `.git`, `target`, `node_modules`), at most `max`. */
  listAll(max: number): Promise<{ paths: string[]; truncated: boolean }>;
  /**
   * `path` with every symbolic link on the way resolved, relative to the root (`''` for the root);
   * null when it does not exist or leads outside the root. Trees without links need not have it.
   */
  realPath?(path: string): Promise<string | null>;
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences. */
export function decodeText(buf: Uint8Array): ReadResult {
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes: buf.length };
  } catch {
    // keep a lossy decoding so that the valid parts still yield items
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    return { ok: false, reason: 'invalid-utf8', detail: 'is not valid UTF-8', text };
  }
}

/** An in-memory tree: for tests and for generated inputs. */
export class MemoryTree implements SourceTree {
  readonly label: string;
  private readonly files: Map<string, string>;

  constructor(files: Record<string, string>, label = 'memory') {
    this.files = new Map(Object.entries(files));
    this.label = label;
  }

  async stat(path: string): Promise<EntryType> {
    if (this.files.has(path)) return 'file';
    const prefix = path === '' ? '' : path + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return 'dir';
    return 'missing';
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    const t = this.files.get(path);
    if (t === undefined) return { ok: false, reason: 'missing', detail: 'does not exist' };
    const bytes = Buffer.byteLength(t);
    if (bytes > maxBytes)
      return { ok: false, reason: 'too-large', detail: `is ${bytes} bytes (limit ${maxBytes})` };
    return decodeText(Buffer.from(t));
  }

  async list(dir: string): Promise<{ name: string; type: EntryType }[]> {
    const prefix = dir === '' ? '' : dir + '/';
    const out = new Map<string, EntryType>();
    for (const k of this.files.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) out.set(rest, 'file');
      else out.set(rest.slice(0, slash), 'dir');
    }
    return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, type]) => ({ name, type }));
  }

  async listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    const all = [...this.files.keys()].sort();
    return { paths: all.slice(0, max), truncated: all.length > max };
  }
}
