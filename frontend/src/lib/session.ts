// Session storage of the credentials. The token lives in sessionStorage (never
// localStorage): it dies with the tab and is not shared across windows.
import type { Role } from './types';

const TOKEN_KEY = 'powerpto.token';
const PERSONA_KEY = 'powerpto.persona';

export interface DevPersona {
  company_id: string;
  user_id: string;
  role: Role;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function setToken(token: string): void {
  storage()?.setItem(TOKEN_KEY, token);
}

/** Development-only impersonation via X-Company-Id / X-User-Id / X-Role headers. */
export function getPersona(): DevPersona | null {
  if (!import.meta.env.DEV) return null;
  const raw = storage()?.getItem(PERSONA_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as DevPersona;
  } catch {
    return null;
  }
}

export function setPersona(persona: DevPersona): void {
  if (!import.meta.env.DEV) return;
  storage()?.setItem(PERSONA_KEY, JSON.stringify(persona));
}

export function clearSession(): void {
  const s = storage();
  s?.removeItem(TOKEN_KEY);
  s?.removeItem(PERSONA_KEY);
}

export function hasCredentials(): boolean {
  return getToken() !== null || getPersona() !== null;
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  if (token) return { Authorization: `Bearer ${token}` };
  const persona = getPersona();
  if (persona) {
    return { 'X-Company-Id': persona.company_id, 'X-User-Id': persona.user_id, 'X-Role': persona.role };
  }
  return {};
}
