import { App as AntApp, Button, Descriptions, Drawer, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { useCore } from '../../stores/core-store';
import { errorMessage } from '../../app/error-message';

type TicketRow = MethodOutput<'tickets.page'>['rows'][number];

/** Reply to or close a ticket; both apply here at once and are queued while offline. */
export function TicketDrawer({ ticket, onClose, onChanged }: { ticket: TicketRow; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [text, setText] = useState('');
  const act = async (action: () => Promise<{ queued: number }>) => {
    try {
      const { queued } = await action();
      void client!.call('tickets.flushActions', {});
      void message.success(t('review.ticketQueued', { count: queued }));
      onChanged();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Drawer open width={560} title={`${ticket.ticketId} · ${ticket.title}`} onClose={onClose} data-testid="ticket-drawer">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('review.customerName')}>{ticket.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('review.productName')}>{ticket.productName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('review.status')}>{t(`vocab.ticketStatus.${ticket.status}`)}</Descriptions.Item>
      </Descriptions>
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('review.replyPlaceholder')}
        style={{ marginTop: 16 }}
        data-testid="ticket-reply-text"
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={!text.trim()}
          onClick={() => void act(() => client!.call('tickets.reply', { ticketId: ticket.ticketId, text }))}
          data-testid="ticket-reply"
        >
          {t('review.reply')}
        </Button>
        <Button danger onClick={() => void act(() => client!.call('tickets.close', { ticketId: ticket.ticketId }))} data-testid="ticket-close">
          {t('review.closeTicket')}
        </Button>
      </Space>
    </Drawer>
  );
}
