import { CopyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Empty, Form, Input, Modal, Space, Timeline, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreClient, MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { formatTime } from '../../app/format-time';
import { useLoaded } from '../../app/use-loaded';
import { useCore } from '../../stores/core-store';
import './sales.css';

/**
 * What 销售管理's three pages (客户需求 and 商家优惠, 代金券, 商业规划) share: which path their
 * submissions take, the note on the local path, an item's history, the submission sheet, recording
 * Seller Center's outcome, and the toast that says where an action went.
 */

export type HistoryEntry = MethodOutput<'offers.get'>['history'][number];
export type SubmissionSheet = NonNullable<MethodOutput<'offers.get'>['sheet']>;
export type SalesPath = MethodOutput<'offers.get'>['path'];
/** The item a history belongs to, for the words of its states. */
export type SalesSection = 'requirement' | 'offer' | 'voucher' | 'plan' | 'agents';

/** Validity ranges are entered and shown in Beijing time, as Seller Center has them. */
export const BEIJING = 'Asia/Shanghai';

const STATE_VOCAB: Record<SalesSection, string> = {
  requirement: 'vocab.requirementState',
  offer: 'vocab.offerState',
  voucher: 'vocab.voucherSubmission',
  plan: 'vocab.planningState',
  agents: 'agents.states',
};

/** act: the source takes submissions (the sandbox); local: KooGallery has no API, so they are made in Seller Center. */
export function useSalesPath(): SalesPath {
  return useCore((s) => (s.capabilities === null || s.capabilities.salesActions ? 'act' : 'local'));
}

/** The local path, said once on the page: prepared here, submitted in Seller Center, the outcome recorded here. */
export function SalesPathNote() {
  const { t } = useTranslation();
  if (useSalesPath() !== 'local') return null;
  return <Alert type="info" showIcon data-testid="sales-local-note" message={t('sales.localNote')} style={{ padding: '4px 12px' }} />;
}

/** Who (商家 / 沙箱 / 接口) changed what, when. */
export function SalesHistory({ section, history }: { section: SalesSection; history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.noHistory')} style={{ margin: 0 }} />;
  return (
    <Timeline
      titleSpan={6}
      data-testid="sales-history"
      items={history.map((entry, i) => ({
        key: i,
        color: entry.change === 'refused' || entry.change === 'rejected' ? 'red' : entry.actor === 'seller' ? 'blue' : 'green',
        title: formatTime(entry.at, timeZone),
        content: (
          <div className="sales-event" data-change={entry.change} data-actor={entry.actor}>
            <strong>{t(`sales.actors.${entry.actor}`)}</strong> <span>{historyText(section, entry, t)}</span>
            {shownDetail(entry) && <div className="sales-event-detail">{entry.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}

type T = (key: string, values?: Record<string, string>) => string;

/** A history entry in words: the seller's actions, deliveries to the source, and state changes in the item's own vocabulary. */
function historyText(section: SalesSection, { change, detail }: HistoryEntry, t: T): string {
  const action = (code: string | null) => (code ? t(`sales.actions.${code}`, { defaultValue: code } as Record<string, string>) : '');
  const state = (code: string | null) => (code ? t(`${STATE_VOCAB[section]}.${code}`, { defaultValue: code } as Record<string, string>) : '');
  switch (change) {
    case 'created':
      return section === 'offer' && detail ? t('sales.changes.createdFrom', { detail }) : t('sales.changes.created');
    case 'queued':
    case 'taken':
      return t(`sales.changes.${change}`, { action: action(detail) });
    case 'listed':
      return t('sales.changes.listed', { state: state(detail) });
    case 'offer_created':
      return t('sales.changes.offer_created', { detail: detail ?? '' });
    case 'submitted':
    case 'refused':
    case 'withdrawn':
    case 'stopped':
    case 'recorded':
    case 'markedSubmitted':
      return t(`sales.changes.${change}`);
    default:
      return t('sales.changes.state', { state: state(change) });
  }
}

/** The detail shown under the words: a reason or a message, not what the words already say. */
function shownDetail({ change, detail }: HistoryEntry): boolean {
  if (!detail) return false;
  return !['created', 'queued', 'taken', 'listed', 'offer_created'].includes(change);
}

/** The local path: Seller Center's form, field by field in its order, each value with a copy button, and where the form is. */
export function SubmissionSheetView({ sheet }: { sheet: SubmissionSheet }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const copy = (label: string, value: string) => void navigator.clipboard?.writeText(value).then(() => message.success(t('sales.sheet.copied', { label })));
  return (
    <div data-testid="sales-sheet">
      <Typography.Title level={5}>{t('sales.sheet.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sales.sheet.menuPath')}：<span data-testid="sales-sheet-menu">{sheet.menuPath}</span>
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 180, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}>
        {sheet.fields.map((field) => (
          <Descriptions.Item key={field.label} label={field.label}>
            <span className="sales-sheet-value">
              <span>{field.value || <Typography.Text type="secondary">{t('sales.sheet.empty')}</Typography.Text>}</span>
              {field.value && (
                <Button
                  size="small"
                  type="text"
                  icon={<CopyOutlined />}
                  aria-label={t('sales.sheet.copy')}
                  title={t('sales.sheet.copy')}
                  onClick={() => copy(field.label, field.value)}
                />
              )}
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}

/** The local path, once submitted in Seller Center: 记录通过 / 记录驳回 (with the reason Seller Center gave). */
export function OutcomeRecorder({ busy, onRecord }: { busy: boolean; onRecord: (outcome: 'approved' | 'rejected', reason?: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Space wrap data-testid="sales-outcome">
      <Typography.Text type="secondary">{t('sales.outcome.prompt')}</Typography.Text>
      <Button disabled={busy} onClick={() => void onRecord('approved')} data-testid="sales-outcome-approved">
        {t('sales.outcome.approved')}
      </Button>
      <Button danger disabled={busy} onClick={() => setRejecting(true)} data-testid="sales-outcome-rejected">
        {t('sales.outcome.rejected')}
      </Button>
      <Modal
        open={rejecting}
        title={t('sales.outcome.reasonTitle')}
        okText={t('sales.outcome.ok')}
        cancelText={t('sales.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'sales-outcome-submit' } as ButtonProps}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ reason }) => {
            if (await onRecord('rejected', reason?.trim() || undefined)) setRejecting(false);
          }}
        >
          <Form.Item name="reason" label={t('sales.outcome.reasonLabel')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** send: to the source (or Seller Center on the local path); draft: kept here; record: Seller Center's outcome. */
type Delivery = 'send' | 'draft' | 'record';

/**
 * A drawer's item, loaded when `key` or `refresh` changes, with what went wrong; `run` takes an action
 * (with its toast), then tells the list it changed and reloads the item — unless the drawer is given
 * `refresh`, which the list's change already moves.
 */
export function useSalesDetail<D>(fetch: (client: CoreClient) => Promise<D>, key: string, onChanged: () => void, refresh?: number) {
  const { data: detail, problem, load, client } = useLoaded(fetch, key, refresh);
  const { act, busy } = useSalesAction();
  const run = async (call: () => Promise<unknown>, done: string, how?: Delivery) => {
    if (!(await act(call, done, how))) return false;
    onChanged();
    if (refresh === undefined) load();
    return true;
  };
  return { detail, problem, busy, run, client };
}

/**
 * Runs a 销售管理 action and says where it went: sent to the source (or waiting, offline), to be
 * submitted in Seller Center (local path), or kept as a draft. Refusals show the core's reason.
 */
export function useSalesAction() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>, done: string, how: Delivery = 'send'): Promise<boolean> => {
    setBusy(true);
    try {
      await run();
      await announce(done, how);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** Says where something just done went (a form that shows its own errors calls this after its call succeeds). */
  const announce = async (done: string, how: Delivery = 'send') => void message.success(await delivery(done, how));
  const delivery = async (done: string, how: Delivery): Promise<string> => {
    if (how === 'draft') return t('sales.delivery.saved', { done });
    if (how === 'record') return t('sales.outcome.done');
    const capabilities = useCore.getState().capabilities;
    if (capabilities && !capabilities.salesActions) return t('sales.delivery.local', { done });
    const { sent, waiting } = await client!.call('sales.flushSubmissions', {});
    if (waiting === 0 || sent > 0) return t('sales.delivery.sent', { done });
    return useCore.getState().status?.connectivity.state === 'online' ? t('sales.delivery.willRetry', { done }) : t('sales.delivery.offline', { done });
  };
  return { act, announce, busy };
}

/** "3天4小时", "5小时20分钟", "45分钟": the two largest units of a time left. */
export function timeLeftText(ms: number, t: (key: string, values: Record<string, number>) => string): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('requirements.days', { days, hours });
  if (hours > 0) return t('requirements.hours', { hours, minutes: minutes % 60 });
  return t('requirements.minutes', { minutes });
}

/** "2026-11-24 00:00 ~ 2026-12-24 00:00" in Beijing time. */
export function validityText(from: number, until: number): string {
  return `${formatTime(from, BEIJING)} ~ ${formatTime(until, BEIJING)}`;
}

/**
 * Spec names by `productId/skuCode` for the products offers (联营) or vouchers (on sale, either
 * category) are for: the marketplace's spec codes are shown by name where the product is cached.
 */
export function useSpecNames(which: 'offers' | 'vouchers'): ReadonlyMap<string, string> {
  const client = useCore((s) => s.client);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!client) return;
    let current = true;
    const lists =
      which === 'offers'
        ? [client.call('offers.products', {})]
        : [client.call('vouchers.products', { category: 'general' }), client.call('vouchers.products', { category: 'joint_operation' })];
    void Promise.all(lists).then((all) => {
      if (current) setNames(new Map(all.flat().flatMap((p) => p.skus.map((sku) => [`${p.productId}/${sku.skuCode}`, sku.name] as const))));
    });
    return () => {
      current = false;
    };
  }, [client, which]);
  return names;
}
