import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { formatShare } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { useNow } from '../../app/use-now';
import { CellTag } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { OFFER_COLORS, REQUIREMENT_COLORS, validityDays } from './offer-format';
import { offerTerms, TimeLeft } from './OfferCells';
import { SalesHistory, useSalesDetail } from './SalesParts';

type Detail = MethodOutput<'requirements.get'>;
export type Requirement = Detail['requirement'];

/**
 * One 客户需求: every field, the time left to accept it, the actions its state allows (接收 from
 * 待接收, 转化 from 已接收, 创建商家优惠 from 需求转化中), the offers made from it, and its history.
 */
export function RequirementDrawer({
  requirementId,
  refresh,
  onClose,
  onChanged,
  onOpenOffer,
  onCreateOffer,
}: {
  requirementId: string;
  /** Moves when the page changed something (an offer created from it). */
  refresh: number;
  onClose: () => void;
  onChanged: () => void;
  onOpenOffer: (offerId: string) => void;
  onCreateOffer: (requirement: Requirement) => void;
}) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const now = useNow();
  // an offer created from it (the form closes, the page reloads) changes it too
  const { detail, problem, busy, run } = useSalesDetail((c) => c.call('requirements.get', { requirementId }), requirementId, onChanged, refresh);

  const move = async (action: 'accept' | 'convert') => {
    const done = t(action === 'accept' ? 'requirements.accepted' : 'requirements.converted');
    const method = action === 'accept' ? 'requirements.accept' : 'requirements.convert';
    await run(() => client!.call(method, { requirementId }), done);
  };

  const requirement = detail?.requirement;
  const time = (ms: number | null) => (ms === null ? '-' : formatTime(ms, timeZone));
  return (
    <Drawer open size={720} title={t('requirements.drawerTitle', { id: requirementId })} onClose={onClose} data-testid="requirement-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && requirement && (
        <div className="sales-drawer" data-state={requirement.state} data-path={detail.path}>
          {requirement.state === 'to_accept' && <Alert type="info" showIcon message={t('requirements.lapseRule')} />}
          <Descriptions
            column={2}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}
            data-testid="requirement-fields"
          >
            <Descriptions.Item label={t('requirements.fields.requirementId')}>
              <Typography.Text copyable translate="no">
                {requirement.requirementId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.state')}>
              <span data-testid="requirement-state" data-state={requirement.state}>
                <CellTag color={REQUIREMENT_COLORS[requirement.state]}>{t(`vocab.requirementState.${requirement.state}`)}</CellTag>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.providerName')} span={2}>
              {requirement.providerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.customerName')}>{requirement.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.customerAccount')}>
              <span translate="no">{requirement.customerAccount ?? '-'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.productName')} span={2}>
              {requirement.productName}
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.expectedShare')}>{formatShare(requirement.expectedShare)}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.maxShare')}>{formatShare(requirement.maxShare)}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.createdAt')}>{time(requirement.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.timeLeft')}>
              <TimeLeft row={requirement} now={now} />
            </Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.lapsesAt')}>{time(requirement.lapsesAt)}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.origin')}>{t(`sales.origins.${requirement.origin}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requirements.fields.updatedAt')} span={2}>
              {time(requirement.updatedAt)}
            </Descriptions.Item>
          </Descriptions>
          {(requirement.state === 'to_accept' || requirement.state === 'accepted' || requirement.state === 'converting') && (
            <Space wrap data-testid="requirement-actions">
              {requirement.state === 'to_accept' && (
                <Button type="primary" loading={busy} onClick={() => void move('accept')} data-testid="requirement-accept">
                  {t('requirements.accept')}
                </Button>
              )}
              {requirement.state === 'accepted' && (
                <Button type="primary" loading={busy} onClick={() => void move('convert')} data-testid="requirement-convert">
                  {t('requirements.convert')}
                </Button>
              )}
              {requirement.state === 'converting' && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreateOffer(requirement)} data-testid="requirement-create-offer">
                  {t('requirements.createOffer')}
                </Button>
              )}
            </Space>
          )}
          <Typography.Title level={5}>{t('requirements.offersTitle')}</Typography.Title>
          <RequirementOffers offers={detail.offers} onOpen={onOpenOffer} />
          <Typography.Title level={5}>{t('sales.history')}</Typography.Title>
          <SalesHistory section="requirement" history={detail.history} />
        </div>
      )}
    </Drawer>
  );
}

function RequirementOffers({ offers, onOpen }: { offers: Detail['offers']; onOpen: (offerId: string) => void }) {
  const { t } = useTranslation();
  if (offers.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requirements.noOffers')} style={{ margin: 0 }} />;
  return (
    <Table
      size="small"
      rowKey="offerId"
      pagination={false}
      dataSource={offers}
      data-testid="requirement-offers"
      onRow={(offer) => ({ onClick: () => onOpen(offer.offerId), className: 'sales-row-link' })}
      columns={[
        { key: 'name', title: t('offers.fields.name'), render: (_, o) => o.name, ellipsis: true },
        { key: 'terms', title: t('offers.fields.terms'), width: 100, render: (_, o) => offerTerms(o, t) },
        { key: 'share', title: t('offers.fields.share'), width: 80, render: (_, o) => formatShare(o.share) },
        { key: 'validity', title: t('offers.fields.validity'), width: 200, render: (_, o) => validityDays(o.validFrom, o.validUntil) },
        {
          key: 'state',
          title: t('offers.fields.state'),
          width: 80,
          render: (_, o) => <CellTag color={OFFER_COLORS[o.state]}>{t(`vocab.offerState.${o.state}`)}</CellTag>,
        },
      ]}
    />
  );
}
