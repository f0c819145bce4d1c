/**
 * The diff job shared by the CLI and the Action: resolve the revisions (comparing against the
 * merge base, as GitHub's diff does), extract both surfaces from git objects, build the report.
 */
import { promises as fs } from 'node:fs';
import type { FeatureSelection, Surface } from '../core/model';
import type { DiffReport } from '../core/report';
import type { Limits } from '../core/limits';
import { extractSurface } from '../core/extract/extract-surface';
import type { RustParser } from '../core/extract/extract-crate';
import { ScanCache, SharedReads } from '../core/extract/scan-cache';
import { CrateMemo } from '../core/extract/crate-memo';
import { buildReport, FindingsFunction } from '../core/diff/build-report';
import { FileSystemTree } from '../adapters/file-system-tree';
import { GitRevisionTree } from '../adapters/git-revision-tree';
import { GitError, runGit } from '../adapters/git';
import { InputError } from '../adapters/open-tree';
import { headCommit, isShallow, mergeBase, resolveCommit, resolveTreeish } from '../adapters/git-revisions';
import { loadRustParser } from '../adapters/tree-sitter-parser';
import type { SourceTree } from '../core/source-tree';
import { applyScope, AnalysisScope } from '../core/scope';
import { surfaceDigest } from '../core/digest';
import { Deadline, DeadlineTree, parserWithDeadline } from '../core/deadline';
import { loadCParser, loadGoParser } from '../adapters/consumer-parsers';
import { readConsumers, withConsumerView, type ConsumerOptions } from './consumers';

export interface AnalyseOptions {
  root: string;
  base: string;
  /** A revision; undefined for the working tree. */
  head?: string;
  features: FeatureSelection;
  /** Compare against merge-base(base, head) (default), not base itself. */
  useMergeBase?: boolean;
  potentiallyBreakingBump?: 'major' | 'minor';
  findings?: FindingsFunction;
  limits?: Limits;
  /** Scan results shared by the base and head extractions (default: a fresh cache per call). */
  scanCache?: ScanCache;
  /**
   * Whole-crate extractions shared by the base and head extractions (default: a fresh memo per
   * call): a crate whose every read, stat and listing gives the head the answers it gave the base
   * is not extracted again.
   */
  crateMemo?: CrateMemo;
  /** The parser (default: the bundled WebAssembly one). */
  parser?: RustParser;
  /** Crates and paths the configuration includes (default: everything). */
  scope?: AnalysisScope;
  /** `macros.trusted` of the configuration. */
  trustedMacros?: readonly string[];
  /** The run's deadline: every read and parse checks it (default: none). */
  deadline?: Deadline;
  /**
   * The consumers' contract check (committed C headers, cgo files; SPEC §11): the Go call sites of
   * breaking and removed exports are named on their changes, and, when `findings` is given, its
   * findings join the report's. Default: on when `findings` is given; false turns it off.
   */
  consumers?: ConsumerOptions | false;
}

export interface Analysis {
  report: DiffReport;
  base: Surface;
  head: Surface;
  /** The commit compared against (the merge base when used). */
  baseSha: string;
  /** The head commit (or, without a merge base, possibly a tree id); null for the working tree. */
  headSha: string | null;
  warnings: string[];
}

