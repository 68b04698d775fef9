import type { LedgerEntry, Policy } from '@/lib/types';
import { policyLabel } from '@/lib/units';
import { formatDateTime } from '@/lib/format';
import { policyUnit } from '@/lib/units';
import { useT } from '@/i18n/I18nProvider';
import { useEnumLabel } from '@/i18n/enums';
import { useAmounts } from '@/i18n/amounts';
import { Badge, type BadgeTone } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/states';

const tone: Record<string, BadgeTone> = {
  ACCRUAL: 'green',
  CARRYOVER: 'green',
  ACCRUAL_CORRECTION: 'violet',
  HOLD: 'amber',
  HOLD_RELEASE: 'gray',
  USAGE: 'blue',
  USAGE_REVERSAL: 'gray',
  ADJUSTMENT: 'violet',
  EXPIRATION: 'red',
};

export function LedgerTable({
  entries,
  policies,
  workdayMinutes,
  timeZone,
  caption,
}: {
  entries: LedgerEntry[];
  policies: Map<string, Policy>;
  workdayMinutes: number;
  timeZone?: string;
  caption?: string;
}) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const amounts = useAmounts();
  if (entries.length === 0) return <EmptyState title={t('ledger.empty')} />;
  return (
    <Table caption={caption ?? t('ledger.caption')} data-testid="ledger-table">
      <thead>
        <tr>
          <Th>{t('ledger.when')}</Th>
          <Th>{t('col.policy')}</Th>
          <Th>{t('col.type')}</Th>
          <Th className="text-right">{t('col.amount')}</Th>
          <Th>{t('ledger.source')}</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const policy = policies.get(e.policy_id);
          return (
            <tr key={e.id} data-testid="ledger-row">
              <Td className="whitespace-nowrap">{formatDateTime(e.effective_at, timeZone)}</Td>
              <Td>{policyLabel(policy) || e.policy_id.slice(0, 8)}</Td>
              <Td>
                <Badge tone={tone[e.entry_type] ?? 'gray'}>{enumLabel('entry', e.entry_type)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{amounts.signed(e.amount_minutes, policyUnit(policy), workdayMinutes)}</Td>
              <Td className="text-slate-600">{enumLabel('source', e.source_type)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
