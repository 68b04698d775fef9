import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Td } from '@/components/ui/table';

/** A row's two admin actions on the holidays page: change it, or delete it after a confirmation. */
export function RowActions({ actionLabel, actionAria, onAction, deleteAria, confirmText, onDelete, deleting }: {
  actionLabel: string;
  actionAria: string;
  onAction: () => void;
  deleteAria: string;
  confirmText: string;
  onDelete: () => void;
  deleting: boolean;
}) {
  const t = useT();
  return (
    <Td className="whitespace-nowrap">
      <Button size="sm" variant="secondary" onClick={onAction} aria-label={actionAria}>
        {actionLabel}
      </Button>{' '}
      <Button
        size="sm"
        variant="secondary"
        onClick={() => window.confirm(confirmText) && onDelete()}
        aria-label={deleteAria}
        disabled={deleting}
      >
        {t('holidays.delete')}
      </Button>
    </Td>
  );
}