export async function analyseDiff(o: AnalyseOptions): Promise<Analysis> {
  const warnings: string[] = [];
  await checkRoot(o.root);
  const baseNamed = await resolveCommit(o.root, o.base, '--base');
  // without a merge base the head may be a bare tree (the gate's merge of a PR into its base tip)
  const headSha =
    o.head === undefined
      ? null
      : o.useMergeBase === false
        ? await resolveTreeish(o.root, o.head, '--head')
        : await resolveCommit(o.root, o.head, '--head');
  let baseSha = baseNamed;
  if (o.useMergeBase !== false) {
    const other = headSha ?? (await headCommit(o.root));
    if (other) {
      const mb = await mergeBase(o.root, baseNamed, other);
      if (mb) baseSha = mb;
      else if (await isShallow(o.root))
        // comparing against the base itself would show the base branch's own changes as the PR's
        throw new GitError(
          `no merge base of ${o.base} and ${o.head ?? 'HEAD'} in this shallow clone: use actions/checkout with fetch-depth: 0, or fetch more history (git fetch --unshallow origin)`,
        );
      else
        warnings.push(
          `${o.base} and ${o.head ?? 'HEAD'} have no common history; comparing against ${o.base} itself`,
        );
    }
  }
  // the parser and both trees at once: each tree lists its revision (`git ls-tree -r -l` reads
  // every blob's size, a tenth of a second on 10,000 loose objects), the parser compiles
  const [parsed, baseOpened, headOpened] = await Promise.allSettled([
    o.parser ?? loadRustParser(),
    GitRevisionTree.open(o.root, baseSha),
    headSha ? GitRevisionTree.open(o.root, headSha) : FileSystemTree.open(o.root),
  ]);
  const failed = [parsed, baseOpened, headOpened].find((r) => r.status === 'rejected');
  if (failed) {
    // an opened tree's `git cat-file` would keep the process alive
    for (const r of [baseOpened, headOpened])
      if (r.status === 'fulfilled' && r.value instanceof GitRevisionTree) r.value.close();
    throw (failed as PromiseRejectedResult).reason;
  }
  const rawParser = (parsed as PromiseFulfilledResult<RustParser>).value;
  const parser = o.deadline ? parserWithDeadline(rawParser, o.deadline) : rawParser;
  const baseTree = (baseOpened as PromiseFulfilledResult<GitRevisionTree>).value;
  const headTree: SourceTree & { close?: () => void } = (
    headOpened as PromiseFulfilledResult<SourceTree & { close?: () => void }>
  ).value;
  try {
    // Incremental: one scan cache for both sides, so that the head re-parses only the files the
    // change touched; between two revisions, files with the same blob are read once.
    const scanCache = o.scanCache ?? new ScanCache();
    const crateMemo = o.crateMemo ?? new CrateMemo();
    let baseSource: SourceTree = baseTree;
    let headSource: SourceTree = headTree;
    if (headTree instanceof GitRevisionTree) {
      const changed = baseTree.changedPaths(headTree);
      const shared = new SharedReads((p) => !changed.has(p));
      baseSource = shared.wrap(baseTree);
      headSource = shared.wrap(headTree);
    }
    if (o.deadline) {
      baseSource = new DeadlineTree(baseSource, o.deadline);
      headSource = new DeadlineTree(headSource, o.deadline);
    }
    const baseRaw = await extractSurface(baseSource, parser, {
      features: o.features,
      limits: o.limits,
      scanCache,
      crateMemo,
      trustedMacros: o.trustedMacros ?? o.scope?.trustedMacros,
    });
    const headRaw = await extractSurface(headSource, parser, {
      features: o.features,
      limits: o.limits,
      testCoverage: true,
      scanCache,
      crateMemo,
      trustedMacros: o.trustedMacros ?? o.scope?.trustedMacros,
    });
    o.deadline?.check('comparing the surfaces');
    const digest = (x: Surface) => surfaceDigest(x.crates);
    const base = applyScope(baseRaw, o.scope, digest);
    const head = applyScope(headRaw, o.scope, digest);
    const report = buildReport(base, head, {
      potentiallyBreakingBump: o.potentiallyBreakingBump,
      findings: o.findings,
    });
    if (o.consumers !== false && (o.consumers !== undefined || o.findings !== undefined)) {
      o.deadline?.check('reading the consumers');
      const view = await readConsumers(
        headSource,
        head,
        base,
        { c: loadCParser, go: loadGoParser },
        o.consumers || {},
        baseSource,
      );
      warnings.push(...view.warnings);
      const withView = withConsumerView(report, view, {
        findings: o.findings !== undefined,
        potentiallyBreakingBump: o.potentiallyBreakingBump,
      });
      return { report: withView, base, head, baseSha, headSha, warnings };
    }
    return { report, base, head, baseSha, headSha, warnings };
  } finally {
    baseTree.close();
    headTree.close?.();
  }
}

/** `root` is a directory inside a git repository (else one clear line, not git's own complaint). */
export async function checkRoot(root: string): Promise<void> {
  const st = await fs.stat(root).catch(() => null);
  if (!st) throw new InputError(`--root ${root} does not exist`);
  if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  if ((await runGit(root, ['rev-parse', '--git-dir'])).code !== 0)
    throw new GitError(`--root ${root} is not inside a git repository`);
}
