import { Fragment, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { dateInZone, formatDateRange, formatDateTime, fullName } from '@/lib/format';
import { useEmployeeMap, usePolicyMap } from '@/lib/queries';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntry, type Employee, type Page, type Policy, type TimeOffRequest } from '@/lib/types';
import { policyLabel } from '@/lib/units';
import { Button } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, LoadingState, Pagination } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { JsonDiff } from '@/components/JsonDiff';
import { useIntl, type IntlShape } from 'react-intl';
import { downloadFile } from '@/lib/api';
import { FormError } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';
import { enumLabel, useEnumLabel } from '@/i18n/enums';

/** Fields every row repeats (tenant, ids, timestamps): hidden in the diff, they are not the change. */
const NOISE = new Set(['company_id', 'id', 'created_at', 'updated_at', 'created_by', 'idempotency_key']);

export function withoutNoise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNoise);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !NOISE.has(k))
      .map(([k, v]) => [k, withoutNoise(v)]),
  );
}

/**
 * "Mark Manager approved Emma Employee's Vacation request, 2030-12-23 – 2030-12-27", in the reader's
 * language. `label` (a request named in the reader's language) replaces the server's English one.
 */
export function auditSentence(intl: IntlShape, a: AuditEntry, actor: string, label?: string | null): string {
  const name = label ?? a.entity_label ?? intl.formatMessage({ id: 'audit.deleted' });
  const change = a.change ? `audit.change.${a.change}` : '';
  if (change && intl.messages[change]) {
    return intl.formatMessage({ id: change }, { actor, label: name, own: a.actor_id === a.entity_id ? 'yes' : 'no' });
  }
  const whatId = `audit.what.${a.entity_type}`;
  const what = intl.messages[whatId] ? intl.formatMessage({ id: whatId }, { label: name }) : `${enumLabel(intl, 'entity', a.entity_type)} ${name}`;
  return intl.formatMessage({ id: 'audit.summary' }, { actor, action: a.action, what });
}

/** A request row named from its own JSON in the reader's language (the server's label is English). */
export function requestLabel(
  intl: IntlShape,
  a: AuditEntry,
  employees: Map<string, Employee>,
  policies: Map<string, Policy>,
): string | null {
  if (a.entity_type !== 'REQUEST') return null;
  const r = (a.after_json ?? a.before_json) as Partial<TimeOffRequest> | null;
  if (!r?.employee_id || !r.policy_id || !r.start_at || !r.end_at) return null;
  const e = employees.get(r.employee_id);
  const p = policies.get(r.policy_id);
  if (!e || !p) return null;
  const zone = e.timezone || 'UTC';
  const last = new Date(new Date(r.end_at).getTime() - 1000).toISOString();
  return intl.formatMessage(
    { id: 'audit.label.request' },
    { name: fullName(e), policy: policyLabel(p), range: formatDateRange(dateInZone(r.start_at, zone), dateInZone(last, zone)) },
  );
}

const LIMIT = 50;
const SYSTEM_ACTOR = '00000000-0000-0000-0000-000000000000';

export default function AuditLogPage() {
  const me = useMe();
  const employees = useEmployeeMap();
  const policies = usePolicyMap();
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
  const intl = useIntl();
  const t = useT();
  const enumLabel = useEnumLabel();
  const [csvError, setCsvError] = useState<unknown>(null);
  async function exportCsv() {
    setCsvError(null);
    const { offset: _o, limit: _l, ...filtersOnly } = query;
    try {
      await downloadFile(companyPath(me.company_id, '/audit-log'), { ...filtersOnly, format: 'csv' }, 'audit-log.csv');
    } catch (e) {
      setCsvError(e);
    }
  }
  const actorOf = (a: AuditEntry) =>
    a.actor_name ?? (a.actor_id === SYSTEM_ACTOR ? intl.formatMessage({ id: 'audit.system' }) : actorName(a.actor_id));
  const actorName = (id: string) => (id === SYSTEM_ACTOR ? t('audit.system') : employees.map.has(id) ? fullName(employees.map.get(id)) : id.slice(0, 8));

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'nav.audit' })}
        description={t('audit.description')}
        actions={
          <Button variant="secondary" onClick={exportCsv} data-testid="audit-csv">
            {intl.formatMessage({ id: 'audit.csv' })}
          </Button>
        }
      />
      <FormError error={csvError} />
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="audit-filters">
        <Field label={t('audit.entity')}>
          <Select value={filters.entity_type} onValueChange={set('entity_type')} options={[{ value: 'all', label: t('audit.allEntities') }, ...AUDIT_ENTITY_TYPES.map((x) => ({ value: x, label: enumLabel('entity', x) }))]} data-testid="audit-entity" />
        </Field>
        <Field label={t('audit.action')}>
          <Select value={filters.action} onValueChange={set('action')} options={[{ value: 'all', label: t('audit.allActions') }, ...AUDIT_ACTIONS.map((x) => ({ value: x, label: enumLabel('action', x) }))]} data-testid="audit-action" />
        </Field>
        <Field label={t('audit.actor')}>
          <Select
            value={filters.actor_id}
            onValueChange={set('actor_id')}
            options={[
              { value: 'all', label: t('audit.anyone') },
              { value: SYSTEM_ACTOR, label: t('audit.system') },
              ...[...employees.map.values()].map((e) => ({ value: e.id, label: fullName(e) })),
            ]}
            data-testid="audit-actor"
          />
        </Field>
        <Field label={t('col.from')}>
          <Input type="date" value={filters.start_date} onChange={(e) => set('start_date')(e.target.value)} />
        </Field>
        <Field label={t('col.to')}>
          <Input type="date" value={filters.end_date} onChange={(e) => set('end_date')(e.target.value)} />
        </Field>
      </div>
      {audit.isPending ? (
        <LoadingState label={t('audit.loading')} />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <>
          <Table caption={t('audit.caption')} data-testid="audit-table">
            <thead>
              <tr>
                <Th>{t('ledger.when')}</Th>
                <Th>{t('audit.actor')}</Th>
                <Th>{t('audit.what')}</Th>
                <Th>{t('audit.action')}</Th>
                <Th>
                  <span className="sr-only">{t('audit.details')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((a) => (
                <Fragment key={a.id}>
                  <tr data-testid="audit-row" data-entity={a.entity_type} data-action={a.action}>
                    <Td className="whitespace-nowrap">{formatDateTime(a.created_at)}</Td>
                    <Td>{actorOf(a)}</Td>
                    <Td>
                      <span className="block" data-testid="audit-summary">{auditSentence(intl, a, actorOf(a), requestLabel(intl, a, employees.map, policies.map))}</span>
                      {!a.entity_label && <span className="font-mono text-xs text-slate-600">{enumLabel('entity', a.entity_type)} {a.entity_id.slice(0, 8)}</span>}
                    </Td>
                    <Td>
                      <Badge tone={a.action === 'DELETE' || a.action === 'DENY' ? 'red' : a.action === 'APPROVE' ? 'green' : 'blue'}>{enumLabel('action', a.action)}</Badge>
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
                        {open === a.id ? t('audit.hide') : t('audit.show')}
                      </Button>
                    </Td>
                  </tr>
                  {open === a.id && (
                    <tr id={`audit-${a.id}`}>
                      <Td colSpan={5} className="bg-slate-50">
                        <JsonDiff
                          before={withoutNoise(a.before_json)}
                          after={withoutNoise(a.after_json)}
                          caption={t('audit.changesOf', { name: a.entity_label ?? `${enumLabel('entity', a.entity_type)} ${a.entity_id}` })}
                        />
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
