import { z } from 'zod';

/** Duty rosters (值班): filled in by the on-call domain. */
export const oncallSchema = z.strictObject({}).prefault({});
export type OncallConfig = z.output<typeof oncallSchema>;
