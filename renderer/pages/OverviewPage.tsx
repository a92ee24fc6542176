import { CloudSyncOutlined, FileExcelOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../electron/core/contract';
import { syncErrorText } from '../app/error-message';
import { formatTime } from '../app/format-time';
import { PageFrame } from '../components/page/PageFrame';
import { SyncButton } from '../components/SyncButton';
import { syncableResources, useCore } from '../stores/core-store';
import { useNavigation } from '../stores/navigation-store';

type ResourceSync = AppStatus['sync']['resources'][number];
const STATE_COLORS = { never: 'default', idle: 'green', running: 'processing', error: 'red' } as const;

/** 商家总览: what to do first (until the cache holds something), then where each list stands and the usage queue. */
export function OverviewPage() {
  const { t } = useTranslation();
  const status = useCore((s) => s.status);
  const firstRun = status !== null && status.sync.resources.every((r) => r.lastSyncedAt === null) && status.usageQueue.queued === 0;
  return (
    <PageFrame title={t('nav.sections.overview')} testId="page-overview" scroll>
      {firstRun && <FirstSteps />}
      <Row gutter={[12, 12]}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('overview.queued')} value={status?.usageQueue.queued ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('overview.atRiskLabel')} value={status?.usageQueue.atRisk ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('status.connectivity')} value={status ? t(`status.${status.connectivity.state}`) : '-'} />
          </Card>
        </Col>
      </Row>
      {status && <SyncTable resources={status.sync.resources} />}
    </PageFrame>
  );
}

/** The first screen after install: the three ways to get data in. */
function FirstSteps() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const sandbox = useCore((s) => s.status?.dataSource.kind === 'sandbox');
  const canSync = useCore((s) => syncableResources(s.capabilities).length > 0);
  return (
    <Card size="small" title={t('overview.start.title')} data-testid="first-steps">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Step icon={<CloudSyncOutlined />} title={t('overview.start.syncTitle')} body={t(sandbox ? 'overview.start.syncSandbox' : 'overview.start.syncReal')}>
            {canSync ? (
              <SyncButton label={t('sync.all')} primary testId="first-sync" />
            ) : (
              <Typography.Text type="secondary">{t('overview.start.noLists')}</Typography.Text>
            )}
          </Step>
        </Col>
        <Col xs={24} md={8}>
          <Step icon={<KeyOutlined />} title={t('overview.start.keysTitle')} body={t('overview.start.keys')}>
            <Button onClick={() => go('settings')} data-testid="first-settings">
              {t('overview.start.keysAction')}
            </Button>
          </Step>
        </Col>
        <Col xs={24} md={8}>
          <Step icon={<FileExcelOutlined />} title={t('overview.start.importTitle')} body={t('overview.start.import')}>
            <Button onClick={() => go('transactions')} data-testid="first-import">
              {t('overview.start.importAction')}
            </Button>
          </Step>
        </Col>
      </Row>
    </Card>
  );
}

function Step({ icon, title, body, children }: { icon: React.ReactNode; title: string; body: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <Typography.Text strong>
        {icon} {title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ flex: 1 }}>
        {body}
      </Typography.Text>
      <div>{children}</div>
    </div>
  );
}

/** Where each list stands: last sync, running, or why it failed, with a retry. */
function SyncTable({ resources }: { resources: ResourceSync[] }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const capabilities = useCore((s) => s.capabilities);
  const lists = capabilities?.lists ?? [];
  return (
    <Card size="small" title={t('overview.syncTitle')}>
      <Table
        size="small"
        rowKey="resource"
        pagination={false}
        dataSource={resources}
        data-testid="overview-sync"
        columns={[
          { title: t('overview.list'), dataIndex: 'resource', width: 110, render: (r: string) => t(`syncResources.${r}`) },
          {
            title: t('status.sync'),
            dataIndex: 'state',
            width: 110,
            render: (state: ResourceSync['state']) => <Tag color={STATE_COLORS[state]}>{t(`overview.syncStates.${state}`)}</Tag>,
          },
          { title: t('overview.lastSynced'), dataIndex: 'lastSyncedAt', width: 150, render: (ms: number | null) => (ms ? formatTime(ms, timeZone) : '-') },
          {
            title: t('overview.note'),
            key: 'note',
            render: (_: unknown, r: ResourceSync) =>
              r.error ? (
                <Typography.Text type="danger">{syncErrorText(r.error)}</Typography.Text>
              ) : !lists.includes(r.resource) ? (
                t('overview.importOnly')
              ) : r.resource === 'transaction_details' && r.completeThrough ? (
                t('overview.completeThrough', { day: formatTime(r.completeThrough - 1, timeZone).slice(0, 10) })
              ) : (
                ''
              ),
          },
          {
            title: '',
            key: 'action',
            width: 150,
            render: (_: unknown, r: ResourceSync) =>
              lists.includes(r.resource) && <SyncButton resources={[r.resource]} label={r.error ? t('status.retry') : t('overview.syncOne')} />,
          },
        ]}
      />
    </Card>
  );
}
