import { Alert, Button, Modal, Select, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../electron/core/contract';
import { toBase64 } from '../app/file-base64';
import { useCore } from '../stores/core-store';
import { BadRowsTable } from './BadRowsTable';
import { JobProgressLine, useJobProgress } from './JobProgress';
import { errorMessage } from '../app/error-message';

type ImportResult = MethodOutput<'imports.sellerCenter'>;
type Kind = ImportResult['kind'];

/**
 * Import a Seller Center export by drag and drop or file dialog; unknown headers open a mapping
 * dialog; a running import shows its progress and can be cancelled (the cache is then unchanged).
 */
export function SellerCenterImport({ kind, onImported, testId = `import-${kind}` }: { kind: Kind; onImported: () => void; testId?: string }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useJobProgress(jobId);

  const run = async (chosen: { name: string; base64: string }, withMapping: Record<string, string>) => {
    setError(null);
    setResult(null);
    const id = `import:${crypto.randomUUID()}`;
    setJobId(id);
    try {
      const answer = await client!.call('imports.sellerCenter', { kind, fileName: chosen.name, contentBase64: chosen.base64, mapping: withMapping, jobId: id });
      setResult(answer);
      if (answer.imported > 0) onImported();
    } catch (e) {
      setError(errorMessage(e, t('imports.cancelled')));
    } finally {
      setJobId(null);
    }
  };
  const choose = async (picked: File) => {
    const chosen = { name: picked.name, base64: await toBase64(picked) };
    setFile(chosen);
    setMapping({});
    await run(chosen, {});
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={testId}>
        {t('imports.button')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('imports.title', { kind: t(`imports.kinds.${kind}`) })}
        footer={null}
        onCancel={() => {
          setOpen(false);
          setResult(null);
          setError(null);
        }}
      >
        <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} disabled={jobId !== null} beforeUpload={(f) => (void choose(f), false)}>
          <p>{t('imports.drop')}</p>
        </Upload.Dragger>
        {jobId && (
          <div style={{ marginTop: 12 }}>
            <JobProgressLine progress={progress} onCancel={() => void client!.call('jobs.cancel', { jobId })} testId="import-progress" />
          </div>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="import-error" />}
        {result?.needsMapping && file && (
          <div style={{ marginTop: 12 }}>
            <Alert type="warning" showIcon message={t('imports.needsMapping', { missing: result.needsMapping.missing.join(', ') })} />
            <Table
              size="small"
              pagination={false}
              rowKey="header"
              style={{ marginTop: 8 }}
              dataSource={result.needsMapping.headers.map((header) => ({ header }))}
              columns={[
                { title: t('imports.column'), dataIndex: 'header' },
                {
                  title: t('imports.field'),
                  key: 'field',
                  render: (_: unknown, { header }: { header: string }) => (
                    <Select
                      allowClear
                      style={{ width: 200 }}
                      defaultValue={result.needsMapping!.mapping[header] ?? undefined}
                      options={result.needsMapping!.fields.map(({ field, label }) => ({ value: field, label }))}
                      onChange={(field) => setMapping((m) => ({ ...m, [header]: field }))}
                    />
                  ),
                },
              ]}
            />
            <Button type="primary" style={{ marginTop: 8 }} onClick={() => void run(file, mapping)}>
              {t('imports.retry')}
            </Button>
          </div>
        )}
        {result && !result.needsMapping && (
          <div style={{ marginTop: 12 }} data-testid="import-result">
            <Alert
              type={result.refused ? 'error' : 'success'}
              showIcon
              message={
                result.refused ? t('imports.refused', { count: result.problems.length }) : t('imports.done', { rows: result.rows, imported: result.imported })
              }
              description={result.encoding ? t('imports.encoding', { encoding: result.encoding }) : undefined}
            />
            {result.problems.length > 0 && <BadRowsTable problems={result.problems} testId="import-problems" />}
          </div>
        )}
      </Modal>
    </>
  );
}
