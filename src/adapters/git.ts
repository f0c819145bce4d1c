/**
 * Thin wrapper over the `git` command: run it, capture output, and turn failures into GitError
 * with git's own first line of stderr.
 */
import { spawn } from 'node:child_process';

export class GitError extends Error {}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export function runGit(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.stdin.on('error', () => undefined); // EPIPE when git exits before reading its input
    child.on('close', (code) =>
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 }),
    );
    child.stdin.end(input ?? '');
  });
}

export async function git(cwd: string, args: string[]): Promise<string> {
  const r = await runGit(cwd, args);
  if (r.code !== 0)
    throw new GitError(`git ${args[0]} failed: ${r.stderr.trim().split('\n')[0] || `exit ${r.code}`}`);
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

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
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
    this.child.on('close', () => fail(new GitError('git cat-file ended')));
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
      this.child.stdin.write(oid + '\n');
    });
  }

  close(): void {
    this.child.removeAllListeners('close');
    this.child.stdin.end();
    this.child.kill();
  }
}
