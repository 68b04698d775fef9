import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName, todayIso } from '@/lib/format';
import type { DisplayUnit, Employee, Page, PolicySettings } from '@/lib/types';
import { useT } from '@/i18n/I18nProvider';
import { useAmounts } from '@/i18n/amounts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** The answer of POST …/policies/{pid}/simulate (issue 24). */
export interface Simulation {
  as_of: string;
  effective_from: string;
  items: {
    employee_id: string;
    policy_id: string;
    available_minutes_now: number | null;
    available_minutes_simulated: number | null;
    difference_minutes: number | null;
  }[];
  totals: { employees: number; gain: number; lose: number; unchanged: number; difference_minutes: number };
}

/** How many changed balances the table lists (the biggest differences first). */
const LISTED = 20;

interface Props {
  policyId: string;
  /** The draft as the form holds it now, or null while the form has errors. */
  draft: () => { effective_from: string; settings: PolicySettings } | null;
  unit: DisplayUnit;
  workdayMinutes: number;
}

/**
 * "What would this version change?" — before saving a new version, every balance of the policy is
 * played with the draft and compared on a date (the server's simulator: nothing is written).
 */
export function SimulationPanel({ policyId, draft, unit, workdayMinutes }: Props) {
  const me = useMe();
  const t = useT();
  const amounts = useAmounts();
  const [asOf, setAsOf] = useState(todayIso());
  const [result, setResult] = useState<Simulation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const people = useQuery({
    queryKey: ['employees', me.company_id, 'ALL'],
    queryFn: ({ signal }) => api.get<Page<Employee>>(companyPath(me.company_id, '/employees'), { status: 'ALL' }, signal),
    enabled: !!result && result.items.length > 0,
  });
  const names = new Map((people.data?.items ?? []).map((e) => [e.id, fullName(e)]));

  async function run() {
    const version = draft();
    if (!version) return;
    setRunning(true);
    setError(null);
    try {
      setResult(await api.post<Simulation>(companyPath(me.company_id, `/policies/${policyId}/simulate`), { version, as_of: asOf }));
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setRunning(false);
    }
  }

  const changed = (result?.items ?? [])
    .filter((i) => (i.difference_minutes ?? 0) !== 0)
    .sort((a, b) => Math.abs(b.difference_minutes ?? 0) - Math.abs(a.difference_minutes ?? 0))
    .slice(0, LISTED);
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="simulation">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t('simulate.title')}</legend>
      <p className="-mt-2 text-xs text-slate-600">{t('simulate.hint')}</p>
      <div className="grid gap-4 sm:grid-cols-[12rem_auto] sm:items-end">
        <Field label={t('simulate.asOf')}>
          <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="simulate-as-of" />
        </Field>
        <Button variant="secondary" onClick={run} loading={running} disabled={!asOf} data-testid="simulate-run">
          {t('simulate.run')}
        </Button>
      </div>
      <FormError error={error} />
      {result && (
        <div className="space-y-3" aria-live="polite">
          <p className="text-sm font-medium text-slate-900" data-testid="simulate-summary">
            {result.totals.employees === 0
              ? t('simulate.none')
              : t('simulate.summary', {
                  gain: result.totals.gain,
                  lose: result.totals.lose,
                  unchanged: result.totals.unchanged,
                  total: amounts.signed(result.totals.difference_minutes, unit, workdayMinutes),
                })}
          </p>
          {changed.length > 0 && (
            <Table caption={t('simulate.table')}>
              <thead>
                <tr>
                  <Th>{t('simulate.col.employee')}</Th>
                  <Th>{t('simulate.col.now')}</Th>
                  <Th>{t('simulate.col.simulated')}</Th>
                  <Th>{t('simulate.col.difference')}</Th>
                </tr>
              </thead>
              <tbody>
                {changed.map((i) => (
                  <tr key={i.employee_id} data-testid="simulate-row">
                    <Td>{names.get(i.employee_id) ?? i.employee_id}</Td>
                    <Td>{amounts.one(i.available_minutes_now, unit, workdayMinutes)}</Td>
                    <Td>{amounts.one(i.available_minutes_simulated, unit, workdayMinutes)}</Td>
                    <Td>{amounts.signed(i.difference_minutes ?? 0, unit, workdayMinutes)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      )}
    </fieldset>
  );
}
