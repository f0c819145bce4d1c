/** The workflow run's context: repository, event name and payload (from GITHUB_EVENT_PATH). */
import { readFileSync } from 'node:fs';

export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  apiUrl: string;
  serverUrl: string;
  runUrl: string;
  workspace: string;
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  if (!owner || !repo)
    throw new Error('GITHUB_REPOSITORY is not set (owner/repo): is this running in GitHub Actions?');
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    const text = readFileSync(env.GITHUB_EVENT_PATH, 'utf8');
    if (text.length > 25 * 1024 * 1024) throw new Error('the event payload is larger than 25 MiB');
    payload = JSON.parse(text) as Record<string, unknown>;
  }
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl,
    runUrl: env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : `${serverUrl}/${owner}/${repo}/actions`,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

/** A nested field of the payload, if it is of the expected type. */
export function field<T>(payload: unknown, path: string[], check: (v: unknown) => v is T): T | undefined {
  let v: unknown = payload;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return check(v) ? v : undefined;
}

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
