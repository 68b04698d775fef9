import type { IntlShape } from 'react-intl';
import type { PolicySettings, PolicyVersion } from '@/lib/types';
import { formatAmountBoth } from '@/lib/errors';
import { enumLabel } from '@/i18n/enums';
import { formatDayOfYear } from '@/lib/format';
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
    s.allow_negative ? t('policy.describe.negativeAllowed', { limit: amount(s.negative_limit_minutes, t('policy.describe.noLimit')) }) : t('policy.describe.notAllowed'),
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
    s.carryover?.enabled
      ? t('policy.describe.carryoverCap', { cap: amount(s.carryover.cap_minutes, t('policy.describe.noLimit')), days: s.carryover.expires_after_days ?? 0 })
      : t('policy.describe.off'),
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
