import { z } from 'zod';
import { ROLES, SCOPES } from './roles';

export const tokenName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'expected 1-63 lowercase letters, digits, dots, dashes or underscores, e.g. grafana',
  );

export const roleSchema = z.enum(ROLES).meta({ id: 'Role', description: 'viewer < editor < admin' });

export const scopeSchema = z.enum(SCOPES).meta({
  id: 'TokenScope',
  description:
    'a scoped token may call only the routes listing its scope (x-opsdesk-scopes in this document); backups:ingest: report backup runs and restore tests',
});

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    grafanaPlugin: z
      .boolean()
      .describe(
        'the Grafana app plugin token: only it may name the Grafana user (X-Grafana-Context) in the timeline',
      ),
    scope: scopeSchema.nullable().describe('null: an ordinary token, limited by its role only'),
    createdAt: z.string(),
    createdBy: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });
export type TokenInfo = z.infer<typeof tokenSchema>;

export const createTokenBody = z
  .strictObject({
    name: tokenName,
    role: roleSchema,
    /** the token the Grafana app plugin sends: its X-Grafana-Context / X-Grafana-User name the actor */
    grafanaPlugin: z.boolean().default(false),
    /** limits the token to the routes of this scope (a backup host's ingest token) */
    scope: scopeSchema.optional(),
  })
  .meta({ id: 'CreateTokenBody' });
export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) }).meta({ id: 'TokenList' });
/** The secret appears only in this response, once. */
export const createdTokenSchema = tokenSchema
  .extend({ token: z.string().describe('the secret, shown this once: store it now') })
  .meta({ id: 'CreatedToken' });
