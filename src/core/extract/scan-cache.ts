/**
 * Incremental extraction (SPEC section 9): a cache of per-file scan results, shared between the
 * extraction of a pull request's base and of its head, so that the head re-parses only the files
 * whose text changed.
 *
 * A scan is a pure function of the text and the context it is scanned in (file path, module path,
 * enclosing cfgs, the directories child modules resolve against, the implementing type, the
 * line base and macro name of an expansion) and of the cfg environment (enabled features,
 * platform facts). The key covers all of them: the whole `ScanContext` and `CfgEnv` are
 * serialised, so a field added to either later is part of the key without a change here.
 *
 * Results are stored and handed out as deep copies: extraction mutates the items it collects
 * (panic boundaries, `tested`), and a cached result must not see that.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model';
import type { CfgEnv } from '../rust/cfg';
import { stableStringify } from '../digest';
import type { FileScan, ScanContext } from './scan-file';
import type { EntryType, ReadResult, SourceTree } from '../source-tree';

/** What scanning one text produced: the scan, and the diagnostic of a parser failure, if any. */
export interface ScanOutcome {
  scan: FileScan;
  /** A `parse-failed` diagnostic; the scan then holds what was found before the failure. */
  error: Diagnostic | null;
}

export interface ScanCacheStats {
  hits: number;
  misses: number;
  /** Results dropped to stay within `maxEntries`. */
  evictions: number;
}

export interface ScanCacheOptions {
  /** Most results kept (oldest dropped first). */
  maxEntries?: number;
  /** Most bytes of scanned text the kept results may stand for. */
  maxTextBytes?: number;
}

const DEFAULT_MAX_ENTRIES = 100_000;
const DEFAULT_MAX_TEXT_BYTES = 512 * 1024 * 1024;

export class ScanCache {
  private readonly entries = new Map<string, { outcome: ScanOutcome; bytes: number }>();
  private textBytes = 0;
  private readonly maxEntries: number;
  private readonly maxTextBytes: number;
  readonly stats: ScanCacheStats = { hits: 0, misses: 0, evictions: 0 };

  constructor(options: ScanCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The key of scanning `text` in `ctx` under `env`. */
  static key(text: string, ctx: ScanContext, env: CfgEnv): string {
    const content = createHash('sha256').update(text).digest('base64');
    const environment = stableStringify({
      features: [...env.features].sort(),
      platform: env.platform ?? null,
    });
    return `${content}\u0000${stableStringify(ctx)}\u0000${environment}`;
  }

  /** A private copy of the result stored under `key`, or undefined (counted as a miss). */
  get(key: string): ScanOutcome | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return structuredClone(e.outcome);
  }

  /** Stores a copy of `outcome`: the caller keeps using (and may mutate) its own. */
  set(key: string, outcome: ScanOutcome, textLength: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.textBytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { outcome: structuredClone(outcome), bytes: textLength });
    this.textBytes += textLength;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.textBytes <= this.maxTextBytes) break;
      if (k === key) continue;
      this.entries.delete(k);
      this.textBytes -= e.bytes;
      this.stats.evictions++;
    }
  }
}

/**
 * Shares file reads between the two sides of a diff: `wrap` the base tree and then the head
 * tree; a read of a path the change did not touch is served from what the other side read,
 * instead of being read (and decoded) again.
 *
 * `unchanged(path)` must be true only when the path names the same regular file content on both
 * sides (for git revisions: the same blob id). Symbolic links are never shared, whatever
 * `unchanged` says: the link can stay while its target changes.
 */
export class SharedReads {
  private readonly reads = new Map<string, Promise<ReadResult>>();
  /** Reads answered from the other side. */
  reused = 0;

  constructor(private readonly unchanged: (path: string) => boolean) {}

  wrap(tree: SourceTree): SourceTree {
    const listings = new Map<string, Promise<Map<string, EntryType>>>();
    const entries = (dir: string): Promise<Map<string, EntryType>> => {
      let l = listings.get(dir);
      if (!l) {
        l = tree.list(dir).then((es) => new Map(es.map((e) => [e.name, e.type])));
        listings.set(dir, l);
      }
      return l;
    };
    const realDirs = new Map<string, Promise<boolean>>();
    /** `dir` is a directory of `tree` reached through real directories only (no links). */
    const realDir = (dir: string): Promise<boolean> => {
      let r = realDirs.get(dir);
      if (!r) {
        const slash = dir.lastIndexOf('/');
        const parent = slash < 0 ? '' : dir.slice(0, slash);
        r =
          dir === ''
            ? Promise.resolve(true)
            : realDir(parent).then(
                async (ok) => ok && (await entries(parent)).get(dir.slice(slash + 1)) === 'dir',
              );
        realDirs.set(dir, r);
      }
      return r;
    };
    /** `path` is a regular file of `tree` (not a link, nor below one). */
    const plainFile = async (path: string): Promise<boolean> => {
      const slash = path.lastIndexOf('/');
      const dir = slash < 0 ? '' : path.slice(0, slash);
      return (await realDir(dir)) && (await entries(dir)).get(path.slice(slash + 1)) === 'file';
    };
    const read = async (path: string, maxBytes: number): Promise<ReadResult> => {
      if (!this.unchanged(path) || !(await plainFile(path))) return tree.read(path, maxBytes);
      const key = `${maxBytes}\u0000${path}`;
      const shared = this.reads.get(key);
      if (shared) {
        this.reused++;
        return shared;
      }
      const r = tree.read(path, maxBytes);
      this.reads.set(key, r);
      return r;
    };
    return {
      label: tree.label,
      stat: (path) => tree.stat(path),
      read,
      list: (dir) => tree.list(dir),
      listAll: (max) => tree.listAll(max),
      realPath: tree.realPath?.bind(tree),
    };
  }
}
