import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PageCache, type PageFetcher } from './page-cache';
import { scrollWindow } from './scroll-window';
import './big-table.css';

export interface BigColumn<Row> {
  key: string;
  title: string;
  /** Starting width; never narrower than MIN_COLUMN_PX when resized. */
  width: number;
  /** Called for every visible cell on every scroll frame: keep it cheap (text, or a CellTag). */
  render: (row: Row) => ReactNode;
  /** The row field the core sorts by when this column's header is clicked (sortable columns only). */
  sortField?: string;
  align?: 'start' | 'end';
}

export interface TableSort {
  field: string;
  direction: 'asc' | 'desc';
}

interface BigTableProps<Row> {
  columns: BigColumn<Row>[];
  /** Rows matching the filters; `exact: false` shows "N+". */
  total: { count: number; exact: boolean } | null;
  fetchPage: PageFetcher<Row>;
  onRowClick?: (row: Row) => void;
  /** The column sort in force (null: the list's own order) and how to change it. */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort | null) => void;
  /** Shown instead of rows when nothing matches (what to do next). */
  empty?: ReactNode;
  /** Beside the row count: totals of the filtered rows. */
  summary?: ReactNode;
  testId?: string;
}

const MIN_COLUMN_PX = 72;
const HEADER_PX = 37;

/**
 * One big-table component for every review page: fixed row height, a page cache, keyset pages from
 * the core, a sticky header with resizable and sortable columns, and a scrollbar that reaches the
 * last of a million rows (scaled when the list is taller than the browser allows). It takes the
 * height its page leaves it, so the row count and the horizontal scrollbar stay in the window.
 *
 * Scrolling re-renders a fixed set of row slots in place (slot i shows row first + i), so a frame
 * changes text, never creates or removes row elements.
 */
export function BigTable<Row>({ columns, total, fetchPage, onRowClick, sort = null, onSortChange, empty, summary, testId }: BigTableProps<Row>) {
  const { t } = useTranslation();
  const cache = useMemo(() => new PageCache(fetchPage), [fetchPage]);
  const [widths, setWidths] = useState(() => columns.map((c) => c.width));
  const [scrollTop, setScrollTop] = useState(0);
  const [version, setVersion] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const [frame, height] = useAvailableHeight();
  const known = total?.count ?? null;
  // the first page is asked for together with the count; until the count arrives, its rows show, and
  // until either arrives a screenful of loading rows: a filter change rewrites the rows' text in place
  // instead of removing every row and building them again
  const count = known ?? cache.firstPageRows() ?? scrollWindow(0, height, 0).slots;
  const view = scrollWindow(count, height, scrollTop);

  // rows for the new position are drawn in the same frame as the scroll, not a task later
  const onScroll = useCallback(() => flushSync(() => setScrollTop(scroller.current?.scrollTop ?? 0)), []);

  // new filters start at the top: state is reset while rendering, not by an effect and a second render
  const [shown, setShown] = useState({ cache, scrolledAway: false });
  if (shown.cache !== cache) {
    setShown({ cache, scrolledAway: scrollTop !== 0 });
    setScrollTop(0);
  }
  useLayoutEffect(() => {
    if (shown.scrolledAway && scroller.current) scroller.current.scrollTop = 0;
  }, [shown]);

  useEffect(() => {
    if (known === 0) return;
    let current = true;
    const last = view.firstRow + view.slots - 1;
    void cache.ensure(view.firstRow, known === null ? last : Math.min(known - 1, last)).then(() => current && setVersion((v) => v + 1));
    return () => {
      current = false;
    };
  }, [cache, known, view.firstRow, view.slots]);

  const template = widths.map((w) => `${w}px`).join(' ');
  const fullWidth = widths.reduce((sum, w) => sum + w, 0);
  const slots = Math.max(0, Math.min(view.slots, count - view.firstRow));
  const sortBy = useMemo(() => onSortChange && ((field: string) => onSortChange(nextSort(sort, field))), [sort, onSortChange]);
  const resize = useCallback((column: number, delta: number) => setWidths((w) => w.map((x, k) => (k === column ? Math.max(MIN_COLUMN_PX, x + delta) : x))), []);
  // translated once, not on every scroll frame
  const sortHint = useMemo(() => t('table.sortHint'), [t]);
  const rowCount = useMemo(
    () => t('table.rows', { count: total ? (total.exact ? total.count.toLocaleString() : `${total.count.toLocaleString()}+`) : '…' }),
    [t, total],
  );
  return (
    <div
      className="big-table"
      data-testid={testId}
      data-total={total?.count ?? ''}
      data-version={version}
      data-first-row-loaded={count === 0 || cache.row(view.firstRow) !== undefined}
    >
      <div className="big-table-frame" ref={frame}>
        <div className="big-table-header" style={{ gridTemplateColumns: template, width: fullWidth }}>
          {columns.map((column, i) => (
            <HeaderCell
              key={column.key}
              column={column}
              index={i}
              direction={column.sortField && sort?.field === column.sortField ? sort.direction : null}
              onSort={column.sortField ? sortBy : undefined}
              sortHint={sortHint}
              onResize={resize}
            />
          ))}
        </div>
        {known === 0 && empty ? (
          <div className="big-table-empty" style={{ height }} data-testid={testId && `${testId}-empty`}>
            {empty}
          </div>
        ) : (
          <div ref={scroller} className="big-table-body" style={{ height, width: fullWidth }} onScroll={onScroll} data-testid={testId && `${testId}-scroller`}>
            <div style={{ height: view.spacerHeight, position: 'relative' }}>
              <div className="big-table-rows" style={{ transform: `translateY(${view.offsetInSpacer}px)` }}>
                {Array.from({ length: slots }, (_, slot) => (
                  <BigTableRow
                    key={slot}
                    index={view.firstRow + slot}
                    row={cache.row(view.firstRow + slot)}
                    columns={columns}
                    template={template}
                    onRowClick={onRowClick}
                  />
                ))}
              </div>
            </div>
          </div>
        )}
      </div>
      <div className="big-table-footer">
        {/* a plain span, not antd's Typography: it is drawn again on every filter change */}
        <span className="big-table-count" data-testid={testId && `${testId}-count`}>
          {rowCount}
        </span>
        {summary}
      </div>
    </div>
  );
}

