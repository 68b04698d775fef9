// Recharts is heavy: this module is only ever loaded through React.lazy.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '@/lib/format';
import { minutesToDays, trimNumber } from '@/lib/units';
import type { BalancePoint } from '../ledgerSeries';
import { useT } from '@/i18n/I18nProvider';

export default function BalanceChart({ points, workdayMinutes, label }: { points: BalancePoint[]; workdayMinutes: number; label: string }) {
  const t = useT();
  const data = points.map((p) => ({ date: p.date, days: Number(trimNumber(minutesToDays(p.minutes, workdayMinutes))) }));
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} width={40} label={{ value: t('balances.chartAxis'), angle: -90, position: 'insideLeft', fontSize: 12 }} />
          <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => [t('unit.days', { n: Number(v) }), t('balances.chartSeries')]} />
          <Line type="stepAfter" dataKey="days" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
