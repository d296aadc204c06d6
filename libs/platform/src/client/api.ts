/**
 * The pages' calls to the /v1 API (desk, portal) with the signed-in key as Bearer: error messages,
 * and one hook for a key the API stops accepting (the page signs out).
 */

/** The key of this tab's session (set by the page's sign-in, null when signed out). */
export const credentials = { key: null as string | null };

/** A failed API call: the server's message and the HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface ApiResult<T> {
  status: number;
  data: T;
}

let unauthorized: (message: string, reason: string) => void = () => undefined;

/** What to do when the API stops accepting the key (the session signs out): an English sentence, and the server's reason for a page with its own words. */
export function onUnauthorized(handler: (message: string, reason: string) => void): void {
  unauthorized = handler;
}

/** The readable message of an error answer (Nest's `message`, validation `errors`, or the status). */
export function messageOf(data: unknown, fallback: string): string {
  if (!data) return fallback;
  const d = data as { message?: unknown; error?: unknown; errors?: unknown };
  const m = d.message !== undefined ? d.message : d.error;
  if (Array.isArray(m)) return m.join('; ');
  if (m && typeof m === 'object') return JSON.stringify(m);
  if (Array.isArray(d.errors)) {
    return d.errors.map((e: unknown) => (typeof e === 'string' ? e : (e as { message?: string }).message || JSON.stringify(e))).join('; ');
  }
  return (m as string) || fallback;
}

/** Calls the /v1 API with the session's key as Bearer; rejects with an ApiError on any non-2xx answer. */
export async function api<T = any>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Authorization: 'Bearer ' + credentials.key, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
  const text = await res.text();
  let data: any = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { message: text.slice(0, 300) };
    }
  }
  if (!res.ok) {
    const err = new ApiError(messageOf(data, res.status + ' ' + res.statusText), res.status);
    if (res.status === 401 && credentials.key) unauthorized('Your key was not accepted (' + err.message + '). Sign in again.', err.message);
    throw err;
  }
  return { status: res.status, data };
}

/** The error's message and status, whatever was thrown. */
export function failure(err: unknown): { message: string; status?: number } {
  if (err instanceof ApiError) return { message: err.message, status: err.status };
  return { message: err instanceof Error ? err.message : String(err) };
}
