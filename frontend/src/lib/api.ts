// Thin fetch wrapper: same-origin `/api/...`, Bearer auth, the contract's error shape.
import { authHeaders } from './session';
import type { ApiErrorBody, Page } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly detail: unknown;
  /** The stable rule name of the refusal (e.g. `insufficient_balance`); lib/errors.ts turns it into a sentence. */
  code?: string;
  /** Machine-readable data of the refusal (`available_minutes`, …). */
  context?: Record<string, unknown>;
  fields?: { field: string; message?: string }[];

  constructor(status: number, message: string, detail?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, String(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "session expired" (the sign-in call itself). */
  anonymous?: boolean;
  headers?: Record<string, string>;
}

export function apiUrl(path: string, query?: Query): string {
  return `/api${path}${buildQuery(query)}`;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const message =
    (body && typeof body.error === 'string' && body.error) ||
    (res.status === 401
      ? 'Your session has ended. Please sign in again.'
      : res.status === 403
        ? 'You are not allowed to do that.'
        : res.status === 404
          ? 'Not found.'
          : res.status === 429
            ? 'Too many attempts. Please wait a moment and try again.'
            : `Request failed (${res.status}).`);
  const error = new ApiError(res.status, message, body?.detail);
  const extra = (body ?? {}) as { code?: unknown; context?: unknown; fields?: unknown };
  if (typeof extra.code === 'string') error.code = extra.code;
  if (extra.context && typeof extra.context === 'object') error.context = extra.context as Record<string, unknown>;
  if (Array.isArray(extra.fields)) error.fields = extra.fields as ApiError['fields'];
  return error;
}

export async function apiRequest<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (!opts.anonymous) Object.assign(headers, authHeaders());
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !opts.anonymous) onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => apiRequest<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body }),
  del: <T>(path: string, query?: Query) => apiRequest<T>('DELETE', path, { query }),
};

/** Fetch every page of a paginated list (limit 100), up to `maxItems`. */
export async function fetchAll<T>(path: string, query?: Query, signal?: AbortSignal, maxItems = 2000): Promise<T[]> {
  const items: T[] = [];
  let offset = 0;
  for (;;) {
    const page = await api.get<Page<T>>(path, { ...query, offset, limit: 100 }, signal);
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total || items.length >= maxItems) break;
  }
  return items;
}

/** Download a file with the Bearer token (a plain link cannot carry it), then save the blob. */
export async function downloadFile(path: string, query: Query, fallbackName: string, accept = 'text/csv'): Promise<void> {
  const res = await fetch(apiUrl(path, query), { headers: { Accept: accept, ...authHeaders() } });
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401) onUnauthorized?.();
    throw err;
  }
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Human-readable lines from the error's `detail` (string, list of field errors, or object). */
export function errorDetails(detail: unknown): string[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail === 'string') return [detail];
  if (Array.isArray(detail)) {
    return detail.flatMap((d) => {
      if (typeof d === 'string') return [d];
      if (d && typeof d === 'object') {
        const o = d as Record<string, unknown>;
        const field = o.field ?? (Array.isArray(o.loc) ? (o.loc as unknown[]).filter((x) => x !== 'body').join('.') : undefined);
        const msg = o.message ?? o.msg ?? o.error;
        if (msg) return [field ? `${String(field)}: ${String(msg)}` : String(msg)];
        return [JSON.stringify(d)];
      }
      return [String(d)];
    });
  }
  if (typeof detail === 'object') {
    return Object.entries(detail as Record<string, unknown>).map(([k, v]) =>
      `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
    );
  }
  return [String(detail)];
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export const companyPath = (companyId: string, rest: string) => `/companies/${companyId}${rest}`;
