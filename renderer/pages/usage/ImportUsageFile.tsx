import { Alert, Button, Checkbox, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { toBase64 } from '../../app/file-base64';
import { useCore } from '../../stores/core-store';
import { BadRowsTable } from '../../components/BadRowsTable';

/** Import a CSV, XLSX or JSON Lines file; a file with bad rows is refused whole unless "valid rows only". */
export function ImportUsageFile() {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [validOnly, setValidOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MethodOutput<'usage.importFile'> | null>(null);
  const [reconciled, setReconciled] = useState<MethodOutput<'usage.reconcile'> | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const contentBase64 = await toBase64(file);
      setResult(await client!.call('usage.importFile', { fileName: file.name, contentBase64, queueValidOnly: validOnly }));
    } finally {
      setBusy(false);
    }
  };

  const reconcile = async (file: File) => {
    setReconciled(await client!.call('usage.reconcile', { fileName: file.name, contentBase64: await toBase64(file) }));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
        {t('usage.validOnly')}
      </Checkbox>
      <Upload accept=".csv,.xlsx,.jsonl,.ndjson" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
        <Button loading={busy} data-testid="usage-import-button">
          {t('usage.chooseFile')}
        </Button>
      </Upload>
      {result && (
        <div data-testid="usage-import-result">
          {result.refused ? (
            <Alert type="error" showIcon message={t('usage.importRefused', { count: result.problems.length })} />
          ) : (
            <Alert
              type={result.problems.length ? 'warning' : 'success'}
              showIcon
              message={t('usage.importResult', { rows: result.rows, queued: result.queued })}
              description={result.encoding ? t('imports.encoding', { encoding: result.encoding }) : undefined}
            />
          )}
          {result.problems.length > 0 && <BadRowsTable problems={result.problems} testId="usage-problems" />}
        </div>
      )}
      <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => (void reconcile(file), false)}>
        <Button data-testid="usage-reconcile-button">{t('usage.reconcile')}</Button>
      </Upload>
      {reconciled && (
        <div data-testid="usage-reconcile-result">
          <Alert
            type={reconciled.unmatched.length ? 'warning' : 'success'}
            showIcon
            message={t('usage.reconciled', { rows: reconciled.rows, marked: reconciled.marked, unmatched: reconciled.unmatched.length })}
          />
          {reconciled.unmatched.length > 0 && <BadRowsTable problems={reconciled.unmatched} testId="usage-problems" />}
        </div>
      )}
    </Space>
  );
}
