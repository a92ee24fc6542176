import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { SUBMISSION_COLORS, VOUCHER_COLORS } from '../offers/offer-format';
import { OutcomeRecorder, SalesHistory, SubmissionSheetView, useSalesDetail, useSpecNames, validityText } from '../offers/SalesParts';
import { voucherRule } from './voucher-text';

/**
 * One 代金券: its terms, products, validity, state and review, its history, and what it allows —
 * 提交 a draft, 停止 a published one that has not ended; on the local path the submission sheet and,
 * once submitted in Seller Center, recording its outcome.
 */
export function VoucherDrawer({ voucherId, onClose, onChanged }: { voucherId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { detail, problem, busy, run, client } = useSalesDetail((c) => c.call('vouchers.get', { voucherId }), voucherId, onChanged);
  const specNames = useSpecNames('vouchers');

  const voucher = detail?.voucher;
  const local = detail?.path === 'local';
  const stoppable = voucher?.submission === 'published' && (voucher.state === 'not_started' || voucher.state === 'active');
  return (
    <Drawer open size={720} title={voucher ? t('vouchers.drawerTitle', { name: voucher.name }) : voucherId} onClose={onClose} data-testid="voucher-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && voucher && (
        <div className="sales-drawer" data-state={voucher.state} data-submission={voucher.submission} data-path={detail.path}>
          {local && detail.sheet && (voucher.submission === 'draft' || voucher.submission === 'submitted') && (
            <Alert type="info" showIcon message={t('sales.localDrawerNote', { menuPath: detail.sheet.menuPath })} />
          )}
          {voucher.submission === 'rejected' && voucher.reason && <Alert type="error" showIcon message={`${t('vouchers.fields.reason')}：${voucher.reason}`} />}
          <Descriptions
            column={2}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}
            data-testid="voucher-fields"
          >
            <Descriptions.Item label={t('vouchers.fields.name')} span={2}>
              {voucher.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.voucherId')}>
              <Typography.Text copyable translate="no">
                {voucher.voucherId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.voucherType')}>{t(`vocab.voucherType.${voucher.voucherType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.terms')}>{voucherRule(voucher, t)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.category')}>{t(`vocab.productType.${voucher.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.threshold')}>{formatFen(voucher.thresholdFen)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.discount')}>{formatFen(voucher.discountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.validity')} span={2}>
              {validityText(voucher.validFrom, voucher.validUntil)}
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.state')}>
              <span data-testid="voucher-state" data-state={voucher.state}>
                <CellTag color={VOUCHER_COLORS[voucher.state]}>{t(`vocab.voucherState.${voucher.state}`)}</CellTag>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.submission')}>
              <span data-testid="voucher-submission" data-submission={voucher.submission}>
                <CellTag color={SUBMISSION_COLORS[voucher.submission]}>{t(`vocab.voucherSubmission.${voucher.submission}`)}</CellTag>
              </span>
            </Descriptions.Item>
            {voucher.stoppedAt !== null && (
              <Descriptions.Item label={t('vouchers.fields.stoppedAt')} span={2}>
                {formatTime(voucher.stoppedAt, timeZone)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('vouchers.fields.origin')}>{t(`sales.origins.${voucher.origin}`)}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.fields.updatedAt')}>{formatTime(voucher.updatedAt, timeZone)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('vouchers.fields.scope')}</Typography.Title>
          <Table
            size="small"
            rowKey={(s) => `${s.productId}/${s.skuCode ?? ''}`}
            pagination={false}
            dataSource={voucher.scope}
            data-testid="voucher-scope"
            columns={[
              { key: 'product', title: t('offers.fields.productName'), render: (_, s) => s.productName ?? s.productId },
              {
                key: 'sku',
                title: t('offers.fields.sku'),
                width: 220,
                render: (_, s) =>
                  s.skuCode ? (specNames.get(`${s.productId}/${s.skuCode}`) ?? <span translate="no">{s.skuCode}</span>) : t('vouchers.wholeProduct'),
              },
            ]}
          />
          {(voucher.submission === 'draft' || stoppable) && (
            <Space wrap data-testid="voucher-actions">
              {voucher.submission === 'draft' && (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void run(() => client!.call('vouchers.submit', { voucherId }), t('vouchers.submitted'))}
                  data-testid="voucher-submit"
                >
                  {t('vouchers.submit')}
                </Button>
              )}
              {stoppable && (
                <Popconfirm
                  title={t('vouchers.stopConfirm')}
                  okText={t('vouchers.stop')}
                  cancelText={t('sales.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => run(() => client!.call('vouchers.stop', { voucherId }), t('vouchers.stopped'))}
                >
                  <Button danger loading={busy} data-testid="voucher-stop">
                    {t('vouchers.stop')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          {local && voucher.submission === 'submitted' && (
            <OutcomeRecorder
              busy={busy}
              onRecord={(outcome, reason) =>
                run(() => client!.call('vouchers.recordOutcome', { voucherId, outcome, ...(reason ? { reason } : {}) }), t('sales.outcome.done'), 'record')
              }
            />
          )}
          {detail.sheet && <SubmissionSheetView sheet={detail.sheet} />}
          <Typography.Title level={5}>{t('sales.history')}</Typography.Title>
          <SalesHistory section="voucher" history={detail.history} />
        </div>
      )}
    </Drawer>
  );
}
