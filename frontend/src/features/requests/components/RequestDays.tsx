// A stored request day by day (issue 26): the minutes each local day counts and why, as the preview
// showed them before submitting — on the request, in approvals and on My team. Read on demand from
// GET …/requests/{rid}/days (the breakdown counted at submit).
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import type { PreviewDay } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';
import { BreakdownTable } from './BreakdownTable';

interface RequestDaysAnswer {
  request_id: string;
  requested_minutes: number;
  days: PreviewDay[];
  recomputed: boolean;
}

export function RequestDays({ requestId, workday }: { requestId: string; workday: number }) {
  const me = useMe();
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const days = useQuery({
    queryKey: ['request-days', me.company_id, requestId],
    queryFn: ({ signal }) => api.get<RequestDaysAnswer>(companyPath(me.company_id, `/requests/${requestId}/days`), undefined, signal),
    enabled: open,
    staleTime: Infinity, // what was counted at submit does not change
  });
  return (
    <div data-testid="request-days">
      <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="request-days-toggle">
        {open ? t('request.days.hide') : t('request.days.show')}
      </Button>
      {open && (
        <div id={id}>
          {days.isPending ? (
            <LoadingState label={t('request.days.loading')} />
          ) : days.isError ? (
            <ErrorState error={days.error} onRetry={() => days.refetch()} />
          ) : (
            <>
              <BreakdownTable days={days.data.days} workday={workday} testId="request-breakdown" />
              {days.data.recomputed && <p className="mt-1 text-xs text-slate-600">{t('request.days.recomputed')}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
