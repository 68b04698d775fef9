import type { ReactNode } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { cn } from '@/lib/utils';
import { formatDateRange } from '@/lib/format';
import { StatusBadge } from '@/features/requests/components/StatusBadge';
import type { WhosOutItem } from '../whosOut';

/**
 * One absence in a list (the who's-out panel, the calendar's month list): the name, what it is,
 * "part of the day" when it is not whole days, the days and its status. `pendingOnly` marks only
 * requests still waiting (the panel), otherwise every status is shown (the calendar list).
 */
export function AbsenceRow({
  item,
  what,
  pendingOnly = false,
  className,
  testId,
}: {
  item: WhosOutItem;
  what?: ReactNode;
  pendingOnly?: boolean;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <li className={cn('flex flex-wrap items-center justify-between gap-2', className)} data-testid={testId}>
      <span>
        <span className="font-medium">{item.name}</span>
        {what && <> · {what}</>}
        {!item.all_day && <span className="text-slate-600"> · {t('whosOut.partOfDay')}</span>}
      </span>
      <span className="flex items-center gap-2 text-slate-700">
        {formatDateRange(item.first_day, item.last_day)}
        {(!pendingOnly || item.status === 'SUBMITTED') && <StatusBadge status={item.status} />}
      </span>
    </li>
  );
}
