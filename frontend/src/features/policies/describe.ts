import type { PolicySettings, PolicyVersion } from '@/lib/types';
import { humanize } from '@/lib/format';
import { formatHours } from '@/lib/units';
import { RATE_FIELD } from './validation';

const mins = (n: number | null | undefined, none = 'None') => (n === null || n === undefined ? none : `${n} min (${formatHours(n)})`);

export function typeLabel(s: PolicySettings | undefined): string {
  if (!s) return '—';
  if (s.type === 'UNLIMITED') return 'Unlimited';
  return s.accrual_method === 'TIME' ? `Accrual · ${humanize(s.accrual_frequency)}` : 'Accrual · Hours worked';
}

/** Label/value rows describing a version's rules, for people. */
export function describeSettings(s: PolicySettings): [string, string][] {
  if (s.type === 'UNLIMITED') return [['Type', 'Unlimited (usage tracked, no limit)']];
  const rows: [string, string][] = [['Type', typeLabel(s)], ['Display unit', humanize(s.unit)]];
  if (s.accrual_method === 'TIME') {
    rows.push(['Rate', `${mins(s[RATE_FIELD[s.accrual_frequency]])} per ${s.accrual_frequency === 'DAILY' ? 'day' : s.accrual_frequency === 'MONTHLY' ? 'month' : 'year'}`]);
    rows.push(['Posted', humanize(s.accrual_timing)]);
    rows.push(['Proration', humanize(s.proration)]);
  } else {
    rows.push(['Ratio', `${s.accrual_ratio.accrue_minutes} min per ${s.accrual_ratio.per_worked_minutes} min worked`]);
  }
  rows.push(['Negative balance', s.allow_negative ? `Allowed, limit ${mins(s.negative_limit_minutes, 'none')}` : 'Not allowed']);
  rows.push(['Bank cap', mins(s.bank_cap_minutes)]);
  rows.push([
    'Tenure tiers',
    s.tenure_tiers?.length ? s.tenure_tiers.map((t) => `${t.min_months}+ months: ${t.accrual_rate_minutes} min`).join('; ') : 'None',
  ]);
  rows.push([
    'Carryover',
    s.carryover?.enabled
      ? `Cap ${mins(s.carryover.cap_minutes, 'none')}${s.carryover.expires_after_days ? `, expires after ${s.carryover.expires_after_days} days` : ''}`
      : 'Off',
  ]);
  rows.push([
    'Expiration',
    s.expiration?.enabled
      ? s.expiration.expires_after_days
        ? `${s.expiration.expires_after_days} days after the last accrual`
        : `Every year on ${s.expiration.expires_on_month}/${s.expiration.expires_on_day}`
      : 'Off',
  ]);
  return rows;
}

/** What a version contributes to a diff: its settings plus its validity. */
export function versionForDiff(v: PolicyVersion): Record<string, unknown> {
  return { effective_from: v.effective_from, ...(v.settings as unknown as Record<string, unknown>) };
}
