// Loaded lazily: Recharts stays out of the initial bundle.
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportSummary } from '@/lib/types';
import { trimNumber } from '@/lib/units';
import { Card, CardTitle } from '@/components/ui/card';
import { useT } from '@/i18n/I18nProvider';
import { useEnumLabel } from '@/i18n/enums';
import type { MessageKey } from '@/i18n/messages/en';

const COLORS: Record<string, string> = {
  DRAFT: '#94a3b8',
  SUBMITTED: '#f59e0b',
  APPROVED: '#10b981',
  DENIED: '#ef4444',
  CANCELLED: '#64748b',
};
const PALETTE = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6'];
const days = (m: number) => Number(trimNumber(m / 480, 1));

export default function DashboardCharts({ summary }: { summary: ReportSummary }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const byStatus = Object.entries(summary.requests_by_status ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([status, n]) => ({ name: t(`status.${status}` as MessageKey), status, value: n ?? 0 }));
  const usage = (summary.usage_by_category ?? []).map((u) => ({ name: enumLabel('category', u.category), days: days(u.used_minutes) }));
  const teams = (summary.balances_by_team ?? []).map((team) => ({
    name: team.manager_name ?? t('dashboard.noManager'),
    days: days(team.available_minutes),
    employees: team.employees,
  }));
  const none = t('dashboard.none');
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardTitle>{t('dashboard.byStatus')}</CardTitle>
        <figure className="mt-2 h-64" aria-label={`${t('dashboard.byStatus')}: ${byStatus.map((s) => `${s.name} ${s.value}`).join(', ') || none}`}>
          {byStatus.length === 0 ? (
            <p className="text-sm text-slate-600">{t('dashboard.noRequests')}</p>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <PieChart>
                <Pie data={byStatus} dataKey="value" nameKey="name" innerRadius={50} outerRadius={90} isAnimationActive={false}>
                  {byStatus.map((s) => (
                    <Cell key={s.status} fill={COLORS[s.status] ?? '#4f46e5'} />
                  ))}
                </Pie>
                <Tooltip />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          )}
        </figure>
      </Card>
      <Card>
        <CardTitle>{t('dashboard.usage')}</CardTitle>
        <figure className="mt-2 h-64" aria-label={`${t('dashboard.usage')}: ${usage.map((u) => t('dashboard.days', { name: u.name, days: u.days })).join(', ') || none}`}>
          {usage.length === 0 ? (
            <p className="text-sm text-slate-600">{t('dashboard.noUsage')}</p>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={usage}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="name" fontSize={12} />
                <YAxis fontSize={12} width={40} />
                <Tooltip formatter={(v) => [t('dashboard.daysValue', { days: Number(v) }), t('dashboard.used')]} />
                <Bar dataKey="days" isAnimationActive={false}>
                  {usage.map((u, i) => (
                    <Cell key={u.name} fill={PALETTE[i % PALETTE.length]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </figure>
      </Card>
      <Card className="lg:col-span-2">
        <CardTitle>{t('dashboard.byTeam')}</CardTitle>
        <figure className="mt-2 h-72" aria-label={`${t('dashboard.byTeam')}: ${teams.map((team) => t('dashboard.days', { name: team.name, days: team.days })).join(', ') || none}`}>
          {teams.length === 0 ? (
            <p className="text-sm text-slate-600">{t('dashboard.noTeams')}</p>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={teams} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis type="number" fontSize={12} />
                <YAxis type="category" dataKey="name" fontSize={12} width={120} />
                <Tooltip
                  formatter={(v, _n, p) => [
                    t('dashboard.daysPeople', { days: Number(v), people: (p?.payload as { employees?: number })?.employees ?? 0 }),
                    t('dashboard.available'),
                  ]}
                />
                <Bar dataKey="days" fill="#4f46e5" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </figure>
      </Card>
    </div>
  );
}
