/**
 * End to end (Sound gate I): a pull request that adds exports the engine cannot turn into items —
 * hidden in a macro call, behind a proc macro, in a file only `include!` reaches — is never
 * `success` without an approval, and the comment points the reviewer at each site.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeUser } from '../support/fake-github';
import { openDemoPull } from '../support/demo-pull';
import { pullRequestEvent, runAction } from '../support/action-runner';

const V1_DIR = path.join(__dirname, '..', '..', 'demo', 'v1');
const V1: Record<string, string> = {
  'Cargo.toml': fs.readFileSync(path.join(V1_DIR, 'Cargo.toml'), 'utf8'),
  'src/lib.rs': fs.readFileSync(path.join(V1_DIR, 'src/lib.rs'), 'utf8'),
  'src/ffi.rs': fs.readFileSync(path.join(V1_DIR, 'src/ffi.rs'), 'utf8'),
};

/** Exports rustc puts into the cdylib that no item can describe (each checked with `nm -D`). */
const HIDDEN = [
  'pub fn log_twice() {',
  '    println!("{}", { #[no_mangle] pub extern "C" fn sneaky_println() {} 1 });',
  '}',
  '#[exporter::export] pub fn by_attribute_macro() {}',
  'include!("generated.rs");',
  '#[export_name = env!("MYSTERY")] pub extern "C" fn by_env() {}',
  '',
].join('\n');

const setup = () =>
  openDemoPull({
    base: V1,
    baseMessage: 'v1',
    head: {
      'src/lib.rs': V1['src/lib.rs'].replace('mod ffi;', 'mod ffi;\nmod hidden;'),
      'src/hidden.rs': HIDDEN,
      'src/generated.rs': '#[no_mangle]\npub extern "C" fn sneaky_included() {}\n',
    },
    headMessage: 'PR hides exports',
  });

describe('the action on exports the engine cannot extract', () => {
  it('holds the gate, names every site in the comment, and passes only with an approval', async () => {
    const s = await setup();
    try {
      const run = await runAction({
        workspace: s.workspace,
        fake: s.fake,
        eventName: 'pull_request_target',
        event: pullRequestEvent(1, s.head, s.base),
      });
      expect(run.code).toBe(0);
      const states = s.fake.state.statuses.filter((x) => x.sha === s.head).map((x) => x.state);
      expect(states).not.toContain('success');
      expect(states[states.length - 1]).toBe('pending');
      const body = s.fake.state.comments.find((c) => c.number === 1)?.body ?? '';
      // what the engine reads as rustc does is listed by name ...
      expect(body).toContain('sneaky_println');
      expect(body).toContain('sneaky_included');
      expect(body).toContain('src/generated.rs');
      // ... and what it cannot read is an unresolved entry at its site
      expect(body).toContain('unresolved-macro');
      expect(body).toContain('src/hidden.rs');
      expect(body).toMatch(/exporter::export/);
      expect(body).toContain('unresolved-export-site');
      expect(body).toMatch(/MYSTERY/);

      s.fake.addReview({
        repo: 'octo/lib',
        number: 1,
        user: makeUser('sec-bob'),
        state: 'APPROVED',
        commitId: s.head,
      });
      const again = await runAction({
        workspace: s.workspace,
        fake: s.fake,
        eventName: 'pull_request_review',
        event: { ...pullRequestEvent(1, s.head, s.base, 'submitted'), review: { state: 'approved' } },
      });
      expect(again.code).toBe(0);
      const last = s.fake.state.statuses.filter((x) => x.sha === s.head).pop();
      expect(last?.state).toBe('success');
    } finally {
      await s.fake.close();
      s.origin.cleanup();
    }
  });
});
