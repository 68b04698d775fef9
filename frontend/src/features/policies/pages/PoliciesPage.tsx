import { Link } from 'react-router';
import { policyLabel } from '@/lib/units';
import { formatDate, humanize } from '@/lib/format';
import { usePolicies } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { typeLabel } from '../describe';

export default function PoliciesPage() {
  const policies = usePolicies();
  return (
    <>
      <PageHeader
        title="Policies"
        description="Time-off rules. Every change creates a new version; old versions stay answerable."
        actions={
          <Button asChild>
            <Link to="/admin/policies/new" data-testid="new-policy">
              New policy
            </Link>
          </Button>
        }
      />
      {policies.isPending ? (
        <LoadingState label="Loading policies…" />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <EmptyState title="No policies yet">Create the first policy to start tracking time off.</EmptyState>
      ) : (
        <Table caption="Policies" data-testid="policies-table">
          <thead>
            <tr>
              <Th>Key</Th>
              <Th>Category</Th>
              <Th>Type</Th>
              <Th>Version</Th>
              <Th>In force since</Th>
            </tr>
          </thead>
          <tbody>
            {[...policies.data]
              .sort((a, b) => policyLabel(a).localeCompare(policyLabel(b)))
              .map((p) => (
                <tr key={p.id} data-testid="policy-row">
                  <Td>
                    <Link to={`/admin/policies/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {policyLabel(p)}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone="violet">{humanize(p.category)}</Badge>
                  </Td>
                  <Td>{typeLabel(p.current_version?.settings)}</Td>
                  <Td>v{p.current_version?.version ?? '—'}</Td>
                  <Td>{formatDate(p.current_version?.effective_from)}</Td>
                </tr>
              ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
