// Plain-language error sentences: the server's stable `code` → a sentence in the reader's
// language and the policy's unit. Shared by every form (FormError) and the request dialog.
import type { IntlShape } from 'react-intl';
import { ApiError } from './api';
import type { DisplayUnit } from './types';
import { minutesToDays, minutesToHours } from './units';

export interface AmountContext {
  unit?: DisplayUnit;
  workdayMinutes?: number | null;
}

/** "1.5 days", "12 h", "90 min" in the reader's language. */
export function formatAmount(intl: IntlShape, minutes: number, unit: DisplayUnit = 'DAYS', workdayMinutes?: number | null): string {
  switch (unit) {
    case 'MINUTES':
      return intl.formatMessage({ id: 'unit.minutes' }, { n: Math.round(minutes) });
    case 'HOURS':
      return intl.formatMessage({ id: 'unit.hours' }, { n: minutesToHours(minutes) });
    default:
      return intl.formatMessage({ id: 'unit.days' }, { n: minutesToDays(minutes, workdayMinutes) });
  }
}

/** "1.5 days (12 h)": the policy unit with the other one beside it (minutes policies show minutes only). */
export function formatAmountBoth(intl: IntlShape, minutes: number, unit: DisplayUnit = 'DAYS', workdayMinutes?: number | null): string {
  const main = formatAmount(intl, minutes, unit, workdayMinutes);
  if (unit === 'MINUTES') return main;
  const other = formatAmount(intl, minutes, unit === 'DAYS' ? 'HOURS' : 'DAYS', workdayMinutes);
  return `${main} (${other})`;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The sentence for an error: by code when we know it, else the server's sentence, else a generic one. */
export function errorSentence(intl: IntlShape, err: unknown, amounts: AmountContext = {}): string {
  if (!(err instanceof ApiError)) return intl.formatMessage({ id: 'error.generic' });
  const code = err.code;
  if (code === 'insufficient_balance') {
    const available = num(err.context?.available_minutes);
    const change = num(err.context?.requested_change_minutes);
    if (available === null || change === null) return intl.formatMessage({ id: 'error.insufficient_balance.short' });
    return intl.formatMessage(
      { id: 'error.insufficient_balance' },
      {
        available: formatAmount(intl, available, amounts.unit, amounts.workdayMinutes),
        needed: formatAmount(intl, Math.abs(change), amounts.unit, amounts.workdayMinutes),
      },
    );
  }
  if (code === 'rule_blackout' && typeof err.context?.blackout_name === 'string') {
    // name the period: "Year-end close" tells the person more than "a blackout period"
    return intl.formatMessage(
      { id: 'error.rule_blackout.named' },
      { name: err.context.blackout_name, start: String(err.context.blackout_start_date ?? ''), end: String(err.context.blackout_end_date ?? '') },
    );
  }
  if ((code === 'invalid_input' || code === 'invalid_field') && err.fields?.length) {
    // "Please check “issuer”." — never the bare placeholder (issue 26)
    return intl.formatMessage({ id: 'error.invalid_field' }, { field: fieldLabel(err.fields[0].field) });
  }
  if (code === 'invalid_field') return intl.formatMessage({ id: 'error.invalid_input' });
  const id = code ? `error.${code}` : '';
  if (id && intl.messages[id]) return intl.formatMessage({ id });
  // an unknown rule: the server's own sentence beats a vague one
  if (typeof err.detail === 'string' && err.detail) return err.detail;
  return err.message || intl.formatMessage({ id: 'error.generic' });
}

/** "version.effective_from" → "effective from": never show a raw field path to a person. */
export function fieldLabel(field: string): string {
  const last = field.split('.').pop() ?? field;
  // amounts are typed in the policy unit, so "minutes" in a field name would mislead
  return last.replace(/_minutes(?=_|$)/g, '').replace(/_/g, ' ');
}

/** A preview warning: today a sentence from the server; structured `{code, …}` warnings are read too. */
export type PreviewWarning = string | { code?: string; message?: string; [k: string]: unknown };

/** Warnings that mean "a submit would be refused" (the rest are advice). */
const REFUSING = new Set(['insufficient_balance', 'request_overlap', 'no_working_time']);

function warningCode(w: PreviewWarning): string | undefined {
  if (typeof w !== 'string') return w.code;
  if (w.startsWith('insufficient balance')) return 'insufficient_balance';
  if (w.startsWith('overlaps')) return 'request_overlap';
  return undefined;
}

/**
 * The preview's warnings as sentences in the reader's language and the policy's unit, and whether
 * any of them means the submit would be refused (the dialog then disables Submit).
 */
export function previewWarnings(
  intl: IntlShape,
  preview: { requested_minutes: number; warnings: PreviewWarning[] },
  amounts: AmountContext = {},
): { sentences: string[]; refused: boolean } {
  let refused = false;
  const sentences = preview.warnings.map((w) => {
    const code = warningCode(w);
    if (code && REFUSING.has(code)) refused = true;
    if (code === 'insufficient_balance') {
      const available = typeof w === 'string' ? Number(/(-?\d+) minutes/.exec(w)?.[1]) : num(w.available_minutes);
      if (available === null || Number.isNaN(available)) return intl.formatMessage({ id: 'error.insufficient_balance.short' });
      return intl.formatMessage(
        { id: 'error.insufficient_balance' },
        {
          available: formatAmount(intl, available, amounts.unit, amounts.workdayMinutes),
          needed: formatAmount(intl, preview.requested_minutes, amounts.unit, amounts.workdayMinutes),
        },
      );
    }
    if (code && intl.messages[`error.${code}`]) return intl.formatMessage({ id: `error.${code}` });
    return typeof w === 'string' ? w : (w.message ?? code ?? '');
  });
  return { sentences, refused };
}
