import { Alert, App as AntApp, AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { EXPIRY_MS, formatSdrTime, reportingWindow, type BillingCycle } from '../../../electron/core/conventions';
import { badRowText, errorMessage, fieldName } from '../../app/error-message';
import { formatTime, instantOfPickerValue, pickerValueInZone, zoneName } from '../../app/format-time';
import { coreNow, useNow } from '../../app/use-now';
import { useCore } from '../../stores/core-store';

type Instance = MethodOutput<'usage.instances'>[number];
interface FormValues {
  instance_id: string;
  begin: Dayjs;
  end: Dayjs;
  usage_value: string;
  billing_cycle: BillingCycle;
}
const HOUR_MS = 3_600_000;
const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/**
 * One usage record by hand: an instance the cache knows (or typed), the metering period picked in
 * the seller's time zone (sent as UTC), the value. Validated by the core exactly like an import; a
 * record whose reporting window has already closed is queued only after the seller confirms.
 */
export function ManualUsageForm() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [form] = Form.useForm<FormValues>();
  const [result, setResult] = useState<MethodOutput<'usage.capture'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const instances = useInstances();
  const now = useNow(15_000);
  const end = Form.useWatch('end', form);
  const begin = Form.useWatch('begin', form);
  const cycle = Form.useWatch('billing_cycle', form) ?? 'hourly';
  // the defaults: the last full hour when the form opens
  const [initialValues] = useState(() => {
    const lastHour = Math.floor(coreNow() / HOUR_MS) * HOUR_MS - HOUR_MS;
    return { billing_cycle: 'hourly' as const, begin: pickerValueInZone(lastHour, timeZone), end: pickerValueInZone(lastHour + HOUR_MS - 1000, timeZone) };
  });
  const reporting = end ? reportingWindow(instantOfPickerValue(end, timeZone), cycle) : null;
  const closed = reporting !== null && reporting.closesAt < now;
  const tooOld = begin ? instantOfPickerValue(begin, timeZone) < now - EXPIRY_MS : false;

  const send = async (values: FormValues) => {
    setError(null);
    try {
      setResult(
        await client!.call('usage.capture', {
          instance_id: values.instance_id,
          begin_time: formatSdrTime(instantOfPickerValue(values.begin, timeZone)),
          end_time: formatSdrTime(instantOfPickerValue(values.end, timeZone)),
          usage_value: values.usage_value,
          billing_cycle: values.billing_cycle,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const submit = (values: FormValues) => {
    if (!closed) return void send(values);
    modal.confirm({
      title: t('usage.lateConfirmTitle'),
      content: t(tooOld ? 'usage.tooOldWarning' : 'usage.lateWarning', windowValues()),
      okText: t('usage.queueAnyway'),
      cancelText: t('review.cancel'),
      onOk: () => send(values),
    });
  };
  const windowValues = () =>
    reporting ? { opens: formatTime(reporting.opensAt, timeZone), closes: formatTime(reporting.closesAt, timeZone).slice(11), zone: zoneName(timeZone) } : {};

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={submit} initialValues={initialValues} data-testid="usage-manual-form">
      <Form.Item name="instance_id" label={t('usage.instanceId')} rules={[{ required: true, whitespace: true, message: t('usage.instanceRequired') }]}>
        <AutoComplete
          options={instances.map((i) => ({ value: i.instanceId, label: instanceLabel(i) }))}
          filterOption={(typed, option) => String(option?.value ?? '').includes(typed) || String(option?.label ?? '').includes(typed)}
          placeholder={t('usage.instancePlaceholder')}
          onSelect={(id: string) => {
            const cycleOf = instances.find((i) => i.instanceId === id)?.billingCycle;
            if (cycleOf) form.setFieldValue('billing_cycle', cycleOf);
          }}
          data-testid="usage-instance"
        />
      </Form.Item>
      <Space wrap size="middle" align="start">
        <Form.Item name="begin" label={t('usage.beginTime', { zone: zoneName(timeZone) })} rules={[{ required: true, message: t('usage.timeRequired') }]}>
          <DatePicker showTime format={TIME_FORMAT} data-testid="usage-begin" />
        </Form.Item>
        <Form.Item name="end" label={t('usage.endTime', { zone: zoneName(timeZone) })} rules={[{ required: true, message: t('usage.timeRequired') }]}>
          <DatePicker showTime format={TIME_FORMAT} data-testid="usage-end" />
        </Form.Item>
        <Form.Item name="billing_cycle" label={t('usage.billingCycle')}>
          <Select
            style={{ width: 120 }}
            options={(['hourly', 'daily'] as const).map((c) => ({ value: c, label: t(`vocab.billingCycle.${c}`) }))}
            data-testid="usage-cycle"
          />
        </Form.Item>
      </Space>
      {reporting && (
        <Alert
          type={closed ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="usage-window-note"
          message={t(closed ? (tooOld ? 'usage.tooOldWarning' : 'usage.lateWarning') : 'usage.windowNote', windowValues())}
        />
      )}
      <Form.Item name="usage_value" label={t('usage.usageValue')} rules={[{ required: true, whitespace: true, message: t('usage.valueRequired') }]}>
        <Input style={{ width: 200 }} inputMode="decimal" data-testid="usage-value" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="usage-submit">
        {t('usage.submit')}
      </Button>
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} message={error} data-testid="usage-error" />}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="usage-capture-result">
          {result.queued > 0 ? (
            <Alert type="success" showIcon message={t('usage.queued', { count: result.queued })} />
          ) : (
            <Alert
              type="error"
              showIcon
              message={t('usage.refused', { count: result.problems.length })}
              description={
                // a form has fields, not rows and columns: each problem names its field
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="usage-problems">
                  {result.problems.map((problem, i) => (
                    <li key={i}>
                      {fieldName(problem.column)}：{badRowText(problem)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </Form>
  );
}

function instanceLabel(instance: Instance): string {
  return [instance.instanceId, instance.productName, instance.customerName].filter(Boolean).join(' · ');
}

function useInstances(): Instance[] {
  const client = useCore((s) => s.client);
  const [instances, setInstances] = useState<Instance[]>([]);
  useEffect(() => {
    void client?.call('usage.instances', {}).then(setInstances);
  }, [client]);
  return instances;
}
