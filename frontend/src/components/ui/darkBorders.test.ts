import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../index.css', import.meta.url), 'utf8');

/** Every screen's source text (Vite reads them at test time). */
const SOURCES = import.meta.glob('../../**/*.tsx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('dark mode (issue 26)', () => {
  it('every light border colour the screens use is remapped, so no table draws white lines on dark', () => {
    const used = new Set<string>();
    for (const text of Object.values(SOURCES)) for (const m of text.matchAll(/\bborder-slate-(\d+)\b/g)) used.add(m[1]);
    const light = [...used].filter((n) => Number(n) <= 400).sort();
    expect(light).toContain('100'); // the table cells' own border
    const missing = light.filter((n) => !css.includes(`.dark .border-slate-${n}`));
    expect(missing).toEqual([]);
  });
});
