import { z } from 'zod';

/** Bearer tokens an ingest endpoint accepts; use ${ENV} references in the file. */
export const tokensSchema = z.array(z.string().min(16, 'a token needs at least 16 characters')).default([]);

/** The limit of one ingest request's body. */
export const maxBodyBytesSchema = z
  .number()
  .int()
  .min(1024)
  .max(256 * 1024 * 1024)
  .default(16 * 1024 * 1024);

/** A regular expression's source, refused when it does not compile. */
export const regexSchema = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** `time` of an event: ISO 8601 with an offset, or epoch milliseconds. */
export const eventTimeSchema = z.union([z.iso.datetime({ offset: true }), z.number().positive()]).optional();

/**
 * A checker for one decoded event: the event with its time in ms (`now` when it has none), or the
 * reason it is refused, naming the field.
 */
export function eventParser<S extends z.ZodType<{ time?: string | number | undefined }>>(schema: S) {
  return (value: unknown, now: number): (Omit<z.output<S>, 'time'> & { time: number }) | string => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `${issue?.path.join('.') || 'event'}: ${issue?.message}`;
    }
    const t = r.data.time;
    return { ...r.data, time: t === undefined ? now : typeof t === 'number' ? t : Date.parse(t) };
  };
}
