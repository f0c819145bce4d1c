/**
 * One run of the release gate in process, as the Action's shell (src/action/release-gate.ts) wires
 * it: the default branch's configuration resolved with the inputs through the API, the git
 * plumbing of the runner's checkout (`GitReleaseHistory`), a client for the fake API, and the job's
 * log, outputs and summary recorded as the runner would show them (`::notice::…` lines, the
 * GITHUB_OUTPUT values, the step summary). The bundled action itself runs a few releases end to end
 * in test/action/release.e2e.test.ts.
 */
import { GitReleaseHistory } from '../../src/adapters/git-release';
import type { ActionInputs } from '../../src/action/inputs';
import { resolveGateConfig, type GateConfig } from '../../src/app/gate-config';
import { runReleaseGate, type ReleasePublication } from '../../src/app/release-gate';
import { Deadline, SYSTEM_CLOCK } from '../../src/core/deadline';
import { FetchGateClient } from './fetch-gate-client';
import type { FakeGitHub } from './fake-github';
import { GATE_INPUTS } from './gate-run';

/** What a runner shows of a job: exit code, log, outputs and summary (as `ActionRun`). */
export interface JobRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report the job wrote (none when it stopped before). */
  report: unknown;
}

/** A workflow command's message as @actions/core writes it (`%`, CR and LF escaped). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export interface ReleaseRunOptions {
  /** The runner's checkout. */
  workspace: string;
  fake: FakeGitHub;
  tag: string;
  /** A draft release (its tag may not exist yet). */
  draft?: boolean;
  /** The release date (default: today, as for a tag push). */
  date?: string;
  inputs?: Partial<ActionInputs>;
  runUrl?: string;
}

/** Runs the release gate for `tag` in process; the result reads like the bundled action's run. */
export async function runRelease(o: ReleaseRunOptions): Promise<JobRun> {
  const started = SYSTEM_CLOCK.now();
  const inputs: ActionInputs = { ...GATE_INPUTS, ...o.inputs };
  const client = new FetchGateClient(o.fake.url);
  const log: string[] = [];
  const outputs: Record<string, string> = {};
  let summary = '';
  let report: unknown;
  const command = (kind: string) => (m: string) => log.push(`::${kind}::${escapeData(m)}`);
  const fail = (m: string): JobRun => {
    command('error')(m);
    return { code: 1, stdout: log.join('\n'), stderr: '', outputs, summary, report };
  };
  let gate: GateConfig;
  try {
    gate = await resolveGateConfig(client, inputs);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const publish = async (p: ReleasePublication): Promise<void> => {
    report = JSON.parse(JSON.stringify(p.report));
    summary = p.summary;
    outputs['changelog'] = p.outputs.changelog;
    outputs['required-bump'] = p.outputs.requiredBump;
    outputs['changed'] = String(p.outputs.changed);
    outputs['breaking'] = String(p.outputs.breaking);
    outputs['digest'] = p.outputs.digest;
    outputs['surface-digest'] = p.outputs.digest;
    outputs['approved'] = String(p.outputs.approved);
    outputs['report-path'] = inputs.reportPath;
  };
  const result = await runReleaseGate(
    {
      client,
      git: new GitReleaseHistory(o.workspace),
      log: { notice: command('notice'), warning: command('warning'), error: command('error') },
      publish,
    },
    {
      tag: o.tag,
      draft: o.draft ?? false,
      date: o.date ?? new Date().toISOString().slice(0, 10),
      gate,
      statusContext: inputs.statusContext,
      tagPattern: inputs.tagPattern,
      requireReviewed: inputs.requireReviewed,
      deadline: new Deadline(gate.limits.deadlineSeconds, SYSTEM_CLOCK, started),
      repoUrl: 'https://github.example/octo/lib',
      runUrl: o.runUrl ?? 'https://github.example/octo/lib/actions/runs/4242',
    },
  );
  if (result.failure !== null) return fail(result.failure);
  return { code: 0, stdout: log.join('\n'), stderr: '', outputs, summary, report };
}
