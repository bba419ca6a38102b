import type { Request } from 'express';
import { ApiError } from './errors';

/**
 * A 401 must never travel back through Grafana's plugin proxy: Grafana's frontend (backend_srv's
 * handleStreamError) takes a 401 from a same-origin URL as the end of its own session, pings
 * /api/login/ping and sends the request again, so a write would run twice and the user would
 * never learn which setting is wrong. Grafana's proxy always sets X-Grafana-Context; behind it,
 * a refused token becomes a 403 that names the app setting to fix (reads use the viewer token,
 * writes the editor token, as the routes in plugin.json do).
 */
export function asSeenThroughGrafana(req: Request, e: ApiError): ApiError {
  if (e.status !== 401 || !req.get('x-grafana-context')) return e;
  const setting = req.method === 'GET' || req.method === 'HEAD' ? 'viewer token' : 'editor token';
  return new ApiError(
    403,
    'grafana_token_rejected',
    `the OpsDesk app's ${setting} was refused (${e.message}); an Org Admin sets it in Grafana under Administration → Plugins → OpsDesk → Configuration`,
    [{ setting: setting === 'viewer token' ? 'viewerToken' : 'editorToken' }],
  );
}
