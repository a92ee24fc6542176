/**
 * The local path (design.md §11): what the seller enters in Seller Center by hand — the exact values
 * in the Seller Center's field order, each copyable, and the menu path to enter them.
 */
export interface SubmissionSheet {
  menuPath: string;
  fields: { label: string; value: string }[];
}

/** Whether the source takes this section's submissions (the sandbox does; KooGallery has no such API). */
export type SalesPath = 'act' | 'local';
