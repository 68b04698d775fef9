import type { Balance, DisplayUnit } from '@/lib/types';
import { formatDays, formatDuration, formatHours } from '@/lib/units';
import { humanize } from '@/lib/format';
import { Badge, Card } from '@/components/ui/card';

export function BalanceCard({ balance, unit, workdayMinutes }: { balance: Balance; unit: DisplayUnit; workdayMinutes: number }) {
  const rows: [string, number][] = [
    ['Accrued', balance.accrued_minutes],
    ['Used', balance.used_minutes],
    ['Pending (held)', balance.held_minutes],
  ];
  const low = !balance.is_unlimited && balance.available_minutes !== null && balance.available_minutes < 0;
  return (
    <Card data-testid={`balance-card-${balance.policy_key}`} aria-labelledby={`bal-${balance.policy_id}`}>
      <div className="flex items-start justify-between gap-2">
        <h2 id={`bal-${balance.policy_id}`} className="font-semibold">
          {balance.policy_key}
        </h2>
        <Badge tone="violet">{humanize(balance.policy_category)}</Badge>
      </div>
      <div className="mt-3">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Available</p>
        {balance.is_unlimited || balance.available_minutes === null ? (
          <p className="text-2xl font-bold text-slate-900" data-testid="balance-available">
            Unlimited
          </p>
        ) : (
          <>
            <p className={low ? 'text-2xl font-bold text-red-700' : 'text-2xl font-bold text-slate-900'} data-testid="balance-available">
              {formatDays(balance.available_minutes, workdayMinutes)}
            </p>
            <p className="text-sm text-slate-600">{formatHours(balance.available_minutes)}</p>
          </>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 border-t border-slate-100 pt-3 text-sm">
        {rows.map(([label, minutes]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right tabular-nums" data-testid={`balance-${label.split(' ')[0].toLowerCase()}`}>
              {formatDays(minutes, workdayMinutes)} · {formatHours(minutes)}
            </dd>
          </div>
        ))}
      </dl>
      {unit !== 'DAYS' && !balance.is_unlimited && balance.available_minutes !== null && (
        <p className="mt-2 text-xs text-slate-600">Policy unit: {formatDuration(balance.available_minutes, unit, workdayMinutes)}</p>
      )}
    </Card>
  );
}
