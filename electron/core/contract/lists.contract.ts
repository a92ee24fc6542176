import { z } from 'zod';
import { hasControlCharacters, termCodes, type CodeOf, type VocabularyGroup } from '../conventions';

/** What every paged list shares: product types, keyset paging, counts. */
/** A code of the shared vocabulary (conventions/vocabulary.ts), so the schema and the words never drift. */
export const vocabEnum = <G extends VocabularyGroup>(group: G) => z.enum(termCodes(group) as [CodeOf<G>, ...CodeOf<G>[]]);
export const productTypeSchema = vocabEnum('productType');
/** Where the next page starts: the last row's sort value and id. */
export const pageKeySchema = z.object({ value: z.union([z.number(), z.string().max(256)]).nullable(), id: z.string().max(256) });
/** A column header's sort: one of the list's sortable fields, ascending or descending (null: the list's default order). */
export const sortInput = <F extends string>(fields: readonly [F, ...F[]]) =>
  z
    .object({ field: z.enum(fields), direction: z.enum(['asc', 'desc']) })
    .nullable()
    .default(null);
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
  .refine((name) => !hasControlCharacters(name), { message: 'a file name without control characters', params: { reason: 'controlCharacters' } });
