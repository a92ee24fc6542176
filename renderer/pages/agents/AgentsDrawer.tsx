import { KeyOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Collapse, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useLoaded } from '../../app/use-loaded';
import { formatTime } from '../../app/format-time';
import { CellTag, type CellTagColor } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { SalesHistory, SubmissionSheetView, useSalesPath } from '../offers/SalesParts';
import { checkName, failedCheck } from './check-text';
import { CheckResult } from './CheckResult';

type Detail = MethodOutput<'agents.get'>;
type Registration = Detail['registration'];

export const STATE_COLORS: Record<Registration['state'], CellTagColor> = { ready: 'gold', submitted: 'blue', registered: 'green', refused: 'red' };

/**
 * One registration: what is kept, the submission sheet for Seller Center (copy buttons, menu path),
 * 已在卖家中心注册, secret headers saved to the keychain, 检查后端 with its saved request, and the
 * backend's check history, newest first.
 */
export function AgentsDrawer({ registrationId, onClose, onChanged }: { registrationId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const local = useSalesPath() === 'local';
  const { data: detail, problem, load } = useLoaded((c) => c.call('agents.get', { registrationId }), registrationId);

  const check = async () => {
    setChecking(true);
    try {
      await client!.call('agents.check', { registrationId });
      load();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setChecking(false);
    }
  };
  const markSubmitted = async () => {
    setBusy(true);
    try {
      await client!.call('agents.markSubmitted', { registrationId });
      void message.success(t('agents.drawer.marked'));
      load();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const registration = detail?.registration;
  return (
    <Drawer
      open
      size={720}
      title={registration ? t('agents.drawer.title', { name: registration.productName }) : registrationId}
      onClose={onClose}
      data-testid="agents-drawer"
    >
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && registration && (
        <div className="agents-drawer" data-state={registration.state}>
          {registration.state === 'ready' && local && (
            <Alert type="info" showIcon message={t('agents.drawer.localNote', { menuPath: detail.sheet.menuPath })} />
          )}
          {registration.state === 'refused' && (
            <Alert type="error" showIcon message={t('agents.drawer.refused')} description={registration.refusal} data-testid="agents-refusal" />
          )}
          <RegistrationFields registration={registration} timeZone={timeZone} />
          <Space wrap>
            <Button type="primary" icon={<PlayCircleOutlined />} loading={checking} onClick={() => void check()} data-testid="agents-drawer-check">
              {t('agents.drawer.check')}
            </Button>
            {registration.state === 'ready' && local && (
              <Popconfirm
                title={t('agents.drawer.markSubmittedConfirm')}
                okText={t('agents.drawer.markSubmitted')}
                cancelText={t('sales.cancel')}
                onConfirm={() => markSubmitted()}
              >
                <Button loading={busy} data-testid="agents-mark-submitted">
                  {t('agents.drawer.markSubmitted')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <SecretHeaders registration={registration} onSaved={load} />
          <SubmissionSheetView sheet={detail.sheet} />
          <Typography.Title level={5}>{t('agents.drawer.history')}</Typography.Title>
          <SalesHistory section="agents" history={detail.history} />
          <Typography.Title level={5}>{t('agents.drawer.checks')}</Typography.Title>
          {checking && <Spin size="small" />}
          <CheckHistory checks={detail.checks} timeZone={timeZone} />
        </div>
      )}
    </Drawer>
  );
}

function RegistrationFields({ registration: r, timeZone }: { registration: Registration; timeZone: string }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`agents.drawer.fields.${key}`);
  const none = <Typography.Text type="secondary">{t('agents.drawer.none')}</Typography.Text>;
  return (
    <Descriptions
      column={2}
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}
      data-testid="agents-fields"
    >
      <Descriptions.Item label={f('productName')} span={2}>
        {r.productName}
      </Descriptions.Item>
      <Descriptions.Item label={f('backendUrl')} span={2}>
        <Typography.Text copyable translate="no">
          {r.backendUrl}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={f('productId')}>{r.productId ? <span translate="no">{r.productId}</span> : none}</Descriptions.Item>
      <Descriptions.Item label={f('registrationId')}>
        <span translate="no">{r.registrationId}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f('authMode')}>{t(`agents.authModes.${r.authMode}`)}</Descriptions.Item>
      <Descriptions.Item label={f('region')}>{t(`agents.regions.${r.region}`, { defaultValue: r.region })}</Descriptions.Item>
      <Descriptions.Item label={f('method')}>
        <span translate="no">{r.method}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f('state')}>
        <span data-testid="agents-state" data-state={r.state}>
          <CellTag color={STATE_COLORS[r.state]}>{t(`agents.states.${r.state}`)}</CellTag>
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={f('headers')} span={2}>
        {r.headers.length === 0 ? (
          none
        ) : (
          <code translate="no" className="agents-code agents-code-block">
            {r.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}
          </code>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={f('secretHeaders')} span={2}>
        {r.secretHeaders.length === 0
          ? none
          : r.secretHeaders.map((name) => (
              <Tag key={name} icon={<KeyOutlined />} translate="no">
                {name}
              </Tag>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={f('body')} span={2}>
        {r.body === null ? (
          none
        ) : (
          <code translate="no" className="agents-code agents-code-block">
            {JSON.stringify(r.body, null, 2)}
          </code>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={f('createdAt')}>{formatTime(r.createdAt, timeZone)}</Descriptions.Item>
      <Descriptions.Item label={f('updatedAt')}>{formatTime(r.updatedAt, timeZone)}</Descriptions.Item>
    </Descriptions>
  );
}

/** A secret header (自主认证's key, an Authorization): to the OS keychain, never the data folder or logs. */
function SecretHeaders({ registration, onSaved }: { registration: Registration; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<{ name: string; value: string }>();
  const [saving, setSaving] = useState(false);
  const save = async ({ name, value }: { name: string; value: string }) => {
    setSaving(true);
    try {
      await client!.call('agents.saveSecretHeader', { registrationId: registration.registrationId, name: name.trim(), value });
      void message.success(t('agents.secret.saved', { name: name.trim() }));
      form.resetFields();
      onSaved();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="agents-secret">
      <Typography.Title level={5}>{t('agents.secret.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('agents.secret.note')}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(values) => void save(values)} className="agents-secret-form">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('agents.form.headerNameRequired') }]}>
          <Input placeholder={t('agents.secret.name')} style={{ width: 180 }} translate="no" data-testid="agents-secret-name" />
        </Form.Item>
        <Form.Item name="value" rules={[{ required: true, message: t('agents.secret.valueRequired') }]}>
          <Input.Password placeholder={t('agents.secret.value')} style={{ width: 220 }} autoComplete="off" data-testid="agents-secret-value" />
        </Form.Item>
        <Button htmlType="submit" icon={<KeyOutlined />} loading={saving} data-testid="agents-secret-save">
          {t('agents.secret.save')}
        </Button>
      </Form>
    </div>
  );
}

/** The backend's checks, newest first (the newest open). */
function CheckHistory({ checks, timeZone }: { checks: Detail['checks']; timeZone: string }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agents.drawer.noChecks')} style={{ margin: 0 }} />;
  return (
    <Collapse
      key={`${checks.length}-${checks[0]!.at}`}
      size="small"
      defaultActiveKey={['0']}
      data-testid="agents-check-history"
      items={checks.map((c, i) => {
        const failed = failedCheck(c);
        return {
          key: String(i),
          label: (
            <span className="agents-history-label">
              <span>{formatTime(c.at, timeZone)}</span>
              <CellTag color={c.passed ? 'green' : 'red'}>
                {c.passed ? t('agents.passed') : t('agents.failedAt', { check: failed ? checkName(failed.name, t) : '' })}
              </CellTag>
            </span>
          ),
          children: <CheckResult result={c} testId={`agents-history-${i}`} />,
        };
      })}
    />
  );
}
