export type CellTagColor = 'default' | 'green' | 'gold' | 'blue' | 'red' | 'orange';

/** A status tag inside a big-table cell: looks like antd's Tag, costs a span. */
export function CellTag({ color = 'default', children }: { color?: CellTagColor; children: string }) {
  return <span className={color === 'default' ? 'cell-tag' : `cell-tag cell-tag-${color}`}>{children}</span>;
}
