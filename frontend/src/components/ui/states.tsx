import { useIntl } from 'react-intl';
import { errorSentence, type AmountContext } from '@/lib/errors';
import type { ReactNode } from 'react';
import { ApiError, errorLines, errorMessage } from '@/lib/api';
import { Button, Spinner } from './button';
import { useT } from '@/i18n/I18nProvider';

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-600" data-testid="loading">
      <Spinner className="text-brand-600" />
      <span>{label ?? t('ui.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="empty-state">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT();
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="error-state">
      <p className="font-semibold">{title ?? t('ui.loadFailed')}</p>
      <p className="mt-1">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          {t('ui.retry')}
        </Button>
      )}
    </div>
  );
}

/** Inline error of a form submission, with the API's detail lines. */
/**
 * A refused action in plain language: the sentence for the error's `code` (lib/errors.ts), in the
 * reader's language and, given `amounts`, in the policy's unit. Field-level lines follow only for
 * errors without a known code.
 */
export function FormError({ error, amounts }: { error: unknown; amounts?: AmountContext }) {
  const intl = useIntl();
  if (!error) return null;
  const sentence = errorSentence(intl, error, amounts);
  const known = error instanceof ApiError && !!error.code && !!intl.messages[`error.${error.code}`];
  const details = error instanceof ApiError && !known ? errorLines(error).filter((d) => d !== sentence) : [];
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100" data-testid="form-error">
      <p className="font-medium">{sentence}</p>
      {details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Pagination({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const t = useT();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav aria-label={t('ui.pagination')} className="mt-3 flex items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">
        {t('ui.pageOf', { page, pages, total })}
      </span>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          {t('ui.previous')}
        </Button>
        <Button variant="secondary" size="sm" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
          {t('ui.next')}
        </Button>
      </div>
    </nav>
  );
}
