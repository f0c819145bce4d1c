/**
 * The Action's side of the release gate (push of a tag, release published/created): reads the tag
 * from the event, wires the GitHub client, the git plumbing and the job's log, outputs and files
 * into the orchestration in src/app/release-gate.ts, and fails the job when it says so.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import type { GitHubClient } from '../adapters/github-client';
import { GitReleaseHistory } from '../adapters/git-release';
import { resolveGateConfig, type GateConfig } from '../app/gate-config';
import { ReleasePublication, runReleaseGate } from '../app/release-gate';
import { Deadline, SYSTEM_CLOCK } from '../core/deadline';
import { field, isString, RunContext } from './event';
import type { ActionInputs } from './inputs';
import { writeReport, writeSummary } from './publish';
import { actionDocsUrl, writeSarif } from './sarif';

/** `release` actions that gate; the others (edited, deleted, unpublished) change nothing to check. */
const RELEASE_ACTIONS = new Set(['published', 'created', 'released', 'prereleased']);

/** The release an event is about: its tag, or why there is nothing to check. */
export type ReleaseEvent =
  | { kind: 'release'; tag: string; draft: boolean; date: string }
  | { kind: 'ignored'; notice: string }
  | { kind: 'invalid'; failure: string };

/** `YYYY-MM-DD` of the release (its publication, else now). */
function releaseDate(ctx: RunContext): string {
  const when =
    field(ctx.payload, ['release', 'published_at'], isString) ??
    field(ctx.payload, ['release', 'created_at'], isString);
  const d = when ? new Date(when) : new Date();
  return (Number.isNaN(d.getTime()) ? new Date() : d).toISOString().slice(0, 10);
}

/** Reads the tag of a tag push or a release event. */
export function releaseEventOf(ctx: RunContext): ReleaseEvent {
  const tag =
    ctx.eventName === 'release'
      ? (field(ctx.payload, ['release', 'tag_name'], isString) ?? '')
      : ctx.ref.replace(/^refs\/tags\//, '');
  if (ctx.eventName === 'release') {
    const action = field(ctx.payload, ['action'], isString) ?? '';
    if (action && !RELEASE_ACTIONS.has(action))
      return { kind: 'ignored', notice: `ffi-surface-guard: release ${action} changes nothing to check` };
  }
  if (!tag) return { kind: 'invalid', failure: 'the release event names no tag' };
  return {
    kind: 'release',
    tag,
    draft: field(ctx.payload, ['release', 'draft'], (v): v is boolean => v === true) ?? false,
    date: releaseDate(ctx),
  };
}

/** Writes the report, the SARIF log, the job summary and the outputs of a checked release. */
async function publishRelease(
  p: ReleasePublication,
  ctx: RunContext,
  inputs: ActionInputs,
  root: string,
): Promise<void> {
  writeReport(inputs.reportPath, p.report);
  if (inputs.sarifPath) {
    const rootInRepo = path.relative(ctx.workspace, root);
    writeSarif(inputs.sarifPath, p.released, {
      uriPrefix: rootInRepo.startsWith('..') || path.isAbsolute(rootInRepo) ? '' : rootInRepo,
      docsUrl: actionDocsUrl(ctx.serverUrl),
    });
  }
  await writeSummary(p.summary);
  core.setOutput('changelog', p.outputs.changelog);
  core.setOutput('required-bump', p.outputs.requiredBump);
  core.setOutput('changed', String(p.outputs.changed));
  core.setOutput('breaking', String(p.outputs.breaking));
  core.setOutput('digest', p.outputs.digest);
  core.setOutput('surface-digest', p.outputs.digest);
  core.setOutput('approved', String(p.outputs.approved));
  core.setOutput('report-path', inputs.reportPath);
  if (inputs.sarifPath) core.setOutput('sarif-path', inputs.sarifPath);
}

export async function runReleaseEvent(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  root: string,
  /** When the run started on `SYSTEM_CLOCK` (its deadline counts from there). */
  started: number = SYSTEM_CLOCK.now(),
): Promise<void> {
  const event = releaseEventOf(ctx);
  if (event.kind === 'ignored') {
    core.notice(event.notice);
    return;
  }
  if (event.kind === 'invalid') {
    core.setFailed(event.failure);
    return;
  }
  let gate: GateConfig;
  try {
    gate = await resolveGateConfig(client, inputs);
  } catch (e) {
    // no tag commit is known yet: there is no status to set
    core.setFailed(e instanceof Error ? e.message : String(e));
    return;
  }
  const result = await runReleaseGate(
    {
      client,
      git: new GitReleaseHistory(root),
      log: { notice: (m) => core.notice(m), warning: (m) => core.warning(m), error: (m) => core.error(m) },
      publish: (p) => publishRelease(p, ctx, inputs, root),
    },
    {
      tag: event.tag,
      draft: event.draft,
      date: event.date,
      gate,
      statusContext: inputs.statusContext,
      tagPattern: inputs.tagPattern,
      requireReviewed: inputs.requireReviewed,
      deadline: new Deadline(gate.limits.deadlineSeconds, SYSTEM_CLOCK, started),
      binaries: inputs.binaries?.length ? { base: ctx.workspace, patterns: inputs.binaries } : null,
      repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`,
      runUrl: ctx.runUrl,
    },
  );
  if (result.failure !== null) core.setFailed(result.failure);
}
