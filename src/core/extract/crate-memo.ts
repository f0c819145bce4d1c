/**
 * Crate-level reuse within one run (SPEC section 9, issue 19 item 3): a diff extracts the base and
 * then the head; a crate whose extraction read exactly the same answers from both trees has exactly
 * the same extraction, so the head takes a copy of the base's instead of walking, parsing and
 * expanding the crate again.
 *
 * `extractCrate` is a deterministic function of the crate's manifest, its features, the limits and
 * the answers the tree gives it (the parser and the scan cache are the same within a run, and the
 * scan cache is transparent). So the first extraction records every question it asks the tree —
 * each `read` (path, size limit → the whole result), `stat`, `list`, `listAll`, `realPath`, and
 * whether the tree offers `realPath` at all — and the read-set is exactly what was asked, not a
 * list of kinds of files someone thought of (module files, `#[path]` and `include!` targets,
 * `cbindgen.toml`, the `mod` candidates that were missing, links…). A later extraction of the same
 * crate asks the other tree the same questions first; only when every answer is equal is the
 * recorded extraction reused. If one answer differs, the crate is extracted in full.
 *
 * Nothing is persisted: the memo lives as long as the run that made it (the gate must never decide
 * from a cache that a workflow could have written). Results are stored and handed out as deep
 * copies, since the caller mutates what it gets (accounting scopes, `tested`).
 */
import { stableStringify } from '../digest';
import type { Limits } from '../limits';
import type { EntryType, ReadResult, SourceTree } from '../source-tree';
import type { CrateManifest } from '../workspace';
import type { CrateExtraction } from './extract-crate';
import type { Census } from './census';
import type { QuietText } from './quiet-census';

type Entry = { name: string; type: EntryType };

/** One question the extraction asked the tree, and the answer it got. */
export type TreeCall =
  | { op: 'read'; path: string; maxBytes: number; answer: ReadResult }
  | { op: 'stat'; path: string; answer: EntryType }
  | { op: 'list'; path: string; answer: Entry[] }
  | { op: 'listAll'; max: number; answer: { paths: string[]; truncated: boolean } }
  | { op: 'realPath'; path: string; answer: string | null };

/** A tree that forwards every call to `inner` and records the questions with their answers. */
export class RecordingTree implements SourceTree {
  readonly calls: TreeCall[] = [];
  /** A call failed (rejected): the extraction's outcome is not a function of recorded answers. */
  failed = false;
  readonly realPath?: (path: string) => Promise<string | null>;

  constructor(private readonly inner: SourceTree) {
    const realPath = inner.realPath;
    if (realPath)
      this.realPath = (path) =>
        this.note(realPath.call(inner, path), (answer) => ({ op: 'realPath', path, answer }));
  }

  get label(): string {
    return this.inner.label;
  }

  read(path: string, maxBytes: number): Promise<ReadResult> {
    return this.note(this.inner.read(path, maxBytes), (answer) => ({ op: 'read', path, maxBytes, answer }));
  }

  stat(path: string): Promise<EntryType> {
    return this.note(this.inner.stat(path), (answer) => ({ op: 'stat', path, answer }));
  }

  list(dir: string): Promise<Entry[]> {
    return this.note(this.inner.list(dir), (answer) => ({ op: 'list', path: dir, answer }));
  }

  listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    return this.note(this.inner.listAll(max), (answer) => ({ op: 'listAll', max, answer }));
  }

  private note<T>(p: Promise<T>, call: (answer: T) => TreeCall): Promise<T> {
    return p.then(
      (answer) => {
        this.calls.push(call(answer));
        return answer;
      },
      (e: unknown) => {
        this.failed = true;
        throw e;
      },
    );
  }
}

const UNANSWERED = Symbol('unanswered');

/** The answer `tree` gives to the question of `call`. */
function ask(tree: SourceTree, call: TreeCall): Promise<unknown> {
  switch (call.op) {
    case 'read':
      return tree.read(call.path, call.maxBytes);
    case 'stat':
      return tree.stat(call.path);
    case 'list':
      return tree.list(call.path);
    case 'listAll':
      return tree.listAll(call.max);
    case 'realPath':
      return tree.realPath ? tree.realPath(call.path) : Promise.resolve(undefined);
  }
}

/** Two answers are the same (texts compared in full; equal strings from a shared read are one string). */
function sameAnswer(call: TreeCall, other: unknown): boolean {
  if (call.op === 'read') {
    const a = call.answer;
    const b = other as ReadResult;
    if (a.ok !== b.ok || a.text !== b.text) return false;
    if (a.ok && b.ok) return a.bytes === b.bytes;
    if (!a.ok && !b.ok) return a.reason === b.reason && a.detail === b.detail;
    return false;
  }
  if (call.op === 'stat' || call.op === 'realPath') return call.answer === other;
  return stableStringify(call.answer) === stableStringify(other);
}

/**
 * A deep copy of an extraction whose source texts (module files, `#[cfg(test)]` code) are shared,
 * not copied: strings are immutable, and a workspace's texts are most of an extraction's bytes.
 */
function cloneExtraction(x: CrateExtraction): CrateExtraction {
  const texts = x.accounting.texts;
  const strings = texts.map((t) => t.text);
  const testText = x.testText;
  for (const t of texts) t.text = '';
  x.testText = [];
  try {
    const c = structuredClone(x);
    c.accounting.texts.forEach((t, i) => (t.text = strings[i]));
    c.testText = [...testText];
    return c;
  } finally {
    texts.forEach((t, i) => (t.text = strings[i]));
    x.testText = testText;
  }
}

