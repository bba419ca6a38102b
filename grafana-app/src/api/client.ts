import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { PROXY_BASE } from '../constants';

/** What went wrong talking to the server, in terms a page can explain and act on. */
export type ApiErrorKind =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  /** the server refused the token this route sends: an app setting to fix, not the user's role */
  | 'tokenRejected'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly code?: string,
    /** for tokenRejected: which secure setting, viewerToken or editorToken */
    readonly setting?: string
  ) {
    super(message);
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'unreachable';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 413 || status === 422) return 'validation';
  return 'server';
}

/**
 * The one place that builds plugin-proxy URLs: every call goes to
 * /api/plugin-proxy/opsdesk-ops-app/<path>, where Grafana adds the token of the route.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  opts: { params?: Record<string, string | undefined>; data?: unknown } = {}
): Promise<T> {
  const params = Object.fromEntries(
    Object.entries(opts.params ?? {}).filter(([, v]) => v !== undefined && v !== '')
  ) as Record<string, string>;
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<T>({
        url: `${PROXY_BASE}/${path}`,
        method,
        params,
        data: opts.data,
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    return res.data;
  } catch (err) {
    if (isFetchError(err)) {
      const body = err.data as
        | { error?: { code?: string; message?: string; details?: Array<{ setting?: string }> }; message?: string }
        | undefined;
      const message = body?.error?.message ?? body?.message ?? err.statusText ?? 'request failed';
      // The server answers 403 grafana_token_rejected, never 401, behind Grafana's proxy: Grafana's
      // frontend would take a 401 for its own session ending and send the request a second time.
      if (body?.error?.code === 'grafana_token_rejected') {
        throw new ApiError('tokenRejected', err.status, message, body.error.code, body.error.details?.[0]?.setting);
      }
      throw new ApiError(kindOf(err.status ?? 0), err.status ?? 0, message, body?.error?.code);
    }
    throw new ApiError('unreachable', 0, err instanceof Error ? err.message : String(err));
  }
}
