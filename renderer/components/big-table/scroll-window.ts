export const ROW_HEIGHT = 36;
/** Browsers cap an element's height near 16–33 million px; beyond this the scrollbar is scaled. */
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollWindow {
  /** The first row drawn. */
  firstRow: number;
  /** How many row slots the viewport needs (one more than fits, for the partly visible row). */
  slots: number;
  /** Height of the scrolled content: the rows' natural height, capped at MAX_SCROLL_PX. */
  spacerHeight: number;
  /** Where the drawn rows sit inside the scrolled content. */
  offsetInSpacer: number;
}

/**
 * Which rows a viewport of `height` px shows at `scrollTop`. Up to MAX_SCROLL_PX the content is the
 * rows' natural height; beyond it the scrollbar is scaled so its full travel maps onto every row, and
 * the rows are drawn at the top of the viewport.
 */
export function scrollWindow(count: number, height: number, scrollTop: number): ScrollWindow {
  const slots = Math.ceil(height / ROW_HEIGHT) + 1;
  const naturalHeight = count * ROW_HEIGHT;
  const spacerHeight = Math.min(naturalHeight, MAX_SCROLL_PX);
  const lastFirst = Math.max(0, count - slots + 1);
  if (naturalHeight <= MAX_SCROLL_PX) {
    const firstRow = Math.min(Math.floor(scrollTop / ROW_HEIGHT), lastFirst);
    return { firstRow, slots, spacerHeight, offsetInSpacer: firstRow * ROW_HEIGHT };
  }
  const maxScroll = Math.max(1, spacerHeight - height);
  const firstRow = Math.min(Math.round((Math.min(scrollTop, maxScroll) / maxScroll) * lastFirst), lastFirst);
  return { firstRow, slots, spacerHeight, offsetInSpacer: Math.min(scrollTop, maxScroll) };
}
