/**
 * The whole-run deadline (SPEC section 8): whatever a pull request puts in its source, a run ends
 * well within a runner's job limit. The engine looks at the clock each time it reads a path or
 * parses a text, through the two wrappers below (a `SourceTree` and a `RustParser`), so the
 * extraction needs no hook of its own. Past the deadline, the next read or parse throws
 * `DeadlineExceeded`, which names what was being read; nothing turns it into a result.
 */
import type { RustParser } from './extract/extract-crate';
import type { EntryType, ReadResult, SourceTree } from './source-tree';

/** Milliseconds from any fixed origin. Tests pass a fake one; no test waits on real time. */
export interface Clock {
  now(): number;
}

/** The process's monotonic clock. */
export const SYSTEM_CLOCK: Clock = { now: () => performance.now() };

/** The default `limits.deadline-seconds`: well under the six hours a runner gives a job. */
export const DEFAULT_DEADLINE_SECONDS = 600;

/** The most `limits.deadline-seconds` can be (a runner's job limit). */
export const MAX_DEADLINE_SECONDS = 6 * 60 * 60;

export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';

  constructor(
    readonly seconds: number,
    /** What the run was doing: `reading src/lib.rs`, `parsing src/lib.rs`. */
    readonly activity: string,
  ) {
    super(`analysis exceeded the deadline of ${seconds} s while ${activity}`);
  }
}

export class Deadline {
  private readonly start: number;
  private expired: DeadlineExceeded | null = null;

  /** `start` (on `clock`) is when the run began; by default, now. */
  constructor(
    readonly seconds: number,
    private readonly clock: Clock = SYSTEM_CLOCK,
    start?: number,
  ) {
    this.start = start ?? clock.now();
  }

  /**
   * Throws `DeadlineExceeded` naming `activity` once the deadline has passed. Once it has, every
   * later check throws the first error again, so a caller that swallowed one cannot go on.
   */
  check(activity: string): void {
    if (this.expired) throw this.expired;
    if (this.clock.now() - this.start > this.seconds * 1000) {
      this.expired = new DeadlineExceeded(this.seconds, activity);
      throw this.expired;
    }
  }
}

/** A `SourceTree` that checks the deadline before and after each access. */
export class DeadlineTree implements SourceTree {
  constructor(
    private readonly inner: SourceTree & { close?: () => void },
    private readonly deadline: Deadline,
  ) {}

  get label(): string {
    return this.inner.label;
  }

  stat(path: string): Promise<EntryType> {
    return this.guard(`reading ${path}`, () => this.inner.stat(path));
  }

  read(path: string, maxBytes: number): Promise<ReadResult> {
    return this.guard(`reading ${path}`, () => this.inner.read(path, maxBytes));
  }

  list(dir: string): Promise<{ name: string; type: EntryType }[]> {
    return this.guard(`reading ${dir === '' ? '.' : dir}`, () => this.inner.list(dir));
  }

  listAll(max: number): Promise<{ paths: string[]; truncated: boolean }> {
    return this.guard('listing the files of the tree', () => this.inner.listAll(max));
  }

  /** Closes the wrapped tree, when it has something to close. */
  close(): void {
    this.inner.close?.();
  }

  private async guard<T>(activity: string, f: () => Promise<T>): Promise<T> {
    this.deadline.check(activity);
    const result = await f();
    this.deadline.check(activity);
    return result;
  }
}

/** A `RustParser` that checks the deadline before and after each parse. */
export function parserWithDeadline(parser: RustParser, deadline: Deadline): RustParser {
  return {
    parse(text, origin) {
      const activity = `parsing ${origin ?? 'a text'}`;
      deadline.check(activity);
      const tree = parser.parse(text, origin);
      try {
        deadline.check(activity);
      } catch (e) {
        tree.delete();
        throw e;
      }
      return tree;
    },
  };
}
