import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from './messages/en';
import de from './messages/de';

/** The placeholder names of an ICU message ("{n, plural, …}" → n). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: unknown[]) => {
    for (const el of els as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.value && el.type !== 0) names.add(el.value);
      if (el.options) Object.values(el.options).forEach((o) => walk(o.value));
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown[]);
  return [...names].sort();
}

describe('message catalogs', () => {
  it('every English key exists in German and the other way round', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is valid ICU and both languages use the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(() => new IntlMessageFormat(en[key], 'en'), key).not.toThrow();
      expect(() => new IntlMessageFormat(de[key], 'de'), key).not.toThrow();
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('no message is empty or left in English by mistake where German differs', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim(), key).not.toBe('');
    }
    expect(de['nav.balances']).not.toBe(en['nav.balances']);
  });

  it('German addresses people as "Sie", never "du" (issue 26)', () => {
    const du = /\b(du|dein|deine|deinen|deiner|deinem|deines|dich|dir|hast|bist|kannst|musst|willst|wirst|möchtest|wähle|gib|klicke)\b/i;
    const found = Object.entries(de).filter(([, text]) => du.test(text.replace(/\{[^}]*\}/g, ' ')));
    expect(found).toEqual([]);
  });
});
