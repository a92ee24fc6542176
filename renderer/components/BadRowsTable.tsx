import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BadRow } from '../../electron/core/contract';
import { badRowText, fieldName } from '../app/error-message';

/** Every bad row of an imported file or a form, in the one shape all imports report: row, the file's column, what is wrong. */
export function BadRowsTable({ problems, testId = 'bad-rows' }: { problems: BadRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
      dataSource={problems}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid={testId}
      columns={[
        { title: t('imports.row'), dataIndex: 'row', width: 80 },
        { title: t('imports.column'), key: 'column', width: 160, render: (_: unknown, row: BadRow) => fieldName(row.column) },
        { title: t('imports.reason'), key: 'reason', render: (_: unknown, row: BadRow) => badRowText(row) },
      ]}
    />
  );
}
