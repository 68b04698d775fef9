// The policy form's request rules (issue 26): the notice, the longest absence, blackout periods and
// how many people of a team or department may be away at once — the rules the server enforces on
// submit (docs/policy-settings.md, "Request rules"). Blank fields are no rule.
import type { ReactNode } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Checkbox, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { MAX_BLACKOUTS, type BlackoutForm, type RulesForm } from '../validation';

interface Props {
  rules: RulesForm;
  onChange: (rules: RulesForm) => void;
  /** The shown error of a form field (undefined until the form was submitted once). */
  error: (field: string) => string | undefined;
  /** The section frame of the policy form. */
  Section: (props: { title: string; description?: string; children: ReactNode }) => ReactNode;
}

export function RequestRulesSection({ rules, onChange, error, Section }: Props) {
  const t = useT();
  const set = <K extends keyof RulesForm>(k: K, value: RulesForm[K]) => onChange({ ...rules, [k]: value });
  const setBlackout = (i: number, patch: Partial<BlackoutForm>) =>
    set('blackouts', rules.blackouts.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <Section title={t('policy.rules.title')} description={t('policy.rules.description')}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('policy.rules.notice')} hint={t('policy.rules.noticeHint')} error={error('rules_min_notice_days')}>
          <Input
            inputMode="numeric"
            value={rules.min_notice_days}
            onChange={(e) => set('min_notice_days', e.target.value)}
            data-testid="policy-rules-notice"
          />
        </Field>
        <Field label={t('policy.rules.maxDays')} hint={t('policy.rules.maxDaysHint')} error={error('rules_max_consecutive_days')}>
          <Input
            inputMode="numeric"
            value={rules.max_consecutive_days}
            onChange={(e) => set('max_consecutive_days', e.target.value)}
            data-testid="policy-rules-max-days"
          />
        </Field>
      </div>

      <div className="space-y-3" data-testid="policy-blackouts">
        <p className="text-sm font-medium text-slate-800">{t('policy.rules.blackouts')}</p>
        <p className="-mt-2 text-xs text-slate-600">{t('policy.rules.blackoutsHint')}</p>
        {error('rules_blackout_periods') && (
          <p role="alert" className="text-xs font-medium text-red-700">
            {error('rules_blackout_periods')}
          </p>
        )}
        {rules.blackouts.length === 0 && <p className="text-sm text-slate-600">{t('policy.rules.noBlackouts')}</p>}
        {rules.blackouts.map((b, i) => (
          <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_2fr_auto]" data-testid="blackout-period">
            <Field label={t('policy.rules.blackoutStart', { n: i + 1 })} error={error(`blackout_${i}_start_date`)} required>
              <Input type="date" value={b.start_date} onChange={(e) => setBlackout(i, { start_date: e.target.value })} data-testid={`blackout-start-${i}`} />
            </Field>
            <Field label={t('policy.rules.blackoutEnd', { n: i + 1 })} error={error(`blackout_${i}_end_date`)} required>
              <Input type="date" value={b.end_date} onChange={(e) => setBlackout(i, { end_date: e.target.value })} data-testid={`blackout-end-${i}`} />
            </Field>
            <Field label={t('policy.rules.blackoutName', { n: i + 1 })} error={error(`blackout_${i}_name`)}>
              <Input value={b.name} onChange={(e) => setBlackout(i, { name: e.target.value })} placeholder={t('policy.rules.blackoutNameExample')} data-testid={`blackout-name-${i}`} />
            </Field>
            <Button
              variant="ghost"
              onClick={() => set('blackouts', rules.blackouts.filter((_, j) => j !== i))}
              aria-label={t('policy.rules.removeBlackout', { n: i + 1 })}
            >
              {t('policy.form.remove')}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          size="sm"
          disabled={rules.blackouts.length >= MAX_BLACKOUTS}
          onClick={() => set('blackouts', [...rules.blackouts, { start_date: '', end_date: '', name: '' }])}
          data-testid="add-blackout"
        >
          {t('policy.rules.addBlackout')}
        </Button>
      </div>

      <div className="space-y-3">
        <Checkbox
          label={t('policy.rules.staffing')}
          hint={t('policy.rules.staffingHint')}
          checked={rules.staffing_enabled}
          onChange={(v) => set('staffing_enabled', v)}
          testId="policy-rules-staffing"
        />
        {rules.staffing_enabled && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('policy.rules.scope')} hint={t(rules.staffing_scope === 'TEAM' ? 'policy.rules.scopeTeamHint' : 'policy.rules.scopeDepartmentHint')}>
              <Select
                value={rules.staffing_scope}
                onValueChange={(x) => set('staffing_scope', x as RulesForm['staffing_scope'])}
                options={[
                  { value: 'TEAM', label: t('policy.rules.scope.TEAM') },
                  { value: 'DEPARTMENT', label: t('policy.rules.scope.DEPARTMENT') },
                ]}
                data-testid="policy-rules-scope"
              />
            </Field>
            <Field label={t('policy.rules.limit')} hint={t('policy.rules.limitHint')} error={error('rules_staffing_limit')} required>
              <Input inputMode="numeric" value={rules.staffing_limit} onChange={(e) => set('staffing_limit', e.target.value)} data-testid="policy-rules-limit" />
            </Field>
          </div>
        )}
      </div>
    </Section>
  );
}
