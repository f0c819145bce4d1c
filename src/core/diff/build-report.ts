/** Assembles the diff report from two surfaces: changes, findings, required bump and delta digest. */
import type { CrateSurface, SurfaceItem, Surface } from '../model';
import type { DiffReport, Finding } from '../report';
import { SCHEMA_VERSION } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { deltaDigest, DiffOptions, diffSurfaces, requiredBump } from './diff-surfaces';

/** Computes findings for the new and changed items of one crate (`base`: the same crate in the base). */
export type FindingsFunction = (
  items: { item: SurfaceItem; before?: SurfaceItem }[],
  crate: CrateSurface,
  base: CrateSurface | null,
) => Finding[];

export interface ReportOptions extends DiffOptions {
  findings?: FindingsFunction;
}

export function buildReport(base: Surface, head: Surface, options: ReportOptions = {}): DiffReport {
  const { changes, touched } = diffSurfaces(base, head);
  const findings: Finding[] = [];
  if (options.findings) {
    for (const crate of head.crates) {
      const items = touched
        .filter((t) => t.crate === crate.name && t.after !== null)
        .map((t) =>
          t.before ? { item: t.after as SurfaceItem, before: t.before } : { item: t.after as SurfaceItem },
        );
      if (items.length)
        findings.push(
          ...options.findings(items, crate, base.crates.find((c) => c.name === crate.name) ?? null),
        );
    }
  }
  const names = [...new Set([...base.crates.map((c) => c.name), ...head.crates.map((c) => c.name)])].sort();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    base: { rev: base.rev, digest: base.digest },
    head: { rev: head.rev, digest: head.digest },
    changes,
    findings,
    requiredBump: requiredBump(changes, options),
    deltaDigest: deltaDigest(changes),
    crates: names.map((name) => ({
      name,
      baseVersion: base.crates.find((c) => c.name === name)?.version ?? null,
      headVersion: head.crates.find((c) => c.name === name)?.version ?? null,
    })),
    diagnostics: head.diagnostics,
  };
}
