import type { MessageKey } from './messages/en';
import { useT } from './I18nProvider';
import { formatDate } from '@/lib/format';

// The forms' own checks (features/*/validation.ts) say what is wrong in English sentences, which
// their tests and the browser test read. This table gives each sentence its message key, so the
// form shows it in the reader's language; an unknown sentence is shown as it is.
export const VALIDATION_KEYS: Record<string, MessageKey> = {
  "Enter a key, e.g. vacation-us.": 'validation.key',
  "Keep the key under 100 characters.": 'validation.keyLong',
  "Use letters, digits, “-”, “_” or “.”, without spaces.": 'validation.keyPattern',
  "Enter the date this version takes effect.": 'validation.effectiveFrom',
  "Keep the name under 200 characters.": 'validation.nameLong',
  "Keep the description under 2000 characters.": 'validation.descriptionLong',
  "Keep the reason under 1000 characters.": 'validation.reasonLong',
  "Enter a whole number.": 'validation.wholeNumber',
  "Enter the months of service.": 'validation.tierMonths',
  "Enter the tier rate.": 'validation.tierRate',
  "Enter after how many days the balance expires.": 'validation.expiresAfter',
  "Enter the month (1–12).": 'validation.month',
  "Enter the day of the month.": 'validation.day',
  "Enter the minutes accrued.": 'validation.accrued',
  "Enter the minutes worked.": 'validation.worked',
  "Enter the accrual rate.": 'validation.rate',
  "The rate must be more than 0.": 'validation.ratePositive',
  "The negative limit must be 0 or more.": 'validation.negativeLimit',
  "The bank cap must be more than 0.": 'validation.bankCap',
  "Months must be a whole number, 0 or more.": 'validation.tierMonthsWhole',
  "Two tiers start at the same month.": 'validation.tierSame',
  "The tier rate must be more than 0.": 'validation.tierRatePositive',
  "The carryover cap must be 0 or more.": 'validation.carryoverCap',
  "Days must be a whole number above 0.": 'validation.daysAbove0',
  "Choose either “after N days” or a yearly date, not both.": 'validation.expirationBoth',
  "Say when the balance expires.": 'validation.expirationNone',
  "Month must be 1–12.": 'validation.monthRange',
  "That day does not exist in that month.": 'validation.dayMissing',
  "The amount accrued must be more than 0.": 'validation.accruedPositive',
  "Minutes worked must be a whole number above 0.": 'validation.workedPositive',
  "A full-time week only applies with part-time proration.": 'validation.fullTimeWeekAlone',
  "A full-time week is 1 to 168 hours.": 'validation.fullTimeWeek',
  "Enter the first name.": 'validation.firstName',
  "Enter the last name.": 'validation.lastName',
  "Enter a valid e-mail address.": 'validation.email',
  "A workday is 1 to 24 hours.": 'validation.workday',
  "Enter an IANA time zone, e.g. Europe/Paris.": 'validation.timezone',
  "Choose at least one work day.": 'validation.workDays',
  "Enter a time like 09:00.": 'validation.workdayStart',
  "Enter a valid date.": 'validation.date',
  "An employee cannot manage themself.": 'validation.selfManager',
  "Choose a policy.": 'validation.policy',
  "Enter an amount above 0.": 'validation.amount',
  "Say why (it is kept in the ledger and audit log).": 'validation.reason',
  "Notice must be a whole number of days from 0 to 3660.": 'validation.ruleNotice',
  "The longest absence must be a whole number of days from 1 to 3660.": 'validation.ruleMaxDays',
  "At most 100 blackout periods.": 'validation.ruleBlackouts',
  "Enter the first day of the period.": 'validation.blackoutStart',
  "Enter the last day of the period.": 'validation.blackoutEnd',
  "The last day must not be before the first.": 'validation.blackoutOrder',
  "The limit must be a whole number from 1 to 10000.": 'validation.ruleLimit',
  "Enter how many people may be away at once.": 'validation.ruleLimitMissing',
};

const VERSION_START = /^The new version must start on or after (\d{4}-\d{2}-\d{2}), when the current one started\.$/;

/** `(sentence) => sentence in the reader's language` for the messages of the forms' own checks. */
export function useValidationText(): (message: string | undefined) => string | undefined {
  const t = useT();
  return (message) => {
    if (!message) return message;
    const key = VALIDATION_KEYS[message];
    if (key) return t(key);
    const start = VERSION_START.exec(message);
    if (start) return t('validation.versionStart', { date: formatDate(start[1]) });
    return message;
  };
}
