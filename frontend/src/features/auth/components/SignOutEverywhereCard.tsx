// Account page: end every session of one's own account (every device, this one too), then sign
// out here as well — the API has already made this tab's token worthless.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { FormError } from '@/components/ui/states';

export function SignOutEverywhereCard() {
  const t = useT();
  const { signOut } = useAuth();
  const everywhere = useMutation({
    mutationFn: () => api.post<void>('/auth/sign-out-everywhere'),
    onSuccess: signOut,
  });
  return (
    <Card className="mt-6" data-testid="sign-out-everywhere-card">
      <CardTitle>{t('signIn.everywhere.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('signIn.everywhere.intro')}</p>
      <div className="mt-4 space-y-3">
        <FormError error={everywhere.error} />
        <Button variant="danger" loading={everywhere.isPending} onClick={() => everywhere.mutate()} data-testid="sign-out-everywhere">
          {t('signIn.everywhere.title')}
        </Button>
      </div>
    </Card>
  );
}
