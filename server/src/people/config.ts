import { z } from 'zod';
import { LANGUAGES } from '../notify/types';

/**
 * The people directory: each person once, with the id each platform mentions them by, so an
 * @-mention in WeCom, Feishu or DingTalk notifies them and an email reaches them in their language.
 */
export const personSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'expected lower-case letters, digits, ., - or _, e.g. zhang.san'),
  name: z.string().min(1),
  email: z.string().email().optional(),
  /** WeCom userid, mentioned as <@userid> */
  wecom_userid: z.string().optional(),
  /** Feishu open_id (ou_…), mentioned as <at id=…> */
  feishu_open_id: z.string().optional(),
  /** DingTalk mobile, mentioned in at.atMobiles and as @mobile in the text */
  dingtalk_mobile: z
    .string()
    .regex(/^\+?[0-9-]{5,20}$/, 'expected a mobile number, e.g. 13800000000')
    .optional(),
  phone: z.string().optional(),
  language: z.enum(LANGUAGES).default('zh-Hans'),
  /** what the person is to the contract: escalation steps name roles (lead, manager) */
  roles: z.array(z.string()).default([]),
});
export type PersonConfig = z.output<typeof personSchema>;

export const peopleSchema = z.array(personSchema).default([]);
