import { ImportOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage, reasonText } from '../../app/error-message';
import { toBase64 } from '../../app/file-base64';
import { i18n } from '../../i18n';
import { useCore } from '../../stores/core-store';
import type { PlanItem } from './PlanSettingsDialog';

type Problem = MethodOutput<'planning.readFile'>['problems'][number];

/**
 * 导入: a plan file (XLSX/CSV, one row per product — the file 导出 writes) read by the core. Every bad
 * cell is listed with its row and column and nothing is loaded; a clean file's plans open in the
 * 商业规划设置 form, to be checked and submitted there.
 */
export function PlanImportButton({ onPlans }: { onPlans: (items: PlanItem[]) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [reading, setReading] = useState(false);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const read = async (file: File) => {
    setReading(true);
    try {
      const answer = await client!.call('planning.readFile', { fileName: file.name, contentBase64: await toBase64(file) });
      if (answer.problems.length > 0) setProblems(answer.problems);
      else if (answer.plans.length === 0) void message.warning(t('planning.readFile.empty'));
      else onPlans(answer.plans);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setReading(false);
    }
  };
  return (
    <>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<ImportOutlined />} loading={reading} data-testid="plan-import">
          {t('planning.import')}
        </Button>
      </Upload>
      <Modal
        open={problems !== null}
        width={680}
        title={t('planning.readFile.title')}
        footer={null}
        onCancel={() => setProblems(null)}
        destroyOnHidden
        data-testid="plan-import-problems"
      >
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('planning.readFile.problems', { count: problems?.length ?? 0 })} />
        <Table
          size="small"
          rowKey={(p) => `${p.row}/${p.column}/${p.reason}`}
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={problems ?? []}
          columns={[
            { key: 'row', title: t('planning.readFile.row'), width: 70, render: (_, p) => p.row },
            { key: 'column', title: t('planning.readFile.column'), width: 160, render: (_, p) => columnName(p.column) },
            { key: 'reason', title: t('planning.readFile.reason'), render: (_, p) => reasonText(p.reason, p.params) },
          ]}
        />
      </Modal>
    </>
  );
}

/** A column the core names by its field (gmv0: 当年GMV(元)) in words; a header from the file as it is. */
function columnName(column: string): string {
  return i18n.exists(`planning.columns.${column}`) ? i18n.t(`planning.columns.${column}`) : column;
}
