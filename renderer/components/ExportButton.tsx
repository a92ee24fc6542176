import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ExportSelection, MethodOutput } from '../../electron/core/contract';
import { errorMessage } from '../app/error-message';
import { describeFilters } from '../app/filter-words';
import { useCore } from '../stores/core-store';
import { JobProgressLine, useJobProgress } from './JobProgress';

type Format = ExportResult['format'];
type Preview = MethodOutput<'exports.preview'>;

/**
 * "导出" for a table: says which filters apply and how many rows will be written, then exports
 * exactly those to Excel or CSV on the core's worker thread; shows progress against the total with
 * cancel, then "open file" / "show in folder" in the desktop app or a download link in browser mode.
 */
export function ExportButton({ selection, testId }: { selection: ExportSelection; testId: string }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('xlsx');
  const [fileName, setFileName] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preview = usePreview(open, selection, format, result);
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
      <Modal open={open} title={t('exports.title', { table: t(`exports.tables.${selection.table}`) })} footer={null} onCancel={close} width={580}>
        <ExportScope selection={selection} preview={preview} />
        <Form layout="vertical">
          <Form.Item label={t('exports.format')}>
            <Radio.Group
              value={format}
              onChange={(e) => setFormat(e.target.value as Format)}
              disabled={jobId !== null}
              data-testid="export-format"
              options={[
                { value: 'xlsx', label: t('exports.xlsx') },
                { value: 'csv', label: t('exports.csv') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('exports.fileName')} extra={t('exports.fileNameHelp', { example: preview?.fileName ?? '' })}>
            <Input
              value={fileName}
              onChange={(e) => setFileName(e.target.value)}
              disabled={jobId !== null}
              placeholder={preview?.fileName ?? t('exports.fileNamePlaceholder')}
              data-testid="export-file-name"
            />
          </Form.Item>
        </Form>
        {jobId ? (
          <JobProgressLine progress={progress} onCancel={() => void client!.call('jobs.cancel', { jobId })} testId="export-progress" />
        ) : (
          <Button type={result ? 'default' : 'primary'} disabled={preview?.rows === 0} onClick={() => void start()} data-testid="export-start">
            {result ? t('exports.again') : t('exports.start')}
          </Button>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="export-error" />}
        {result && <ExportDone result={result} />}
      </Modal>
    </>
  );
}

/** The preview, read again when the dialog opens, the format changes or an export finishes (the next name moves on). */
function usePreview(open: boolean, selection: ExportSelection, format: Format, result: ExportResult | null): Preview | null {
  const client = useCore((s) => s.client);
  const [preview, setPreview] = useState<Preview | null>(null);
  const key = JSON.stringify(selection);
  useEffect(() => {
    if (!open || !client) return;
    let current = true;
    void client.call('exports.preview', { selection: JSON.parse(key) as ExportSelection, format }).then((p) => current && setPreview(p));
    return () => {
      current = false;
    };
  }, [open, client, key, format, result]);
  return open ? preview : null;
}

/** Which rows: the filters in words, how many rows, and what Seller Center's rules leave out. */
function ExportScope({ selection, preview }: { selection: ExportSelection; preview: Preview | null }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const filters = describeFilters(selection.filters as Record<string, string | number | boolean | undefined>, timeZone, selection.table);
  return (
    <Alert
      type={preview?.rows === 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="export-scope"
      message={preview ? t(preview.rows === 0 ? 'exports.nothing' : 'exports.willWrite', { rows: preview.rows.toLocaleString() }) : t('exports.counting')}
      description={
        <>
          <div data-testid="export-filters">{filters.length ? t('exports.filters', { filters: filters.join('；') }) : t('exports.noFilters')}</div>
          {preview?.leftOut.map((left) => (
            <div key={left.reason} data-testid="export-left-out-preview">
              {t(`exports.leftOut.${left.reason}`, { rows: left.rows.toLocaleString() })}
            </div>
          ))}
          {selection.table === 'orders' && <div>{t('exports.ordersRule')}</div>}
        </>
      }
    />
  );
}

function ExportDone({ result }: { result: ExportResult }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const desktop = useCore((s) => s.info?.host === 'electron');
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
            <Button type="primary" onClick={() => show('open')}>
              {t('exports.openFile')}
            </Button>
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
