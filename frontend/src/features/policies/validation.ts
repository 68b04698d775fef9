// Policy form ↔ settings mapping, and validation that mirrors the server's rules
// (shared/spec/domain.md "Policies"): strict typed shapes, exactly one rate field
// matching the frequency and > 0, accrual ratio both > 0, etc.
import type {
  AccrualFrequency,
  AccrualMethod,
  AccrualTiming,
  DisplayUnit,
  PolicyCategory,
  PolicySettings,
  PolicyType,
  ProrationMethod,
  RequestRules,
  TenureTier,
} from '@/lib/types';

export const RATE_FIELD: Record<AccrualFrequency, 'rate_minutes_per_day' | 'rate_minutes_per_month' | 'rate_minutes_per_year'> = {
  DAILY: 'rate_minutes_per_day',
  MONTHLY: 'rate_minutes_per_month',
  YEARLY: 'rate_minutes_per_year',
};
const RATE_FIELDS = Object.values(RATE_FIELD);

export interface TierForm {
  min_months: string;
  accrual_rate_minutes: string;
}

export interface BlackoutForm {
  start_date: string;
  end_date: string;
  name: string;
}

/** The request rules section (docs/policy-settings.md, "Request rules"); blank = no such rule. */
export interface RulesForm {
  min_notice_days: string;
  max_consecutive_days: string;
  blackouts: BlackoutForm[];
  staffing_enabled: boolean;
  staffing_scope: 'TEAM' | 'DEPARTMENT';
  staffing_limit: string;
}

export const MAX_BLACKOUTS = 100;

export interface PolicyFormValues {
  key: string;
  /** Display name and description (optional; shown instead of the key). */
  name: string;
  description: string;
  category: PolicyCategory;
  effective_from: string;
  change_reason: string;
  type: PolicyType;
  accrual_method: AccrualMethod;
  unit: DisplayUnit;
  // TIME
  accrual_frequency: AccrualFrequency;
  accrual_timing: AccrualTiming;
  rate_minutes: string;
  proration: ProrationMethod;
  part_time_proration: boolean;
  full_time_week_minutes: string;
  // HOURS_WORKED
  accrue_minutes: string;
  per_worked_minutes: string;
  // common accrual
  allow_negative: boolean;
  negative_limit_minutes: string;
  bank_cap_minutes: string;
  tenure_tiers: TierForm[];
  carryover_enabled: boolean;
  carryover_cap_minutes: string;
  carryover_expires_after_days: string;
  expiration_enabled: boolean;
  expiration_mode: 'AFTER_DAYS' | 'ON_DATE';
  expiration_after_days: string;
  expiration_month: string;
  expiration_day: string;
  /** Request rules: apply to every policy type. */
  rules: RulesForm;
  /** Carryover settings the form does not edit (a fiscal or anniversary reset date): kept as they are. */
  carryover_reset: Pick<NonNullable<import('@/lib/types').CarryoverSettings>, 'reset_month' | 'reset_day' | 'reset_on'>;
}

export function emptyRules(): RulesForm {
  return { min_notice_days: '', max_consecutive_days: '', blackouts: [], staffing_enabled: false, staffing_scope: 'TEAM', staffing_limit: '' };
}

export type PolicyFormErrors = Partial<Record<string, string>>;

export function emptyPolicyForm(today: string): PolicyFormValues {
  return {
    key: '',
    name: '',
    description: '',
    category: 'VACATION',
    effective_from: today,
    change_reason: '',
    type: 'ACCRUAL',
    accrual_method: 'TIME',
    unit: 'DAYS',
    accrual_frequency: 'MONTHLY',
    accrual_timing: 'START_OF_PERIOD',
    rate_minutes: '',
    proration: 'DAYS_ACTIVE',
    part_time_proration: false,
    full_time_week_minutes: '',
    accrue_minutes: '',
    per_worked_minutes: '',
    allow_negative: false,
    negative_limit_minutes: '',
    bank_cap_minutes: '',
    tenure_tiers: [],
    carryover_enabled: false,
    carryover_cap_minutes: '',
    carryover_expires_after_days: '',
    expiration_enabled: false,
    expiration_mode: 'AFTER_DAYS',
    expiration_after_days: '',
    expiration_month: '',
    expiration_day: '',
    rules: emptyRules(),
    carryover_reset: {},
  };
}

