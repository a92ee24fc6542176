import { Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageCache, type PageFetcher } from './page-cache';
import './big-table.css';

export interface BigColumn<Row> {
  key: string;
  title: string;
  width: number;
  render: (row: Row) => ReactNode;
}

interface BigTableProps<Row> {
  columns: BigColumn<Row>[];
  /** Rows matching the filters; `exact: false` shows "N+". */
  total: { count: number; exact: boolean } | null;
  fetchPage: PageFetcher<Row>;
  rowKey: (row: Row) => string;
  onRowClick?: (row: Row) => void;
  height?: number;
  testId?: string;
}

const ROW_HEIGHT = 36;
/** Browsers cap an element's height near 16–33 million px; beyond this the scrollbar is scaled. */
const MAX_SCROLL_PX = 8_000_000;

/**
 * One big-table component for every review page: fixed row height, a page cache, keyset pages from
 * the core, a sticky header with resizable columns, and a scrollbar that reaches the last of a
 * million rows (scaled when the list is taller than the browser allows).
 */
export function BigTable<Row>({ columns, total, fetchPage, rowKey, onRowClick, height = 560, testId }: BigTableProps<Row>) {
  const { t } = useTranslation();
  const cache = useMemo(() => new PageCache(fetchPage), [fetchPage]);
  const [widths, setWidths] = useState(() => columns.map((c) => c.width));
  const [firstRow, setFirstRow] = useState(0);
  const [version, setVersion] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const count = total?.count ?? 0;
  const visible = Math.ceil(height / ROW_HEIGHT) + 1;
  const naturalHeight = count * ROW_HEIGHT;
  const spacerHeight = Math.min(naturalHeight, MAX_SCROLL_PX);
  const scaled = naturalHeight > MAX_SCROLL_PX;

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const maxScroll = Math.max(1, spacerHeight - height);
    const lastFirst = Math.max(0, count - visible + 1);
    const first = scaled ? Math.round((element.scrollTop / maxScroll) * lastFirst) : Math.floor(element.scrollTop / ROW_HEIGHT);
    setFirstRow(Math.min(first, lastFirst));
  }, [count, height, scaled, spacerHeight, visible]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setFirstRow(0);
  }, [cache]);

  useEffect(() => {
    if (count === 0) return;
    let current = true;
    void cache.ensure(firstRow, Math.min(count - 1, firstRow + visible)).then(() => current && setVersion((v) => v + 1));
    return () => {
      current = false;
    };
  }, [cache, count, firstRow, visible]);

  const template = widths.map((w) => `${w}px`).join(' ');
  const fullWidth = widths.reduce((sum, w) => sum + w, 0);
  const rows = Array.from({ length: Math.max(0, Math.min(visible, count - firstRow)) }, (_, i) => firstRow + i);
  const offsetInSpacer = scaled ? (scroller.current?.scrollTop ?? 0) : firstRow * ROW_HEIGHT;
  return (
    <div className="big-table" data-testid={testId} data-total={total?.count ?? ''} data-version={version} data-first-row-loaded={count === 0 || cache.row(firstRow) !== undefined}>
      <div className="big-table-frame">
      <div className="big-table-header" style={{ gridTemplateColumns: template, width: fullWidth }}>
        {columns.map((column, i) => (
          <div key={column.key} className="big-table-cell">
            {column.title}
            <ResizeHandle onResize={(delta) => setWidths((w) => w.map((x, k) => (k === i ? Math.max(60, x + delta) : x)))} />
          </div>
        ))}
      </div>
      <div ref={scroller} className="big-table-body" style={{ height, width: fullWidth }} onScroll={onScroll} data-testid={testId && `${testId}-scroller`}>
        <div style={{ height: spacerHeight, position: 'relative' }}>
          <div style={{ position: 'absolute', top: offsetInSpacer, left: 0, right: 0 }}>
            {rows.map((index) => {
              const row = cache.row(index);
              return (
                <div key={row ? rowKey(row) : `loading-${index}`} className="big-table-row" style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
                  data-row-index={index} onClick={row && onRowClick ? () => onRowClick(row) : undefined}>
                  {row ? columns.map((column) => <div key={column.key} className="big-table-cell">{column.render(row)}</div>) : <div className="big-table-cell big-table-loading">…</div>}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      </div>
      <Typography.Text type="secondary" data-testid={testId && `${testId}-count`}>
        {t('table.rows', { count: total ? (total.exact ? total.count.toLocaleString() : `${total.count.toLocaleString()}+`) : '…' })}
      </Typography.Text>
    </div>
  );
}

function ResizeHandle({ onResize }: { onResize: (delta: number) => void }) {
  const start = (event: React.MouseEvent) => {
    let x = event.clientX;
    const move = (e: MouseEvent) => {
      onResize(e.clientX - x);
      x = e.clientX;
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  return <span className="big-table-resize" onMouseDown={start} />;
}
