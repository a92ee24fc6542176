import { App as AntApp, Button, Descriptions, Drawer, Empty, Input, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { formatTime } from '../../app/format-time';
import { useCore } from '../../stores/core-store';
import './ticket-drawer.css';

type TicketDetail = MethodOutput<'tickets.get'>;
type Message = TicketDetail['messages'][number];

/**
 * A ticket as the customer wrote it: the problem, the conversation, then reply or close. Both apply
 * here at once and are queued; the toast says whether they reached the marketplace or wait for it.
 */
export function TicketDrawer({ ticketId, onClose, onChanged }: { ticketId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const load = useCallback(() => {
    client
      ?.call('tickets.get', { ticketId })
      .then(setDetail)
      .catch((error: unknown) => setProblem(errorMessage(error)));
  }, [client, ticketId]);
  useEffect(load, [load]);

  const act = async (action: () => Promise<{ queued: number }>, done: string) => {
    try {
      await action();
      const { sent, waiting } = await client!.call('tickets.flushActions', {});
      void message.success(deliveryText(done, sent, waiting));
      setText('');
      load();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const deliveryText = (done: string, sent: number, waiting: number) => {
    const { capabilities, status } = useCore.getState();
    if (waiting === 0 && sent > 0) return t('tickets.sent', { done });
    if (!capabilities?.ticketActions) return t('tickets.noTicketApi', { done });
    return status?.connectivity.state === 'online' ? t('tickets.willRetry', { done }) : t('tickets.offline', { done });
  };

  const ticket = detail?.ticket;
  const closed = ticket?.status === 'closed';
  return (
    <Drawer open size={640} title={ticket ? `${ticket.ticketId} · ${ticket.title}` : ticketId} onClose={onClose} data-testid="ticket-drawer">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {ticket && detail && (
        <div className="ticket-drawer">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('review.status')}>{t(`vocab.ticketStatus.${ticket.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.priority')}>{t(`vocab.ticketPriority.${ticket.priority}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.customerName')}>{ticket.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('review.productName')}>{ticket.productName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('review.createdAt')}>{formatTime(ticket.createdAt, timeZone)}</Descriptions.Item>
            <Descriptions.Item label={t('review.slaDue')}>{ticket.slaDueAt ? formatTime(ticket.slaDueAt, timeZone) : '-'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('tickets.problem')}</Typography.Title>
          <Typography.Paragraph className="ticket-problem" data-testid="ticket-description">
            {ticket.description ?? t('tickets.noDescription')}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('tickets.conversation')}</Typography.Title>
          <Conversation messages={detail.messages} timeZone={timeZone} />
          {!closed && (
            <>
              <Input.TextArea
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('review.replyPlaceholder')}
                maxLength={2000}
                showCount
                data-testid="ticket-reply-text"
              />
              <Space>
                <Button
                  type="primary"
                  disabled={!text.trim()}
                  onClick={() => void act(() => client!.call('tickets.reply', { ticketId, text }), t('tickets.replied'))}
                  data-testid="ticket-reply"
                >
                  {t('review.reply')}
                </Button>
                <Popconfirm
                  title={t('tickets.closeConfirmTitle')}
                  description={t('tickets.closeConfirm')}
                  okText={t('review.closeTicket')}
                  okButtonProps={{ danger: true, 'data-testid': 'ticket-close-confirm' } as ButtonProps}
                  cancelText={t('review.cancel')}
                  onConfirm={() => act(() => client!.call('tickets.close', { ticketId }), t('tickets.closed'))}
                >
                  <Button danger data-testid="ticket-close">
                    {t('review.closeTicket')}
                  </Button>
                </Popconfirm>
              </Space>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

function Conversation({ messages, timeZone }: { messages: Message[]; timeZone: string }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.noMessages')} />;
  return (
    <ol className="ticket-conversation" data-testid="ticket-conversation">
      {messages.map((m) => (
        <li key={m.messageId} className={`ticket-message ticket-message-${m.author}`} data-author={m.author} data-state={m.state}>
          <div className="ticket-message-meta">
            <strong>{t(`tickets.authors.${m.author}`)}</strong>
            <span>{formatTime(m.sentAt, timeZone)}</span>
            {m.state === 'queued' && <Tag color="blue">{t('tickets.queuedTag')}</Tag>}
            {m.state === 'failed' && <Tag color="red">{t('tickets.failedTag')}</Tag>}
          </div>
          <div className="ticket-message-body">{m.author === 'system' && !m.body ? t('tickets.closedBySeller') : m.body}</div>
        </li>
      ))}
    </ol>
  );
}
