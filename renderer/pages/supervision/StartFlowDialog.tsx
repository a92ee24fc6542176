import { Alert, App as AntApp, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionFlowType } from '../../../electron/core/conventions';
import { SUPERVISION_FLOW_TYPES } from '../../../electron/core/conventions';
import { errorMessage } from '../../app/error-message';
import { useCore } from '../../stores/core-store';

interface FormValues {
  orderId: string;
  flowType: SupervisionFlowType;
  productName?: string;
  licenseCode?: string;
}

const LICENSE_TYPES: readonly SupervisionFlowType[] = ['license_online_code', 'license_2_0'];

/**
 * 新建监管流程: an order's flow started here (KooGallery lists none), from the cached order or by
 * hand with its product name; License flows may carry their code for 激活授权码.
 */
export function StartFlowDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (flowId: string) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<FormValues>();
  const flowType = Form.useWatch('flowType', form);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (values: FormValues) => {
    setError(null);
    setSending(true);
    const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    try {
      const productName = text(values.productName);
      const licenseCode = LICENSE_TYPES.includes(values.flowType) ? text(values.licenseCode) : undefined;
      const flow = await client!.call('supervision.start', {
        orderId: values.orderId.trim(),
        flowType: values.flowType,
        ...(productName ? { productName } : {}),
        ...(licenseCode ? { licenseCode } : {}),
      });
      void message.success(t('supervision.start.done', { orderId: flow.orderId }));
      onStarted(flow.flowId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      title={t('supervision.newFlow')}
      okText={t('supervision.start.ok')}
      cancelText={t('review.cancel')}
      okButtonProps={{ 'data-testid': 'start-submit' } as ButtonProps}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="start-dialog"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('supervision.start.note')} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="orderId"
          label={t('supervision.fields.orderId')}
          rules={[{ required: true, whitespace: true, message: t('supervision.start.orderRequired') }]}
        >
          <Input translate="no" autoComplete="off" data-testid="start-order-id" />
        </Form.Item>
        <Form.Item name="flowType" label={t('supervision.fields.flowType')} rules={[{ required: true, message: t('supervision.start.typeRequired') }]}>
          <Select options={SUPERVISION_FLOW_TYPES.map((v) => ({ value: v, label: t(`vocab.supervisionFlowType.${v}`) }))} data-testid="start-flow-type" />
        </Form.Item>
        <Form.Item name="productName" label={t('supervision.start.productName')} extra={t('supervision.start.productHelp')}>
          <Input maxLength={200} data-testid="start-product-name" />
        </Form.Item>
        {flowType && LICENSE_TYPES.includes(flowType) && (
          <Form.Item name="licenseCode" label={t('supervision.start.licenseCode')}>
            <Input translate="no" maxLength={64} autoComplete="off" data-testid="start-license-code" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="start-error" />}
    </Modal>
  );
}
