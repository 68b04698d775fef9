import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import * as LabelPrimitive from '@radix-ui/react-label';
import { cn } from '@/lib/utils';

export function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return <LabelPrimitive.Root className={cn('block text-sm font-medium text-slate-800', className)} {...props} />;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  /** The single form control; receives id / aria-describedby / aria-invalid. */
  children: ReactElement<Record<string, unknown>>;
  required?: boolean;
}

/** A labelled form control with hint and inline error, wired for screen readers. */
export function Field({ label, hint, error, className, children, required }: FieldProps) {
  const autoId = useId();
  const id = (isValidElement(children) && (children.props.id as string | undefined)) || autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <Label htmlFor={id}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        )}
      </Label>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  id,
  hint,
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  id?: string;
  hint?: ReactNode;
  testId?: string;
}) {
  const autoId = useId();
  const cid = id ?? autoId;
  return (
    <div className="flex items-start gap-2">
      <input
        id={cid}
        type="checkbox"
        className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
        aria-describedby={hint ? `${cid}-hint` : undefined}
      />
      <div>
        <label htmlFor={cid} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={`${cid}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
