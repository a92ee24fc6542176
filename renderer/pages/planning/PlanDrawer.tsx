import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { PLANNING_COLORS } from '../offers/offer-format';
import { OutcomeRecorder, SalesHistory, SubmissionSheetView, useSalesDetail } from '../offers/SalesParts';
import type { PlanItem } from './PlanSettingsDialog';

/**
 * One product's 商业规划: the three years, the approval with its reason, the history, 单商品设置; on
 * the local path the submission sheet and, once submitted in Seller Center, recording its approval.
 */
export function PlanDrawer({
  productId,
  refresh,
  onClose,
  onChanged,
  onEdit,
}: {
  productId: string;
  refresh: number;
  onClose: () => void;
  onChanged: () => void;
  onEdit: (item: PlanItem) => void;
}) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { detail, problem, busy, run } = useSalesDetail((c) => c.call('planning.get', { productId }), productId, onChanged, refresh);

  const plan = detail?.plan;
  const local = detail?.path === 'local';
  return (
    <Drawer open size={640} title={plan ? t('planning.drawerTitle', { name: plan.productName }) : productId} onClose={onClose} data-testid="plan-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && plan && (
        <div className="sales-drawer" data-approval={plan.approval} data-path={detail.path}>
          {local && detail.sheet && plan.approval === 'pending_approval' && (
            <Alert type="info" showIcon message={t('sales.localDrawerNote', { menuPath: detail.sheet.menuPath })} />
          )}
          {plan.approval === 'rejected' && plan.reason && <Alert type="error" showIcon message={`${t('planning.fields.reason')}：${plan.reason}`} />}
          <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}>
            <Descriptions.Item label={t('planning.fields.productName')} span={2}>
              {plan.productName}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.fields.productId')} span={2}>
              <Typography.Text copyable translate="no">
                {plan.productId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.fields.approval')}>
              <span data-testid="plan-approval" data-approval={plan.approval}>
                <CellTag color={PLANNING_COLORS[plan.approval]}>{t(`vocab.planningState.${plan.approval}`)}</CellTag>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.fields.submittedAt')}>
              {plan.submittedAt === null ? '-' : formatTime(plan.submittedAt, timeZone)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.fields.origin')}>{t(`sales.origins.${plan.origin}`)}</Descriptions.Item>
            <Descriptions.Item label={t('planning.fields.updatedAt')}>{formatTime(plan.updatedAt, timeZone)}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={plan.years}
            data-testid="plan-years"
            columns={[
              {
                key: 'year',
                title: t('planning.year'),
                render: (_, y, i) => t('planning.yearTitle', { label: t(`planning.yearLabels.${i}`, { defaultValue: '' }), year: y.year }),
              },
              { key: 'gmv', title: t('planning.gmv'), align: 'end', render: (_, y) => (y.gmvFen === null ? '-' : formatFen(y.gmvFen)) },
              { key: 'projects', title: t('planning.projects'), align: 'end', render: (_, y) => y.projects ?? '-' },
            ]}
          />
          <div>
            <Button icon={<EditOutlined />} onClick={() => onEdit(plan)} data-testid="plan-drawer-edit">
              {t('planning.single')}
            </Button>
          </div>
          {local && plan.approval === 'pending_approval' && (
            <OutcomeRecorder
              busy={busy}
              onRecord={(outcome, reason) =>
                run(() => client!.call('planning.recordOutcome', { productId, outcome, ...(reason ? { reason } : {}) }), t('sales.outcome.done'), 'record')
              }
            />
          )}
          {detail.sheet && <SubmissionSheetView sheet={detail.sheet} />}
          <Typography.Title level={5}>{t('sales.history')}</Typography.Title>
          <SalesHistory section="plan" history={detail.history} />
        </div>
      )}
    </Drawer>
  );
}
