import { useQuery } from '@tanstack/react-query';
import { policyLabel } from '@/lib/units';
import { Link, useParams } from 'react-router';
import { api, companyPath, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, formatDateTime, fullName, humanize } from '@/lib/format';
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

  if (policy.isPending) return <LoadingState label="Loading policy…" />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const p = policy.data;
  const sorted = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);

  return (
    <>
      <PageHeader
        title={policyLabel(p)}
        description={
          <>
            <Badge tone="violet">{humanize(p.category)}</Badge> · version {p.current_version.version}, in force since{' '}
            {formatDate(p.current_version.effective_from)}
          </>
        }
        actions={
          <Button asChild>
            <Link to={`/admin/policies/${p.id}/edit`} data-testid="edit-policy">
              Edit (new version)
            </Link>
          </Button>
        }
      />
      <Tabs defaultValue="rules">
        <TabsList aria-label="Policy sections">
          <TabsTrigger value="rules">Rules</TabsTrigger>
          <TabsTrigger value="versions" data-testid="tab-versions">
            Version history
          </TabsTrigger>
          <TabsTrigger value="assignments" data-testid="tab-assignments">
            Assignments
          </TabsTrigger>
        </TabsList>
        <TabsContent value="rules">
          <Card>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              {describeSettings(p.current_version.settings).map(([k, v]) => (
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
            <LoadingState label="Loading versions…" />
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
                          Version {v.version}{' '}
                          {v.id === p.current_version.id && <Badge tone="green">Current</Badge>}
                        </CardTitle>
                        <span className="text-sm text-slate-600">
                          {formatDate(v.effective_from)} → {v.effective_to ? formatDate(v.effective_to) : 'open-ended'}
                        </span>
                      </div>
                      <p className="mt-1 text-sm text-slate-700">
                        {v.change_reason || 'No reason given'} · by {fullName(employees.map.get(v.created_by))} on{' '}
                        {formatDateTime(v.created_at)}
                      </p>
                      <div className="mt-3">
                        {previous ? (
                          <>
                            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
                              Changes from version {previous.version}
                            </p>
                            <JsonDiff
                              before={versionForDiff(previous)}
                              after={versionForDiff(v)}
                              caption={`Changes from version ${previous.version} to ${v.version}`}
                            />
                          </>
                        ) : (
                          <p className="text-sm text-slate-600">First version.</p>
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
            <CardTitle>Assign an employee</CardTitle>
            <div className="mt-3">
              <AssignmentForm policyId={p.id} />
            </div>
          </Card>
          {assignments.isPending ? (
            <LoadingState label="Loading assignments…" />
          ) : assignments.isError ? (
            <ErrorState error={assignments.error} onRetry={() => assignments.refetch()} />
          ) : assignments.data.length === 0 ? (
            <EmptyState title="Nobody is on this policy yet" />
          ) : (
            <Table caption={`Assignments of ${policyLabel(p)}`}>
              <thead>
                <tr>
                  <Th>Employee</Th>
                  <Th>From</Th>
                  <Th>Until</Th>
                </tr>
              </thead>
              <tbody>
                {assignments.data.map((a) => (
                  <tr key={a.id}>
                    <Td>
                      <Link to={`/admin/employees/${a.employee_id}`} className="text-brand-700 hover:underline">
                        {fullName(employees.map.get(a.employee_id))}
                      </Link>
                    </Td>
                    <Td>{formatDate(a.effective_from)}</Td>
                    <Td>{a.effective_to ? formatDate(a.effective_to) : 'Open-ended'}</Td>
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
