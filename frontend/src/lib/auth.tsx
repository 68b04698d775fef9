import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, apiRequest, setUnauthorizedHandler } from './api';
import { clearSession, hasCredentials, setPersona, setToken, type DevPersona } from './session';
import type { LoginResponse, Me, Role } from './types';

interface AuthContextValue {
  me: Me | null;
  /** anonymous: no credentials; loading: checking /auth/me; ready: signed in; error: /auth/me failed (not 401). */
  status: 'anonymous' | 'loading' | 'ready' | 'error';
  error: unknown;
  /** The API refused the stored credentials (401): the sign-in page says the session has ended. */
  sessionEnded: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signInAsPersona: (persona: DevPersona) => Promise<Me>;
  /** Single sign-on: the app's own token, handed over by the API in the URL fragment of /sign-in/sso. */
  signInWithToken: (token: string) => Promise<Me>;
  signOut: () => void;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signedIn, setSignedIn] = useState(hasCredentials());
  const [sessionEnded, setSessionEnded] = useState(false);

  const meQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => api.get<Me>('/auth/me', undefined, signal),
    enabled: signedIn,
    staleTime: 5 * 60_000,
    retry: false,
  });

  const signOut = useCallback(() => {
    clearSession();
    setSignedIn(false);
    setSessionEnded(false);
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  }, [navigate, queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearSession();
      setSignedIn(false);
      // RequireAuth may redirect before the navigation below lands: it reads this to say why too.
      setSessionEnded(true);
      queryClient.clear();
      const here = window.location.pathname + window.location.search;
      navigate('/sign-in', { replace: true, state: here.startsWith('/sign-in') ? undefined : { from: here, expired: true } });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, queryClient]);

  const loadMe = useCallback(async () => {
    setSignedIn(true);
    const me = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => api.get<Me>('/auth/me'), staleTime: 0 });
    return me;
  }, [queryClient]);

  const signInWithToken = useCallback(
    async (token: string) => {
      clearSession();
      queryClient.clear();
      // Checked before it is stored, as an anonymous request: a refused token is the caller's
      // refusal to explain (e.g. the SSO landing page), not an ended session.
      const me = await apiRequest<Me>('GET', '/auth/me', { anonymous: true, headers: { Authorization: `Bearer ${token}` } });
      setToken(token);
      queryClient.setQueryData(ME_KEY, me);
      setSignedIn(true);
      setSessionEnded(false);
      return me;
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const res = await apiRequest<LoginResponse>('POST', '/auth/login', { body: { email, password }, anonymous: true });
      return signInWithToken(res.access_token);
    },
    [signInWithToken],
  );

  const signInAsPersona = useCallback(
    async (persona: DevPersona) => {
      clearSession();
      queryClient.clear();
      setPersona(persona);
      setSessionEnded(false);
      return loadMe();
    },
    [loadMe, queryClient],
  );

  const value = useMemo<AuthContextValue>(() => {
    let status: AuthContextValue['status'] = 'anonymous';
    if (signedIn) {
      if (meQuery.data) status = 'ready';
      else if (meQuery.isError) status = 'error';
      else status = 'loading';
    }
    return {
      me: signedIn ? (meQuery.data ?? null) : null,
      status,
      error: meQuery.error,
      sessionEnded,
      signIn,
      signInAsPersona,
      signInWithToken,
      signOut,
      retry: () => void meQuery.refetch(),
    };
  }, [signedIn, sessionEnded, meQuery, signIn, signInAsPersona, signInWithToken, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in identity; only use below <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('Not signed in');
  return me;
}

export function homePathFor(role: Role): string {
  if (role === 'admin') return '/admin';
  if (role === 'manager') return '/approvals';
  return '/balances';
}

export function hasRole(me: Me | null, ...roles: Role[]): boolean {
  return !!me && roles.includes(me.role);
}
