/**
 * Sound gates I and III through the gate: each way of putting a symbol into the library that the
 * compiler oracle (test/extract/soundness-oracle.test.ts) knows of, as its own pull request, in
 * process through the gate orchestration with the real GitHub client against the fake API and real
 * git. The gate never says `success` without an approval, and its comment names the export (or,
 * for what stays unresolved, the site and the macro).
 */
import { runGate } from '../support/gate-run';
import { PullWorld } from '../support/pull-world';

/** [construct, the new text of src/a.rs (plus files), what the comment must name] */
const CONSTRUCTS: [string, Record<string, string>, string][] = [
  [
    'an inner #![no_mangle]',
    { 'src/a.rs': 'pub extern "C" fn pr_inner() {\n    #![no_mangle]\n}\n' },
    'pr_inner',
  ],
  [
    'include! of a file',
    {
      'src/a.rs': 'include!("a_gen.rs");\n',
      'src/a_gen.rs': '#[no_mangle]\npub extern "C" fn pr_included() {}\n',
    },
    'pr_included',
  ],
  [
    'an export in a println! argument',
    {
      'src/a.rs': 'pub fn f() {\n    println!("{}", { #[no_mangle] extern "C" fn pr_println() {} 1 });\n}\n',
    },
    'pr_println',
  ],
  [
    'an export in a vec! argument',
    { 'src/a.rs': 'pub fn f() -> Vec<u8> {\n    vec![{ #[no_mangle] extern "C" fn pr_vec() {} 1 }]\n}\n' },
    'pr_vec',
  ],
  [
    'let x = m!() of an exporting macro',
    {
      'src/a.rs':
        'macro_rules! hidden { () => {{ #[no_mangle] extern "C" fn pr_let() {} 1 }} }\npub fn f() -> i32 {\n    let x = hidden!();\n    x\n}\n',
    },
    'pr_let',
  ],
  [
    'a thread_local! initialiser',
    { 'src/a.rs': 'thread_local! {\n    static T: u8 = { #[no_mangle] extern "C" fn pr_tls() {} 1 };\n}\n' },
    'pr_tls',
  ],
  [
    'an array length of a parameter type',
    { 'src/a.rs': 'pub extern "C" fn g(_x: [u8; { #[no_mangle] extern "C" fn pr_len() {} 4 }]) {}\n' },
    'pr_len',
  ],
  [
    'an enum discriminant',
    { 'src/a.rs': '#[repr(u8)]\npub enum E {\n    V = { #[no_mangle] extern "C" fn pr_disc() {} 1 },\n}\n' },
    'pr_disc',
  ],
  [
    'a shadowed macro_rules!',
    {
      'src/a.rs':
        'macro_rules! gen { () => {} }\nmacro_rules! gen { () => { #[no_mangle] pub extern "C" fn pr_shadow() {} } }\ngen!();\n',
    },
    'pr_shadow',
  ],
  ['#[r#no_mangle]', { 'src/a.rs': '#[r#no_mangle]\npub extern "C" fn pr_raw() {}\n' }, 'pr_raw'],
  [
    'export_name = concat!(…)',
    { 'src/a.rs': '#[export_name = concat!("pr_", "cat")]\npub extern "C" fn f() {}\n' },
    'pr_cat',
  ],
  [
    '#[cfg(not(debug_assertions))]',
    { 'src/a.rs': '#[cfg(not(debug_assertions))]\n#[no_mangle]\npub extern "C" fn pr_release() {}\n' },
    'pr_release',
  ],
  ['U+200E between # and [', { 'src/a.rs': '#\u200e[no_mangle]\npub extern "C" fn pr_lrm() {}\n' }, 'pr_lrm'],
  // what stays unresolved: the site, the macro
  [
    'a proc macro of a dependency',
    { 'src/a.rs': 'exporter::export_all! { pr_proc }\n' },
    'exporter::export_all!',
  ],
  [
    'include! of a build script output',
    { 'src/a.rs': 'include!(concat!(env!("OUT_DIR"), "/gen.rs"));\n' },
    'include!',
  ],
];

describe('each construct as a pull request', () => {
  let w: PullWorld;
  beforeAll(async () => {
    w = await PullWorld.create();
  });
  afterAll(async () => {
    await w.close();
  });

  const gate = (n: number) => runGate(w, n);

  it.each(CONSTRUCTS.map((c, i) => [c[0], i + 1, c[1], c[2]] as const))(
    '%s: pending until approved, and the comment names it',
    async (_what, n, files, named) => {
      w.open(n, files);
      await gate(n);
      const head = w.pull(n).head.sha;
      expect(w.states(head)).not.toContain('success');
      expect(w.last(head).state).toBe('pending');
      const comment = w.comment(n);
      expect(comment).toContain(named);
      // an export the engine reads is listed as one — not merely flagged as something unresolved
      if (named.endsWith('!')) expect(comment).toContain('unresolved-macro');
      else {
        expect(comment).toContain('function-added');
        expect(comment).not.toContain('unresolved-');
      }
      w.review(n, 'sec-bob', 'APPROVED', head);
      await gate(n);
      expect(w.last(head).state).toBe('success');
    },
  );
});
