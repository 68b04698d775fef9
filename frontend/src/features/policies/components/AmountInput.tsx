import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Input } from '@/components/ui/input';
import { formatAmount } from '@/lib/errors';
import type { DisplayUnit } from '@/lib/types';
import { toMinutes, trimNumber } from '@/lib/units';

/** Minutes (as the form stores them) → the number a person reads in `unit`. */
export function minutesToUnitText(minutes: string, unit: DisplayUnit, workdayMinutes: number): string {
  if (!minutes.trim()) return '';
  const n = Number(minutes);
  if (!Number.isFinite(n)) return minutes;
  const per = unit === 'DAYS' ? workdayMinutes : unit === 'HOURS' ? 60 : 1;
  return trimNumber(n / per, 4);
}

/** A typed amount in `unit` → whole minutes as text; text that is not a number passes through (the form flags it). */
export function unitTextToMinutes(text: string, unit: DisplayUnit, workdayMinutes: number): string {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return '';
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return text;
  return String(toMinutes(n, unit, workdayMinutes));
}

interface Props {
  minutes: string;
  onMinutes: (minutes: string) => void;
  unit: DisplayUnit;
  workdayMinutes: number;
  id?: string;
  'data-testid'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

/**
 * An amount typed in days, hours or minutes (the policy's unit) and stored as whole minutes:
 * "1.5" days of 8 h is 720. The text the person types is kept while they type; a new unit
 * re-expresses the stored minutes, a new workday length re-reads the typed days.
 */
export function AmountInput({ minutes, onMinutes, unit, workdayMinutes, ...rest }: Props) {
  const [text, setText] = useState(() => minutesToUnitText(minutes, unit, workdayMinutes));
  const [seenUnit, setSeenUnit] = useState(unit);
  const [seenWorkday, setSeenWorkday] = useState(workdayMinutes);
  if (unit !== seenUnit) {
    // another unit: the same amount, said differently
    setSeenUnit(unit);
    setSeenWorkday(workdayMinutes);
    setText(minutesToUnitText(minutes, unit, workdayMinutes));
  } else if (workdayMinutes !== seenWorkday) {
    // another workday length: what was typed in days now means other minutes
    setSeenWorkday(workdayMinutes);
    const next = unitTextToMinutes(text, unit, workdayMinutes);
    if (next !== minutes) queueMicrotask(() => onMinutes(next));
  }
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onMinutes(unitTextToMinutes(e.target.value, unit, workdayMinutes));
      }}
      {...rest}
    />
  );
}

/** "= 12 h" beside a days amount (or "= 1.5 days" beside hours): the other unit, never a field name. */
export function useOtherUnitHint() {
  const intl = useIntl();
  return (minutes: string, unit: DisplayUnit, workdayMinutes: number, extra?: string): string | undefined => {
    const n = Number(minutes);
    const base = extra ?? '';
    if (!minutes.trim() || !Number.isFinite(n)) return base || undefined;
    const other: DisplayUnit = unit === 'HOURS' ? 'DAYS' : 'HOURS';
    const text = intl.formatMessage({ id: 'policy.form.equals' }, { other: formatAmount(intl, n, other, workdayMinutes) });
    return base ? `${text} · ${base}` : text;
  };
}
