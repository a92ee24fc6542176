/**
 * Seller Center's rule for a file the seller uploads: which extensions it takes, how large the file
 * may be, and that it is not empty. 交付凭证 (supervision.ts) and 使用指南 (listing.ts) each state
 * their own list and limit; the check is written once here.
 */
export interface UploadRule {
  extensions: readonly string[];
  maxBytes: number;
}

export type UploadProblemKind = 'type' | 'size' | 'empty';

/** Why a file is refused by `rule` (by its name and size), or null when it is taken: type first, then empty, then size. */
export function uploadProblem(fileName: string, size: number, rule: UploadRule): { kind: UploadProblemKind; params: Record<string, string | number> } | null {
  const extension = fileExtension(fileName);
  if (!rule.extensions.includes(extension)) return { kind: 'type', params: { fileName, extension, allowed: rule.extensions.join('/') } };
  if (size === 0) return { kind: 'empty', params: { fileName } };
  if (size > rule.maxBytes) return { kind: 'size', params: { fileName, size, maxMb: rule.maxBytes / 1024 / 1024 } };
  return null;
}

/** The part after the last dot, lower case ('' when there is none). */
export function fileExtension(fileName: string): string {
  return /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}
