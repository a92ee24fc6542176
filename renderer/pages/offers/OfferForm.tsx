import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { formatShare } from '../../app/format-money';
import { instantOfPickerValue, pickerValueInZone } from '../../app/format-time';
import { coreNow } from '../../app/use-now';
import { useCore } from '../../stores/core-store';
import { fenOfYuan, fractionOfPercent, rateOfZhe, type ProductChoice } from './offer-format';
import type { Requirement } from './RequirementDrawer';
import { BEIJING, useSalesAction } from './SalesParts';

/** How the form opens: empty (创建商家优惠) or from a requirement 需求转化中 (its customer, product and provider). */
export interface OfferFormStart {
  requirement?: Requirement;
}

interface Values {
  requirementId?: string;
  share?: number;
  name: string;
  customerName: string;
  customerAccount?: string;
  productId: string;
  skuCode?: string;
  terms: 'discount' | 'price';
  discount?: number;
  price?: number;
  validity: [Dayjs, Dayjs];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * 创建商家优惠: a 联营 product (the only kind an offer can be for), optionally one of its specs, a
 * 商务折扣 (8.5 折 → 0.85) or an 优惠价格 (元 → fen), a validity in Beijing time and the customer; from
 * a requirement 需求转化中 the customer and product are its own and its provider gets the share —
 * the expected share at first, never above the maximum. 提交 sends it; 存为草稿 keeps it here.
 * The core checks every rule again and its refusal shows in the form.
 */
export function OfferForm({
  start,
  products,
  onClose,
  onCreated,
}: {
  start: OfferFormStart;
  products: ProductChoice[];
  onClose: () => void;
  onCreated: (offerId: string) => void;
}) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<'submit' | 'draft' | null>(null);
  const { announce } = useSalesAction();
  const converting = useConvertingRequirements(start.requirement);
  const requirementId = Form.useWatch('requirementId', form);
  const productId = Form.useWatch('productId', form);
  const terms = Form.useWatch('terms', form);
  const requirement = converting.find((r) => r.requirementId === requirementId) ?? null;
  const product = products.find((p) => p.productId === productId) ?? null;
  const initial = useMemo(() => initialValues(start.requirement, t), [start.requirement, t]);

  /** A requirement chosen: its customer and product, and the share it expects. */
  const chooseRequirement = (id: string | undefined) => {
    const chosen = converting.find((r) => r.requirementId === id);
    if (!chosen) {
      form.setFieldsValue({ share: undefined });
      return;
    }
    const name = form.getFieldValue('name') as string | undefined;
    form.setFieldsValue({
      customerName: chosen.customerName,
      customerAccount: chosen.customerAccount ?? undefined,
      productId: chosen.productId,
      skuCode: undefined,
      share: percentOf(chosen.expectedShare),
      ...(name ? {} : { name: t('offers.form.nameDefault', { customer: chosen.customerName }).slice(0, 100) }),
    });
  };

