import { Alert, Button, Card, Descriptions, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../electron/core/contract';
import { formatTime } from '../app/format-time';
import { useCore } from '../stores/core-store';

/** The desktop app's update state, live; null in browser mode (no host). */
export function useAppUpdate(): UpdateState | null {
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    const updates = window.sellerDeskHost?.updates;
    if (!updates) return;
    void updates.get().then(setState);
    return updates.subscribe(setState);
  }, []);
  return state;
}

/** 版本与更新: this version, and a newer one being downloaded or ready to install, with its release notes. */
export function AppUpdateCard() {
  const { t } = useTranslation();
  const info = useCore((s) => s.info);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const update = useAppUpdate();
  const [installing, setInstalling] = useState(false);
  const version = update?.currentVersion ?? info?.version ?? '';
  return (
    <Card size="small" title={t('updates.title')} style={{ marginTop: 12 }} data-testid="app-update-card" data-state={update?.state ?? 'browser'}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('updates.version')}>
          <span data-testid="app-version">{version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('updates.state')}>
          <span data-testid="app-update-state">{stateText(update, t)}</span>
        </Descriptions.Item>
        {update?.checkedAt && <Descriptions.Item label={t('updates.checkedAt')}>{formatTime(update.checkedAt, timeZone)}</Descriptions.Item>}
      </Descriptions>
      {update?.state === 'downloading' && <Progress percent={update.percent ?? 0} size="small" />}
      {update?.state === 'error' && <Alert type="warning" showIcon message={t('updates.failed')} description={update.error} />}
      {update?.available && (
        <div data-testid="app-update-notes" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('updates.notes', { version: update.available.version })}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
            {update.available.releaseNotes ?? t('updates.noNotes')}
          </Typography.Paragraph>
        </div>
      )}
      {update?.state === 'ready' && (
        <Button
          type="primary"
          loading={installing}
          onClick={() => {
            setInstalling(true);
            void window.sellerDeskHost?.updates.installNow().finally(() => setInstalling(false));
          }}
          data-testid="app-update-install"
        >
          {t('updates.installNow')}
        </Button>
      )}
    </Card>
  );
}

type T = (key: string, values?: Record<string, string>) => string;

function stateText(update: UpdateState | null, t: T): string {
  if (!update) return t('updates.states.browser');
  if (update.state === 'off') return t(`updates.off.${update.reason ?? 'notPackaged'}`);
  if (update.state === 'ready' || update.state === 'downloading') return t(`updates.states.${update.state}`, { version: update.available?.version ?? '' });
  return t(`updates.states.${update.state}`);
}
