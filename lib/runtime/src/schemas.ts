import { z } from 'zod';

/** A regular expression's source, refused when it does not compile. */
export const regexSchema = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
