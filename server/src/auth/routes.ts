import { z } from 'zod';
import type { Db } from '../db';
import { defineRoute } from '../http/routes';
import { createdTokenSchema, createTokenBody, tokenListSchema, tokenName } from './schema';
import { createToken, revokeToken } from './service';
import { tokenStore, toTokenInfo } from './store';

export function tokenRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/tokens',
      summary: 'List API tokens (never their secrets)',
      tag: 'tokens',
      role: 'admin',
      response: tokenListSchema,
      handler: async () => ({ tokens: (await tokenStore.list(db)).map(toTokenInfo) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/tokens',
      summary: 'Create an API token; the secret is in this response only',
      tag: 'tokens',
      role: 'admin',
      status: 201,
      body: createTokenBody,
      response: createdTokenSchema,
      errors: [409, 422],
      handler: ({ body, caller }) =>
        createToken(db, body.name, body.role, caller.actor, undefined, {
          grafanaPlugin: body.grafanaPlugin,
          scope: body.scope,
        }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/tokens/:name',
      summary: 'Revoke an API token',
      tag: 'tokens',
      role: 'admin',
      params: z.object({ name: tokenName }),
      response: z.object({ revoked: z.string() }),
      errors: [409],
      handler: async ({ params }) => {
        await revokeToken(db, params.name);
        return { revoked: params.name };
      },
    }),
  ];
}
