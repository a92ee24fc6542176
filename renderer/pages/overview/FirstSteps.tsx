import { CloudSyncOutlined, FileExcelOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncButton } from '../../components/SyncButton';
import { syncableResources, useCore } from '../../stores/core-store';
import { useNavigation } from '../../stores/navigation-store';

/** The first screen after install: the three ways to get data in. */
export function FirstSteps() {
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

function Step({ icon, title, body, children }: { icon: ReactNode; title: string; body: string; children: ReactNode }) {
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
