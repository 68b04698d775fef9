import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import en from './messages/en';
import de from './messages/de';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, LEDGER_ENTRY_TYPES, POLICY_CATEGORIES } from '@/lib/types';
import { enumLabel } from './enums';

describe('every server enum value shown to people has a label in both languages (issue 26)', () => {
  for (const [lang, messages] of [['en', en], ['de', { ...en, ...de }]] as const) {
    const intl = createIntl({ locale: lang, messages });
    it(`${lang}: ledger entry types (ACCRUAL_CORRECTION included), audit entities and actions, categories`, () => {
      const cases: [Parameters<typeof enumLabel>[1], readonly string[]][] = [
        ['entry', LEDGER_ENTRY_TYPES],
        ['entity', AUDIT_ENTITY_TYPES],
        ['action', AUDIT_ACTIONS],
        ['category', POLICY_CATEGORIES],
      ];
      for (const [kind, values] of cases) {
        for (const value of values) expect(intl.messages[`enum.${kind}.${value}`], `${kind} ${value}`).toBeTruthy();
      }
      expect(enumLabel(intl, 'entry', 'ACCRUAL_CORRECTION')).toBe(lang === 'en' ? 'Accrual correction' : 'Anspruchskorrektur');
    });
  }
});
