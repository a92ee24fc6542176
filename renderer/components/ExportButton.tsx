import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ExportSelection } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';
import { JobProgressLine, useJobProgress } from './JobProgress';
import { errorMessage } from '../app/error-message';

type Format = ExportResult['format'];

/**
 * "导出" for a table: exports exactly what its current filters select, to Excel or CSV, on the
 * core's worker thread; shows progress with cancel, then "open file" / "show in folder" in the
 * desktop app or a download link in browser mode.
 */
export function ExportButton({ selection, testId }: { selection: ExportSelection; testId: string }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const host = useCore((s) => s.info?.host);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('xlsx');
  const [fileName, setFileName] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useJobProgress(jobId);

  const start = async () => {
    const id = `export:${crypto.randomUUID()}`;
    setResult(null);
    setError(null);
    setJobId(id);
    try {
      setResult(await client!.call('exports.start', { selection, format, jobId: id, ...(fileName.trim() ? { fileName: fileName.trim() } : {}) }));
    } catch (e) {
      setError(errorMessage(e, t('exports.cancelled')));
    } finally {
      setJobId(null);
    }
  };
  const close = () => {
    if (jobId) return; // a running export is cancelled with its own button, not by closing the dialog
    setOpen(false);
    setResult(null);
    setError(null);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={testId}>
        {t('exports.button')}
      </Button>
      <Modal open={open} title={t('exports.title', { table: t(`exports.tables.${selection.table}`) })} footer={null} onCancel={close} width={560}>
        <Form layout="vertical">
          <Form.Item label={t('exports.format')}>
            <Radio.Group
              value={format}
              onChange={(e) => setFormat(e.target.value as Format)}
              disabled={jobId !== null}
              data-testid="export-format"
              options={[
                { value: 'xlsx', label: 'Excel (.xlsx)' },
                { value: 'csv', label: 'CSV (UTF-8)' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('exports.fileName')} extra={t('exports.fileNameHelp')}>
            <Input
              value={fileName}
              onChange={(e) => setFileName(e.target.value)}
              disabled={jobId !== null}
              placeholder={t('exports.fileNamePlaceholder')}
              data-testid="export-file-name"
            />
          </Form.Item>
        </Form>
        {selection.table === 'orders' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('exports.ordersRule')} />}
        {jobId ? (
          <JobProgressLine progress={progress} onCancel={() => void client!.call('jobs.cancel', { jobId })} testId="export-progress" />
        ) : (
          <Button type="primary" onClick={() => void start()} data-testid="export-start">
            {t('exports.start')}
          </Button>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="export-error" />}
        {result && <ExportDone result={result} desktop={host === 'electron'} />}
      </Modal>
    </>
  );
}

function ExportDone({ result, desktop }: { result: ExportResult; desktop: boolean }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const show = (how: 'open' | 'reveal') => void client!.call('exports.showFile', { fileName: result.fileName, how });
  return (
    <div style={{ marginTop: 12 }} data-testid="export-result">
      <Alert
        type="success"
        showIcon
        message={t('exports.done', { rows: result.rows.toLocaleString(), file: result.fileName })}
        description={
          <Typography.Text type="secondary" copyable={{ text: result.filePath }}>
            {result.filePath}
          </Typography.Text>
        }
      />
      {result.leftOut.map((left) => (
        <Alert
          key={left.reason}
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="export-left-out"
          message={t(`exports.leftOut.${left.reason}`, { rows: left.rows.toLocaleString() })}
        />
      ))}
      <Space style={{ marginTop: 8 }}>
        {desktop ? (
          <>
            <Button onClick={() => show('open')}>{t('exports.openFile')}</Button>
            <Button onClick={() => show('reveal')}>{t('exports.showInFolder')}</Button>
          </>
        ) : (
          <Button type="primary" href={`./api/exports/${encodeURIComponent(result.fileName)}`} download={result.fileName} data-testid="export-download">
            {t('exports.download')}
          </Button>
        )}
      </Space>
    </div>
  );
}
