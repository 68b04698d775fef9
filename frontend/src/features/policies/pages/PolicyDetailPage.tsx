import { useQuery } from '@tanstack/react-query';
import { policyLabel } from '@/lib/units';
import { Link, useParams } from 'react-router';
import { api, companyPath, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { sortAssignments } from '@/features/employees/sorting';
import { formatDate, formatDateTime, formatLongDate, fullName, todayIso } from '@/lib/format';
import { useIntl } from 'react-intl';
import { useT } from '@/i18n/I18nProvider';
import { useEnumLabel } from '@/i18n/enums';
import { keys, useEmployeeMap } from '@/lib/queries';
import type { Assignment, Policy, PolicyVersion } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, Card, CardTitle, PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { JsonDiff } from '@/components/JsonDiff';
import { AssignmentForm } from '@/features/employees/components/AssignmentForm';
import { describeSettings, versionForDiff } from '../describe';
import { BulkAssignForm } from '../components/BulkAssignForm';

export default function PolicyDetailPage() {
  const { pid = '' } = useParams();
  const me = useMe();
  const policy = useQuery({
    queryKey: keys.policy(me.company_id, pid),
    queryFn: ({ signal }) => api.get<Policy>(companyPath(me.company_id, `/policies/${pid}`), undefined, signal),
  });
  const versions = useQuery({
    queryKey: keys.policyVersions(me.company_id, pid),
    queryFn: ({ signal }) => fetchAll<PolicyVersion>(companyPath(me.company_id, `/policies/${pid}/versions`), undefined, signal),
  });
  const assignments = useQuery({
    queryKey: ['policy-assignments', me.company_id, pid],
    queryFn: ({ signal }) => fetchAll<Assignment>(companyPath(me.company_id, `/policies/${pid}/assignments`), undefined, signal),
  });
  const employees = useEmployeeMap();
  const t = useT();
  const intl = useIntl();
  const enumLabel = useEnumLabel();

  if (policy.isPending) return <LoadingState label={t('policy.detail.loading')} />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const p = policy.data;
  const sorted = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  const scheduled = scheduledVersion(sorted, p.current_version.version);

  return (
    <>
      <PageHeader
        title={policyLabel(p)}
        description={
          <>
            <Badge tone="violet">{enumLabel('category', p.category)}</Badge> ·{' '}
            {t('policy.detail.inForce', { version: p.current_version.version, date: formatDate(p.current_version.effective_from) })}
            {scheduled && (
              <>
                {' · '}
                <strong data-testid="scheduled-version">
                  {t('policy.detail.scheduled', { version: scheduled.version, date: formatLongDate(scheduled.effective_from) })}
                </strong>
              </>
            )}
            {p.description && <span className="mt-1 block">{p.description}</span>}
          </>
        }
        actions={
          <Button asChild>
            <Link to={`/admin/policies/${p.id}/edit`} data-testid="edit-policy">
              {t('policy.detail.edit')}
            </Link>
          </Button>
        }
      />
      <Tabs defaultValue="rules">
        <TabsList aria-label={t('policy.detail.sections')}>
          <TabsTrigger value="rules">{t('policy.detail.rules')}</TabsTrigger>
          <TabsTrigger value="versions" data-testid="tab-versions">
            {t('policy.detail.history')}
          </TabsTrigger>
          <TabsTrigger value="assignments" data-testid="tab-assignments">
            {t('policy.detail.assignments')}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="rules">
          <Card>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              {describeSettings(intl, p.current_version.settings).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-600">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </TabsContent>
        <TabsContent value="versions">
          {versions.isPending ? (
            <LoadingState label={t('policy.detail.loadingVersions')} />
          ) : versions.isError ? (
            <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
          ) : (
            <ol className="space-y-4" data-testid="policy-versions">
              {sorted.map((v, i) => {
                const previous = sorted[i + 1];
                return (
                  <li key={v.id}>
                    <Card>
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <CardTitle as="h3">
                          {t('policy.detail.version', { version: v.version })}{' '}
                          {v.id === p.current_version.id && <Badge tone="green">{t('policy.detail.current')}</Badge>}
                          {v.effective_from > todayIso() && v.version > p.current_version.version && <Badge tone="amber">{t('common.scheduled')}</Badge>}
                        </CardTitle>
                        <span className="text-sm text-slate-600">
                          {formatDate(v.effective_from)} → {v.effective_to ? formatDate(v.effective_to) : t('policy.detail.openEnded')}
                        </span>
                      </div>
                      <p className="mt-1 text-sm text-slate-700">
                        {t('policy.detail.changedBy', {
                          reason: v.change_reason || t('policy.detail.noReason'),
                          name: fullName(employees.map.get(v.created_by)),
                          when: formatDateTime(v.created_at),
                        })}
                      </p>
                      <div className="mt-3">
                        {previous ? (
                          <>
                            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                              {t('policy.detail.changesFrom', { version: previous.version })}
                            </p>
                            <JsonDiff
                              before={versionForDiff(previous)}
                              after={versionForDiff(v)}
                              caption={t('policy.detail.changesFromTo', { from: previous.version, to: v.version })}
                            />
                          </>
                        ) : (
                          <p className="text-sm text-slate-600">{t('policy.detail.firstVersion')}</p>
                        )}
                      </div>
                    </Card>
                  </li>
                );
              })}
            </ol>
          )}
        </TabsContent>
        <TabsContent value="assignments">
          <Card className="mb-4">
            <CardTitle>{t('policy.detail.assignOne')}</CardTitle>
            <div className="mt-3">
              <AssignmentForm policyId={p.id} />
            </div>
          </Card>
          <Card className="mb-4">
            <CardTitle>{t('policy.detail.assignMany')}</CardTitle>
            <div className="mt-3">
              <BulkAssignForm policyId={p.id} />
            </div>
          </Card>
          {assignments.isPending ? (
            <LoadingState label={t('policy.detail.loadingAssignments')} />
          ) : assignments.isError ? (
            <ErrorState error={assignments.error} onRetry={() => assignments.refetch()} />
          ) : assignments.data.length === 0 ? (
            <EmptyState title={t('policy.detail.noAssignments')} />
          ) : (
            <Table caption={t('policy.detail.assignmentsOf', { name: policyLabel(p) })}>
              <thead>
                <tr>
                  <Th>{t('col.employee')}</Th>
                  <Th>{t('col.from')}</Th>
                  <Th>{t('col.until')}</Th>
                </tr>
              </thead>
              <tbody>
                {sortAssignments(assignments.data, (a) => fullName(employees.map.get(a.employee_id))).map((a) => (
                  <tr key={a.id}>
                    <Td>
                      <Link to={`/admin/employees/${a.employee_id}`} className="text-brand-700 hover:underline">
                        {fullName(employees.map.get(a.employee_id))}
                      </Link>
                    </Td>
                    <Td>{formatDate(a.effective_from)}</Td>
                    <Td>{a.effective_to ? formatDate(a.effective_to) : t('policy.detail.openEndedCap')}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </TabsContent>
      </Tabs>
    </>
  );
}

/** The next version that starts after today (the earliest, if several are queued), or null. */
export function scheduledVersion(versions: PolicyVersion[], currentVersion: number, today = todayIso()): PolicyVersion | null {
  const upcoming = versions
    .filter((v) => v.version > currentVersion && v.effective_from > today)
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  return upcoming[0] ?? null;
}
