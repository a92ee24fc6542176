import { DeleteOutlined, EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Popconfirm, Table, Tooltip, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, RECEIVERS_PER_CATEGORY, type MessageChannel } from '../../../electron/core/conventions';
import { errorMessage } from '../../app/error-message';
import { useLoaded } from '../../app/use-loaded';
import { PageFrame } from '../../components/page/PageFrame';
import { useSyncedVersion } from '../../app/use-synced-version';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { CategorySheetDrawer } from './CategorySheetDrawer';
import { ReceiverDialog } from './ReceiverDialog';
import { categoryName, type Category, type Receiver } from './receivers-text';
import './receivers.css';

/**
 * 消息接收管理: every message category with its channels (站内信 / 邮件 / 短信) and receivers; add,
 * edit and remove receivers (each field's problem named), up to the limit per category; a category
 * with none says where its messages go instead, in Seller Center's words. KooGallery has no API for
 * it: a change made here shows a sheet to enter it in Seller Center.
 */
export function ReceiversPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ category: Category; receiver: Receiver | null } | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const synced = useSyncedVersion('receivers');
  const { data: categories, problem, load } = useLoaded((c) => c.call('receivers.list', {}).then((answer) => answer.categories), 'receivers', synced);

  return (
    <PageFrame title={t('nav.sections.receivers')} testId="page-receivers" scroll actions={<SyncButton resources={['receivers']} testId="sync-receivers" />}>
      <Alert type="info" showIcon data-testid="receivers-local-note" message={t('receivers.localNote')} style={{ padding: '4px 12px' }} />
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <div className="receivers-grid" data-testid="receivers-categories">
        {categories?.map((category) => (
          <CategoryCard
            key={category.code}
            category={category}
            onChanged={load}
            onAdd={() => setEditing({ category, receiver: null })}
            onEdit={(receiver) => setEditing({ category, receiver })}
            onSheet={() => setSheet(category.code)}
          />
        ))}
      </div>
      <Typography.Text type="secondary" className="receivers-footnote">
        {t('receivers.limitNote', { limit: RECEIVERS_PER_CATEGORY })}
      </Typography.Text>
      {editing && (
        <ReceiverDialog
          category={editing.category}
          receiver={editing.receiver}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {sheet && <CategorySheetDrawer categoryCode={sheet} onClose={() => setSheet(null)} onChanged={load} />}
    </PageFrame>
  );
}

function CategoryCard({
  category,
  onChanged,
  onAdd,
  onEdit,
  onSheet,
}: {
  category: Category;
  onChanged: () => void;
  onAdd: () => void;
  onEdit: (receiver: Receiver) => void;
  onSheet: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [busy, setBusy] = useState(false);
  const name = categoryName(category, t);
  const full = category.receivers.length >= category.limit;
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const setChannels = (channels: MessageChannel[]) => {
    if (channels.length === 0) return;
    void act(() => client!.call('receivers.setChannels', { categoryCode: category.code, channels }), t('receivers.channelsSaved', { category: name }));
  };
  const addButton = (
    <Button size="small" icon={<PlusOutlined />} disabled={full || busy} onClick={onAdd} data-testid={`receivers-add-${category.code}`}>
      {t('receivers.add')}
    </Button>
  );
  return (
    <Card
      size="small"
      className="receivers-card"
      data-testid={`receivers-category-${category.code}`}
      data-pending={category.pending}
      data-count={category.receivers.length}
      title={
        <span className="receivers-title">
          <span>{name}</span>
          <Typography.Text type="secondary" translate="no">
            {category.code}
          </Typography.Text>
        </span>
      }
      extra={
        <span className="receivers-extra">
          {category.pending && (
            <Button size="small" type="link" icon={<FileTextOutlined />} onClick={onSheet} data-testid={`receivers-sheet-${category.code}`}>
              {t('receivers.pending')}
            </Button>
          )}
          {!category.pending && (
            <Button size="small" type="text" onClick={onSheet} data-testid={`receivers-history-${category.code}`}>
              {t('receivers.history')}
            </Button>
          )}
        </span>
      }
    >
      <div className="receivers-row">
        <Typography.Text type="secondary">{t('receivers.channelsLabel')}</Typography.Text>
        <Checkbox.Group
          value={category.channels}
          disabled={busy}
          onChange={(values) => setChannels(values as MessageChannel[])}
          options={MESSAGE_CHANNELS.map((c) => ({
            value: c,
            label: t(`receivers.channels.${c}`),
            disabled: category.channels.length === 1 && category.channels[0] === c,
          }))}
          data-testid={`receivers-channels-${category.code}`}
        />
      </div>
      {category.unreachableChannel && (
        <Alert type="warning" showIcon message={t(`receivers.unreachable.${category.unreachableChannel}`)} className="receivers-alert" />
      )}
      <div className="receivers-row receivers-row-head">
        <Typography.Text type="secondary">
          {t('receivers.receiversLabel')} · {t('receivers.count', { count: category.receivers.length, limit: category.limit })}
        </Typography.Text>
        {full ? <Tooltip title={t('receivers.limitReached', { limit: category.limit })}>{addButton}</Tooltip> : addButton}
      </div>
      {category.receivers.length === 0 ? (
        <div className="receivers-fallback" data-testid={`receivers-fallback-${category.code}`}>
          {t('receivers.fallback')}
        </div>
      ) : (
        <Table<Receiver>
          size="small"
          rowKey="receiverId"
          pagination={false}
          dataSource={category.receivers}
          data-testid={`receivers-table-${category.code}`}
          columns={[
            { key: 'name', title: t('receivers.columns.name'), render: (_, r) => r.name },
            { key: 'email', title: t('receivers.columns.email'), render: (_, r) => (r.email ? <span translate="no">{r.email}</span> : '—') },
            { key: 'mobile', title: t('receivers.columns.mobile'), width: 120, render: (_, r) => r.mobile ?? '—' },
            {
              key: 'actions',
              title: t('receivers.columns.actions'),
              width: 76,
              render: (_, r) => (
                <span className="receivers-actions">
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    title={t('receivers.edit')}
                    aria-label={t('receivers.edit')}
                    onClick={() => onEdit(r)}
                  />
                  <Popconfirm
                    title={t('receivers.removeConfirm', { name: r.name })}
                    okText={t('receivers.remove')}
                    cancelText={t('sales.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'receiver-remove-ok' } as ButtonProps}
                    onConfirm={() => act(() => client!.call('receivers.remove', { receiverId: r.receiverId }), t('receivers.removed', { name: r.name }))}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('receivers.remove')} aria-label={t('receivers.remove')} />
                  </Popconfirm>
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
