import { z } from 'zod';
import { method } from './define';

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  /** Folder holding the local cache (seller-desk.sqlite) and logs. */
  dataDir: z.string(),
  /** `electron`, `browser` (npm run web) or `test` (in-process). */
  host: z.enum(['electron', 'browser', 'test']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  'app.info': method({
    summary: 'Version, schema version, where data is stored and which host runs the core.',
    input: z.object({}).strict(),
    output: appInfoSchema,
  }),
};
