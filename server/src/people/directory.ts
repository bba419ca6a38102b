import type { AppContext } from '../context';
import type { Recipient } from '../notify/types';
import type { PersonConfig } from './config';

/** A person of the configuration as the notification domain mentions them. */
export function recipientOf(p: PersonConfig): Recipient {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    wecomUserId: p.wecom_userid,
    feishuOpenId: p.feishu_open_id,
    dingtalkMobile: p.dingtalk_mobile,
    language: p.language,
  };
}

/** The person with this people-directory id, or undefined. */
export function person(ctx: AppContext, id: string): Recipient | undefined {
  const p = ctx.config.people.find((x) => x.id === id);
  return p ? recipientOf(p) : undefined;
}

/** Everyone holding a role (lead, manager, …), in the order the configuration lists them. */
export function peopleWithRole(ctx: AppContext, role: string): Recipient[] {
  return ctx.config.people.filter((p) => p.roles.includes(role)).map(recipientOf);
}

/**
 * The person a caller is, for acts only that person may do (acknowledging a handover to them).
 * A request through the Grafana app names its Grafana user (login or email): that is the person
 * whose id or email it equals. Any other client is its token: the person whose id is the token's
 * name (so a personal token is named after its owner's id).
 */
export function personOfCaller(
  ctx: AppContext,
  caller: { grafanaUser?: string | undefined; tokenName: string },
): PersonConfig | undefined {
  const people = ctx.config.people;
  if (caller.grafanaUser !== undefined) {
    const u = caller.grafanaUser.toLowerCase();
    return people.find((p) => p.id === u || p.email?.toLowerCase() === u);
  }
  return people.find((p) => p.id === caller.tokenName);
}
