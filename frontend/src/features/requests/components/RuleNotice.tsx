import type { IntlShape } from 'react-intl';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { formatDate } from '@/lib/format';
import type { RuleViolation } from '@/lib/types';
import { useT } from '@/i18n/I18nProvider';

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const day = (v: unknown): string => (typeof v === 'string' && v ? formatDate(v) : text(v));

/**
 * A broken request rule as a sentence in the reader's language, from the rule's context (the
 * numbers behind it); the server's English sentence when the context is not what we expect.
 */
export function ruleSentence(intl: IntlShape, v: RuleViolation): string {
  const c = v.context ?? {};
  switch (v.code) {
    case 'rule_min_notice':
      if (typeof c.min_notice_days === 'number' && c.earliest_start_date) {
        return intl.formatMessage({ id: 'rules.minNotice' }, { days: c.min_notice_days, earliest: day(c.earliest_start_date) });
      }
      break;
    case 'rule_max_consecutive':
      if (typeof c.requested_days === 'number' && typeof c.max_consecutive_days === 'number') {
        return intl.formatMessage({ id: 'rules.maxConsecutive' }, { requested: c.requested_days, max: c.max_consecutive_days });
      }
      break;
    case 'rule_blackout':
      if (c.blackout_start_date && c.blackout_end_date && c.date) {
        const values = { start: day(c.blackout_start_date), end: day(c.blackout_end_date), date: day(c.date) };
        return typeof c.blackout_name === 'string' && c.blackout_name
          ? intl.formatMessage({ id: 'rules.blackout' }, { ...values, name: c.blackout_name })
          : intl.formatMessage({ id: 'rules.blackoutUnnamed' }, values);
      }
      break;
    case 'rule_staffing':
      if (typeof c.already_away === 'number' && typeof c.limit === 'number' && c.date) {
        const id = c.scope === 'DEPARTMENT' ? 'rules.staffingDepartment' : 'rules.staffingTeam';
        return intl.formatMessage({ id }, { date: day(c.date), away: c.already_away, limit: c.limit });
      }
      break;
  }
  return v.message;
}

/** Why Submit is off (the preview says the server would refuse); Submit points at it (aria-describedby). */
export function RefusedNote({ reason }: { reason: string }) {
  const t = useT();
  return (
    <p id="request-refused-note" className="text-sm text-red-700" data-testid="request-refused">
      {t('request.refusedPreview', { reason })}
    </p>
  );
}

/**
 * Under the preview when the request breaks the policy's rules: why Submit is off, or, for an
 * admin, the reason field that lets them submit past the rules (stored on the request, audited).
 */
export function RuleNotice({
  sentence,
  isAdmin,
  reason,
  onReasonChange,
}: {
  sentence: string;
  isAdmin: boolean;
  reason: string;
  onReasonChange: (reason: string) => void;
}) {
  const t = useT();
  if (!isAdmin) return <RefusedNote reason={sentence} />;
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="rule-override">
      <p id="request-refused-note" className="text-sm text-amber-900">
        {t('rules.override.intro', { reason: sentence })}
      </p>
      <Field label={t('rules.override.label')} hint={t('rules.override.hint')} required>
        <Textarea value={reason} onChange={(e) => onReasonChange(e.target.value)} rows={2} data-testid="rule-override-reason" />
      </Field>
    </div>
  );
}
