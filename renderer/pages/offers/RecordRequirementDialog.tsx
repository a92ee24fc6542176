import { Alert, App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Select, Space, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { instantOfPickerValue, pickerValueInZone } from '../../app/format-time';
import { coreNow } from '../../app/use-now';
import { useCore } from '../../stores/core-store';
import { fractionOfPercent, type ProductChoice } from './offer-format';
import { BEIJING } from './SalesParts';

interface Values {
  requirementId: string;
  providerName: string;
  customerName: string;
  customerAccount?: string;
  productId: string;
  expectedShare: number;
  maxShare: number;
  createdAt: Dayjs;
}

/**
 * 登记客户需求 (the local path): KooGallery lists no requirements, so one received in Seller Center is
 * recorded here with its provider, customer, 联营 product, shares and when it was raised (its 5 days
 * to accept count from then); the core checks the expected share against the maximum.
 */
export function RecordRequirementDialog({
  products,
  onClose,
  onRecorded,
}: {
  products: ProductChoice[];
  onClose: () => void;
  onRecorded: (requirementId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const required = [{ required: true, whitespace: true, message: t('requirements.record.required') }];
  const submit = async (values: Values) => {
    setError(null);
    setSending(true);
    try {
      const account = values.customerAccount?.trim();
      const row = await client!.call('requirements.record', {
        requirementId: values.requirementId.trim(),
        providerName: values.providerName.trim(),
        customerName: values.customerName.trim(),
        ...(account ? { customerAccount: account } : {}),
        productId: values.productId,
        expectedShare: fractionOfPercent(values.expectedShare),
        maxShare: fractionOfPercent(values.maxShare),
        createdAt: instantOfPickerValue(values.createdAt, BEIJING),
      });
      void message.success(t('requirements.record.done', { id: row.requirementId }));
      onRecorded(row.requirementId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t('requirements.record.title')}
      okText={t('requirements.record.ok')}
      cancelText={t('sales.cancel')}
      okButtonProps={{ 'data-testid': 'record-requirement-submit' } as ButtonProps}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="record-requirement-dialog"
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('requirements.record.note')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ createdAt: pickerValueInZone(Math.floor(coreNow() / 60_000) * 60_000, BEIJING) }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="requirementId" label={t('requirements.fields.requirementId')} rules={required}>
          <Input maxLength={64} translate="no" autoComplete="off" />
        </Form.Item>
        <Form.Item name="providerName" label={t('requirements.fields.providerName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size={12} align="start" style={{ display: 'flex' }}>
          <Form.Item name="customerName" label={t('requirements.fields.customerName')} rules={required} style={{ width: 290 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="customerAccount" label={t('offers.form.customerAccount')} style={{ width: 230 }}>
            <Input maxLength={64} translate="no" />
          </Form.Item>
        </Space>
        <Form.Item name="productId" label={t('requirements.record.product')} rules={[{ required: true, message: t('offers.form.productRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={products.map((p) => ({ value: p.productId, label: p.name }))} />
        </Form.Item>
        <Space size={12} align="start" style={{ display: 'flex' }}>
          <Form.Item
            name="expectedShare"
            label={t('requirements.record.expectedShare')}
            rules={[{ required: true, message: t('requirements.record.required') }]}
          >
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="maxShare" label={t('requirements.record.maxShare')} rules={[{ required: true, message: t('requirements.record.required') }]}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Form.Item name="createdAt" label={t('requirements.record.createdAt')} rules={[{ required: true, message: t('requirements.record.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
