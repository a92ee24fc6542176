import { App as AntApp, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';
import { errorMessage } from '../app/error-message';

type CredentialsStatus = MethodOutput<'marketplace.credentialsStatus'>;
type Capabilities = MethodOutput<'marketplace.capabilities'>;

/** The seller's KooGallery credentials (write-only: values never come back) and what the source can do. */
export function CredentialsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const host = useCore((s) => s.info?.host);
  const dataSource = useCore((s) => s.status?.dataSource);
  const [status, setStatus] = useState<CredentialsStatus | null>(null);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [form] = Form.useForm<{ sellerKey: string; ak: string; sk: string }>();

  useEffect(() => {
    void client?.call('marketplace.credentialsStatus', {}).then(setStatus);
    void client?.call('marketplace.capabilities', {}).then(setCapabilities);
  }, [client, dataSource?.kind, dataSource?.reason]);

  const run = async (action: () => Promise<CredentialsStatus>) => {
    try {
      setStatus(await action());
      form.resetFields();
      await useCore.getState().refreshStatus();
      void message.success(t('settings.saved'));
    } catch (error) {
      void message.error(t('settings.failed', { message: errorMessage(error) }));
    }
  };

  return (
    <Card size="small" title={t('settings.credentials')} style={{ marginTop: 12 }} data-testid="credentials-card">
      <Typography.Paragraph>
        {status?.configured ? (
          <Tag color="green">{t('settings.credentialsConfigured', { hint: status.akHint })}</Tag>
        ) : (
          <Tag>{t('settings.credentialsMissing')}</Tag>
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => void run(() => client!.call('marketplace.saveCredentials', values))}>
        <Form.Item name="sellerKey" label={t('settings.sellerKey')} extra={t('settings.sellerKeyHelp')} rules={[{ required: true }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Form.Item name="ak" label={t('settings.ak')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="sk" label={t('settings.sk')} rules={[{ required: true }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('settings.saveCredentials')}
          </Button>
          <Button danger disabled={!status?.configured} onClick={() => void run(() => client!.call('marketplace.clearCredentials', {}))}>
            {t('settings.clearCredentials')}
          </Button>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t(host === 'browser' ? 'settings.browserModeNote' : 'settings.keychainNote')}
      </Typography.Paragraph>
      {capabilities && <CapabilityList capabilities={capabilities} />}
    </Card>
  );
}

function CapabilityList({ capabilities }: { capabilities: Capabilities }) {
  const { t } = useTranslation();
  const mark = (on: boolean) => (on ? <Tag color="green">{t('settings.yes')}</Tag> : <Tag>-</Tag>);
  return (
    <Descriptions title={t('settings.capabilities')} column={1} size="small" data-testid="capabilities">
      <Descriptions.Item label={t('settings.capPushUsage')}>{mark(capabilities.pushUsage)}</Descriptions.Item>
      <Descriptions.Item label={t('settings.capQueryOrder')}>{mark(capabilities.queryOrder)}</Descriptions.Item>
      <Descriptions.Item label={t('settings.capLicense')}>{mark(capabilities.license)}</Descriptions.Item>
      <Descriptions.Item label={t('settings.capLists')}>
        {capabilities.lists.length > 0 ? mark(true) : <Typography.Text type="warning">{t('settings.capListsMissing')}</Typography.Text>}
      </Descriptions.Item>
    </Descriptions>
  );
}