/**
 * The rows' height: what the page leaves the table (its frame grows to fill the page body), less
 * the header and the horizontal scrollbar when there is one.
 */
function useAvailableHeight(): [(element: HTMLDivElement | null) => void, number] {
  const [height, setHeight] = useState(360);
  const observer = useRef<ResizeObserver | null>(null);
  const frame = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const measure = () => setHeight(Math.max(3 * 36, element.clientHeight - HEADER_PX));
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
    measure();
  }, []);
  return [frame, height];
}

function nextSort(sort: TableSort | null, field: string): TableSort | null {
  return sort?.field !== field ? { field, direction: 'desc' } : sort.direction === 'desc' ? { field, direction: 'asc' } : null;
}

/** A header cell is drawn again only when its sort or width changes, not on every scroll frame or answer. */
const HeaderCell = memo(HeaderCellContent) as typeof HeaderCellContent;

function HeaderCellContent<Row>({
  column,
  index,
  direction,
  onSort,
  sortHint,
  onResize,
}: {
  column: BigColumn<Row>;
  index: number;
  direction: 'asc' | 'desc' | null;
  onSort: ((field: string) => void) | undefined;
  sortHint: string;
  onResize: (column: number, delta: number) => void;
}) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : onSort ? 'none' : undefined;
  return (
    <div
      className={onSort ? 'big-table-cell big-table-sortable' : 'big-table-cell'}
      style={column.align === 'end' ? { textAlign: 'end' } : undefined}
      role="columnheader"
      aria-sort={ariaSort}
      title={onSort ? sortHint : undefined}
      onClick={onSort && (() => onSort(column.sortField!))}
      data-testid={`column-${column.key}`}
    >
      {column.title}
      {onSort && <span className={direction ? 'big-table-sort-mark big-table-sort-active' : 'big-table-sort-mark'}>{direction === 'asc' ? '▲' : '▼'}</span>}
      <ResizeHandle onResize={(delta) => onResize(index, delta)} />
    </div>
  );
}

/** A row whose cells did not change (the count or the 合计 arrived) is not drawn again. */
const BigTableRow = memo(BigTableRowCells) as typeof BigTableRowCells;

function BigTableRowCells<Row>({
  index,
  row,
  columns,
  template,
  onRowClick,
}: {
  index: number;
  row: Row | undefined;
  columns: BigColumn<Row>[];
  template: string;
  onRowClick?: (row: Row) => void;
}) {
  return (
    <div
      className={row ? 'big-table-row' : 'big-table-row big-table-loading'}
      style={{ gridTemplateColumns: template }}
      data-row-index={index}
      onClick={row && onRowClick ? () => onRowClick(row) : undefined}
    >
      {columns.map((column, i) => (
        <div key={column.key} className="big-table-cell" style={column.align === 'end' ? { textAlign: 'end' } : undefined}>
          {row ? column.render(row) : i === 0 ? '…' : null}
        </div>
      ))}
    </div>
  );
}

function ResizeHandle({ onResize }: { onResize: (delta: number) => void }) {
  const start = (event: React.MouseEvent) => {
    event.stopPropagation();
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
  return <span className="big-table-resize" onMouseDown={start} onClick={(e) => e.stopPropagation()} />;
}
