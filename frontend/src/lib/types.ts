// Shapes of the Power PTO HTTP contract (shared/spec/api.md + docs/api-extensions.md).

export type Role = 'admin' | 'manager' | 'employee';
export const POLICY_CATEGORIES = ['VACATION', 'SICK', 'PERSONAL', 'BEREAVEMENT', 'PARENTAL', 'OTHER'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];
export type PolicyType = 'UNLIMITED' | 'ACCRUAL';
export type AccrualMethod = 'TIME' | 'HOURS_WORKED';
export const ACCRUAL_FREQUENCIES = ['DAILY', 'MONTHLY', 'YEARLY'] as const;
export type AccrualFrequency = (typeof ACCRUAL_FREQUENCIES)[number];
export type AccrualTiming = 'START_OF_PERIOD' | 'END_OF_PERIOD';
export type ProrationMethod = 'DAYS_ACTIVE' | 'NONE';
export const DISPLAY_UNITS = ['MINUTES', 'HOURS', 'DAYS'] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];
export const REQUEST_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'DENIED', 'CANCELLED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const LEDGER_ENTRY_TYPES = [
  'ACCRUAL', 'HOLD', 'HOLD_RELEASE', 'USAGE', 'USAGE_REVERSAL', 'ADJUSTMENT', 'EXPIRATION', 'CARRYOVER',
  'ACCRUAL_CORRECTION',
] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];
export type LedgerSourceType = 'REQUEST' | 'PAYROLL' | 'ADMIN' | 'SYSTEM';
export const AUDIT_ENTITY_TYPES = [
  'POLICY', 'POLICY_VERSION', 'REQUEST', 'ASSIGNMENT', 'EMPLOYEE', 'HOLIDAY', 'ADJUSTMENT', 'ACCRUAL', 'DELEGATION', 'COMPANY',
  'LOCATION',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'APPROVE', 'DENY', 'CANCEL', 'SUBMIT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const WEEK_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Employee {
  id: string;
  company_id: string;
  first_name: string;
  last_name: string;
  email: string;
  pay_type: 'SALARY' | 'HOURLY';
  workday_minutes: number;
  timezone: string;
  hire_date: string | null;
  manager_id: string | null;
  work_days: WeekDay[];
  workday_start: string;
  /** Issue 15: optional so older servers and fixtures still type-check. */
  status?: 'ACTIVE' | 'TERMINATED';
  termination_date?: string | null;
  department?: string | null;
  location?: string | null;
}

export interface Me {
  user_id: string;
  company_id: string;
  role: Role;
  employee: Employee | null;
}

export interface LoginResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface TenureTier {
  min_months: number;
  accrual_rate_minutes: number;
}

export interface CarryoverSettings {
  enabled: boolean;
  cap_minutes?: number | null;
  expires_after_days?: number | null;
  /** Issue 19: a fiscal reset date or the hire anniversary (default 1 January). */
  reset_month?: number | null;
  reset_day?: number | null;
  reset_on?: 'FIXED_DATE' | 'HIRE_ANNIVERSARY' | null;
}

export interface BlackoutPeriod {
  start_date: string;
  end_date: string;
  name?: string | null;
}

/** Issue 19 (docs/policy-settings.md, "Request rules"): every key optional; a missing key is no rule. */
export interface RequestRules {
  min_notice_days?: number | null;
  max_consecutive_days?: number | null;
  blackout_periods?: BlackoutPeriod[] | null;
  max_concurrent_absences?: { scope?: 'TEAM' | 'DEPARTMENT'; limit: number } | null;
}

export interface ExpirationSettings {
  enabled: boolean;
  expires_after_days?: number | null;
  expires_on_month?: number | null;
  expires_on_day?: number | null;
}

export interface UnlimitedSettings {
  type: 'UNLIMITED';
  unit?: DisplayUnit;
  request_rules?: RequestRules;
}

interface AccrualCommon {
  type: 'ACCRUAL';
  unit: DisplayUnit;
  allow_negative: boolean;
  negative_limit_minutes?: number | null;
  bank_cap_minutes?: number | null;
  tenure_tiers?: TenureTier[];
  carryover?: CarryoverSettings;
  expiration?: ExpirationSettings;
  request_rules?: RequestRules;
}

export interface TimeAccrualSettings extends AccrualCommon {
  accrual_method: 'TIME';
  accrual_frequency: AccrualFrequency;
  accrual_timing: AccrualTiming;
  rate_minutes_per_day?: number;
  rate_minutes_per_month?: number;
  rate_minutes_per_year?: number;
  proration: ProrationMethod;
  /** Issue 24: grants scale by the employee's weekly minutes against a full-time week (default 5 × 480). */
  part_time_proration?: boolean | null;
  full_time_week_minutes?: number | null;
}

export interface HoursWorkedSettings extends AccrualCommon {
  accrual_method: 'HOURS_WORKED';
  accrual_ratio: { accrue_minutes: number; per_worked_minutes: number };
}

export type PolicySettings = UnlimitedSettings | TimeAccrualSettings | HoursWorkedSettings;

export interface PolicyVersion {
  id: string;
  policy_id: string;
  version: number;
  effective_from: string;
  effective_to: string | null;
  type: PolicyType;
  accrual_method: AccrualMethod | null;
  settings: PolicySettings;
  created_by: string;
  change_reason: string | null;
  created_at: string;
}

export interface Policy {
  id: string;
  company_id: string;
  key: string;
  category: PolicyCategory;
  created_at: string;
  current_version: PolicyVersion;
  /** Display name and description (issue 20); null when unset — show policyLabel() instead of the key. */
  name?: string | null;
  description?: string | null;
}

