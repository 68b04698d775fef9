import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { todayIso } from '@/lib/format';
import { keys } from '@/lib/queries';
import type { Policy } from '@/lib/types';
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
  const policy = useQuery({
    queryKey: keys.policy(me.company_id, pid ?? ''),
    queryFn: () => api.get<Policy>(companyPath(me.company_id, `/policies/${pid}`)),
    enabled: !creating,
  });
  const save = useMutation({
    mutationFn: (v: PolicyFormValues) => {
      const version = {
        effective_from: v.effective_from,
        settings: formToSettings(v),
        ...(v.change_reason.trim() ? { change_reason: v.change_reason.trim() } : {}),
      };
      return creating
        ? api.post<Policy>(companyPath(me.company_id, '/policies'), { key: v.key.trim(), category: v.category, version })
        : api.put<Policy>(companyPath(me.company_id, `/policies/${pid}`), { version });
    },
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['policies'] });
      toast(creating ? `Policy ${p.key} created` : `Policy ${p.key} updated to v${p.current_version?.version}`);
      navigate(`/admin/policies/${p.id}`);
    },
  });

  if (!creating && policy.isPending) return <LoadingState label="Loading policy…" />;
  if (!creating && policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const current = policy.data;
  const base = emptyPolicyForm(todayIso());
  const initial = current
    ? settingsToForm({ ...base, key: current.key, category: current.category }, current.current_version.settings)
    : base;

  return (
    <>
      <PageHeader
        title={creating ? 'New policy' : `Edit ${current?.key}`}
        description={creating ? 'Define the rules of a new time-off policy.' : 'Saving adds a new version from the chosen date; earlier versions are kept.'}
      />
      <PolicyForm
        key={current?.current_version?.id ?? 'new'}
        initial={initial}
        creating={creating}
        previousEffectiveFrom={current?.current_version?.effective_from}
        submitting={save.isPending}
        submitError={save.error}
        onSubmit={(v) => save.mutate(v)}
        onCancel={() => navigate(creating ? '/admin/policies' : `/admin/policies/${pid}`)}
      />
    </>
  );
}
