import { describe, expect, it } from 'vitest';
import en from '@/i18n/messages/en';
import { AUDIT_ENTITY_TYPES } from '@/lib/types';

describe('audit entity types', () => {
  it('every entity type the filter offers has a label and a sentence (LOCATION since issue 28)', () => {
    const messages = en as Record<string, string>;
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(messages[`enum.entity.${type}`], `enum.entity.${type}`).toBeTruthy();
      expect(messages[`audit.what.${type}`], `audit.what.${type}`).toBeTruthy();
    }
    expect(AUDIT_ENTITY_TYPES).toContain('LOCATION');
  });
});
