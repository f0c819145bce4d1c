/** A readable listing of a surface for terminals, grouped by crate. */
import type { Surface, SurfaceItem } from '../model';

export function signatureOf(item: SurfaceItem): string {
  switch (item.kind) {
    case 'function': {
      const params = item.params.map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push('...');
      const abi = item.abi === 'Rust' ? '' : `extern "${item.abi}" `;
      return `${item.unsafe ? 'unsafe ' : ''}${abi}fn ${item.name}(${params.join(', ')})${item.returns ? ` -> ${item.returns}` : ''}`;
    }
    case 'static':
      return `static ${item.mutable ? 'mut ' : ''}${item.name}: ${item.type}`;
    case 'struct':
    case 'union': {
      const fields = item.fields.map((f) => (item.tuple ? f.type : `${f.name}: ${f.type}`)).join(', ');
      return `${reprText(item.repr)}${item.kind} ${item.name} ${item.tuple ? `(${fields})` : `{ ${fields} }`}`;
    }
    case 'enum': {
      const vs = item.variants.map(
        (v) =>
          `${v.name}${v.value !== null ? ` = ${v.value}` : v.discriminant ? ` = ${v.discriminant}` : ''}`,
      );
      return `${reprText(item.repr)}enum ${item.name} { ${vs.join(', ')} }`;
    }
    case 'type':
      return `type ${item.name} = ${item.target}`;
    case 'const':
      return `const ${item.name}: ${item.type} = ${item.value}`;
    case 'import': {
      if (item.what === 'static')
        return `extern "${item.abi}" static ${item.mutable ? 'mut ' : ''}${item.name}: ${item.type ?? '?'}`;
      const params = (item.params ?? []).map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push('...');
      return `extern "${item.abi}" fn ${item.name}(${params.join(', ')})${item.returns ? ` -> ${item.returns}` : ''}`;
    }
  }
}

/** Replaces control characters so that terminal output cannot be forged by a name. */
export function printable(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

export function renderSurfaceText(s: Surface): string {
  const lines: string[] = [];
  lines.push(`ffi surface of ${printable(s.rev)} (${s.digest})`);
  for (const c of s.crates) {
    lines.push('');
    lines.push(
      `crate ${printable(c.name)} ${printable(c.version)} (${printable(c.manifest)}${c.features.length ? `; features: ${c.features.map(printable).join(', ')}` : ''})`,
    );
    const groups: [string, SurfaceItem[]][] = [
      ['functions', c.items.filter((i) => i.kind === 'function')],
      ['statics', c.items.filter((i) => i.kind === 'static')],
      [
        'types',
        c.items.filter(
          (i) => i.kind === 'struct' || i.kind === 'union' || i.kind === 'enum' || i.kind === 'type',
        ),
      ],
      ['constants', c.items.filter((i) => i.kind === 'const')],
      ['imports', c.items.filter((i) => i.kind === 'import')],
    ];
    for (const [title, items] of groups) {
      if (!items.length) continue;
      lines.push(`  ${title}:`);
      for (const it of items) {
        const sym =
          (it.kind === 'function' || it.kind === 'static') && it.symbol !== it.name
            ? ` [symbol ${it.symbol}]`
            : '';
        const cfg = it.cfg ? ` [cfg(${it.cfg})]` : '';
        lines.push(
          `    ${printable(signatureOf(it))}${printable(sym)}${printable(cfg)}  ${printable(it.file)}:${it.line}`,
        );
      }
    }
    const unresolved = c.unresolved ?? [];
    if (unresolved.length) {
      lines.push('  unresolved (may export; needs review):');
      for (const u of unresolved)
        lines.push(
          `    ${u.kind === 'macro' ? `${printable(u.macro ?? '?')}!` : 'export site'} in ${printable(u.path)} [${u.reason}]  ${printable(u.file)}:${u.line}`,
        );
    }
    if (!c.items.length && !unresolved.length) lines.push('  (no exported surface)');
  }
  if (s.diagnostics.length) {
    lines.push('');
    lines.push('diagnostics:');
    for (const d of s.diagnostics)
      lines.push(
        `  ${d.level}: ${printable(d.message)}${d.file ? ` (${printable(d.file)}${d.line ? `:${d.line}` : ''})` : ''} [${d.code}]`,
      );
  }
  return lines.join('\n') + '\n';
}

/** `#[repr(C)] ` — nothing for a type with Rust's own layout (reached from an export, not repr). */
function reprText(repr: string[]): string {
  return repr.length ? `#[repr(${repr.join(', ')})] ` : '';
}
