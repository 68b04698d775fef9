import { useIntl } from 'react-intl';
import type { RequestStatus } from '@/lib/types';
import { Badge, type BadgeTone } from '@/components/ui/card';

const TONES: Record<RequestStatus, BadgeTone> = {
  DRAFT: 'gray',
  SUBMITTED: 'amber',
  APPROVED: 'green',
  DENIED: 'red',
  CANCELLED: 'gray',
};
const LABELS: Record<RequestStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Pending',
  APPROVED: 'Approved',
  DENIED: 'Denied',
  CANCELLED: 'Cancelled',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const intl = useIntl();
  return (
    <Badge tone={TONES[status]}>
      <span data-testid="request-status" data-status={status}>
        {intl.formatMessage({ id: `status.${status}`, defaultMessage: LABELS[status] })}
      </span>
    </Badge>
  );
}
