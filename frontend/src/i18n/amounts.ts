import { useIntl } from 'react-intl';
import { formatAmount, formatAmountBoth } from '@/lib/errors';
import type { DisplayUnit } from '@/lib/types';
import { withSign } from '@/lib/units';

/** Amounts of minutes in a policy's unit, in the reader's language ("1,5 Tage", "+12 h"). */
export function useAmounts() {
  const intl = useIntl();
  const one = (minutes: number | null | undefined, unit: DisplayUnit = 'DAYS', workday?: number | null) =>
    minutes === null || minutes === undefined ? intl.formatMessage({ id: 'unit.unlimited' }) : formatAmount(intl, minutes, unit, workday);
  return {
    /** "1.5 days" */
    one,
    /** "1.5 days (12 h)" */
    both: (minutes: number | null | undefined, unit: DisplayUnit = 'DAYS', workday?: number | null) =>
      minutes === null || minutes === undefined ? intl.formatMessage({ id: 'unit.unlimited' }) : formatAmountBoth(intl, minutes, unit, workday),
    /** "+1.5 days" / "−12 h" */
    signed: (minutes: number, unit: DisplayUnit = 'DAYS', workday?: number | null) =>
      withSign(minutes, (abs) => formatAmount(intl, abs, unit, workday)),
  };
}