function rulesToForm(r: RequestRules | undefined): RulesForm {
  const f = emptyRules();
  if (!r) return f;
  f.min_notice_days = str(r.min_notice_days);
  f.max_consecutive_days = str(r.max_consecutive_days);
  f.blackouts = (r.blackout_periods ?? []).map((b) => ({ start_date: b.start_date, end_date: b.end_date, name: b.name ?? '' }));
  if (r.max_concurrent_absences) {
    f.staffing_enabled = true;
    f.staffing_scope = r.max_concurrent_absences.scope ?? 'TEAM';
    f.staffing_limit = str(r.max_concurrent_absences.limit);
  }
  return f;
}

/** The request rules the form describes; undefined when it sets none (the settings then carry no rules). */
export function formToRules(f: RulesForm): RequestRules | undefined {
  const r: RequestRules = {};
  const notice = parseWhole(f.min_notice_days);
  if (notice !== null) r.min_notice_days = notice;
  const consecutive = parseWhole(f.max_consecutive_days);
  if (consecutive !== null) r.max_consecutive_days = consecutive;
  if (f.blackouts.length)
    r.blackout_periods = f.blackouts.map((b) => ({
      start_date: b.start_date,
      end_date: b.end_date,
      ...(b.name.trim() ? { name: b.name.trim() } : {}),
    }));
  if (f.staffing_enabled) r.max_concurrent_absences = { scope: f.staffing_scope, limit: parseWhole(f.staffing_limit) as number };
  return Object.keys(r).length ? r : undefined;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** Fill the form from an existing version's settings (editing creates the next version). */
export function settingsToForm(
  base: PolicyFormValues,
  settings: PolicySettings,
): PolicyFormValues {
  const v: PolicyFormValues = { ...base, type: settings.type, rules: rulesToForm(settings.request_rules) };
  if (settings.unit) v.unit = settings.unit;
  if (settings.type === 'UNLIMITED') return v;
  const { reset_month, reset_day, reset_on } = settings.carryover ?? {};
  v.carryover_reset = {
    ...(reset_month != null ? { reset_month } : {}),
    ...(reset_day != null ? { reset_day } : {}),
    ...(reset_on != null ? { reset_on } : {}),
  };
  v.accrual_method = settings.accrual_method;
  v.allow_negative = !!settings.allow_negative;
  v.negative_limit_minutes = str(settings.negative_limit_minutes);
  v.bank_cap_minutes = str(settings.bank_cap_minutes);
  v.tenure_tiers = (settings.tenure_tiers ?? []).map((t) => ({
    min_months: String(t.min_months),
    accrual_rate_minutes: String(t.accrual_rate_minutes),
  }));
  v.carryover_enabled = !!settings.carryover?.enabled;
  v.carryover_cap_minutes = str(settings.carryover?.cap_minutes);
  v.carryover_expires_after_days = str(settings.carryover?.expires_after_days);
  v.expiration_enabled = !!settings.expiration?.enabled;
  v.expiration_mode = settings.expiration?.expires_on_month ? 'ON_DATE' : 'AFTER_DAYS';
  v.expiration_after_days = str(settings.expiration?.expires_after_days);
  v.expiration_month = str(settings.expiration?.expires_on_month);
  v.expiration_day = str(settings.expiration?.expires_on_day);
  if (settings.accrual_method === 'TIME') {
    v.accrual_frequency = settings.accrual_frequency;
    v.accrual_timing = settings.accrual_timing;
    v.proration = settings.proration;
    v.rate_minutes = str(settings[RATE_FIELD[settings.accrual_frequency]]);
    v.part_time_proration = !!settings.part_time_proration;
    v.full_time_week_minutes = str(settings.full_time_week_minutes);
  } else {
    v.accrue_minutes = str(settings.accrual_ratio?.accrue_minutes);
    v.per_worked_minutes = str(settings.accrual_ratio?.per_worked_minutes);
  }
  return v;
}

/** Parse a whole number typed in an input; null when blank, NaN when not an integer. */
export function parseWhole(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (!/^-?\d+$/.test(t)) return Number.NaN;
  return Number(t);
}

export function formToSettings(v: PolicyFormValues): PolicySettings {
  const rules = formToRules(v.rules);
  const withRules = <T extends PolicySettings>(s: T): T => (rules ? { ...s, request_rules: rules } : s);
  return withRules(formToAccrualSettings(v));
}

function formToAccrualSettings(v: PolicyFormValues): PolicySettings {
  if (v.type === 'UNLIMITED') return { type: 'UNLIMITED' };
  const common = {
    type: 'ACCRUAL' as const,
    unit: v.unit,
    allow_negative: v.allow_negative,
    negative_limit_minutes: v.allow_negative ? parseWhole(v.negative_limit_minutes) : null,
    bank_cap_minutes: parseWhole(v.bank_cap_minutes),
    tenure_tiers: v.tenure_tiers.map<TenureTier>((t) => ({
      min_months: parseWhole(t.min_months) as number,
      accrual_rate_minutes: parseWhole(t.accrual_rate_minutes) as number,
    })),
    carryover: v.carryover_enabled
      ? {
          enabled: true,
          cap_minutes: parseWhole(v.carryover_cap_minutes),
          expires_after_days: parseWhole(v.carryover_expires_after_days),
          ...v.carryover_reset,
        }
      : { enabled: false },
    expiration: !v.expiration_enabled
      ? { enabled: false }
      : v.expiration_mode === 'AFTER_DAYS'
        ? { enabled: true, expires_after_days: parseWhole(v.expiration_after_days) }
        : {
            enabled: true,
            expires_on_month: parseWhole(v.expiration_month),
            expires_on_day: parseWhole(v.expiration_day),
          },
  };
  if (v.accrual_method === 'TIME') {
    return {
      ...common,
      accrual_method: 'TIME' as const,
      accrual_frequency: v.accrual_frequency,
      accrual_timing: v.accrual_timing,
      [RATE_FIELD[v.accrual_frequency]]: parseWhole(v.rate_minutes) as number,
      proration: v.proration,
      ...(v.part_time_proration
        ? { part_time_proration: true, full_time_week_minutes: parseWhole(v.full_time_week_minutes) }
        : {}),
    } as PolicySettings;
  }
  return {
    ...common,
    accrual_method: 'HOURS_WORKED' as const,
    accrual_ratio: {
      accrue_minutes: parseWhole(v.accrue_minutes) as number,
      per_worked_minutes: parseWhole(v.per_worked_minutes) as number,
    },
  };
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ENUMS = {
  frequency: ['DAILY', 'MONTHLY', 'YEARLY'],
  timing: ['START_OF_PERIOD', 'END_OF_PERIOD'],
  proration: ['DAYS_ACTIVE', 'NONE'],
  unit: ['MINUTES', 'HOURS', 'DAYS'],
};

/**
 * Validate a settings object as the server does. Returns { path: message }; empty when valid.
 * Paths are the settings' own (e.g. "rate_minutes_per_month", "accrual_ratio.accrue_minutes").
 */
export function validateSettings(input: unknown): Record<string, string> {
  const e: Record<string, string> = {};
  if (!input || typeof input !== 'object') return { settings: 'Settings are required.' };
  const s = input as Record<string, unknown>;
  if (s.request_rules !== undefined && s.request_rules !== null) Object.assign(e, validateRules(s.request_rules));
  if (s.type === 'UNLIMITED') {
    const extra = Object.keys(s).filter((k) => k !== 'type' && k !== 'unit' && k !== 'request_rules');
    if (extra.length) e.type = `An unlimited policy takes no accrual settings (${extra.join(', ')}).`;
    if (s.unit !== undefined && !ENUMS.unit.includes(String(s.unit))) e.unit = 'Choose minutes, hours or days.';
    return e;
  }
  if (s.type !== 'ACCRUAL') return { type: 'Type must be UNLIMITED or ACCRUAL.' };
  if (!ENUMS.unit.includes(String(s.unit))) e.unit = 'Choose minutes, hours or days.';
  if (typeof s.allow_negative !== 'boolean') e.allow_negative = 'Say whether the balance may go negative.';
  const limit = s.negative_limit_minutes;
  if (limit !== null && limit !== undefined) {
    if (!isInt(limit) || limit < 0) e.negative_limit_minutes = 'The negative limit must be 0 or more.';
    else if (s.allow_negative !== true) e.negative_limit_minutes = 'A negative limit only applies when negative balances are allowed.';
  }
  const cap = s.bank_cap_minutes;
  if (cap !== null && cap !== undefined && (!isInt(cap) || cap <= 0)) e.bank_cap_minutes = 'The bank cap must be more than 0.';

  const tiers = s.tenure_tiers;
  if (tiers !== undefined && tiers !== null) {
    if (!Array.isArray(tiers)) e.tenure_tiers = 'Tenure tiers must be a list.';
    else {
      const seen = new Set<number>();
      tiers.forEach((t: Record<string, unknown>, i) => {
        if (!isInt(t?.min_months) || (t.min_months as number) < 0) e[`tenure_tiers[${i}].min_months`] = 'Months must be a whole number, 0 or more.';
        else if (seen.has(t.min_months as number)) e[`tenure_tiers[${i}].min_months`] = 'Two tiers start at the same month.';
        else seen.add(t.min_months as number);
        if (!isInt(t?.accrual_rate_minutes) || (t.accrual_rate_minutes as number) <= 0)
          e[`tenure_tiers[${i}].accrual_rate_minutes`] = 'The tier rate must be more than 0.';
      });
    }
  }

  const co = s.carryover as Record<string, unknown> | undefined;
  if (co !== undefined && co !== null) {
    if (typeof co.enabled !== 'boolean') e['carryover.enabled'] = 'Say whether carryover is enabled.';
    if (co.cap_minutes !== null && co.cap_minutes !== undefined && (!isInt(co.cap_minutes) || co.cap_minutes < 0))
      e['carryover.cap_minutes'] = 'The carryover cap must be 0 or more.';
    if (co.expires_after_days !== null && co.expires_after_days !== undefined && (!isInt(co.expires_after_days) || co.expires_after_days <= 0))
      e['carryover.expires_after_days'] = 'Days must be a whole number above 0.';
  }

  const ex = s.expiration as Record<string, unknown> | undefined;
  if (ex !== undefined && ex !== null) {
    if (typeof ex.enabled !== 'boolean') e['expiration.enabled'] = 'Say whether expiration is enabled.';
    const after = ex.expires_after_days;
    const month = ex.expires_on_month;
    const day = ex.expires_on_day;
    const hasAfter = after !== null && after !== undefined;
    const hasDate = (month !== null && month !== undefined) || (day !== null && day !== undefined);
    if (ex.enabled === true) {
      if (hasAfter && hasDate) e.expiration = 'Choose either “after N days” or a yearly date, not both.';
      else if (!hasAfter && !hasDate) e.expiration = 'Say when the balance expires.';
      else if (hasAfter && (!isInt(after) || after <= 0)) e['expiration.expires_after_days'] = 'Days must be a whole number above 0.';
      else if (hasDate) {
        if (!isInt(month) || month < 1 || month > 12) e['expiration.expires_on_month'] = 'Month must be 1–12.';
        else if (!isInt(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]) e['expiration.expires_on_day'] = 'That day does not exist in that month.';
      }
    }
  }

  if (s.accrual_method === 'TIME') {
    if (!ENUMS.frequency.includes(String(s.accrual_frequency))) e.accrual_frequency = 'Choose daily, monthly or yearly.';
    if (!ENUMS.timing.includes(String(s.accrual_timing))) e.accrual_timing = 'Choose start or end of period.';
    if (!ENUMS.proration.includes(String(s.proration))) e.proration = 'Choose a proration method.';
    if ('accrual_ratio' in s && s.accrual_ratio != null) e.accrual_ratio = 'A time-based policy has no accrual ratio.';
    const present = RATE_FIELDS.filter((f) => s[f] !== undefined && s[f] !== null);
    const expected = RATE_FIELD[s.accrual_frequency as AccrualFrequency];
    if (expected) {
      const wrong = present.filter((f) => f !== expected);
      if (wrong.length) e[wrong[0]] = `Only ${expected} applies to a ${String(s.accrual_frequency).toLowerCase()} policy.`;
      const rate = s[expected];
      if (rate === undefined || rate === null) e[expected] = 'Enter the accrual rate.';
      else if (!isInt(rate) || rate <= 0) e[expected] = 'The rate must be more than 0.';
    }
    const week = s.full_time_week_minutes;
    if (week !== undefined && week !== null) {
      if (s.part_time_proration !== true) e.full_time_week_minutes = 'A full-time week only applies with part-time proration.';
      else if (!isInt(week) || week < 60 || week > 7 * 1440) e.full_time_week_minutes = 'A full-time week is 1 to 168 hours.';
    }
  } else if (s.accrual_method === 'HOURS_WORKED') {
    const r = s.accrual_ratio as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object') e.accrual_ratio = 'Enter the accrual ratio.';
    else {
      if (!isInt(r.accrue_minutes) || r.accrue_minutes <= 0) e['accrual_ratio.accrue_minutes'] = 'The amount accrued must be more than 0.';
      if (!isInt(r.per_worked_minutes) || r.per_worked_minutes <= 0)
        e['accrual_ratio.per_worked_minutes'] = 'Minutes worked must be a whole number above 0.';
    }
    for (const f of [...RATE_FIELDS, 'accrual_frequency', 'accrual_timing', 'proration', 'part_time_proration', 'full_time_week_minutes']) {
      if (s[f] !== undefined && s[f] !== null) e[f] = `${f} does not apply to an hours-worked policy.`;
    }
  } else {
    e.accrual_method = 'Accrual method must be TIME or HOURS_WORKED.';
  }
  return e;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The server's checks of `request_rules` (docs/policy-settings.md); paths as the server names them. */
export function validateRules(input: unknown): Record<string, string> {
  const e: Record<string, string> = {};
  const r = input as Record<string, unknown>;
  const notice = r.min_notice_days;
  if (notice !== undefined && notice !== null && (!isInt(notice) || notice < 0 || notice > 3660))
    e['request_rules.min_notice_days'] = 'Notice must be a whole number of days from 0 to 3660.';
  const consecutive = r.max_consecutive_days;
  if (consecutive !== undefined && consecutive !== null && (!isInt(consecutive) || consecutive < 1 || consecutive > 3660))
    e['request_rules.max_consecutive_days'] = 'The longest absence must be a whole number of days from 1 to 3660.';
  const blackouts = r.blackout_periods;
  if (Array.isArray(blackouts)) {
    if (blackouts.length > MAX_BLACKOUTS) e['request_rules.blackout_periods'] = 'At most 100 blackout periods.';
    blackouts.forEach((b: Record<string, unknown>, i) => {
      if (!isIsoDate(b?.start_date)) e[`request_rules.blackout_periods[${i}].start_date`] = 'Enter the first day of the period.';
      if (!isIsoDate(b?.end_date)) e[`request_rules.blackout_periods[${i}].end_date`] = 'Enter the last day of the period.';
      else if (isIsoDate(b?.start_date) && (b.end_date as string) < (b.start_date as string))
        e[`request_rules.blackout_periods[${i}].end_date`] = 'The last day must not be before the first.';
      if (typeof b?.name === 'string' && b.name.length > 200) e[`request_rules.blackout_periods[${i}].name`] = 'Keep the name under 200 characters.';
    });
  }
  const staffing = r.max_concurrent_absences as Record<string, unknown> | null | undefined;
  if (staffing) {
    if (!isInt(staffing.limit) || staffing.limit < 1 || staffing.limit > 10000)
      e['request_rules.max_concurrent_absences.limit'] = 'The limit must be a whole number from 1 to 10000.';
  }
  return e;
}

/** Map a settings path to the form field that edits it. */
function fieldOf(path: string): string {
  if (RATE_FIELDS.includes(path as (typeof RATE_FIELDS)[number])) return 'rate_minutes';
  const map: Record<string, string> = {
    'accrual_ratio.accrue_minutes': 'accrue_minutes',
    'accrual_ratio.per_worked_minutes': 'per_worked_minutes',
    'carryover.cap_minutes': 'carryover_cap_minutes',
    'carryover.expires_after_days': 'carryover_expires_after_days',
    'expiration.expires_after_days': 'expiration_after_days',
    'expiration.expires_on_month': 'expiration_month',
    'expiration.expires_on_day': 'expiration_day',
  };
  if (map[path]) return map[path];
  const rule = /^request_rules\.(?:blackout_periods\[(\d+)\]\.(\w+)|max_concurrent_absences\.limit|(\w+))$/.exec(path);
  if (rule) return rule[1] !== undefined ? `blackout_${rule[1]}_${rule[2]}` : rule[3] ? `rules_${rule[3]}` : 'rules_staffing_limit';
  const tier = /^tenure_tiers\[(\d+)\]\.(\w+)$/.exec(path);
  if (tier) return `tier_${tier[1]}_${tier[2]}`;
  return path;
}

export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function validatePolicyForm(
  v: PolicyFormValues,
  opts: { creating: boolean; previousEffectiveFrom?: string },
): PolicyFormErrors {
  const e: PolicyFormErrors = {};
  if (opts.creating) {
    if (!v.key.trim()) e.key = 'Enter a key, e.g. vacation-us.';
    else if (v.key.length > 100) e.key = 'Keep the key under 100 characters.';
    else if (!KEY_PATTERN.test(v.key)) e.key = 'Use letters, digits, “-”, “_” or “.”, without spaces.';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effective_from)) e.effective_from = 'Enter the date this version takes effect.';
  else if (opts.previousEffectiveFrom && v.effective_from < opts.previousEffectiveFrom)
    e.effective_from = `The new version must start on or after ${opts.previousEffectiveFrom}, when the current one started.`;
  if (v.name.trim().length > 200) e.name = 'Keep the name under 200 characters.';
  if (v.description.trim().length > 2000) e.description = 'Keep the description under 2000 characters.';
  if (v.change_reason.length > 1000) e.change_reason = 'Keep the reason under 1000 characters.';

  if (v.type === 'ACCRUAL') {
    // Typed numbers that are not whole numbers get a clear message before shape checks.
    const numeric: [keyof PolicyFormValues, boolean][] = [
      ['rate_minutes', v.accrual_method === 'TIME'],
      ['full_time_week_minutes', v.accrual_method === 'TIME' && v.part_time_proration],
      ['accrue_minutes', v.accrual_method === 'HOURS_WORKED'],
      ['per_worked_minutes', v.accrual_method === 'HOURS_WORKED'],
      ['negative_limit_minutes', v.allow_negative],
      ['bank_cap_minutes', true],
      ['carryover_cap_minutes', v.carryover_enabled],
      ['carryover_expires_after_days', v.carryover_enabled],
      ['expiration_after_days', v.expiration_enabled && v.expiration_mode === 'AFTER_DAYS'],
      ['expiration_month', v.expiration_enabled && v.expiration_mode === 'ON_DATE'],
      ['expiration_day', v.expiration_enabled && v.expiration_mode === 'ON_DATE'],
    ];
    for (const [field, active] of numeric) {
      if (active && Number.isNaN(parseWhole(v[field] as string))) e[field] = 'Enter a whole number.';
    }
    v.tenure_tiers.forEach((t, i) => {
      if (parseWhole(t.min_months) === null) e[`tier_${i}_min_months`] = 'Enter the months of service.';
      if (parseWhole(t.accrual_rate_minutes) === null) e[`tier_${i}_accrual_rate_minutes`] = 'Enter the tier rate.';
    });
    if (v.expiration_enabled && v.expiration_mode === 'AFTER_DAYS' && parseWhole(v.expiration_after_days) === null)
      e.expiration_after_days = 'Enter after how many days the balance expires.';
    if (v.expiration_enabled && v.expiration_mode === 'ON_DATE') {
      if (parseWhole(v.expiration_month) === null) e.expiration_month = 'Enter the month (1–12).';
      if (parseWhole(v.expiration_day) === null) e.expiration_day = 'Enter the day of the month.';
    }
    if (v.accrual_method === 'HOURS_WORKED') {
      if (parseWhole(v.accrue_minutes) === null) e.accrue_minutes = 'Enter the minutes accrued.';
      if (parseWhole(v.per_worked_minutes) === null) e.per_worked_minutes = 'Enter the minutes worked.';
    }
  }
  const rules = v.rules;
  if (Number.isNaN(parseWhole(rules.min_notice_days))) e.rules_min_notice_days = 'Enter a whole number.';
  if (Number.isNaN(parseWhole(rules.max_consecutive_days))) e.rules_max_consecutive_days = 'Enter a whole number.';
  if (rules.staffing_enabled) {
    const limit = parseWhole(rules.staffing_limit);
    if (limit === null) e.rules_staffing_limit = 'Enter how many people may be away at once.';
    else if (Number.isNaN(limit)) e.rules_staffing_limit = 'Enter a whole number.';
  }
  for (const [path, msg] of Object.entries(validateSettings(formToSettings(v)))) {
    const f = fieldOf(path);
    if (!e[f]) e[f] = msg;
  }
  return e;
}
