/**
 * Thin wrapper over the `git` command: run it, capture its output and its stderr (git's own
 * "fatal: …" lines never reach ours, nor the Action's log), and turn failures into a GitError of
 * one line that says what to do.
 */
import { spawn } from 'node:child_process';

export class GitError extends Error {}

/** The environment every git child runs with: no prompt for credentials, messages in English. */
const GIT_ENV = (): NodeJS.ProcessEnv => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });

/** Most bytes of a git child's stderr kept (the first line is what is read). */
const MAX_STDERR = 64 * 1024;

/** Printable and short: a name from git's message, quoted in ours. */
function quoted(s: string): string {
  return JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
}

/**
 * One line saying what went wrong and what to do, from a failed git command's stderr; git's
 * "fatal:"/"error:" prefixes and hint lines are dropped. Pure (tests call it with git's texts).
 */
export function explainGitFailure(args: readonly string[], stderr: string, code: number, cwd = '.'): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^hint:/i.test(l));
  const main = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0] ?? '';
  const text = main
    .replace(/^(fatal|error):\s*/i, '')
    .replace(/\p{Cc}/gu, ' ')
    .slice(0, 300);
  let m: RegExpExecArray | null;
  if (/not a git repository/i.test(text))
    return `${cwd} is not inside a git repository: run it in a clone, or leave the revisions out to read the files`;
  if (/dubious ownership/i.test(text))
    return `git refuses the repository at ${cwd} (owned by another user): git config --global --add safe.directory ${quoted(cwd)}`;
  if ((m = /^path '(.*)' does not exist in '(.*)'$/.exec(text)))
    return `${quoted(m[1])} does not exist at revision ${quoted(m[2])}: check the path (relative to the repository root) and the revision`;
  if ((m = /^path '(.*)' exists on disk, but not in '(.*)'$/.exec(text)))
    return `${quoted(m[1])} is not committed at revision ${quoted(m[2])}: commit it, or leave the revision out to read the files`;
  if (
    (m =
      /^(?:ambiguous argument '(.*)': unknown revision|bad revision '(.*)'|Not a valid object name:? '?([^']*)'?|invalid object name '(.*)'|bad object (\S+)|Needed a single revision)/i.exec(
        text,
      ))
  ) {
    const rev = m.slice(1).find((x) => x !== undefined);
    return `${rev !== undefined ? `revision ${quoted(rev)}` : 'a revision'} is not in this repository: check its name, or fetch it (git fetch origin <rev>)`;
  }
  if (
    /could not read from remote|unable to access|does not appear to be a git repository|couldn't find remote ref/i.test(
      text,
    )
  )
    return `git ${args[0] ?? ''} cannot fetch from the remote (${text}): check the remote, the network and the credentials`;
  if (/unknown option|usage: git/i.test(text) || /^usage: git/m.test(stderr))
    return `git ${args[0] ?? ''} does not take these options: a newer git (2.38 or later) is needed`;
  return `git ${args[0] ?? ''} failed${text ? `: ${text}` : ` (exit ${code})`}`;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs git, handing its output to `sink` chunk by chunk; the start of stderr is kept. */
function spawnGit(
  cwd: string,
  args: string[],
  input: string | undefined,
  sink: (chunk: Buffer) => void,
): Promise<{ stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: GIT_ENV(),
    });
    const err: Buffer[] = [];
    let errBytes = 0;
    let failed: Error | null = null;
    child.stdout.on('data', (d: Buffer) => {
      if (failed) return;
      try {
        sink(d);
      } catch (e) {
        failed = e instanceof Error ? e : new Error(String(e));
        child.kill();
      }
    });
    // always read (a full pipe would stall git), keep the start only
    child.stderr.on('data', (d: Buffer) => {
      if (errBytes < MAX_STDERR) err.push(d);
      errBytes += d.length;
    });
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.stdin.on('error', () => undefined); // EPIPE when git exits before reading its input
    child.on('close', (code) =>
      failed ? reject(failed) : resolve({ stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 }),
    );
    child.stdin.end(input ?? '');
  });
}

export async function runGit(cwd: string, args: string[], input?: string): Promise<GitResult> {
  const out: Buffer[] = [];
  const r = await spawnGit(cwd, args, input, (d) => out.push(d));
  return { stdout: Buffer.concat(out), ...r };
}

