/** `explain RULE`: every rule of both catalogues explains itself; an unknown id is one line. */
import { CHANGE_RULES } from '../../src/core/diff/catalogue';
import { FINDING_RULES } from '../../src/core/findings/catalogue';
import { run } from '../../src/cli/run';

describe('explain', () => {
  it.each([...CHANGE_RULES.map((r) => r.id), ...FINDING_RULES.map((r) => r.id)])(
    'explains %s',
    async (id) => {
      const r = await run(['explain', id]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout.startsWith(`${id} — `)).toBe(true);
      expect(r.stdout).toContain('silence it:');
    },
  );

  it('names the rationale, the example and the configuration that silences a finding', async () => {
    const rule = FINDING_RULES.find((r) => r.id === 'raw-pointer-param');
    const r = await run(['explain', 'raw-pointer-param']);
    expect(r.stdout).toContain(rule?.rationale as string);
    expect(r.stdout).toContain(rule?.checklist as string);
    expect(r.stdout).toContain("raw-pointer-param: 'off'");
  });

  it.each(FINDING_RULES.map((r) => [r.id, r.example ?? '']))(
    'shows the example %s flags',
    async (id, example) => {
      const r = await run(['explain', id]);
      expect(example).not.toBe('');
      expect(r.stdout).toContain('example it flags:');
      for (const line of example.split('\n')) expect(r.stdout).toContain(`    ${line}`);
    },
  );

  it('refuses an unknown rule in one line, with a suggestion', async () => {
    const r = await run(['explain', 'function-remove']);
    expect(r.exitCode).toBe(2);
    expect(r.error).toBe('no rule "function-remove" (did you mean "function-removed"?)');
  });

  it('is listed in the global usage and has its own help', async () => {
    expect((await run(['--help'])).stdout).toContain('explain');
    const help = await run(['explain', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('RULE');
  });
});
