/**
 * Runs the bundled action (`dist/index.js`) the way a GitHub runner does: a checked-out workspace
 * (a shallow clone of an "origin" bare repository that also holds `refs/pull/<n>/head`), INPUT_*
 * variables, an event JSON file, GITHUB_API_URL pointing at the fake REST API, and the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FakeGitHub } from './fake-github';

export const DIST = process.env.FSG_DIST_DIR ?? path.join(__dirname, '..', '..', 'dist');

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
    },
  }).trim();
}

export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [p, content] of Object.entries(files)) {
    const abs = path.join(dir, p);
    if (content === null) fs.rmSync(abs, { force: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
}

/** An origin repository with a `main` branch, and helpers to add PR commits. */
export class OriginRepo {
  readonly dir: string;
  readonly bare: string;
  private readonly work: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-e2e-'));
    this.bare = path.join(this.dir, 'origin.git');
    this.work = path.join(this.dir, 'author');
    gitIn(this.dir, 'init', '-q', '--bare', '-b', 'main', this.bare);
    gitIn(this.dir, 'init', '-q', '-b', 'main', this.work);
    gitIn(this.work, 'remote', 'add', 'origin', this.bare);
  }

  /** Commits files on a branch (created from `from` when new) and pushes it; returns the SHA. */
  commit(branch: string, files: Record<string, string | null>, message = 'change', from = 'main'): string {
    const exists = hasCommitsSafe(this.work) && gitIn(this.work, 'branch', '--list', branch).length > 0;
    if (exists) gitIn(this.work, 'checkout', '-q', branch);
    else if (hasCommitsSafe(this.work)) gitIn(this.work, 'checkout', '-q', '-b', branch, from);
    writeFiles(this.work, files);
    gitIn(this.work, 'add', '-A');
    gitIn(this.work, 'commit', '-q', '--allow-empty', '-m', message);
    gitIn(this.work, 'push', '-q', '--force', 'origin', branch);
    return gitIn(this.work, 'rev-parse', 'HEAD');
  }

  /** Points `refs/pull/<n>/head` in origin at `sha`, as GitHub does for every PR. */
  setPullRef(n: number, sha: string): void {
    gitIn(this.bare, 'update-ref', `refs/pull/${n}/head`, sha);
  }

  /** A runner workspace: `actions/checkout` default (depth 1) of `ref`. */
  checkout(ref = 'main', depth = 1): string {
    const ws = path.join(this.dir, `workspace-${Math.random().toString(36).slice(2, 8)}`);
    gitIn(this.dir, 'clone', '-q', `--depth=${depth}`, '--branch', ref, `file://${this.bare}`, ws);
    return ws;
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function hasCommitsSafe(dir: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const k = lines[i].slice(0, lines[i].indexOf('='));
      out[k] = lines[i].slice(k.length + 1);
    }
  }
  return out;
}

export interface RunOptions {
  workspace: string;
  fake: FakeGitHub;
  eventName: string;
  event: Record<string, unknown>;
  inputs?: Record<string, string>;
  repository?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs dist/index.js as the runner would and collects outputs and the summary. */
export function runAction(o: RunOptions): Promise<ActionRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fsg-runner-'));
  const eventPath = path.join(tmp, 'event.json');
  const outputPath = path.join(tmp, 'output.txt');
  const summaryPath = path.join(tmp, 'summary.md');
  fs.writeFileSync(eventPath, JSON.stringify(o.event));
  fs.writeFileSync(outputPath, '');
  fs.writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = { 'github-token': 'test-token', ...(o.inputs ?? {}) };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository ?? 'octo/lib',
    GITHUB_API_URL: o.fake.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: String((o.event.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha ?? ''),
    GITHUB_REF: '',
    RUNNER_TEMP: tmp,
    FFI_SURFACE_GUARD_RETRY_BASE_MS: '10',
    ...(o.env ?? {}),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST, 'index.js')], { cwd: o.workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const outputs = parseOutputs(fs.readFileSync(outputPath, 'utf8'));
      const summary = fs.readFileSync(summaryPath, 'utf8');
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve({ code: code ?? -1, stdout, stderr, outputs, summary });
    });
  });
}

/** A `pull_request` event payload for PR `n`. */
export function pullRequestEvent(
  n: number,
  headSha: string,
  baseSha: string,
  action = 'opened',
  author = 'alice',
): Record<string, unknown> {
  return {
    action,
    number: n,
    pull_request: {
      number: n,
      head: { sha: headSha, ref: `feature-${n}` },
      base: { sha: baseSha, ref: 'main' },
      user: { login: author },
    },
    repository: { full_name: 'octo/lib', default_branch: 'main' },
    sender: { login: author },
  };
}
