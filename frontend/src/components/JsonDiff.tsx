import { useT } from '@/i18n/I18nProvider';
import { formatJsonValue, jsonDiff } from '@/lib/diff';
import { cn } from '@/lib/utils';

/** Field-by-field table of what changed between two JSON values. */
export function JsonDiff({ before, after, caption }: { before: unknown; after: unknown; caption?: string }) {
  const t = useT();
  const rows = jsonDiff(before, after);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('diff.none')}</p>;
  return (
    <div className="relative overflow-x-auto" data-testid="json-diff">
      <table className="w-full min-w-max text-xs">
        <caption className="sr-only">{caption ?? t('diff.caption')}</caption>
        <thead>
          <tr className="text-left text-slate-700">
            <th scope="col" className="py-1 pr-3 font-semibold">
              {t('diff.field')}
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              {t('diff.before')}
            </th>
            <th scope="col" className="py-1 font-semibold">
              {t('diff.after')}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((r) => (
            <tr key={r.path} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {r.path}
              </th>
              <td className={cn('py-1 pr-3 break-all', r.kind !== 'added' && 'bg-red-50 text-red-900')}>
                {r.kind === 'added' ? '—' : <del className="no-underline">{formatJsonValue(r.before)}</del>}
              </td>
              <td className={cn('py-1 break-all', r.kind !== 'removed' && 'bg-emerald-50 text-emerald-900')}>
                {r.kind === 'removed' ? '—' : <ins className="no-underline">{formatJsonValue(r.after)}</ins>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
