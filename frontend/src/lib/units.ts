// Durations: every amount is an integer number of minutes; people see days/hours.
import type { DisplayUnit, Policy, PolicySettings } from './types';

export const DEFAULT_WORKDAY_MINUTES = 480;

/** Round to at most `digits` decimals and drop trailing zeros ("1.50" → "1.5"). */
export function trimNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const s = rounded.toFixed(digits).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function safeWorkday(workdayMinutes?: number | null): number {
  return workdayMinutes && workdayMinutes > 0 ? workdayMinutes : DEFAULT_WORKDAY_MINUTES;
}

export function minutesToDays(minutes: number, workdayMinutes?: number | null): number {
  return minutes / safeWorkday(workdayMinutes);
}

export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

export function formatDays(minutes: number, workdayMinutes?: number | null): string {
  const d = minutesToDays(minutes, workdayMinutes);
  const s = trimNumber(d);
  return `${s} ${Math.abs(d) === 1 ? 'day' : 'days'}`;
}

export function formatHours(minutes: number): string {
  return `${trimNumber(minutesToHours(minutes))} h`;
}

export function formatMinutesOnly(minutes: number): string {
  return `${Math.round(minutes)} min`;
}

/** Format in the policy's display unit (settings.unit). */
export function formatDuration(
  minutes: number | null | undefined,
  unit: DisplayUnit = 'DAYS',
  workdayMinutes?: number | null,
): string {
  if (minutes === null || minutes === undefined) return 'Unlimited';
  switch (unit) {
    case 'MINUTES':
      return formatMinutesOnly(minutes);
    case 'HOURS':
      return formatHours(minutes);
    case 'DAYS':
    default:
      return formatDays(minutes, workdayMinutes);
  }
}

/** "1.5 days (12 h)" — both units, as balance cards show. */
export function formatDaysAndHours(minutes: number | null | undefined, workdayMinutes?: number | null): string {
  if (minutes === null || minutes === undefined) return 'Unlimited';
  return `${formatDays(minutes, workdayMinutes)} (${formatHours(minutes)})`;
}

/** Convert a value typed by a person in `unit` to whole minutes (rounds to nearest). */
export function toMinutes(value: number, unit: DisplayUnit, workdayMinutes?: number | null): number {
  switch (unit) {
    case 'MINUTES':
      return Math.round(value);
    case 'HOURS':
      return Math.round(value * 60);
    case 'DAYS':
    default:
      return Math.round(value * safeWorkday(workdayMinutes));
  }
}

export function settingsUnit(settings: PolicySettings | null | undefined): DisplayUnit {
  if (settings && 'unit' in settings && settings.unit) return settings.unit;
  return 'DAYS';
}

export function policyUnit(policy: Policy | null | undefined): DisplayUnit {
  return settingsUnit(policy?.current_version?.settings);
}

/** A signed amount: `format` writes the size, this adds "+" or "−" ("+1 day", "−4 h"). */
export function withSign(minutes: number, format: (abs: number) => string): string {
  const body = format(Math.abs(minutes));
  if (minutes > 0) return `+${body}`;
  if (minutes < 0) return `−${body}`;
  return body;
}

/** Signed amount, e.g. "+1 day" / "−4 h". */
export function formatSigned(minutes: number, unit: DisplayUnit, workdayMinutes?: number | null): string {
  return withSign(minutes, (abs) => formatDuration(abs, unit, workdayMinutes));
}

/** What a person reads for a policy: its display name, else its key. */
export function policyLabel(policy: { key: string; name?: string | null } | null | undefined): string {
  return policy ? policy.name || policy.key : '';
}

/** What a person reads for a balance-like row's policy (the server sends name and key): its name, else its key. */
export function balanceLabel(row: { policy_key: string; policy_name?: string | null } | null | undefined): string {
  return row ? row.policy_name || row.policy_key : '';
}