/** Longest NUL-terminated record `gitRecords` accepts (a path git prints is far shorter). */
const MAX_RECORD_BYTES = 1 << 20;

/**
 * Runs git and hands each NUL-terminated record of its output (`-z`) to `onRecord` as it arrives,
 * as bytes `[start, end)` of `buf` (valid during the call only): a listing of 100,000 paths is
 * never held whole (issue 19's peak memory). Throws GitError as `git` does; a record longer than
 * 1 MB fails the call (linear time: a record is not re-joined chunk after chunk without bound).
 */
export async function gitRecords(
  cwd: string,
  args: string[],
  onRecord: (buf: Buffer, start: number, end: number) => void,
): Promise<void> {
  let rest: Buffer | null = null;
  const r = await spawnGit(cwd, args, undefined, (chunk) => {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    for (let end = buf.indexOf(0, at); end >= 0; end = buf.indexOf(0, at)) {
      onRecord(buf, at, end);
      at = end + 1;
    }
    if (buf.length - at > MAX_RECORD_BYTES)
      throw new GitError(`git ${args[0] ?? ''} printed a record longer than ${MAX_RECORD_BYTES} bytes`);
    // a copy: the tail must not keep the whole chunk alive
    rest = at < buf.length ? Buffer.from(buf.subarray(at)) : null;
  });
  if (r.code !== 0) throw new GitError(explainGitFailure(args, r.stderr, r.code, cwd));
  const last = rest as Buffer | null;
  if (last) onRecord(last, 0, last.length);
}

export async function git(cwd: string, args: string[]): Promise<string> {
  const r = await runGit(cwd, args);
  if (r.code !== 0) throw new GitError(explainGitFailure(args, r.stderr, r.code, cwd));
  return r.stdout.toString('utf8');
}

/** Reads blobs through one long-lived `git cat-file --batch` process. */
export class BlobReader {
  private readonly child;
  private buffer: Buffer = Buffer.alloc(0);
  /** Output not yet appended to `buffer`: appended once there is enough to make progress. */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** Bytes `buffer` and `chunks` must hold together before `drain` can make progress. */
  private need = 0;
  private readonly waiting: { resolve: (b: Buffer | null) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;
  /** Object ids asked for in this turn, written to git together. */
  private requests = '';
  private flushQueued = false;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: GIT_ENV(),
    });
    // captured, never inherited: read so that a chatty git cannot stall on a full pipe
    let stderr = '';
    this.child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += d.toString('utf8');
    });
    this.child.stdout.on('data', (d: Buffer) => {
      // a large blob arrives in many chunks: copying what came so far on each one is quadratic
      this.chunks.push(d);
      this.chunkBytes += d.length;
      if (this.buffer.length + this.chunkBytes >= this.need) this.drain();
    });
    const fail = (e: Error) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.child.on('error', (e) => fail(new GitError(`cannot run git cat-file: ${e.message}`)));
    this.child.on('close', (code) =>
      fail(new GitError(explainGitFailure(['cat-file'], stderr || 'ended early', code ?? 1, cwd))),
    );
    this.child.stdin.on('error', () => undefined);
  }

  private drain(): void {
    if (this.chunks.length) {
      const parts = this.buffer.length ? [this.buffer, ...this.chunks] : this.chunks;
      this.buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      this.chunks = [];
      this.chunkBytes = 0;
    }
    this.need = 0;
    while (this.waiting.length) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) {
        this.need = this.buffer.length + 1;
        return;
      }
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(nl + 1);
        (this.waiting.shift() as (typeof this.waiting)[number]).resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < nl + 1 + size + 1) {
        this.need = nl + 1 + size + 1;
        return;
      }
      const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      (this.waiting.shift() as (typeof this.waiting)[number]).resolve(body);
    }
  }

  read(oid: string): Promise<Buffer | null> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // requests made in the same turn go to git in one write (a write per object id cost a
      // system call each: ~15 µs, 0.3 s for a 10,000-file diff)
      this.requests += oid + '\n';
      if (!this.flushQueued) {
        this.flushQueued = true;
        process.nextTick(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushQueued = false;
    if (!this.requests) return;
    const batch = this.requests;
    this.requests = '';
    this.child.stdin.write(batch);
  }

  close(): void {
    this.child.removeAllListeners('close');
    this.child.stdin.end();
    this.child.kill();
  }
}
