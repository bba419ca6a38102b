import { z } from 'zod';
import { LANGUAGES } from '../notify/types';

export const personSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    wecomUserId: z.string().nullable(),
    feishuOpenId: z.string().nullable(),
    dingtalkMobile: z.string().nullable(),
    language: z.enum(LANGUAGES),
    roles: z.array(z.string()),
  })
  .meta({ id: 'Person' });
export type PersonOut = z.output<typeof personSchema>;

export const peopleResponseSchema = z.strictObject({ people: z.array(personSchema) }).meta({ id: 'People' });
