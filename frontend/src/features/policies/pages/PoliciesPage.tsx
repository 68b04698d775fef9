import { Link } from 'react-router';
import { useT } from '@/i18n/I18nProvider';
import { policyLabel } from '@/lib/units';
import { formatDate } from '@/lib/format';
import { useIntl } from 'react-intl';
import { useEnumLabel } from '@/i18n/enums';
import { usePolicies } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { typeLabel } from '../describe';

export default function PoliciesPage() {
  const t = useT();
  const intl = useIntl();
  const enumLabel = useEnumLabel();
  const policies = usePolicies();
  return (
    <>
      <PageHeader
        title={t('nav.policies')}
        description={t('page.policies.description')}
        actions={
          <Button asChild>
            <Link to="/admin/policies/new" data-testid="new-policy">
              {t('page.newPolicy')}
            </Link>
          </Button>
        }
      />
      {policies.isPending ? (
        <LoadingState label={t('policies.loading')} />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <EmptyState title={t('policies.empty')}>{t('policies.emptyHint')}</EmptyState>
      ) : (
        <Table caption={t('nav.policies')} data-testid="policies-table">
          <thead>
            <tr>
              <Th>{t('policies.col.name')}</Th>
              <Th>{t('policy.form.category')}</Th>
              <Th>{t('col.type')}</Th>
              <Th>{t('policies.col.version')}</Th>
              <Th>{t('policies.col.since')}</Th>
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
                    <Badge tone="violet">{enumLabel('category', p.category)}</Badge>
                  </Td>
                  <Td>{typeLabel(intl, p.current_version?.settings)}</Td>
                  <Td>{p.current_version ? t('policies.versionShort', { version: p.current_version.version }) : '—'}</Td>
                  <Td>{formatDate(p.current_version?.effective_from)}</Td>
                </tr>
              ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
