import { Alert, App as AntApp, Button, Checkbox, Collapse, DatePicker, Descriptions, Drawer, Empty, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useLoaded } from '../../app/use-loaded';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { useCore } from '../../stores/core-store';
import { GuideCheckView, GuideUpload } from './GuideCheck';
import { kindLabel } from './listing-text';

type Detail = MethodOutput<'listing.get'>;
type Product = Detail['product'];
type StepState = Product['steps'][number];

/**
 * One product's readiness: the steps its kind goes through, each ticked with the day it was done
 * and a note; the user-guide check (upload → each item covered with its evidence, or missing in the
 * seed's words) and the earlier checks.
 */
export function ListingDrawer({ productId, onClose, onChanged }: { productId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { data: detail, problem, load } = useLoaded((c) => c.call('listing.get', { productId }), productId);
  const changed = () => {
    load();
    onChanged();
  };

  const product = detail?.product;
  return (
    <Drawer
      open
      size={720}
      title={product ? t('listing.drawer.title', { name: product.productName }) : productId}
      onClose={onClose}
      data-testid="listing-drawer"
    >
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {detail && product && (
        <div className="listing-drawer" data-ready={product.ready}>
          <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}>
            <Descriptions.Item label={t('listing.columns.product')} span={2}>
              {product.productName}
            </Descriptions.Item>
            <Descriptions.Item label={t('listing.drawer.productId')}>
              <Typography.Text copyable translate="no">
                {product.productId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('listing.drawer.productType')}>
              {t(`vocab.productType.${product.productType}`, { defaultValue: product.productType })}
            </Descriptions.Item>
            <Descriptions.Item label={t('listing.drawer.accessType')}>{kindLabel(product, t)}</Descriptions.Item>
            <Descriptions.Item label={t('listing.columns.ready')}>
              <CellTag color={product.ready ? 'green' : 'gold'}>{product.ready ? t('listing.ready') : t('listing.notReady')}</CellTag>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5}>{t('listing.drawer.steps')}</Typography.Title>
          {product.kind === null ? (
            <Alert type="warning" showIcon message={t('listing.drawer.kindUnknown')} />
          ) : product.steps.length === 0 ? (
            <Typography.Text type="secondary">{t('listing.drawer.noSteps')}</Typography.Text>
          ) : (
            <div className="listing-steps" data-testid="listing-steps">
              {product.steps.map((step) => (
                <StepEditor key={`${step.step}-${step.updatedAt ?? 0}`} productId={product.productId} state={step} timeZone={timeZone} onSaved={changed} />
              ))}
            </div>
          )}

          <Typography.Title level={5}>{t('listing.drawer.guide')}</Typography.Title>
          {product.kind !== null && <GuideUpload productId={product.productId} onChecked={changed} />}
          {detail.guide && <GuideCheckView check={detail.guide} />}

          <Typography.Title level={5}>{t('listing.drawer.history')}</Typography.Title>
          {detail.history.length <= 1 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('listing.drawer.noHistory')} style={{ margin: 0 }} />
          ) : (
            <Collapse
              size="small"
              items={detail.history.slice(1).map((check, i) => ({
                key: String(i),
                label: (
                  <span className="agents-history-label">
                    <span>{formatTime(check.checkedAt, timeZone)}</span>
                    <span translate="no">{check.fileName}</span>
                    <CellTag color={check.passed ? 'green' : 'red'}>{check.passed ? t('listing.guidePassed') : t('listing.guideFailed')}</CellTag>
                  </span>
                ),
                children: <GuideCheckView check={check} testId={`listing-history-${i}`} />,
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

/** One step: done or not, the day it was done (Beijing), a note; saved with 保存 (remounted when the saved step changes). */
function StepEditor({ productId, state, timeZone, onSaved }: { productId: string; state: StepState; timeZone: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [done, setDone] = useState(state.done);
  const [date, setDate] = useState<Dayjs | null>(state.date ? dayjs(state.date) : null);
  const [note, setNote] = useState(state.note ?? '');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await client!.call('listing.tick', {
        productId,
        step: state.step,
        done,
        ...(done && date ? { date: date.format('YYYY-MM-DD') } : {}),
        note: note.trim(),
      });
      void message.success(t('listing.drawer.saved', { step: t(`listing.steps.${state.step}`) }));
      onSaved();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="listing-step" data-testid={`listing-step-${state.step}`} data-done={state.done}>
      <Checkbox checked={done} onChange={(e) => setDone(e.target.checked)} data-testid={`listing-step-${state.step}-done`}>
        <strong>{t(`listing.steps.${state.step}`)}</strong>
      </Checkbox>
      <DatePicker
        size="small"
        value={date}
        disabled={!done}
        onChange={setDate}
        placeholder={t('listing.drawer.date')}
        style={{ width: 140 }}
        data-testid={`listing-step-${state.step}-date`}
      />
      <Input
        size="small"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        placeholder={t('listing.drawer.notePlaceholder')}
        className="listing-step-note"
      />
      <Button size="small" loading={saving} onClick={() => void save()} data-testid={`listing-step-${state.step}-save`}>
        {t('listing.drawer.save')}
      </Button>
      {state.updatedAt !== null && <small className="listing-muted">{formatTime(state.updatedAt, timeZone)}</small>}
    </div>
  );
}
