import { Fragment, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDateTime, fullName, humanize } from '@/lib/format';
import { useEmployeeMap } from '@/lib/queries';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntry, type Page } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, LoadingState, Pagination } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { JsonDiff } from '@/components/JsonDiff';

const LIMIT = 50;
const SYSTEM_ACTOR = '00000000-0000-0000-0000-000000000000';

export default function AuditLogPage() {
  const me = useMe();
  const employees = useEmployeeMap();
  const [filters, setFilters] = useState({ entity_type: 'all', action: 'all', actor_id: 'all', start_date: '', end_date: '' });
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const query = {
    entity_type: filters.entity_type === 'all' ? undefined : filters.entity_type,
    action: filters.action === 'all' ? undefined : filters.action,
    actor_id: filters.actor_id === 'all' ? undefined : filters.actor_id,
    start_date: filters.start_date || undefined,
    end_date: filters.end_date || undefined,
    offset,
    limit: LIMIT,
  };
  const audit = useQuery({
    queryKey: ['audit', me.company_id, query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>(companyPath(me.company_id, '/audit-log'), query, signal),
    placeholderData: keepPreviousData,
  });
  const set = (k: keyof typeof filters) => (v: string) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setOffset(0);
  };
  const actorName = (id: string) => (id === SYSTEM_ACTOR ? 'System' : employees.map.has(id) ? fullName(employees.map.get(id)) : id.slice(0, 8));

  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it and what it looked like before and after." />
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="audit-filters">
        <Field label="Entity">
          <Select value={filters.entity_type} onValueChange={set('entity_type')} options={[{ value: 'all', label: 'All entities' }, ...AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: humanize(t) }))]} data-testid="audit-entity" />
        </Field>
        <Field label="Action">
          <Select value={filters.action} onValueChange={set('action')} options={[{ value: 'all', label: 'All actions' }, ...AUDIT_ACTIONS.map((t) => ({ value: t, label: humanize(t) }))]} data-testid="audit-action" />
        </Field>
        <Field label="Actor">
          <Select
            value={filters.actor_id}
            onValueChange={set('actor_id')}
            options={[
              { value: 'all', label: 'Anyone' },
              { value: SYSTEM_ACTOR, label: 'System' },
              ...[...employees.map.values()].map((e) => ({ value: e.id, label: fullName(e) })),
            ]}
            data-testid="audit-actor"
          />
        </Field>
        <Field label="From">
          <Input type="date" value={filters.start_date} onChange={(e) => set('start_date')(e.target.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.end_date} onChange={(e) => set('end_date')(e.target.value)} />
        </Field>
      </div>
      {audit.isPending ? (
        <LoadingState label="Loading audit log…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="No audit entries match these filters" />
      ) : (
        <>
          <Table caption="Audit entries" data-testid="audit-table">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Actor</Th>
                <Th>Entity</Th>
                <Th>Action</Th>
                <Th>
                  <span className="sr-only">Details</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((a) => (
                <Fragment key={a.id}>
                  <tr data-testid="audit-row" data-entity={a.entity_type} data-action={a.action}>
                    <Td className="whitespace-nowrap">{formatDateTime(a.created_at)}</Td>
                    <Td>{actorName(a.actor_id)}</Td>
                    <Td>
                      {humanize(a.entity_type)} <span className="font-mono text-xs text-slate-600">{a.entity_id.slice(0, 8)}</span>
                    </Td>
                    <Td>
                      <Badge tone={a.action === 'DELETE' || a.action === 'DENY' ? 'red' : a.action === 'APPROVE' ? 'green' : 'blue'}>{humanize(a.action)}</Badge>
                    </Td>
                    <Td>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-expanded={open === a.id}
                        aria-controls={`audit-${a.id}`}
                        onClick={() => setOpen(open === a.id ? null : a.id)}
                        data-testid="audit-expand"
                      >
                        {open === a.id ? 'Hide changes' : 'Show changes'}
                      </Button>
                    </Td>
                  </tr>
                  {open === a.id && (
                    <tr id={`audit-${a.id}`}>
                      <Td colSpan={5} className="bg-slate-50">
                        <JsonDiff before={a.before_json} after={a.after_json} caption={`Changes of ${humanize(a.entity_type)} ${a.entity_id}`} />
                      </Td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </Table>
          <Pagination offset={offset} limit={LIMIT} total={audit.data.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}
