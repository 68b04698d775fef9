import { useT } from '@/i18n/I18nProvider';
import { Th } from '@/components/ui/table';

/** The columns shared by the balance summary and the balances-as-of report. */
export function BalanceTableHead() {
  const t = useT();
  return (
    <thead>
      <tr>
        <Th>{t('col.employee')}</Th>
        <Th>{t('col.policy')}</Th>
        <Th className="text-right">{t('balance.accrued')}</Th>
        <Th className="text-right">{t('balance.used')}</Th>
        <Th className="text-right">{t('reports.held')}</Th>
        <Th className="text-right">{t('balance.available')}</Th>
      </tr>
    </thead>
  );
}
