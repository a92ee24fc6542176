import { z } from 'zod';
import { hasControlCharacters, termCodes, type CodeOf, type VocabularyGroup } from '../conventions';

/** What every paged list shares: product types, keyset paging, counts. */
/** A code of the shared vocabulary (conventions/vocabulary.ts), so the schema and the words never drift. */
export const vocabEnum = <G extends VocabularyGroup>(group: G) => z.enum(termCodes(group) as [CodeOf<G>, ...CodeOf<G>[]]);
export const productTypeSchema = vocabEnum('productType');
export const pageKeySchema = z.object({ time: z.number().int(), id: z.string() });
export const pagingInput = {
  limit: z.number().int().min(1).max(500).default(100),
  /** Continue after this row (keyset); takes precedence over offset. */
  after: pageKeySchema.nullable().default(null),
  /** Jump to this row index (used when the scrollbar is dragged far). */
  offset: z.number().int().min(0).max(10_000_000).default(0),
};
export const countSchema = z.object({ count: z.number().int(), exact: z.boolean() });
export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), next: pageKeySchema.nullable() });

/** A file's name as the seller's computer gives it: no folders needed, no control characters (NUL breaks every file API). */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !hasControlCharacters(name), 'a file name without control characters');
