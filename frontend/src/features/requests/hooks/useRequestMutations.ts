import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import type { TimeOffRequest } from '@/lib/types';

/** After any request transition: refresh lists, balances and ledgers. */
export function useInvalidateRequestData() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['requests'] }),
      qc.invalidateQueries({ queryKey: ['balances'] }),
      qc.invalidateQueries({ queryKey: ['ledger'] }),
    ]);
}

export function useRequestTransition(action: 'approve' | 'deny' | 'cancel') {
  const me = useMe();
  const invalidate = useInvalidateRequestData();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      api.post<TimeOffRequest>(
        companyPath(me.company_id, `/requests/${id}/${action}`),
        action === 'cancel' ? undefined : note ? { note } : {},
      ),
    onSettled: invalidate,
  });
}
