import type { LedgerEntry } from '@/lib/types';
import { dateInZone } from '@/lib/format';

export interface BalancePoint {
  date: string;
  /** Running available balance in minutes after that day's entries. */
  minutes: number;
}

/**
 * Balance over time from ledger entries (any order): the running sum of signed amounts
 * (accrued − used − held), one point per calendar day (last value of the day).
 */
export function ledgerSeries(entries: LedgerEntry[], timeZone?: string): BalancePoint[] {
  const sorted = [...entries].sort((a, b) => {
    const t = a.effective_at.localeCompare(b.effective_at);
    return t !== 0 ? t : a.created_at.localeCompare(b.created_at);
  });
  const points: BalancePoint[] = [];
  let running = 0;
  for (const e of sorted) {
    running += e.amount_minutes;
    const date = dateInZone(e.effective_at, timeZone);
    const last = points[points.length - 1];
    if (last && last.date === date) last.minutes = running;
    else points.push({ date, minutes: running });
  }
  return points;
}
