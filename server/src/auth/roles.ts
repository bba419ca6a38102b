/** Token roles, each allowing what the one before it does: Viewers read, Editors change, Admins configure. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Who made a request: the token, plus the Grafana user when it came through the plugin proxy. */
export interface Caller {
  tokenId: string;
  tokenName: string;
  role: Role;
  grafanaUser?: string | undefined;
  /** what the timeline records: `alice via grafana`, or the token name alone */
  actor: string;
}
