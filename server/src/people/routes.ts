import type { AppContext } from '../context';
import { defineRoute } from '../http/routes';
import { peopleResponseSchema } from './schema';

export function peopleRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/people',
      summary:
        "The people directory (configuration `people`): each person's WeCom userid, Feishu open_id, DingTalk mobile, email, language and roles, so mentions and escalations reach them",
      tag: 'people',
      role: 'viewer',
      response: peopleResponseSchema,
      handler: async () => ({
        people: ctx.config.people.map((p) => ({
          id: p.id,
          name: p.name,
          email: p.email ?? null,
          wecomUserId: p.wecom_userid ?? null,
          feishuOpenId: p.feishu_open_id ?? null,
          dingtalkMobile: p.dingtalk_mobile ?? null,
          language: p.language,
          roles: p.roles,
        })),
      }),
    }),
  ];
}
