import { locationUtil } from '@grafana/data';
import { PLUGIN_BASE_URL } from '../constants';

/** A route of the app for react-router (`<Link to>`, navigate): Grafana's history adds the sub-path. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** The same route as an href (`<a>`, LinkButton, a new tab), which must carry Grafana's sub-path itself. */
export function appHref(route: string): string {
  return locationUtil.assureBaseUrl(prefixRoute(route));
}
