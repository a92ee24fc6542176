import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage, marketplaceCodeText } from '../../app/error-message';
import { formatTime, instantOfPickerValue, pickerValueInZone, zoneName } from '../../app/format-time';
import { useCore } from '../../stores/core-store';

type Flow = MethodOutput<'supervision.get'>['flow'];
type Answer = MethodOutput<'supervision.activateLicense'>;
export interface LicenseAnswerShown {
  kind: 'activate' | 'query';
  output: Answer;
}
interface FormValues {
  license: string;
  effect?: Dayjs | null;
  version: 'v1' | 'v2';
}

const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/**
 * 激活授权码: the flow's code (or one typed), an optional 实际生效时间 picked in the seller's zone
 * (not before the order time, when the order is cached), and the API version. The answer — the
 * marketplace's code, or "queued" while it cannot be reached — is shown by the drawer.
 */
export function LicenseDialog({ flow, onClose, onAnswered }: { flow: Flow; onClose: () => void; onAnswered: (answer: Answer) => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [form] = Form.useForm<FormValues>();
  const [orderTime, setOrderTime] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (flow.orderStatus === null) return;
    void client
      ?.call('orders.get', { orderId: flow.orderId })
      .then((detail) => setOrderTime(detail.order.createdAt))
      .catch(() => setOrderTime(null));
  }, [client, flow.orderId, flow.orderStatus]);
  const earliest = orderTime === null ? null : pickerValueInZone(orderTime, timeZone);

  const submit = async (values: FormValues) => {
    setError(null);
    setSending(true);
    try {
      const answer = await client!.call('supervision.activateLicense', {
        license: values.license.trim(),
        version: values.version,
        flowId: flow.flowId,
        ...(values.effect ? { realEffectTime: instantOfPickerValue(values.effect, timeZone) } : {}),
      });
      onAnswered(answer);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={t('supervision.license.activate')}
      okText={t('supervision.license.activate')}
      cancelText={t('review.cancel')}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'license-submit' } as ButtonProps}
      destroyOnHidden
      data-testid="license-dialog"
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ license: flow.licenseCode ?? '', version: 'v1' }}>
        <Form.Item
          name="license"
          label={t('supervision.license.code')}
          rules={[{ required: true, whitespace: true, message: t('supervision.license.codeRequired') }]}
        >
          <Input translate="no" autoComplete="off" data-testid="license-code" />
        </Form.Item>
        <Form.Item
          name="effect"
          label={t('supervision.license.effectTime', { zone: zoneName(timeZone) })}
          extra={earliest ? t('supervision.license.effectHelp', { orderTime: formatTime(orderTime!, timeZone) }) : t('supervision.license.effectHelpNoOrder')}
          rules={[
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && orderTime !== null && instantOfPickerValue(value, timeZone) < orderTime
                  ? Promise.reject(new Error(t('supervision.license.beforeOrder', { orderTime: formatTime(orderTime, timeZone) })))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime
            format={TIME_FORMAT}
            style={{ width: 240 }}
            disabledDate={(day) => earliest !== null && day.isBefore(earliest, 'day')}
            data-testid="license-effect-time"
          />
        </Form.Item>
        <Form.Item name="version" label={t('supervision.license.version')}>
          <Radio.Group
            options={(['v1', 'v2'] as const).map((v) => ({ value: v, label: t(`supervision.license.versions.${v}`) }))}
            data-testid="license-version"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="license-error" />}
    </Modal>
  );
}

/** 查询授权码: ALIVE / EXPIRED / RELEASED and when it was activated, asked at once. */
export function QueryLicenseButton({ license, onAnswer }: { license: string; onAnswer: (answer: Answer) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    try {
      onAnswer(await client!.call('supervision.queryLicense', { license, version: 'v1' }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setAsking(false);
    }
  };
  return (
    <Button loading={asking} onClick={() => void ask()} data-testid="supervision-query-license">
      {t('supervision.license.query')}
    </Button>
  );
}

/** The License API's answer in words: success with the code's state, the refusal with its code and meaning, or queued. */
export function LicenseAnswer({ answer, timeZone, onClose }: { answer: LicenseAnswerShown; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { kind, output } = answer;
  const common = { showIcon: true, closable: true, onClose, 'data-testid': 'license-answer', 'data-code': output.code ?? '', 'data-kind': kind };
  if (output.queued) return <Alert type="info" message={t('supervision.license.queued')} {...common} />;
  if (!output.ok) {
    // a refusal: the code's meaning first, the code beside it ("License 参数无效（92020002）")
    const code = output.code ? marketplaceCodeText(output.code) : '-';
    return (
      <Alert
        type="error"
        message={t(kind === 'activate' ? 'supervision.license.activateFailed' : 'supervision.license.queryFailed', { code })}
        description={output.message || undefined}
        {...common}
      />
    );
  }
  const status = output.status ? t(`vocab.licenseStatus.${output.status}`) : t('supervision.license.statusUnknown');
  const lines =
    kind === 'activate'
      ? [
          t('supervision.license.status', { status }),
          output.expireTime !== null ? t('supervision.license.expireTime', { time: formatTime(output.expireTime, timeZone) }) : null,
        ]
      : [
          t('supervision.license.status', { status }),
          t('supervision.license.activateTime', {
            time: output.activateTime === null ? t('supervision.license.notActivated') : formatTime(output.activateTime, timeZone),
          }),
        ];
  return (
    <Alert
      type="success"
      message={t(kind === 'activate' ? 'supervision.license.activated' : 'supervision.license.queried', { code: output.code ?? '-' })}
      description={
        <Typography.Text>
          {lines
            .filter((l): l is string => l !== null)
            .map((l) => (
              <div key={l}>{l}</div>
            ))}
        </Typography.Text>
      }
      {...common}
    />
  );
}
