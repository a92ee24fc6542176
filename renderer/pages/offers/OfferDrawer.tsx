import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { OFFER_COLORS } from './offer-format';
import { offerTerms } from './OfferCells';
import { OutcomeRecorder, SalesHistory, SubmissionSheetView, useSalesDetail, useSpecNames, validityText } from './SalesParts';

/**
 * One 商家优惠: every field, its history, and what its state allows — 提交 a draft, 撤回 one submitted
 * or in force; on the local path the submission sheet for Seller Center and, once submitted there,
 * recording Seller Center's outcome.
 */
export function OfferDrawer({ offerId, onClose, onChanged }: { offerId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { detail, problem, busy, run, client } = useSalesDetail((c) => c.call('offers.get', { offerId }), offerId, onChanged);
  const specNames = useSpecNames('offers');

  const offer = detail?.offer;
  const local = detail?.path === 'local';
  return (
    <Drawer open size={720} title={offer ? t('offers.drawerTitle', { name: offer.name }) : offerId} onClose={onClose} data-testid="offer-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && offer && (
        <div className="sales-drawer" data-state={offer.state} data-path={detail.path}>
          {local && detail.sheet && (offer.state === 'draft' || offer.state === 'submitted') && (
            <Alert type="info" showIcon data-testid="offer-local-note" message={t('sales.localDrawerNote', { menuPath: detail.sheet.menuPath })} />
          )}
          {offer.state === 'rejected' && offer.reason && <Alert type="error" showIcon message={`${t('offers.fields.reason')}：${offer.reason}`} />}
          <Descriptions
            column={2}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}
            data-testid="offer-fields"
          >
            <Descriptions.Item label={t('offers.fields.name')} span={2}>
              {offer.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.offerId')}>
              <Typography.Text copyable translate="no">
                {offer.offerId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.state')}>
              <span data-testid="offer-state" data-state={offer.state}>
                <CellTag color={OFFER_COLORS[offer.state]}>{t(`vocab.offerState.${offer.state}`)}</CellTag>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.customerName')}>{offer.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.customerAccount')}>
              <span translate="no">{offer.customerAccount ?? '-'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.productName')}>{offer.productName}</Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.sku')}>
              {offer.skuCode ? (specNames.get(`${offer.productId}/${offer.skuCode}`) ?? <span translate="no">{offer.skuCode}</span>) : t('offers.allSkus')}
            </Descriptions.Item>
            <Descriptions.Item label={offer.discountRate !== null ? t('offers.fields.discount') : t('offers.fields.price')}>
              {offerTerms(offer, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.source')}>
              {offer.requirementId ? (
                <span>
                  {t('offers.sources.requirement')} <span translate="no">{offer.requirementId}</span>
                </span>
              ) : (
                t('offers.sources.direct')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('offers.fields.validity')} span={2}>
              {validityText(offer.validFrom, offer.validUntil)}
            </Descriptions.Item>
            {offer.providerName && (
              <>
                <Descriptions.Item label={t('offers.fields.providerName')}>{offer.providerName}</Descriptions.Item>
                <Descriptions.Item label={t('offers.fields.share')}>{formatShare(offer.share)}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t('offers.fields.createdAt')}>{formatTime(offer.createdAt, timeZone)}</Descriptions.Item>
            <Descriptions.Item label={t('sales.updatedAt')}>{formatTime(offer.updatedAt, timeZone)}</Descriptions.Item>
          </Descriptions>
          {(offer.state === 'draft' || offer.state === 'submitted' || offer.state === 'accepted') && (
            <Space wrap data-testid="offer-actions">
              {offer.state === 'draft' && (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void run(() => client!.call('offers.submit', { offerId }), t('offers.submitted'))}
                  data-testid="offer-submit"
                >
                  {t('offers.submit')}
                </Button>
              )}
              {(offer.state === 'submitted' || offer.state === 'accepted') && (
                <Popconfirm
                  title={t('offers.withdrawConfirm')}
                  okText={t('offers.withdraw')}
                  cancelText={t('sales.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => run(() => client!.call('offers.withdraw', { offerId }), t('offers.withdrawn'))}
                >
                  <Button danger loading={busy} data-testid="offer-withdraw">
                    {t('offers.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          {local && offer.state === 'submitted' && (
            <OutcomeRecorder
              busy={busy}
              onRecord={(outcome, reason) =>
                run(() => client!.call('offers.recordOutcome', { offerId, outcome, ...(reason ? { reason } : {}) }), t('sales.outcome.done'), 'record')
              }
            />
          )}
          {detail.sheet && <SubmissionSheetView sheet={detail.sheet} />}
          <Typography.Title level={5}>{t('sales.history')}</Typography.Title>
          <SalesHistory section="offer" history={detail.history} />
        </div>
      )}
    </Drawer>
  );
}
