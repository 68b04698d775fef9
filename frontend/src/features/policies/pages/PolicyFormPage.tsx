import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { todayIso } from '@/lib/format';
import { keys } from '@/lib/queries';
import type { Page, Policy, PolicyVersion } from '@/lib/types';
import { policyLabel } from '@/lib/units';
import { useIntl } from 'react-intl';
import { PageHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { PolicyForm } from '../components/PolicyForm';
import { emptyPolicyForm, formToSettings, settingsToForm, type PolicyFormValues } from '../validation';

export default function PolicyFormPage() {
  const { pid } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const creating = !pid;
  const intl = useIntl();
  const policy = useQuery({
    queryKey: keys.policy(me.company_id, pid ?? ''),
    queryFn: () => api.get<Policy>(companyPath(me.company_id, `/policies/${pid}`)),
    enabled: !creating,
  });
  const save = useMutation({
    mutationFn: async (v: PolicyFormValues): Promise<{ policy: Policy; saved?: PolicyVersion }> => {
      const version = {
        effective_from: v.effective_from,
        settings: formToSettings(v),
        ...(v.change_reason.trim() ? { change_reason: v.change_reason.trim() } : {}),
      };
      // "" clears a text on update; on create an empty text is simply left out
      const texts = { name: v.name.trim(), description: v.description.trim() };
      if (creating) {
        const policy = await api.post<Policy>(companyPath(me.company_id, '/policies'), {
          key: v.key.trim(),
          category: v.category,
          version,
          ...(texts.name ? { name: texts.name } : {}),
          ...(texts.description ? { description: texts.description } : {}),
        });
        return { policy };
      }
      const policy = await api.put<Policy>(companyPath(me.company_id, `/policies/${pid}`), { version, ...texts });
      // The answer's current_version is the one in force today: a version scheduled for later is
      // not it, so read the newest version to name what was saved.
      const versions = await api.get<Page<PolicyVersion>>(companyPath(me.company_id, `/policies/${pid}/versions`), { limit: 100 });
      const saved = versions.items.reduce<PolicyVersion | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
      return { policy, saved };
    },
    onSuccess: async ({ policy: p, saved }) => {
      await qc.invalidateQueries({ queryKey: ['policies'] });
      if (creating) toast(intl.formatMessage({ id: 'policy.saved.created' }, { name: policyLabel(p) }));
      else if (saved && saved.id !== p.current_version?.id)
        toast(intl.formatMessage({ id: 'policy.saved.version' }, { version: saved.version, from: new Date(`${saved.effective_from}T00:00:00`) }));
      else toast(intl.formatMessage({ id: 'policy.saved.current' }, { version: saved?.version ?? p.current_version?.version }));
      navigate(`/admin/policies/${p.id}`);
    },
  });

  if (!creating && policy.isPending) return <LoadingState label={intl.formatMessage({ id: 'policy.detail.loading' })} />;
  if (!creating && policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const current = policy.data;
  const base = emptyPolicyForm(todayIso());
  const initial = current
    ? settingsToForm(
        { ...base, key: current.key, name: current.name ?? '', description: current.description ?? '', category: current.category },
        current.current_version.settings,
      )
    : base;

  return (
    <>
      <PageHeader
        title={creating ? intl.formatMessage({ id: 'page.newPolicy' }) : intl.formatMessage({ id: 'policy.edit.title' }, { name: policyLabel(current) })}
        description={intl.formatMessage({ id: creating ? 'policy.new.description' : 'policy.edit.description' })}
      />
      <PolicyForm
        key={current?.current_version?.id ?? 'new'}
        initial={initial}
        creating={creating}
        policyId={pid}
        previousEffectiveFrom={current?.current_version?.effective_from}
        submitting={save.isPending}
        submitError={save.error}
        onSubmit={(v) => save.mutate(v)}
        onCancel={() => navigate(creating ? '/admin/policies' : `/admin/policies/${pid}`)}
      />
    </>
  );
}
