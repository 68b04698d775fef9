import { useIntl } from 'react-intl';
import * as ToastPrimitive from '@radix-ui/react-toast';
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';

type ToastKind = 'success' | 'error' | 'info';
interface ToastItem {
  id: number;
  title: string;
  description?: string;
  kind: ToastKind;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(title: string, opts: { description?: string; kind?: ToastKind } = {}): void {
  items = [...items, { id: nextId++, title, description: opts.description, kind: opts.kind ?? 'success' }];
  emit();
}

function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function Toaster() {
  const intl = useIntl();
  const list = useSyncExternalStore(subscribe, () => items, () => items);
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
      {list.map((t) => (
        <ToastPrimitive.Root
          key={t.id}
          type={t.kind === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && dismiss(t.id)}
          data-testid="toast"
          className={cn(
            'flex items-start justify-between gap-3 rounded-md border bg-white p-3 shadow-lg',
            t.kind === 'error' ? 'border-red-300' : t.kind === 'success' ? 'border-emerald-300' : 'border-slate-200',
          )}
        >
          <div>
            <ToastPrimitive.Title className="text-sm font-semibold">{t.title}</ToastPrimitive.Title>
            {t.description && (
              <ToastPrimitive.Description className="mt-0.5 text-sm text-slate-700">{t.description}</ToastPrimitive.Description>
            )}
          </div>
          <ToastPrimitive.Close aria-label={intl.formatMessage({ id: 'ui.dismiss' })} className="rounded px-1 text-slate-600 hover:bg-slate-100">
            <span aria-hidden="true">×</span>
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-0 right-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
