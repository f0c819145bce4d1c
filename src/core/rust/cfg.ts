/**
 * `cfg` predicates: parsing, rendering and three-valued evaluation. Features and `test` are decided;
 * `debug_assertions` (release builds turn it off) and platform predicates (`unix`,
 * `target_os = "…"`, ...) stay unknown — possibly on — unless a platform is given (tests use that
 * to compare with a real build).
 */
import { lex, Token } from './lexer';

export type CfgPred =
  | { op: 'all' | 'any'; args: CfgPred[] }
  | { op: 'not'; arg: CfgPred }
  | { op: 'name'; name: string }
  | { op: 'kv'; key: string; value: string };

export interface CfgEnv {
  features: ReadonlySet<string>;
  /** Known platform facts, e.g. `{ unix: true, 'target_os=linux': true }`; absent means unknown. */
  platform?: Readonly<Record<string, boolean>>;
}

/** Parses the inside of `cfg(...)`, e.g. `all(unix, feature = "x")`. Returns null on malformed input. */
export function parseCfg(text: string): CfgPred | null {
  const tokens = lex(text, 10_000);
  const state = { i: 0 };
  const pred = parsePred(tokens, state, 0);
  if (!pred || state.i !== tokens.length) return null;
  return pred;
}

function unquote(lit: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(lit);
  return m ? m[1].replace(/\\(.)/g, '$1') : lit;
}

function parsePred(t: Token[], s: { i: number }, depth: number): CfgPred | null {
  if (depth > 64) return null;
  const tok = t[s.i];
  if (!tok || tok.kind !== 'ident') return null;
  s.i++;
  const name = tok.text;
  if ((name === 'all' || name === 'any' || name === 'not') && t[s.i]?.text === '(') {
    s.i++;
    const args: CfgPred[] = [];
    while (t[s.i] && t[s.i].text !== ')') {
      const a = parsePred(t, s, depth + 1);
      if (!a) return null;
      args.push(a);
      if (t[s.i]?.text === ',') s.i++;
      else break;
    }
    if (t[s.i]?.text !== ')') return null;
    s.i++;
    if (name === 'not') return args.length === 1 ? { op: 'not', arg: args[0] } : null;
    return { op: name, args };
  }
  if (t[s.i]?.text === '=') {
    s.i++;
    const v = t[s.i];
    if (!v || v.kind !== 'literal') return null;
    s.i++;
    return { op: 'kv', key: name, value: unquote(v.text) };
  }
  return { op: 'name', name };
}

export function renderCfg(p: CfgPred): string {
  switch (p.op) {
    case 'all':
    case 'any':
      return `${p.op}(${p.args.map(renderCfg).join(', ')})`;
    case 'not':
      return `not(${renderCfg(p.arg)})`;
    case 'name':
      return p.name;
    case 'kv':
      return `${p.key} = ${JSON.stringify(p.value)}`;
  }
}

/** true, false, or null when it depends on the platform. */
export function evalCfg(p: CfgPred, env: CfgEnv): boolean | null {
  switch (p.op) {
    case 'all': {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === false) return false;
        if (v === null) unknown = true;
      }
      return unknown ? null : true;
    }
    case 'any': {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === true) return true;
        if (v === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case 'not': {
      const v = evalCfg(p.arg, env);
      return v === null ? null : !v;
    }
    case 'name': {
      if (p.name === 'test' || p.name === 'doc' || p.name === 'doctest' || p.name === 'miri') return false;
      const known = env.platform?.[p.name];
      return known === undefined ? null : known;
    }
    case 'kv': {
      if (p.key === 'feature') return env.features.has(p.value);
      const known = env.platform?.[`${p.key}=${p.value}`];
      if (known !== undefined) return known;
      // When the platform fixes a key (e.g. target_os=linux), other values of it are false.
      if (
        env.platform &&
        Object.keys(env.platform).some((k) => k.startsWith(`${p.key}=`) && env.platform?.[k])
      )
        return false;
      return null;
    }
  }
}

/** Conjunction of predicates, flattening nested `all`. */
export function conjoin(preds: CfgPred[]): CfgPred | null {
  const flat: CfgPred[] = [];
  for (const p of preds) {
    if (p.op === 'all') flat.push(...p.args);
    else flat.push(p);
  }
  const seen = new Set<string>();
  const uniq = flat.filter((p) => {
    const k = renderCfg(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (uniq.length === 0) return null;
  return uniq.length === 1 ? uniq[0] : { op: 'all', args: uniq };
}

/** The platform facts of the machine tests run on (Linux, x86_64 or aarch64). */
export function linuxPlatform(arch: string, debugAssertions = true): Record<string, boolean> {
  return {
    debug_assertions: debugAssertions,
    unix: true,
    windows: false,
    'target_os=linux': true,
    'target_family=unix': true,
    [`target_arch=${arch}`]: true,
    'target_pointer_width=64': true,
    'target_endian=little': true,
    'target_env=gnu': true,
  };
}
