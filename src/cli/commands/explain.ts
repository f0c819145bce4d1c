/** `explain RULE`: a change or finding rule's rationale, example and how to silence it. */
import { closestWord } from '../../core/config/errors';
import { CHANGE_RULES } from '../../core/diff/catalogue';
import { FINDING_RULES } from '../../core/findings/catalogue';
import { CommandSpec, UsageError } from '../arguments';
import type { CommandResult } from '../run';

/** The text `explain` prints for a rule id, or null when no rule has it. Pure. */
export function explainRule(id: string): string | null {
  const change = CHANGE_RULES.find((r) => r.id === id);
  if (change)
    return [
      `${change.id} — change rule, severity ${change.severity}`,
      '',
      change.rationale,
      '',
      `example: ${change.example}`,
      '',
      change.id.startsWith('unresolved-')
        ? 'silence it: make the construct one the engine reads, or, for a macro, trust its crate in the configuration (macros: { trusted: [crate] }) when its macros never export.'
        : 'silence it: a change rule describes what changed in the exported surface; it cannot be switched off — approve the change, or revert it.',
      '',
    ].join('\n');
  const finding = FINDING_RULES.find((r) => r.id === id);
  if (finding)
    return [
      `${finding.id} — security finding, level ${finding.level}`,
      '',
      finding.rationale,
      '',
      `the reviewer confirms: ${finding.checklist}`,
      '',
      ...(finding.example
        ? ['example it flags:', ...finding.example.split('\n').map((l) => `    ${l}`), '']
        : []),
      `silence it: in .github/ffi-surface-guard.yml, findings: { levels: { ${finding.id}: 'off' } }, or scope it to paths with findings: { scopes: { ${finding.id}: { exclude: ['path/**'] } } }.`,
      '',
    ].join('\n');
  return null;
}

export const EXPLAIN: CommandSpec<CommandResult> = {
  name: 'explain',
  summary: 'Explain a change or finding rule: why it exists, an example, and how to silence it.',
  positionals: [{ name: 'RULE', description: 'A rule id, e.g. function-removed or raw-pointer-param.' }],
  flags: {},
  examples: [
    { command: 'explain raw-pointer-param', description: 'Explains the raw-pointer-param finding.' },
  ],
  run: (args) => {
    const id = args.positionals[0];
    if (id === undefined) throw new UsageError('explain needs a RULE (a change or finding rule id)');
    if (args.positionals.length > 1) throw new UsageError('explain takes one RULE');
    const text = explainRule(id);
    if (text === null) {
      const ids = [...CHANGE_RULES.map((r) => r.id), ...FINDING_RULES.map((r) => r.id)];
      const near = closestWord(id, ids);
      throw new UsageError(`no rule ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    return Promise.resolve({ stdout: text, exitCode: 0 });
  },
};
