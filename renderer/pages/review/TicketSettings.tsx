import { App as AntApp, Button, Checkbox, Form, Input, Modal, Space, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { useCore } from '../../stores/core-store';
import { errorMessage } from '../../app/error-message';

type Hours = MethodOutput<'tickets.receptionHours'>;

/** 工单接待 hours (at least 5 × 8 a week) and product authorization to a sub-account. */
export function TicketSettings({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState<Hours | null>(null);
  const [productId, setProductId] = useState('');
  const [subAccount, setSubAccount] = useState('');
  useEffect(() => {
    if (open) void client?.call('tickets.receptionHours', {}).then(setHours);
  }, [client, open]);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      void message.success(t('settings.saved'));
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`review.weekdays.${d}`) }));
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="ticket-settings">
        {t('review.ticketSettings')}
      </Button>
      <Modal open={open} title={t('review.ticketSettings')} footer={null} onCancel={() => setOpen(false)} width={640}>
        {hours && (
          <Form layout="vertical">
            <Form.Item label={t('review.receptionDays')}>
              <Checkbox.Group options={weekdays} value={hours.days} onChange={(days) => setHours({ ...hours, days: days as number[] })} />
            </Form.Item>
            <Form.Item label={t('review.receptionTime')} extra={t('review.receptionRule')}>
              <TimePicker.RangePicker
                format="HH:mm"
                value={[dayjs(hours.from, 'HH:mm'), dayjs(hours.to, 'HH:mm')]}
                onChange={(range) => range?.[0] && range[1] && setHours({ ...hours, from: range[0].format('HH:mm'), to: range[1].format('HH:mm') })}
              />
            </Form.Item>
            <Button type="primary" onClick={() => void run(() => client!.call('tickets.setReceptionHours', hours))} data-testid="save-reception">
              {t('settings.save')}
            </Button>
          </Form>
        )}
        <Form layout="vertical" style={{ marginTop: 24 }}>
          <Form.Item label={t('review.authorize')} extra={t('review.authorizeHelp')}>
            <Space>
              <Input placeholder={t('review.productId')} value={productId} onChange={(e) => setProductId(e.target.value)} />
              <Input placeholder={t('review.subAccount')} value={subAccount} onChange={(e) => setSubAccount(e.target.value)} />
              <Button
                disabled={!productId.trim()}
                onClick={() => void run(() => client!.call('tickets.authorizeProduct', { productId: productId.trim(), subAccount: subAccount.trim() || null }))}
              >
                {t('review.authorizeButton')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
