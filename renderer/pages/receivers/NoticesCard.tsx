import { App as AntApp, Card, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useCore } from '../../stores/core-store';

type Settings = MethodOutput<'notices.settings'>;
type Row = Settings['categories'][number];
type Switch = 'enabled' | 'os' | 'inApp';

/**
 * 设置 › 通知: the app's own notifications (话单即将错过上报窗口, 客户工单待处理, 客户需求即将失效,
 * 服务监管待处理), each on or off, as a system notification and/or an in-app notice.
 */
export function NoticesCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const browser = useCore((s) => s.info?.host === 'browser');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  useEffect(() => {
    client
      ?.call('notices.settings', {})
      .then(setSettings)
      .catch((error: unknown) => void message.error(errorMessage(error)));
  }, [client, message]);
  const change = async (row: Row, which: Switch, value: boolean) => {
    setSaving(`${row.category}.${which}`);
    try {
      setSettings(await client!.call('notices.setSettings', { changes: [{ category: row.category, [which]: value }] }));
      void message.success(t('notices.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(null);
    }
  };
  const toggle = (which: Switch) => (_: unknown, row: Row) => (
    <Switch
      size="small"
      checked={row[which]}
      disabled={which !== 'enabled' && !row.enabled}
      loading={saving === `${row.category}.${which}`}
      onChange={(value) => void change(row, which, value)}
      data-testid={`notice-${row.category}-${which}`}
    />
  );
  return (
    <Card size="small" title={t('notices.title')} style={{ marginTop: 12 }} data-testid="notices-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('notices.help')}
        {browser && ` ${t('notices.browserNote')}`}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="category"
        pagination={false}
        loading={settings === null}
        dataSource={settings?.categories ?? []}
        style={{ maxWidth: 640 }}
        columns={[
          { key: 'category', title: t('notices.columns.category'), render: (_, row) => t(`notices.categories.${row.category}`) },
          { key: 'enabled', title: t('notices.columns.enabled'), width: 80, align: 'center', render: toggle('enabled') },
          { key: 'os', title: t('notices.columns.os'), width: 100, align: 'center', render: toggle('os') },
          { key: 'inApp', title: t('notices.columns.inApp'), width: 110, align: 'center', render: toggle('inApp') },
        ]}
      />
    </Card>
  );
}
