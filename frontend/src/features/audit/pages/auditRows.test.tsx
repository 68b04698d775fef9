// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import en from '@/i18n/messages/en';
import de from '@/i18n/messages/de';
import type { AuditEntry } from '@/lib/types';
import { auditSentence, withoutNoise } from './AuditLogPage';

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
});
