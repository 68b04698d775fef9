import { useState } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { useMe } from '@/lib/auth';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { EmployeeBalances } from '../components/EmployeeBalances';
import { RequestDialog } from '@/features/requests/components/RequestDialog';
import { WhosOutPanel } from '@/features/calendar/components/WhosOutPanel';

export default function MyBalancesPage() {
  const me = useMe();
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!me.employee) return <EmptyState title={t('common.noEmployee')} />;
  return (
    <>
      <PageHeader
        title={t('nav.balances')}
        description={t('page.balances.description')}
        actions={
          <Button onClick={() => setOpen(true)} data-testid="open-request-dialog">
            {t('requests.new')}
          </Button>
        }
      />
      <WhosOutPanel />
      <EmployeeBalances employee={me.employee} />
      <RequestDialog open={open} onOpenChange={setOpen} employee={me.employee} />
    </>
  );
}
