/**
 * The release gate (push of a tag, release published/created): compare the tagged surface with
 * the previous release tag's, fail when a crate's version bump does not cover its surface change,
 * set a status on the tag's commit, and write the verdicts and the surface changelog.
 */
import * as core from '@actions/core';
import { GitHubClient } from '../adapters/github-client';
import { runGit, git } from '../adapters/git';
import { GitRevisionTree } from '../adapters/git-revision-tree';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import { analyseDiff } from '../app/analyse-diff';
import { computeReportFindings } from '../app/findings';
import { buildReport } from '../core/diff/build-report';
import { extractSurface } from '../core/extract/extract-surface';
import { statusDescription } from '../core/gate/status-description';
import { SCHEMA_VERSION, Surface } from '../core/model';
import { surfaceDigest } from '../core/digest';
import { crateForTag, findPreviousTag, tagVersion } from '../core/release/previous-tag';
import { renderReleaseSummaryMarkdown, summarizeRelease } from '../core/release/release-summary';
import type { DiffReport } from '../core/report';
import { renderChangelog } from '../core/render/changelog';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { field, isString, RunContext } from './event';
import { resolveGateConfig } from './gate-config';
import type { ActionInputs } from './inputs';
import { writeReport, writeSummary } from './publish';

export const RELEASE_STATUS_CONTEXT_SUFFIX = '/release';

function emptySurface(rev: string): Surface {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev,
    crates: [],
    diagnostics: [],
    digest: surfaceDigest([]),
  };
}

/** Makes sure the tags and their commits are in the local object database (a shallow checkout lacks them). */
async function fetchTags(root: string): Promise<void> {
  await runGit(root, [
    'fetch',
    '--quiet',
    '--force',
    '--no-write-fetch-head',
    'origin',
    '+refs/tags/*:refs/tags/*',
  ]);
}

export async function runReleaseGate(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  root: string,
): Promise<void> {
  const tag =
    ctx.eventName === 'release'
      ? (field(ctx.payload, ['release', 'tag_name'], isString) ?? '')
      : ctx.ref.replace(/^refs\/tags\//, '');
  const context = inputs.statusContext.replace(/\/security-review$/, '') + RELEASE_STATUS_CONTEXT_SUFFIX;
  if (!tag) {
    core.setFailed('the release event names no tag');
    return;
  }
  let tagSha = '';
  const setStatus = async (state: 'success' | 'failure' | 'error' | 'pending', description: string) => {
    if (!tagSha) return;
    try {
      await client.createStatus(tagSha, state, context, statusDescription(description), ctx.runUrl);
    } catch (e) {
      core.warning(e instanceof Error ? e.message : String(e));
    }
  };
  try {
    const gate = await resolveGateConfig(client, inputs);
    await fetchTags(root);
    tagSha = (
      await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`])
    ).trim();
    await setStatus('pending', `checking the version bump of ${tag}`);
    const crateTags = gate.config.release.crateTagPatterns;
    const crate = crateForTag(tag, crateTags);
    const pattern = crate ? crateTags[crate] : (inputs.tagPattern ?? gate.config.release.tagPattern);
    const tags = (await git(root, ['tag', '--list'])).split('\n').filter(Boolean);
    const prev = findPreviousTag(tags, tag, pattern);
    if (prev.status === 'not-a-release-tag') {
      core.notice(
        `ffi-surface-guard: ${tag} is not a release tag under ${pattern} (${prev.reason}); nothing to check`,
      );
      return;
    }
    let report: DiffReport;
    const previous = prev.status === 'found' ? prev.previous.tag : null;
    if (previous) {
      report = (
        await analyseDiff({
          root,
          base: `refs/tags/${previous}`,
          head: tagSha,
          features: gate.features,
          useMergeBase: false,
          findings: computeReportFindings(gate.findingsPolicy),
          potentiallyBreakingBump: gate.potentiallyBreakingBump,
          limits: gate.limits,
        })
      ).report;
    } else {
      const tree = await GitRevisionTree.open(root, tagSha);
      try {
        const head = await extractSurface(tree, await loadRustParser(), {
          features: gate.features,
          limits: gate.limits,
        });
        report = buildReport(emptySurface('(no previous release)'), head, {
          potentiallyBreakingBump: gate.potentiallyBreakingBump,
        });
      } finally {
        tree.close();
      }
    }
    const summary = summarizeRelease(report, {
      tag,
      previousTag: previous,
      tagVersion: tagVersion(tag, pattern),
      crates: crate ? [crate] : undefined,
      potentiallyBreakingBump: gate.potentiallyBreakingBump,
    });
    const changelog = renderChangelog(report, { version: tagVersion(tag, pattern) ?? undefined });
    for (const n of summary.notices) {
      if (n.level === 'error') core.error(n.message);
      else if (n.level === 'warning') core.warning(n.message);
      else core.notice(n.message);
    }
    writeReport(inputs.reportPath, { ...report, release: summary });
    await writeSummary(`${renderReleaseSummaryMarkdown(summary)}\n\n## Surface changelog\n\n${changelog}\n`);
    core.setOutput('changelog', changelog);
    core.setOutput('required-bump', summary.requiredBump);
    core.setOutput('changed', String(report.changes.length > 0));
    core.setOutput('breaking', String(report.changes.some((c) => c.severity === 'breaking')));
    core.setOutput('digest', report.head.digest);
    core.setOutput('surface-digest', report.head.digest);
    core.setOutput('report-path', inputs.reportPath);
    if (summary.ok) {
      await setStatus(
        'success',
        previous
          ? `version bump covers the FFI change since ${previous}`
          : 'first release: the whole surface is new',
      );
    } else {
      const failing = summary.crates.filter((c) => c.status === 'not-covered');
      const why =
        failing.map((c) => `${c.name} needs ${c.requiredBump}, got ${c.actualBump}`).join('; ') ||
        'see the job summary';
      await setStatus('failure', `version bump too small: ${why}`);
      core.setFailed(
        `${tag}: the version bump does not cover the FFI surface change since ${previous}: ${why}`,
      );
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    await setStatus('error', `release check failed: ${msg}`);
    core.setFailed(msg);
  }
}
