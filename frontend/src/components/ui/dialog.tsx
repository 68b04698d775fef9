import { useIntl } from 'react-intl';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { cn } from '@/lib/utils';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * Modal dialog: focus is trapped inside and returns to the control that opened it. The dialogs
 * are opened from state (no Radix Trigger), so Radix alone would send focus to the top of the page:
 * the element focused when the dialog opened is remembered and focused again on close.
 */
export function Dialog({ open, onOpenChange, title, description, children, className, testId }: DialogProps) {
  const intl = useIntl();
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
  }, [open]);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <DialogPrimitive.Content
          data-testid={testId}
          className={cn(
            'fixed left-1/2 top-1/2 z-50 max-h-[92vh] w-[calc(100vw-1.5rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto',
            'rounded-lg bg-white p-5 shadow-xl focus:outline-none dark:bg-slate-900',
            className,
          )}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onCloseAutoFocus={(e) => {
            const target = opener.current;
            if (target && target.isConnected) {
              e.preventDefault();
              target.focus();
            }
          }}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
              {description && (
                <DialogPrimitive.Description className="mt-1 text-sm text-slate-600">
                  {description}
                </DialogPrimitive.Description>
              )}
            </div>
            <DialogPrimitive.Close
              className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              aria-label={intl.formatMessage({ id: 'ui.close' })}
            >
              <span aria-hidden="true" className="text-xl leading-none">
                ×
              </span>
            </DialogPrimitive.Close>
          </div>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
