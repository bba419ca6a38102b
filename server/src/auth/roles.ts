/** Token roles, each allowing what the one before it does: Viewers read, Editors change, Admins configure. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/**
 * Token scopes: a scoped token may call only the routes that list its scope (RouteDef.scopes),
 * whatever its role allows elsewhere. backups:ingest is what a backup host holds to report its
 * runs and restore tests (docs/backups.md): a stolen one can add reports, never read incidents.
 */
export const SCOPES = ['backups:ingest'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who made a request: the token, plus the Grafana user when it came through the plugin proxy. */
export interface Caller {
  tokenId: string;
  tokenName: string;
  role: Role;
  /** null: an ordinary token, limited by its role only */
  scope?: Scope | null | undefined;
  grafanaUser?: string | undefined;
  /** what the timeline records: `alice via grafana`, or the token name alone */
  actor: string;
}
