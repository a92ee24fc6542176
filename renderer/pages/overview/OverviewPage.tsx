import { Alert, Col, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useDataVersion } from '../../app/use-core-refresh';
import { PageFrame } from '../../components/page/PageFrame';
import { useCore } from '../../stores/core-store';
import { FirstSteps } from './FirstSteps';
import { MonthCharts } from './MonthCharts';
import { SellerCard } from './SellerCard';
import { SyncTable } from './SyncTable';
import { TodoList } from './TodoList';

/**
 * 商家总览 as Seller Center shows it, from the local cache: the seller and its Key, the last 12 months
 * of 交易金额 and 支付成功订单数 beside store traffic, and what waits. Live: a sync, an import or a
 * usage flush redraws it within a second.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const status = useCore((s) => s.status);
  const firstRun = status !== null && status.sync.resources.every((r) => r.lastSyncedAt === null) && status.usageQueue.queued === 0;
  return (
    <PageFrame title={t('nav.sections.overview')} testId="page-overview" scroll>
      {firstRun && <FirstSteps />}
      {overview.error && <Alert type="error" showIcon message={overview.error} />}
      {overview.data && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={10}>
              <SellerCard seller={overview.data.seller} />
            </Col>
            <Col xs={24} xl={14}>
              <TodoList todos={overview.data.todos} />
            </Col>
          </Row>
          <MonthCharts months={overview.data.months} traffic={overview.data.traffic} />
        </>
      )}
      {status && <SyncTable resources={status.sync.resources} />}
    </PageFrame>
  );
}

/** overview.get, asked again whenever the core reports changed data (at most once a second). */
function useOverview(): { data: Overview | null; error: string | null } {
  const client = useCore((s) => s.client);
  const version = useDataVersion();
  const [state, setState] = useState<{ data: Overview | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    client
      ?.call('overview.get', {})
      .then((data) => current && setState({ data, error: null }))
      .catch((error: unknown) => current && setState((s) => ({ ...s, error: errorMessage(error) })));
    return () => {
      current = false;
    };
  }, [client, version]);
  return state;
}
