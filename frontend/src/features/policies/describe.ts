import type { IntlShape } from 'react-intl';
import type { PolicySettings, PolicyVersion, RequestRules } from '@/lib/types';
import { formatAmountBoth } from '@/lib/errors';
import { enumLabel } from '@/i18n/enums';
import { formatDateRange, formatDayOfYear } from '@/lib/format';
import { RATE_FIELD } from './validation';

type Msg = (id: string, values?: Record<string, string | number>) => string;
const msg = (intl: IntlShape): Msg => (id, values) => intl.formatMessage({ id }, values);

export function typeLabel(intl: IntlShape, s: PolicySettings | undefined): string {
  if (!s) return '—';
  const t = msg(intl);
  if (s.type === 'UNLIMITED') return t('policy.form.type.UNLIMITED');
  return s.accrual_method === 'TIME'
    ? t('policy.describe.typeTime', { frequency: enumLabel(intl, 'frequency', s.accrual_frequency) })
    : t('policy.describe.typeHours');
}

/** Label/value rows describing a version's rules, for people: every amount in the policy's unit (8-hour days). */
export function describeSettings(intl: IntlShape, s: PolicySettings): [string, string][] {
  return [...describeAccrual(intl, s), [msg(intl)('policy.describe.rules'), describeRules(intl, s.request_rules)]];
}

/** The request rules in one line ("At least 14 days' notice; Blackout Year-end close (Dec 28, 2026 – Jan 2, 2027)"). */
export function describeRules(intl: IntlShape, r: RequestRules | undefined): string {
  const t = msg(intl);
  const parts: string[] = [];
  if (r?.min_notice_days != null) parts.push(t('policy.describe.ruleNotice', { n: r.min_notice_days }));
  if (r?.max_consecutive_days != null) parts.push(t('policy.describe.ruleMaxDays', { n: r.max_consecutive_days }));
  for (const b of r?.blackout_periods ?? [])
    parts.push(t('policy.describe.ruleBlackout', { name: b.name ? `${b.name} ` : '', range: `(${formatDateRange(b.start_date, b.end_date)})` }));
  if (r?.max_concurrent_absences)
    parts.push(t('policy.describe.ruleStaffing', { scope: r.max_concurrent_absences.scope ?? 'TEAM', limit: r.max_concurrent_absences.limit }));
  return parts.length ? parts.join('; ') : t('policy.describe.none');
}

function describeAccrual(intl: IntlShape, s: PolicySettings): [string, string][] {
  const t = msg(intl);
  if (s.type === 'UNLIMITED') return [[t('policy.describe.type'), t('policy.describe.unlimited')]];
  const amount = (n: number | null | undefined, none = t('policy.describe.none')) =>
    n === null || n === undefined ? none : formatAmountBoth(intl, n, s.unit ?? 'DAYS');
  const rows: [string, string][] = [
    [t('policy.describe.type'), typeLabel(intl, s)],
    [t('policy.describe.unit'), enumLabel(intl, 'unit', s.unit)],
  ];
  if (s.accrual_method === 'TIME') {
    rows.push([t('policy.describe.rate'), t('policy.describe.ratePer', { amount: amount(s[RATE_FIELD[s.accrual_frequency]]), period: s.accrual_frequency })]);
    rows.push([t('policy.describe.posted'), t(`policy.form.timing.${s.accrual_timing}`)]);
    rows.push([t('policy.describe.proration'), t(`policy.form.proration.${s.proration}`)]);
  } else {
    rows.push([
      t('policy.describe.ratio'),
      t('policy.describe.ratioValue', {
        amount: amount(s.accrual_ratio.accrue_minutes),
        worked: formatAmountBoth(intl, s.accrual_ratio.per_worked_minutes, 'HOURS'),
      }),
    ]);
  }
  rows.push([
    t('policy.describe.negative'),
    !s.allow_negative
      ? t('policy.describe.notAllowed')
      : s.negative_limit_minutes == null
        ? t('policy.describe.negativeUnlimited')
        : t('policy.describe.negativeAllowed', { limit: amount(s.negative_limit_minutes) }),
  ]);
  rows.push([t('policy.describe.bankCap'), amount(s.bank_cap_minutes)]);
  rows.push([
    t('policy.describe.tiers'),
    s.tenure_tiers?.length
      ? s.tenure_tiers.map((x) => t('policy.describe.tier', { months: x.min_months, amount: amount(x.accrual_rate_minutes) })).join('; ')
      : t('policy.describe.none'),
  ]);
  rows.push([
    t('policy.describe.carryover'),
    !s.carryover?.enabled
      ? t('policy.describe.off')
      : s.carryover.cap_minutes == null
        ? t('policy.describe.carryoverAll', { days: s.carryover.expires_after_days ?? 0 })
        : t('policy.describe.carryoverCap', { cap: amount(s.carryover.cap_minutes), days: s.carryover.expires_after_days ?? 0 }),
  ]);
  rows.push([
    t('policy.describe.expiration'),
    s.expiration?.enabled
      ? s.expiration.expires_after_days
        ? t('policy.describe.expiresAfter', { days: s.expiration.expires_after_days })
        : t('policy.describe.expiresOn', { date: formatDayOfYear(s.expiration.expires_on_month ?? 1, s.expiration.expires_on_day ?? 1) })
      : t('policy.describe.off'),
  ]);
  return rows;
}

/** What a version contributes to a diff: its settings plus its validity. */
export function versionForDiff(v: PolicyVersion): Record<string, unknown> {
  return { effective_from: v.effective_from, ...(v.settings as unknown as Record<string, unknown>) };
}