interface Recorded {
  calls: TreeCall[];
  hasRealPath: boolean;
  /** A pristine copy of the extraction. */
  extraction: CrateExtraction;
  /** The extraction handed to the first caller: its texts' censuses, once taken, are shared. */
  live: CrateExtraction;
}

export interface CrateMemoStats {
  /** Crates extracted in full (and recorded). */
  extracted: number;
  /** Crates whose recorded extraction was reused. */
  reused: number;
  /** Tree questions asked again to decide reuse. */
  replayedCalls: number;
  /** Censuses of texts in crates extracted again, taken from earlier extractions of the same text. */
  sharedCensuses: number;
  /** Quiet scans (quiet-census.ts) of texts in crates extracted again, taken from earlier ones. */
  sharedQuietScans: number;
  /** The names of the reused crates, in order. */
  reusedCrates: string[];
}

/** The cfg environment a crate's censuses were taken in. */
function envKey(x: CrateExtraction): string {
  const env = x.accounting.env;
  // every field of the environment, the features' set as a sorted list
  return stableStringify({ ...env, features: [...env.features].sort() });
}

/** Most recorded extractions kept per crate key (a run extracts a crate once per side and feature set). */
const MAX_PER_KEY = 4;

/** Censuses and quiet scans of accounted extractions, by text (one index per cfg environment). */
interface TextIndex {
  known: Map<string, Census>;
  quiet: Map<string, QuietText | null>;
  /** The extractions read into it. */
  read: Set<CrateExtraction>;
}

export class CrateMemo {
  private readonly recorded = new Map<string, Recorded[]>();
  private readonly indexes = new Map<string, TextIndex>();
  readonly stats: CrateMemoStats = {
    extracted: 0,
    reused: 0,
    replayedCalls: 0,
    sharedCensuses: 0,
    sharedQuietScans: 0,
    reusedCrates: [],
  };

  /**
   * The extraction of `manifest` with `features` from `tree`: a copy of a recorded one when `tree`
   * answers every question it asked as it was answered then, else `run` on a recording tree.
   */
  async extract(
    tree: SourceTree,
    manifest: CrateManifest,
    features: ReadonlySet<string>,
    limits: Limits,
    run: (tree: SourceTree) => Promise<CrateExtraction>,
  ): Promise<CrateExtraction> {
    const key = stableStringify({ manifest, features: [...features].sort(), limits });
    const candidates = this.recorded.get(key) ?? [];
    for (const r of candidates) if (await this.answersAlike(tree, r)) return this.copy(r);
    const recording = new RecordingTree(tree);
    const live = await run(recording);
    this.stats.extracted++;
    this.shareCensuses(live);
    if (!recording.failed) {
      const entry: Recorded = {
        calls: recording.calls,
        hasRealPath: tree.realPath !== undefined,
        extraction: cloneExtraction(live),
        live,
      };
      this.recorded.set(key, [entry, ...candidates].slice(0, MAX_PER_KEY));
    }
    return live;
  }

  /**
   * Gives the texts of a crate extracted again the censuses taken of the same texts under the same
   * cfg environment in earlier extractions (a census is a pure function of both, and nothing writes
   * to one once taken): a changed crate's unchanged files are not lexed again for the accounting.
   */
  private shareCensuses(live: CrateExtraction): void {
    const env = envKey(live);
    let index = this.indexes.get(env);
    if (!index) this.indexes.set(env, (index = { known: new Map(), quiet: new Map(), read: new Set() }));
    const { known, quiet, read } = index;
    // each recorded extraction is read into the index once, after its accounting gave every text a
    // census (an extraction not accounted yet is looked at again next time)
    for (const rs of this.recorded.values())
      for (const r of rs) {
        if (read.has(r.live) || envKey(r.live) !== env) continue;
        const texts = r.live.accounting.texts;
        if (!texts.every((t) => t.census)) continue;
        read.add(r.live);
        for (const t of texts) {
          // a quiet census holds for the crate it was made for only; its scan holds for the text
          if (t.census && !t.census.quiet) known.set(t.text, t.census);
          if (t.quiet !== undefined) quiet.set(t.text, t.quiet);
        }
      }
    if (!known.size && !quiet.size) return;
    for (const t of live.accounting.texts) {
      const census = known.get(t.text);
      if (census && !t.census) {
        t.census = census;
        this.stats.sharedCensuses++;
      }
      const q = quiet.get(t.text);
      if (q !== undefined && t.quiet === undefined) {
        t.quiet = q;
        this.stats.sharedQuietScans++;
      }
    }
  }

  private async answersAlike(tree: SourceTree, r: Recorded): Promise<boolean> {
    if ((tree.realPath !== undefined) !== r.hasRealPath) return false;
    this.stats.replayedCalls += r.calls.length;
    // a question the tree cannot answer now is a difference: the full extraction then meets it
    const answers = await Promise.all(r.calls.map((c) => ask(tree, c).catch(() => UNANSWERED)));
    return r.calls.every((c, i) => answers[i] !== UNANSWERED && sameAnswer(c, answers[i]));
  }

  private copy(r: Recorded): CrateExtraction {
    this.stats.reused++;
    this.stats.reusedCrates.push(r.extraction.surface.name);
    const out = cloneExtraction(r.extraction);
    // a census is a pure function of its text and cfg environment (both the same here), and
    // nothing writes to one once taken: share those the first caller's accounting took
    const liveTexts = r.live.accounting.texts;
    out.accounting.texts.forEach((t, i) => {
      const census: Census | undefined = liveTexts[i]?.census;
      if (census && liveTexts[i].text === t.text) t.census = census;
    });
    return out;
  }
}
