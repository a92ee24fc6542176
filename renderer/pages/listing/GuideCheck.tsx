import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { GUIDE_EXTENSIONS, GUIDE_MAX_BYTES, guideFileProblem, type ListingKind } from '../../../electron/core/conventions';
import { errorMessage, reasonMessage } from '../../app/error-message';
import { toBase64 } from '../../app/file-base64';
import { formatTime } from '../../app/format-time';
import { useCore } from '../../stores/core-store';
import { byteSize } from '../agents/check-text';

export type GuideCheck = MethodOutput<'listing.checkGuide'>;

const ACCEPT = GUIDE_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * 上传使用指南: the file is refused at once when Seller Center would refuse it (type, 20 MB, empty),
 * in the core's words; otherwise it is read and checked for the product (kept) or the kind (not).
 */
export function GuideUpload({
  productId,
  kind,
  onChecked,
  testId = 'listing-guide-upload',
}: {
  productId?: string;
  kind?: ListingKind;
  onChecked: (check: GuideCheck) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const check = async (file: File) => {
    setProblem(null);
    const refused = guideFileProblem(file.name, file.size);
    // the core decides too; a file it would refuse is not read into memory first (same words as the core's)
    if (refused) {
      setProblem(reasonMessage(`listing.${refused.reason}`, refused.params));
      return;
    }
    setReading(file.name);
    try {
      const contentBase64 = await toBase64(file);
      const result = await client!.call('listing.checkGuide', {
        ...(productId ? { productId } : { kind: kind! }),
        fileName: file.name,
        contentBase64,
      });
      onChecked(result);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setReading(null);
    }
  };
  return (
    <div className="listing-upload" data-testid={testId}>
      <div className="listing-upload-row">
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          disabled={reading !== null || (!productId && !kind)}
          beforeUpload={(file) => {
            void check(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} type="primary" disabled={reading !== null || (!productId && !kind)} data-testid={`${testId}-button`}>
            {t('listing.guide.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary" className="listing-upload-rule">
          <span translate="no">{GUIDE_EXTENSIONS.join('/')}</span> · ≤ {GUIDE_MAX_BYTES / 1024 / 1024}MB
        </Typography.Text>
      </div>
      {reading && (
        <div className="listing-reading">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('listing.guide.checking', { fileName: reading })}</Typography.Text>
        </div>
      )}
      {problem && <Alert type="error" showIcon message={problem} data-testid="listing-guide-refused" />}
    </div>
  );
}

/** A guide check: passed, missing items (in the seed's words) or not read, each item with its evidence. */
export function GuideCheckView({ check, testId = 'listing-guide-result' }: { check: GuideCheck; testId?: string }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const type = check.passed ? 'success' : check.notChecked ? 'warning' : 'error';
  const verdict = check.passed
    ? t('listing.guide.passed')
    : check.notChecked
      ? `${t('listing.guide.notChecked')}：${reasonMessage(check.notChecked.reason, check.notChecked.params)}`
      : t('listing.guide.failed');
  return (
    <div className="listing-guide" data-testid={testId} data-passed={check.passed} data-extracted={check.extracted}>
      <Alert
        type={type}
        showIcon
        message={verdict}
        description={t('listing.guide.file', { fileName: check.fileName, size: byteSize(check.size), time: formatTime(check.checkedAt, timeZone) })}
      />
      <ul className="listing-items">
        {check.items.map((item) => {
          const state = item.covered === null ? 'unchecked' : item.covered ? 'covered' : 'missing';
          return (
            <li key={item.item} className={`listing-item listing-item-${state}`} data-testid={`listing-item-${item.item}`} data-state={state}>
              <span className="listing-item-icon">
                {state === 'covered' ? (
                  <CheckCircleFilled className="agents-ok" />
                ) : state === 'missing' ? (
                  <CloseCircleFilled className="agents-bad" />
                ) : (
                  <MinusCircleOutlined className="agents-skipped" />
                )}
              </span>
              <div className="listing-item-text">
                <div>
                  <strong>{t(`listing.guideItems.${item.item}`)}</strong>
                  <span className="listing-item-state">{t(`listing.guide.${state}`)}</span>
                </div>
                {item.evidence && (
                  <blockquote className="listing-evidence" translate="no" title={t('listing.guide.evidence')}>
                    {item.evidence}
                  </blockquote>
                )}
                {item.message && <div className="listing-item-message">{item.message}</div>}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
