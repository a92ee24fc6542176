import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { useLoaded } from '../../app/use-loaded';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { PageFrame } from '../../components/page/PageFrame';
import { useCore } from '../../stores/core-store';
import { AgentsDrawer, STATE_COLORS } from './AgentsDrawer';
import { BackendChecker } from './BackendChecker';
import { checkName, failedCheck } from './check-text';
import { RegisterDialog } from './RegisterDialog';
import './agents.css';

type Registration = MethodOutput<'agents.registrations'>[number];

/**
 * 注册Agents: the registrations kept here with their last backend check, 注册Agents (华北-北京四
 * only), a drawer per registration (submission sheet, 已在卖家中心注册, secret headers, checks), and
 * the backend checker, usable before any registration.
 */
export function AgentsPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const { data: registrations, problem, load } = useLoaded((c) => c.call('agents.registrations', {}), 'agents');
  const registerButton = (testId: string) => (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid={testId}>
      {t('agents.register')}
    </Button>
  );
  return (
    <PageFrame title={t('nav.sections.agents')} testId="page-agents" actions={registerButton('agents-register')}>
      <div className="agents-layout">
        <section className="agents-col">
          <Alert
            type="info"
            showIcon
            className="agents-rule"
            data-testid="agents-region-rule"
            message={
              <>
                <strong>{t('agents.regionRule')}</strong>
                <div className="agents-rule-sub">{t('agents.billingRule')}</div>
              </>
            }
          />
          <Card size="small" title={t('agents.registrations')} className="agents-card">
            {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
            <RegistrationsTable rows={registrations} onOpen={setOpen} empty={registerButton('agents-register-empty')} />
          </Card>
        </section>
        <section className="agents-col">
          <BackendChecker />
        </section>
      </div>
      {open && <AgentsDrawer registrationId={open} onClose={() => setOpen(null)} onChanged={load} />}
      {registering && (
        <RegisterDialog
          onClose={() => setRegistering(false)}
          onRegistered={(registrationId) => {
            setRegistering(false);
            load();
            setOpen(registrationId);
          }}
        />
      )}
    </PageFrame>
  );
}

function RegistrationsTable({ rows, onOpen, empty }: { rows: Registration[] | null; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  if (rows !== null && rows.length === 0) {
    return (
      <div className="table-empty" data-testid="agents-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agents.noRegistrations')} />
        {empty}
      </div>
    );
  }
  return (
    <Table<Registration>
      size="small"
      rowKey="registrationId"
      loading={rows === null}
      dataSource={rows ?? []}
      pagination={false}
      data-testid="agents-table"
      onRow={(r) => ({ onClick: () => onOpen(r.registrationId), className: 'agents-row' })}
      columns={[
        {
          key: 'product',
          title: t('agents.columns.product'),
          render: (_, r) => (
            <div className="agents-cell-two">
              <span>{r.productName}</span>
              <small translate="no" title={r.backendUrl}>
                {r.backendUrl}
              </small>
            </div>
          ),
        },
        { key: 'authMode', title: t('agents.columns.authMode'), width: 96, render: (_, r) => t(`agents.authModes.${r.authMode}`) },
        {
          key: 'state',
          title: t('agents.columns.state'),
          width: 132,
          render: (_, r) => <CellTag color={STATE_COLORS[r.state]}>{t(`agents.states.${r.state}`)}</CellTag>,
        },
        {
          key: 'lastCheck',
          title: t('agents.columns.lastCheck'),
          width: 150,
          render: (_, r) => {
            if (!r.lastCheck) return <Typography.Text type="secondary">{t('agents.neverChecked')}</Typography.Text>;
            const failed = failedCheck(r.lastCheck);
            return (
              <div className="agents-cell-two" data-testid="agents-last-check" data-passed={r.lastCheck.passed}>
                <CellTag color={r.lastCheck.passed ? 'green' : 'red'}>
                  {r.lastCheck.passed ? t('agents.passed') : t('agents.failedAt', { check: failed ? checkName(failed.name, t) : '' })}
                </CellTag>
                <small>{formatTime(r.lastCheck.at, timeZone)}</small>
              </div>
            );
          },
        },
      ]}
    />
  );
}
