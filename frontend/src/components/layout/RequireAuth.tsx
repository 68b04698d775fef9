import { useT } from '@/i18n/I18nProvider';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasRole, homePathFor, useAuth } from '@/lib/auth';
import type { Role } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, retry, signOut, sessionEnded } = useAuth();
  const location = useLocation();
  const t = useT();
  if (status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search, expired: sessionEnded || undefined }} />;
  }
  if (status === 'loading') {
    return (
      <div className="mx-auto max-w-md p-8">
        <LoadingState label={t('auth.loading')} />
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="mx-auto max-w-md space-y-3 p-8">
        <ErrorState error={error} onRetry={retry} title={t('auth.loadFailed')} />
        <Button variant="secondary" onClick={signOut}>
          {t('auth.back')}
        </Button>
      </div>
    );
  }
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useAuth();
  if (!hasRole(me, ...roles)) return <Navigate to={me ? homePathFor(me.role) : '/sign-in'} replace />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const { me } = useAuth();
  return <Navigate to={me ? homePathFor(me.role) : '/sign-in'} replace />;
}
