/**
 * The Action's inputs (action.yml), read from `INPUT_*` and validated: a bad value fails with
 * one message naming the input.
 */
import * as core from '@actions/core';
import type { FeatureSelection } from '../core/model';
import { APPROVER_PATTERN, BOT_LOGIN_PATTERN } from '../core/config/schema';
import { MAX_DEADLINE_SECONDS } from '../core/deadline';

export class InputError extends Error {}

export interface ActionInputs {
  token: string;
  workingDirectory: string;
  configPath: string;
  approvers: string[] | null;
  requiredApprovals: number | null;
  statusContext: string;
  failOn: 'breaking' | 'potentially-breaking' | 'any' | 'never';
  features: FeatureSelection | null;
  botLogin: string | null;
  reportPath: string;
  /** `sarif-path`: where to write the SARIF 2.1.0 log; none when empty. */
  sarifPath?: string | null;
  comment: boolean;
  tagPattern: string | null;
  requireReviewed: boolean | null;
  /** `deadline-seconds`: overrides the config file's `limits.deadline-seconds`. */
  deadlineSeconds?: number | null;
  /** `binaries`: globs of the built libraries a release run checks (one per line); none when empty. */
  binaries?: string[];
}

// the shapes the config file accepts (a [bot] login is allowed here too: it is listed, and never counts)

export function parseApprovers(text: string, where: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const a = raw.trim().replace(/^@/, '');
    if (!a || a.startsWith('#')) continue;
    if (!APPROVER_PATTERN.test(a) && !BOT_LOGIN_PATTERN.test(a))
      throw new InputError(`${where}: ${JSON.stringify(a)} is neither a GitHub login nor an org/team slug`);
    out.push(a.toLowerCase());
  }
  return out;
}

function positiveInt(name: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100)
    throw new InputError(`input ${name}: expected a whole number from 1 to 100, got ${JSON.stringify(v)}`);
  return Number(v);
}

function seconds(name: string, v: string): number {
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > MAX_DEADLINE_SECONDS)
    throw new InputError(
      `input ${name}: expected a whole number of seconds from 1 to ${MAX_DEADLINE_SECONDS}, got ${JSON.stringify(v)}`,
    );
  return Number(v);
}

function bool(name: string, v: string): boolean {
  if (/^(true|yes|on|1)$/i.test(v)) return true;
  if (/^(false|no|off|0)$/i.test(v)) return false;
  throw new InputError(`input ${name}: expected true or false, got ${JSON.stringify(v)}`);
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const get = (name: string) => core.getInput(name);
  const token = get('github-token') || env.GITHUB_TOKEN || '';
  if (!token)
    throw new InputError('input github-token is empty: pass ${{ github.token }} or a GitHub App token');
  const failOn = get('fail-on') || 'never';
  if (!['breaking', 'potentially-breaking', 'any', 'never'].includes(failOn))
    throw new InputError(
      `input fail-on: expected breaking, potentially-breaking, any or never, got ${JSON.stringify(failOn)}`,
    );
  const featuresText = get('features').trim();
  let features: FeatureSelection | null = null;
  if (featuresText === 'all' || featuresText === '--all-features') features = { mode: 'all' };
  else if (featuresText === 'none' || featuresText === '--no-default-features')
    features = { mode: 'none', features: [] };
  else if (featuresText)
    features = { mode: 'default', features: featuresText.split(/[\s,]+/).filter(Boolean) };
  const statusContext = get('status-context') || 'ffi-surface/security-review';
  if (statusContext.length > 255) throw new InputError('input status-context: at most 255 characters');
  const approversText = get('approvers');
  const botLogin = get('bot-login');
  if (botLogin && !BOT_LOGIN_PATTERN.test(botLogin))
    throw new InputError(`input bot-login: ${JSON.stringify(botLogin)} is not a GitHub login`);
  const requireReviewed = get('require-reviewed');
  const deadline = get('deadline-seconds').trim();
  return {
    token,
    workingDirectory: get('working-directory') || '.',
    configPath: get('config') || '.github/ffi-surface-guard.yml',
    approvers: approversText.trim() ? parseApprovers(approversText, 'input approvers') : null,
    requiredApprovals: get('required-approvals')
      ? positiveInt('required-approvals', get('required-approvals'))
      : null,
    statusContext,
    failOn: failOn as ActionInputs['failOn'],
    features,
    botLogin: botLogin || null,
    reportPath:
      get('report-path') || `${env.RUNNER_TEMP || env.TMPDIR || '/tmp'}/ffi-surface-guard-report.json`,
    sarifPath: get('sarif-path').trim() || null,
    comment: get('comment') ? bool('comment', get('comment')) : true,
    tagPattern: get('tag-pattern') || null,
    requireReviewed: requireReviewed ? bool('require-reviewed', requireReviewed) : null,
    deadlineSeconds: deadline ? seconds('deadline-seconds', deadline) : null,
    binaries: get('binaries')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  };
}
