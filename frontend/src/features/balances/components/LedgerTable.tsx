import type { LedgerEntry, Policy } from '@/lib/types';
import { policyLabel } from '@/lib/units';
import { formatDateTime, humanize } from '@/lib/format';
import { formatSigned, policyUnit } from '@/lib/units';
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
  caption = 'Ledger entries',
}: {
  entries: LedgerEntry[];
  policies: Map<string, Policy>;
  workdayMinutes: number;
  timeZone?: string;
  caption?: string;
}) {
  if (entries.length === 0) return <EmptyState title="No ledger entries yet" />;
  return (
    <Table caption={caption} data-testid="ledger-table">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Policy</Th>
          <Th>Type</Th>
          <Th className="text-right">Amount</Th>
          <Th>Source</Th>
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
                <Badge tone={tone[e.entry_type] ?? 'gray'}>{humanize(e.entry_type)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{formatSigned(e.amount_minutes, policyUnit(policy), workdayMinutes)}</Td>
              <Td className="text-slate-600">{humanize(e.source_type)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