  const send = async (submit: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSending(submit ? 'submit' : 'draft');
    try {
      const { offer } = await client!.call('offers.create', inputOf(values, requirement, submit));
      await announce(t('offers.created'), submit ? 'send' : 'draft');
      onCreated(offer.offerId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(null);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('offers.create')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="offer-form"
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
      footer={
        <Space>
          <Button onClick={onClose}>{t('sales.cancel')}</Button>
          <Button loading={sending === 'draft'} disabled={sending !== null} onClick={() => void send(false)} data-testid="offer-form-draft">
            {t('sales.saveDraft')}
          </Button>
          <Button type="primary" loading={sending === 'submit'} disabled={sending !== null} onClick={() => void send(true)} data-testid="offer-form-submit">
            {t('sales.submitNow')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} className="sales-form">
        <Form.Item name="requirementId" label={t('offers.form.requirement')} extra={t('offers.form.requirementHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={start.requirement !== undefined}
            placeholder={converting.length === 0 ? t('offers.form.requirementNone') : undefined}
            options={converting.map((r) => ({ value: r.requirementId, label: `${r.requirementId} · ${r.customerName} · ${r.productName}` }))}
            onChange={(id: string | undefined) => chooseRequirement(id)}
            data-testid="offer-form-requirement"
          />
        </Form.Item>
        {requirement && (
          <Space size={24} align="start" style={{ display: 'flex' }}>
            <Form.Item label={t('offers.form.provider')}>
              <Typography.Text data-testid="offer-form-provider">{requirement.providerName}</Typography.Text>
            </Form.Item>
            <Form.Item
              name="share"
              label={t('offers.form.share')}
              extra={t('offers.form.shareHelp', { expected: formatShare(requirement.expectedShare), max: formatShare(requirement.maxShare) })}
              rules={[{ required: true, message: t('offers.form.shareRequired') }]}
            >
              <InputNumber
                min={0}
                max={percentOf(requirement.maxShare)}
                precision={2}
                step={1}
                suffix="%"
                style={{ width: 140 }}
                data-testid="offer-form-share"
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="name" label={t('offers.form.name')} rules={[{ required: true, whitespace: true, message: t('offers.form.nameRequired') }]}>
          <Input maxLength={100} data-testid="offer-form-name" />
        </Form.Item>
        <Space size={12} align="start" style={{ display: 'flex' }}>
          <Form.Item
            name="customerName"
            label={t('offers.form.customerName')}
            rules={[{ required: true, whitespace: true, message: t('offers.form.customerRequired') }]}
            style={{ width: 300 }}
          >
            <Input maxLength={200} disabled={requirement !== null} data-testid="offer-form-customer" />
          </Form.Item>
          <Form.Item name="customerAccount" label={t('offers.form.customerAccount')} style={{ width: 260 }}>
            <Input maxLength={64} translate="no" disabled={requirement !== null} data-testid="offer-form-account" />
          </Form.Item>
        </Space>
        <Form.Item
          name="productId"
          label={t('offers.form.product')}
          extra={products.length === 0 ? t('offers.form.noProducts') : t('offers.form.jointOnly')}
          rules={[{ required: true, message: t('offers.form.productRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={requirement !== null}
            options={products.map((p) => ({ value: p.productId, label: p.name }))}
            onChange={() => form.setFieldsValue({ skuCode: undefined })}
            data-testid="offer-form-product"
          />
        </Form.Item>
        <Form.Item name="skuCode" label={t('offers.form.sku')}>
          <Select
            allowClear
            placeholder={t('offers.allSkus')}
            disabled={!product || product.skus.length === 0}
            options={product?.skus.map((s) => ({ value: s.skuCode, label: `${s.name}（${s.skuCode}）` })) ?? []}
            data-testid="offer-form-sku"
          />
        </Form.Item>
        <Form.Item name="terms" label={t('offers.form.terms')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'discount', label: t('offers.form.byDiscount') },
              { value: 'price', label: t('offers.form.byPrice') },
            ]}
            data-testid="offer-form-terms"
          />
        </Form.Item>
        {terms === 'price' ? (
          <Form.Item name="price" label={t('offers.form.price')} rules={[{ required: true, message: t('offers.form.priceRequired') }]}>
            <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: 200 }} data-testid="offer-form-price" />
          </Form.Item>
        ) : (
          <Form.Item
            name="discount"
            label={t('offers.form.discount')}
            extra={t('offers.form.discountHelp')}
            rules={[{ required: true, message: t('offers.form.discountRequired') }]}
          >
            <InputNumber min={0.1} max={9.99} precision={2} step={0.5} style={{ width: 200 }} data-testid="offer-form-discount" />
          </Form.Item>
        )}
        <Form.Item name="validity" label={t('offers.form.validity')} rules={[{ required: true, message: t('offers.form.validityRequired') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 360 }} data-testid="offer-form-validity" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="offer-form-error" />}
    </Modal>
  );
}

/** Requirements an offer can be made from: 需求转化中 (the one the form was opened from, whatever else there is). */
function useConvertingRequirements(fixed: Requirement | undefined): Requirement[] {
  const client = useCore((s) => s.client);
  const [rows, setRows] = useState<Requirement[]>(fixed ? [fixed] : []);
  useEffect(() => {
    if (fixed || !client) return;
    void client.call('requirements.page', { filters: { state: 'converting' }, limit: 500 }).then((page) => setRows(page.rows));
  }, [client, fixed]);
  return rows;
}

function initialValues(requirement: Requirement | undefined, t: (key: string, values: Record<string, string>) => string): Partial<Values> {
  // from the next whole hour, for 30 days
  const from = Math.ceil(coreNow() / HOUR_MS) * HOUR_MS;
  const base: Partial<Values> = { terms: 'discount', validity: [pickerValueInZone(from, BEIJING), pickerValueInZone(from + 30 * DAY_MS, BEIJING)] };
  if (!requirement) return base;
  return {
    ...base,
    requirementId: requirement.requirementId,
    share: percentOf(requirement.expectedShare),
    name: t('offers.form.nameDefault', { customer: requirement.customerName }).slice(0, 100),
    customerName: requirement.customerName,
    customerAccount: requirement.customerAccount ?? undefined,
    productId: requirement.productId,
  };
}

function percentOf(fraction: number): number {
  return Number((fraction * 100).toFixed(2));
}

function inputOf(values: Values, requirement: Requirement | null, submit: boolean): MethodInput<'offers.create'> {
  const account = values.customerAccount?.trim();
  return {
    name: values.name.trim(),
    customerName: values.customerName.trim(),
    ...(account ? { customerAccount: account } : {}),
    productId: values.productId,
    ...(values.skuCode ? { skuCode: values.skuCode } : {}),
    ...(values.terms === 'price' ? { priceFen: fenOfYuan(values.price!) } : { discountRate: rateOfZhe(values.discount!) }),
    validFrom: instantOfPickerValue(values.validity[0], BEIJING),
    validUntil: instantOfPickerValue(values.validity[1], BEIJING),
    ...(requirement ? { requirementId: requirement.requirementId, share: fractionOfPercent(values.share ?? percentOf(requirement.expectedShare)) } : {}),
    submit,
  };
}
