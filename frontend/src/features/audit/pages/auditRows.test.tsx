// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import en from '@/i18n/messages/en';
import de from '@/i18n/messages/de';
import type { AuditEntry, Employee, Policy } from '@/lib/types';
import { AUDIT_ENTITY_TYPES } from '@/lib/types';
import { setDisplayLocale } from '@/lib/format';
import { auditSentence, requestLabel, withoutNoise } from './AuditLogPage';

const row: AuditEntry = {
  id: 'a1',
  company_id: 'c1',
  actor_id: 'm1',
  entity_type: 'REQUEST',
  entity_id: 'r1',
  action: 'APPROVE',
  before_json: { id: 'r1', company_id: 'c1', status: 'SUBMITTED' },
  after_json: { id: 'r1', company_id: 'c1', status: 'APPROVED' },
  created_at: '2026-12-01T10:00:00Z',
  actor_name: 'Mark Manager',
  entity_label: "Emma Employee's Vacation request, 2026-12-24 – 2026-12-28",
};

describe('audit rows', () => {
  it('are named by who and what, in the reader’s language', () => {
    expect(auditSentence(createIntl({ locale: 'en', messages: en }), row, 'Mark Manager')).toBe(
      "Mark Manager approved Emma Employee's Vacation request, 2026-12-24 – 2026-12-28",
    );
    const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });
    expect(auditSentence(intlDe, { ...row, entity_type: 'POLICY', action: 'CREATE', entity_label: 'Urlaub' }, 'Ada Admin')).toBe(
      'Ada Admin hat die Regelung Urlaub angelegt',
    );
    expect(auditSentence(intlDe, { ...row, entity_type: 'HOLIDAY', action: 'DELETE', entity_label: null }, 'Ada Admin')).toBe(
      'Ada Admin hat den Feiertag (gelöscht) gelöscht',
    );
  });

  it('hide the noise fields in diffs, also nested', () => {
    expect(withoutNoise({ id: 'x', company_id: 'c', key: 'v', current_version: { id: 'y', version: 2, created_at: 't' } })).toEqual({
      key: 'v',
      current_version: { version: 2 },
    });
    expect(withoutNoise(null)).toBeNull();
  });

  it('issue 26: company and delegation rows are named in both languages and can be filtered', () => {
    const intlEn = createIntl({ locale: 'en', messages: en });
    const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });
    const company = { ...row, entity_type: 'COMPANY' as const, action: 'UPDATE' as const, entity_label: null };
    const delegation = { ...row, entity_type: 'DELEGATION' as const, action: 'CREATE' as const, entity_label: null };
    expect(auditSentence(intlEn, company, 'Ada Admin')).toBe("Ada Admin updated the company's sign-in or webhook settings");
    expect(auditSentence(intlDe, delegation, 'Ada Admin')).toBe('Ada Admin hat eine Vertretung für Genehmigungen angelegt');
    for (const intl of [intlEn, intlDe]) {
      for (const type of AUDIT_ENTITY_TYPES) {
        const sentence = auditSentence(intl, { ...row, entity_type: type }, 'X');
        expect(sentence, type).not.toMatch(/audit\.what|\{/);
        expect(intl.messages[`enum.entity.${type}`], type).toBeTruthy();
      }
    }
    expect(AUDIT_ENTITY_TYPES).toContain('COMPANY');
    expect(AUDIT_ENTITY_TYPES).toContain('DELEGATION');
  });

  it('issue 26: a preference change reads as what it is, not "updated employee"', () => {
    const intlEn = createIntl({ locale: 'en', messages: en });
    const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });
    const prefs = { ...row, entity_type: 'EMPLOYEE' as const, action: 'UPDATE' as const, actor_id: 'e1', entity_id: 'e1', entity_label: 'Emma Employee', change: 'notification_preferences' };
    expect(auditSentence(intlEn, prefs, 'Emma Employee')).toBe('Emma Employee changed their e-mail notification settings');
    expect(auditSentence(intlDe, prefs, 'Emma Employee')).toBe('Emma Employee hat die eigenen E-Mail-Benachrichtigungen geändert');
    expect(auditSentence(intlEn, { ...prefs, actor_id: 'a1', change: 'sessions_ended' }, 'Ada Admin')).toBe('Ada Admin signed Emma Employee out everywhere');
  });

  it('issue 26: a request is named in German on German screens (no English fragment)', () => {
    setDisplayLocale('de-DE');
    const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });
    const emma = { id: 'e1', first_name: 'Emma', last_name: 'Employee', timezone: 'Europe/Berlin' } as Employee;
    const vacation = { id: 'p1', key: 'vacation', name: 'Urlaub' } as Policy;
    const request = { ...row, after_json: { employee_id: 'e1', policy_id: 'p1', start_at: '2026-12-23T23:00:00Z', end_at: '2026-12-28T23:00:00Z', status: 'APPROVED' } };
    const label = requestLabel(intlDe, request, new Map([['e1', emma]]), new Map([['p1', vacation]]));
    expect(label).toBe('den Antrag von Emma Employee (Urlaub), 24. Dez. 2026 – 28. Dez. 2026');
    expect(auditSentence(intlDe, request, 'Mark Manager', label)).toBe(
      'Mark Manager hat den Antrag von Emma Employee (Urlaub), 24. Dez. 2026 – 28. Dez. 2026 genehmigt',
    );
    setDisplayLocale('en-US');
  });
});
