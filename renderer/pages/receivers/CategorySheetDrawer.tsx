import { Alert, App as AntApp, Button, Drawer, Empty, Popconfirm, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useLoaded } from '../../app/use-loaded';
import { formatTime } from '../../app/format-time';
import { useCore } from '../../stores/core-store';
import { SubmissionSheetView } from '../offers/SalesParts';
import { categoryName } from './receivers-text';

type Detail = MethodOutput<'receivers.get'>;

/**
 * A category's local path: while changed here and not yet entered in Seller Center, the sheet to
 * enter there (menu path, each value with a copy button) and 已在卖家中心填写; always its history.
 */
export function CategorySheetDrawer({ categoryCode, onClose, onChanged }: { categoryCode: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [busy, setBusy] = useState(false);
  const { data: detail, problem, load } = useLoaded((c) => c.call('receivers.get', { categoryCode }), categoryCode);
  const category = detail?.category;
  const name = category ? categoryName(category, t) : categoryCode;
  const markEntered = async () => {
    setBusy(true);
    try {
      await client!.call('receivers.markEntered', { categoryCode });
      void message.success(t('receivers.entered', { category: name }));
      load();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open size={640} title={t('receivers.sheetTitle', { category: name })} onClose={onClose} data-testid="receivers-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && category && (
        <div className="receivers-drawer" data-pending={category.pending}>
          {category.pending && category.sheet && (
            <>
              <Alert type="info" showIcon message={t('receivers.localNote')} />
              <SubmissionSheetView sheet={category.sheet} />
              <Popconfirm
                title={t('receivers.markEnteredConfirm')}
                okText={t('receivers.markEntered')}
                cancelText={t('sales.cancel')}
                onConfirm={() => markEntered()}
              >
                <Button type="primary" loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="receivers-mark-entered">
                  {t('receivers.markEntered')}
                </Button>
              </Popconfirm>
            </>
          )}
          <Typography.Title level={5}>{t('receivers.history')}</Typography.Title>
          {detail.history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('receivers.noHistory')} style={{ margin: 0 }} />
          ) : (
            <Timeline
              titleSpan={6}
              data-testid="receivers-history"
              items={[...detail.history].reverse().map((entry, i) => ({
                key: i,
                color: entry.actor === 'seller' ? 'blue' : 'green',
                title: formatTime(entry.at, timeZone),
                content: (
                  <span>
                    <strong>{t(`sales.actors.${entry.actor}`)}</strong> {historyText(entry, t)}
                  </span>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

function historyText(entry: Detail['history'][number], t: (key: string, values?: Record<string, string>) => string): string {
  const detail = entry.change === 'channelsSet' ? channelsText(entry.detail, t) : (entry.detail ?? '');
  const key = `receivers.changes.${entry.change}`;
  return t(key, { detail, defaultValue: t('receivers.changes.other', { change: entry.change }) });
}

/** "site,email" → 站内信、邮件 */
function channelsText(detail: string | null, t: (key: string) => string): string {
  return (detail ?? '')
    .split(',')
    .filter(Boolean)
    .map((c) => t(`receivers.channels.${c}`))
    .join('、');
}
