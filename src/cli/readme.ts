/** The README's command-line reference, generated from the command declarations (checked by a test). */
import { commandHelp } from './arguments';
import { COMMANDS, USAGE } from './run';

export const README_BEGIN =
  '<!-- cli:begin (generated from src/cli/commands/*: FSG_WRITE_DOCS=1 npx jest test/docs.test.ts) -->';
export const README_END = '<!-- cli:end -->';

export function cliReadmeSection(): string {
  const parts = [README_BEGIN, '', '```', USAGE.trimEnd(), '```', ''];
  for (const c of COMMANDS) {
    parts.push(
      `<details><summary><code>ffi-surface-guard ${c.name} --help</code></summary>`,
      '',
      '```',
      commandHelp(c).trimEnd(),
      '```',
      '',
      '</details>',
      '',
    );
  }
  parts.push(README_END);
  return parts.join('\n');
}
