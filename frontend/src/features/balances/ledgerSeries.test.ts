import { describe, expect, it } from 'vitest';
import { ledgerSeries } from './ledgerSeries';
import type { LedgerEntry } from '@/lib/types';

const e = (entry_type: LedgerEntry['entry_type'], amount_minutes: number, effective_at: string): LedgerEntry => ({
  id: `${entry_type}-${effective_at}`,
  employee_id: 'e',
  policy_id: 'p',
  policy_version_id: 'v',
  entry_type,
  amount_minutes,
  effective_at,
  source_type: 'SYSTEM',
  source_id: null,
  metadata_json: null,
  created_at: effective_at,
});

describe('ledgerSeries', () => {
  it('is the running available balance, one point per day, oldest first', () => {
    const entries = [
      e('USAGE', -480, '2025-02-10T12:00:00Z'),
      e('HOLD_RELEASE', 480, '2025-02-10T12:00:00Z'),
      e('HOLD', -480, '2025-02-03T10:00:00Z'),
      e('ACCRUAL', 800, '2025-02-01T00:00:00Z'),
      e('ACCRUAL', 800, '2025-01-01T00:00:00Z'),
    ];
    expect(ledgerSeries(entries, 'UTC')).toEqual([
      { date: '2025-01-01', minutes: 800 },
      { date: '2025-02-01', minutes: 1600 },
      { date: '2025-02-03', minutes: 1120 },
      { date: '2025-02-10', minutes: 1120 },
    ]);
  });
  it('is empty without entries', () => {
    expect(ledgerSeries([])).toEqual([]);
  });
});
