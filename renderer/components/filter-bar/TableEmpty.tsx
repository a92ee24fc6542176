import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What an empty table says. Nothing in the cache yet: what this list is and how to fill it (the
 * page's 同步 / 导入 actions). Rows exist but none match: say so, with 清除筛选.
 */
export function TableEmpty({ filtered, what, actions, onClearFilters }: { filtered: boolean; what: string; actions: ReactNode; onClearFilters: () => void }) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <div className="table-empty" data-testid="table-empty" data-kind="no-match">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('filters.noMatch')} />
        <Button type="primary" onClick={onClearFilters} data-testid="clear-filters">
          {t('filters.clear')}
        </Button>
      </div>
    );
  }
  return (
    <div className="table-empty" data-testid="table-empty" data-kind="no-data">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('filters.noData', { what })} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'center' }}>{actions}</div>
    </div>
  );
}
