import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

/** Every bad row of a capture: row number, field, and what was expected. */
export function ProblemsTable({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.row}-${p.field}-${p.reason}`}
      dataSource={problems}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="usage-problems"
      columns={[
        { title: t('usage.row'), dataIndex: 'row', width: 80 },
        { title: t('usage.field'), dataIndex: 'field', width: 160 },
        { title: t('usage.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
