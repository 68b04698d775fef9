// Flat diff of two JSON values: one row per changed leaf path.

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else {
    out.set(prefix || '(value)', value);
  }
}

export function jsonDiff(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, '', a);
  if (after !== null && after !== undefined) flatten(after, '', b);
  const paths = Array.from(new Set([...a.keys(), ...b.keys()])).sort();
  const rows: DiffRow[] = [];
  for (const p of paths) {
    const inA = a.has(p);
    const inB = b.has(p);
    const va = a.get(p);
    const vb = b.get(p);
    if (inA && !inB) rows.push({ path: p, before: va, after: undefined, kind: 'removed' });
    else if (!inA && inB) rows.push({ path: p, before: undefined, after: vb, kind: 'added' });
    else if (JSON.stringify(va) !== JSON.stringify(vb)) rows.push({ path: p, before: va, after: vb, kind: 'changed' });
  }
  return rows;
}

export function formatJsonValue(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
