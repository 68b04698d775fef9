// Admin (issue 26): new invitation links for everyone who has not accepted theirs yet, by e-mail.
// The old links stop working. Needs a recent sign-in (the API answers 403 otherwise).
import { useMutation } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';

export function ResendInvitationsCard() {
  const t = useT();
  const me = useMe();
  const resend = useMutation({
    mutationFn: () => api.post<{ resent: number }>(companyPath(me.company_id, '/invitations/resend')),
    onSuccess: (r) => toast(t('invitations.resent', { count: r.resent })),
  });
  return (
    <Card className="mt-6 max-w-4xl" data-testid="resend-invitations">
      <CardTitle>{t('invitations.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('invitations.intro')}</p>
      <FormError error={resend.error} />
      {resend.isSuccess && (
        <p role="status" className="mt-2 text-sm" data-testid="resend-invitations-result">
          {t('invitations.resent', { count: resend.data.resent })}
        </p>
      )}
      <Button
        className="mt-3"
        variant="secondary"
        loading={resend.isPending}
        onClick={() => window.confirm(t('invitations.confirm')) && resend.mutate()}
        data-testid="resend-invitations-button"
      >
        {t('invitations.resend')}
      </Button>
    </Card>
  );
}
