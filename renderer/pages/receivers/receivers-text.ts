import type { MethodOutput } from '../../../electron/core/contract';

type T = (key: string, values?: Record<string, string | number>) => string;
export type Category = MethodOutput<'receivers.list'>['categories'][number];
export type Receiver = Category['receivers'][number];

/** A category's name in the seller's language (a category only the source lists keeps its own name). */
export function categoryName(category: Pick<Category, 'code' | 'name'>, t: T): string {
  return t(`receivers.categories.${category.code}`, { defaultValue: category.name });
}
