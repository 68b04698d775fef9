// Shared TanStack Query hooks and keys.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, companyPath, fetchAll, type Query } from './api';
import { useMe } from './auth';
import type {
  Balance,
  CompanyLocation,
  DurationChange,
  Employee,
  Holiday,
  HolidayPreset,
  LedgerEntry,
  Page,
  Policy,
  TimeOffRequest,
} from './types';

export const keys = {
  policies: (cid: string) => ['policies', cid] as const,
  policy: (cid: string, pid: string) => ['policies', cid, pid] as const,
  policyVersions: (cid: string, pid: string) => ['policies', cid, pid, 'versions'] as const,
  employees: (cid: string) => ['employees', cid] as const,
  employee: (cid: string, eid: string) => ['employees', cid, eid] as const,
  balances: (cid: string, eid: string) => ['balances', cid, eid] as const,
  ledger: (cid: string, eid: string, extra?: unknown) => ['ledger', cid, eid, extra] as const,
  assignments: (cid: string, eid: string) => ['assignments', cid, eid] as const,
  requests: (cid: string, filters?: unknown) => ['requests', cid, filters] as const,
  holidays: (cid: string, year: number, view?: HolidayView) => ['holidays', cid, year, view ?? null] as const,
  locations: (cid: string) => ['locations', cid] as const,
  durationChanges: (cid: string) => ['duration-changes', cid] as const,
  delegatedReports: (cid: string) => ['delegated-reports', cid] as const,
};

/** Every policy of the company (any role may list them). */
export function usePolicies(enabled = true) {
  const me = useMe();
  return useQuery({
    queryKey: keys.policies(me.company_id),
    queryFn: ({ signal }) => fetchAll<Policy>(companyPath(me.company_id, '/policies'), undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function usePolicyMap(enabled = true) {
  const q = usePolicies(enabled);
  // one map per answer, so memos that depend on it keep
  const map = useMemo(() => new Map<string, Policy>((q.data ?? []).map((p) => [p.id, p])), [q.data]);
  return { ...q, map };
}

/** Employees visible to the caller (admin: all; manager: reports + self). Disabled for employees. */
export function useEmployees(enabled = true) {
  const me = useMe();
  return useQuery({
    queryKey: keys.employees(me.company_id),
    // without limit the list comes whole, up to 10,000 (the contract's exception): one request, not one per 100
    queryFn: async ({ signal }) => (await api.get<Page<Employee>>(companyPath(me.company_id, '/employees'), undefined, signal)).items,
    enabled: enabled && me.role !== 'employee',
    staleTime: 60_000,
  });
}

export function useEmployeeMap() {
  const me = useMe();
  const q = useEmployees();
  // one map per answer, so memos that depend on it keep
  const map = useMemo(() => {
    const m = new Map<string, Employee>();
    if (me.employee) m.set(me.employee.id, me.employee);
    for (const e of q.data ?? []) m.set(e.id, e);
    return m;
  }, [me.employee, q.data]);
  return { ...q, map };
}

export function useEmployee(eid: string | undefined) {
  const me = useMe();
  return useQuery({
    queryKey: keys.employee(me.company_id, eid ?? ''),
    queryFn: ({ signal }) => api.get<Employee>(companyPath(me.company_id, `/employees/${eid}`), undefined, signal),
    enabled: !!eid,
  });
}

export function useBalances(eid: string | undefined) {
  const me = useMe();
  return useQuery({
    queryKey: keys.balances(me.company_id, eid ?? ''),
    queryFn: ({ signal }) =>
      api.get<Page<Balance>>(companyPath(me.company_id, `/employees/${eid}/balances`), undefined, signal),
    enabled: !!eid,
  });
}

/** The whole ledger (newest first) of an employee, optionally for one policy. */
export function useLedger(eid: string | undefined, policyId?: string) {
  const me = useMe();
  return useQuery({
    queryKey: keys.ledger(me.company_id, eid ?? '', policyId ?? null),
    queryFn: ({ signal }) =>
      fetchAll<LedgerEntry>(
        companyPath(me.company_id, `/employees/${eid}/ledger`),
        { policy_id: policyId },
        signal,
        1000,
      ),
    enabled: !!eid,
  });
}

export function useRequestList(filters: Query, enabled = true) {
  const me = useMe();
  return useQuery({
    queryKey: keys.requests(me.company_id, filters),
    queryFn: ({ signal }) => fetchAll<TimeOffRequest>(companyPath(me.company_id, '/requests'), filters, signal, 1000),
    enabled,
  });
}

/**
 * Which holidays a list shows (issue 28): every one (undefined), only the company-wide ones, or
 * those that apply at one location (the company-wide ones included).
 */
export type HolidayView = { companyWide: true } | { location: string } | undefined;

export function useHolidays(year: number, view?: HolidayView) {
  const me = useMe();
  const query =
    view && 'companyWide' in view ? { year, company_wide: true } : view && 'location' in view ? { year, location: view.location } : { year };
  return useQuery({
    queryKey: keys.holidays(me.company_id, year, view),
    queryFn: ({ signal }) => fetchAll<Holiday>(companyPath(me.company_id, '/holidays'), query, signal),
  });
}

/** The company's locations (anyone in the company may list them). */
export function useLocations() {
  const me = useMe();
  return useQuery({
    queryKey: keys.locations(me.company_id),
    queryFn: ({ signal }) => fetchAll<CompanyLocation>(companyPath(me.company_id, '/locations'), undefined, signal),
    staleTime: 60_000,
  });
}

/** Every holiday preset (countries and their regions): reference data, fetched once. */
export function useHolidayPresets(enabled = true) {
  return useQuery({
    queryKey: ['holiday-presets'],
    queryFn: ({ signal }) => api.get<Page<HolidayPreset>>('/holiday-presets', undefined, signal),
    staleTime: Infinity,
    enabled,
  });
}

/** Admins: requests whose duration a holiday or location change altered. */
export function useDurationChanges(enabled = true) {
  const me = useMe();
  return useQuery({
    queryKey: keys.durationChanges(me.company_id),
    queryFn: ({ signal }) => fetchAll<DurationChange>(companyPath(me.company_id, '/requests/duration-changes'), undefined, signal),
    enabled: enabled && me.role === 'admin',
  });
}

/**
 * The reports of the managers who delegated their approvals to the caller (a manager): a delegate's
 * queue holds people who are not in the delegate's own employee list.
 */
export function useDelegatedReports() {
  const me = useMe();
  return useQuery({
    queryKey: keys.delegatedReports(me.company_id),
    queryFn: ({ signal }) => api.get<{ items: Employee[] }>(companyPath(me.company_id, '/delegations/reports'), undefined, signal),
    enabled: me.role === 'manager',
    staleTime: 60_000,
  });
}