export interface Assignment {
  id: string;
  company_id: string;
  employee_id: string;
  policy_id: string;
  effective_from: string;
  effective_to: string | null;
  created_by: string;
  created_at: string;
}

export interface TimeOffRequest {
  id: string;
  company_id: string;
  employee_id: string;
  policy_id: string;
  start_at: string;
  end_at: string;
  requested_minutes: number;
  reason: string | null;
  status: RequestStatus;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  idempotency_key: string | null;
  created_at: string;
  /** Issue 19: who submitted it (the employee, their manager or an admin). */
  entered_by?: string | null;
  /** Issue 19: the manager a delegate decided for (decided_by is the delegate). */
  decided_on_behalf_of?: string | null;
  rules_overridden?: string[] | null;
  rule_override_reason?: string | null;
}

export type DayReason = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'NON_WORKDAY' | 'PARTIAL';

export interface PreviewDay {
  date: string;
  minutes: number;
  reason: DayReason;
  /** Issue 28: the holiday on that day, by name (null when none). */
  holiday?: string | null;
  /** Issue 28: a half-day holiday (the minutes are of its first half). */
  half_day?: boolean;
}

export interface RuleViolation {
  code: string;
  message: string;
  context: Record<string, unknown> | null;
}

/** Issue 26: what `available_minutes_on_start` contains. */
export interface ForecastOnStart {
  date: string;
  available_minutes: number;
  scheduled_accrual_minutes: number;
  capped_accrual_minutes: number;
  booked_minutes: number;
  expiring_minutes: number;
  projected_available_minutes: number;
  forfeits: { date: string; kind: 'CARRYOVER_CAP' | 'EXPIRATION' | 'CARRIED_EXPIRY'; minutes: number }[];
}

export interface RequestPreview {
  requested_minutes: number;
  available_minutes_after: number | null;
  warnings: string[];
  /** Projected available balance on the request's first day (balance forecast); null when unlimited. */
  available_minutes_on_start?: number | null;
  days?: PreviewDay[];
  rule_violations?: RuleViolation[];
  forecast_on_start?: ForecastOnStart | null;
}

export interface Delegation {
  id: string;
  company_id: string;
  delegator_id: string;
  delegate_id: string;
  start_date: string;
  end_date: string;
  note: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface Balance {
  policy_id: string;
  policy_key: string;
  policy_category: PolicyCategory;
  accrued_minutes: number;
  used_minutes: number;
  held_minutes: number;
  available_minutes: number | null;
  is_unlimited: boolean;
  updated_at: string | null;
  employee_id?: string;
  /** The policy's display name and description (issue 20, added fields); null when unset. */
  policy_name?: string | null;
  policy_description?: string | null;
}

export interface LedgerEntry {
  id: string;
  employee_id: string;
  policy_id: string;
  policy_version_id: string | null;
  entry_type: LedgerEntryType;
  amount_minutes: number;
  effective_at: string;
  source_type: LedgerSourceType;
  source_id: string | null;
  metadata_json: unknown;
  created_at: string;
}

export interface Holiday {
  id: string;
  company_id: string;
  date: string;
  name: string;
  /** Issue 28: null = the whole company; else the employees of that location. */
  location?: string | null;
  /** Issue 28: the day's working window is halved (its first half is worked). */
  half_day?: boolean;
}

/** Issue 28: a country (region null) or one of its regions whose holidays can be imported. */
export interface HolidayPreset {
  country: string;
  region: string | null;
  name: string;
}

/** Issue 28: a company location, optionally bound to a preset the worker keeps filled in. */
export interface CompanyLocation {
  id: string;
  company_id: string;
  name: string;
  country: string | null;
  region: string | null;
  language: string | null;
  holidays_filled_through: number | null;
  employee_count: number;
  created_at: string;
}

/** Issue 28: a live request whose duration a holiday or location change altered. */
export interface DurationChange {
  request_id: string;
  employee_id: string;
  employee_name: string;
  policy_id: string;
  status: RequestStatus;
  start_at: string;
  end_at: string;
  requested_minutes: number;
  current_minutes: number;
  difference_minutes: number;
  holidays: string[];
  cause: string;
  touched_at: string;
}

export interface AuditEntry {
  id: string;
  company_id: string;
  actor_id: string;
  entity_type: AuditEntityType;
  entity_id: string;
  action: AuditAction;
  before_json: unknown;
  after_json: unknown;
  created_at: string;
  /** Added by issue 20: who acted (null for the system), what the row is about, an English sentence. */
  actor_name?: string | null;
  entity_label?: string | null;
  summary?: string;
  /** Issue 26: what an EMPLOYEE update was when it was not an edit of the record (e.g. `notification_preferences`). */
  change?: string | null;
}

export interface Account {
  employee_id: string;
  email: string;
  role: Role;
  active: boolean;
  has_password: boolean;
  invite_token?: string;
}

export interface ReportSummary {
  employees: number;
  policies: number;
  pending_requests: number;
  requests_by_status: Partial<Record<RequestStatus, number>>;
  usage_by_category: { category: PolicyCategory; used_minutes: number }[];
  balances_by_team: {
    manager_id: string | null;
    manager_name: string | null;
    employees: number;
    available_minutes: number;
  }[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The contract's error body: `detail` is a sentence or null; the extras are machine-readable. */
export interface ApiErrorBody {
  error: string;
  detail: string | null;
  status_code: number;
  /** Stable snake_case name of the refused rule (e.g. `insufficient_balance`). */
  code?: string;
  /** One entry per offending input field. */
  fields?: FieldProblem[];
  /** The values behind the refusal (e.g. `available_minutes`). */
  context?: Record<string, unknown>;
}
