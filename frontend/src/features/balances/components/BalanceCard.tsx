import type { Balance, DisplayUnit } from '@/lib/types';
import { balanceLabel } from '@/lib/units';
import { Badge, Card } from '@/components/ui/card';
import { useT } from '@/i18n/I18nProvider';
import { useEnumLabel } from '@/i18n/enums';
import { useAmounts } from '@/i18n/amounts';

/** One policy's balance: its name (the key only when it has none), available in the policy's unit with the other beside it. */
export function BalanceCard({ balance, unit, workdayMinutes }: { balance: Balance; unit: DisplayUnit; workdayMinutes: number }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const amounts = useAmounts();
  const other: DisplayUnit = unit === 'HOURS' ? 'DAYS' : 'HOURS';
  const rows: [string, string, number][] = [
    ['accrued', t('balance.accrued'), balance.accrued_minutes],
    ['used', t('balance.used'), balance.used_minutes],
    ['pending', t('balance.held'), balance.held_minutes],
  ];
  const low = !balance.is_unlimited && balance.available_minutes !== null && balance.available_minutes < 0;
  return (
    <Card data-testid={`balance-card-${balance.policy_key}`} aria-labelledby={`bal-${balance.policy_id}`}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`bal-${balance.policy_id}`} className="font-semibold" data-testid="balance-policy-name">
            {balanceLabel(balance)}
          </h2>
          {balance.policy_description && <p className="text-xs text-slate-600">{balance.policy_description}</p>}
        </div>
        <Badge tone="violet">{enumLabel('category', balance.policy_category)}</Badge>
      </div>
      <div className="mt-3">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('balance.available')}</p>
        {balance.is_unlimited || balance.available_minutes === null ? (
          <p className="text-2xl font-bold text-slate-900" data-testid="balance-available">
            {t('unit.unlimited')}
          </p>
        ) : (
          <>
            <p className={low ? 'text-2xl font-bold text-red-700' : 'text-2xl font-bold text-slate-900'} data-testid="balance-available">
              {amounts.one(balance.available_minutes, unit, workdayMinutes)}
            </p>
            {unit !== 'MINUTES' && <p className="text-sm text-slate-600">{amounts.one(balance.available_minutes, other, workdayMinutes)}</p>}
          </>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 border-t border-slate-100 pt-3 text-sm">
        {rows.map(([id, label, minutes]) => (
          <div key={id} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right tabular-nums" data-testid={`balance-${id}`}>
              {unit === 'MINUTES'
                ? amounts.one(minutes, unit, workdayMinutes)
                : `${amounts.one(minutes, unit, workdayMinutes)} · ${amounts.one(minutes, other, workdayMinutes)}`}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
