import { Card, Col, Descriptions, List, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { readySections, sectionKeys } from '../app/sections';
import { useCore } from '../stores/core-store';
import { useNavigation } from '../stores/navigation-store';

/** 商家总览: what the local cache holds now, and the sections still to come. */
export function OverviewPage() {
  const { t } = useTranslation();
  const info = useCore((s) => s.info);
  const status = useCore((s) => s.status);
  const go = useNavigation((s) => s.go);
  const coming = sectionKeys.filter((key) => !readySections.has(key));
  return (
    <div data-testid="page-overview">
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title={t('overview.queued')} value={status?.usageQueue.queued ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('overview.atRiskLabel')} value={status?.usageQueue.atRisk ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('status.connectivity')} value={status ? t(`status.${status.connectivity.state}`) : '-'} />
          </Card>
        </Col>
      </Row>
      <Card title={t('overview.localCache')} style={{ marginTop: 16 }}>
        {info && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('overview.version')}>{info.version}</Descriptions.Item>
            <Descriptions.Item label={t('overview.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label={t('overview.dataDir')}>
              <span data-testid="overview-data-dir">{info.dataDir}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.host')}>{t(`overview.hosts.${info.host}`)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('overview.comingTitle')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={coming}
          renderItem={(key) => (
            <List.Item onClick={() => go(key)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={t(`nav.sections.${key}`)} description={t(`sections.${key}`)} />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
