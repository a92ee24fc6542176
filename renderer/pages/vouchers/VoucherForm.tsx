import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../electron/core/contract';
import { VOUCHER_CATEGORIES, type VoucherCategory } from '../../../electron/core/conventions';
import { errorMessage } from '../../app/error-message';
import { instantOfPickerValue, pickerValueInZone } from '../../app/format-time';
import { coreNow } from '../../app/use-now';
import { useCore } from '../../stores/core-store';
import { fenOfYuan, type ProductChoice } from '../offers/offer-format';
import { BEIJING, useSalesAction } from '../offers/SalesParts';

interface Values {
  name: string;
  voucherType: 'full_reduction';
  threshold: number;
  discount: number;
  category: VoucherCategory;
  productIds: string[];
  /** Per product: the specs it is limited to (none: the whole product). */
  specs?: Record<string, string[] | undefined>;
  validity: [Dayjs, Dayjs];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * 发布代金券: a 满减券 (the only type KooGallery has: 云商店当前仅支持满减券) — 使用门槛 and 减免金额 in
 * yuan, a category (通用商品 / 联营商品), on-sale products of it (each whole or limited to some of its
 * specs), and a validity that does not start in the past. The form hints at the amounts' rule; the
 * core decides, and its refusal shows here.
 */
export function VoucherForm({ onClose, onCreated }: { onClose: () => void; onCreated: (voucherId: string) => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<'submit' | 'draft' | null>(null);
  const { announce } = useSalesAction();
  const category = Form.useWatch('category', form) ?? 'general';
  const chosen = Form.useWatch('productIds', form);
  const products = useOnSaleProducts(category);
  const initial = useMemo(() => initialValues(), []);
  const chosenProducts = useMemo(() => products.filter((p) => chosen?.includes(p.productId) && p.skus.length > 0), [products, chosen]);

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
      const { voucher } = await client!.call('vouchers.create', inputOf(values, submit));
      await announce(t('vouchers.created'), submit ? 'send' : 'draft');
      onCreated(voucher.voucherId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(null);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={t('vouchers.publish')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="voucher-form"
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
      footer={
        <Space>
          <Button onClick={onClose}>{t('sales.cancel')}</Button>
          <Button loading={sending === 'draft'} disabled={sending !== null} onClick={() => void send(false)} data-testid="voucher-form-draft">
            {t('sales.saveDraft')}
          </Button>
          <Button type="primary" loading={sending === 'submit'} disabled={sending !== null} onClick={() => void send(true)} data-testid="voucher-form-submit">
            {t('sales.submitNow')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('vouchers.form.name')} rules={[{ required: true, whitespace: true, message: t('vouchers.form.nameRequired') }]}>
          <Input maxLength={60} showCount data-testid="voucher-form-name" />
        </Form.Item>
        <Form.Item name="voucherType" label={t('vouchers.form.type')} extra={<span data-testid="voucher-type-rule">{t('vouchers.form.typeRule')}</span>}>
          <Select
            disabled
            options={[{ value: 'full_reduction', label: t('vocab.voucherType.full_reduction') }]}
            style={{ width: 200 }}
            data-testid="voucher-form-type"
          />
        </Form.Item>
        <Space size={12} align="start" style={{ display: 'flex' }}>
          <Form.Item
            name="threshold"
            label={t('vouchers.form.threshold')}
            extra={t('vouchers.form.thresholdHelp')}
            rules={[{ required: true, message: t('vouchers.form.thresholdRequired') }]}
            style={{ width: 220 }}
          >
            <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: '100%' }} data-testid="voucher-form-threshold" />
          </Form.Item>
          <Form.Item
            name="discount"
            label={t('vouchers.form.discount')}
            extra={t('vouchers.form.discountHelp')}
            dependencies={['threshold']}
            rules={[
              { required: true, message: t('vouchers.form.discountRequired') },
              // a hint only: the core decides (and says why)
              {
                warningOnly: true,
                validator: (_, value: number | null) => {
                  const threshold = form.getFieldValue('threshold') as number | null;
                  const bad = typeof value === 'number' && (value <= 0 || (typeof threshold === 'number' && value >= threshold));
                  return bad ? Promise.reject(new Error(t('vouchers.form.discountHint'))) : Promise.resolve();
                },
              },
            ]}
            style={{ width: 260 }}
          >
            <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} data-testid="voucher-form-discount" />
          </Form.Item>
        </Space>
        <Form.Item name="category" label={t('vouchers.form.category')}>
          <Radio.Group
            optionType="button"
            options={VOUCHER_CATEGORIES.map((c) => ({ value: c, label: t(`vocab.productType.${c}`) }))}
            onChange={() => form.setFieldsValue({ productIds: [], specs: {} })}
            data-testid="voucher-form-category"
          />
        </Form.Item>
        <Form.Item
          name="productIds"
          label={t('vouchers.form.products')}
          extra={products.length === 0 ? t('vouchers.form.noProducts') : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('vouchers.form.productsRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={products.map((p) => ({ value: p.productId, label: p.name }))}
            data-testid="voucher-form-products"
          />
        </Form.Item>
        {chosenProducts.length > 0 && (
          <Form.Item label={t('vouchers.form.specs')}>
            <div className="voucher-specs" data-testid="voucher-form-specs">
              {chosenProducts.map((p) => (
                <div key={p.productId} className="voucher-spec-row">
                  <Typography.Text ellipsis title={p.name} className="voucher-spec-name">
                    {p.name}
                  </Typography.Text>
                  <Form.Item name={['specs', p.productId]} noStyle>
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('vouchers.form.specsPlaceholder')}
                      options={p.skus.map((s) => ({ value: s.skuCode, label: `${s.name}（${s.skuCode}）` }))}
                      style={{ flex: 1, minWidth: 0 }}
                    />
                  </Form.Item>
                </div>
              ))}
            </div>
          </Form.Item>
        )}
        <Form.Item
          name="validity"
          label={t('vouchers.form.validity')}
          extra={t('vouchers.form.validityHelp')}
          rules={[{ required: true, message: t('vouchers.form.validityRequired') }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(day) => day.isBefore(pickerValueInZone(coreNow(), BEIJING), 'day')}
            style={{ width: 360 }}
            data-testid="voucher-form-validity"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="voucher-form-error" />}
    </Modal>
  );
}

/** The on-sale products of the chosen category a voucher can apply to. */
function useOnSaleProducts(category: VoucherCategory): ProductChoice[] {
  const client = useCore((s) => s.client);
  const [products, setProducts] = useState<{ category: VoucherCategory; list: ProductChoice[] } | null>(null);
  useEffect(() => {
    if (!client) return;
    let current = true;
    void client.call('vouchers.products', { category }).then((list) => current && setProducts({ category, list }));
    return () => {
      current = false;
    };
  }, [client, category]);
  return products?.category === category ? products.list : [];
}

function initialValues(): Partial<Values> {
  // from the next whole hour, for 30 days
  const from = Math.ceil((coreNow() + 1) / HOUR_MS) * HOUR_MS;
  return {
    voucherType: 'full_reduction',
    category: 'general',
    productIds: [],
    validity: [pickerValueInZone(from, BEIJING), pickerValueInZone(from + 30 * DAY_MS, BEIJING)],
  };
}

function inputOf(values: Values, submit: boolean): MethodInput<'vouchers.create'> {
  const scope = values.productIds.flatMap((productId) => {
    const specs = values.specs?.[productId] ?? [];
    return specs.length > 0 ? specs.map((skuCode) => ({ productId, skuCode })) : [{ productId }];
  });
  return {
    name: values.name.trim(),
    voucherType: values.voucherType,
    thresholdFen: fenOfYuan(values.threshold),
    discountFen: fenOfYuan(values.discount),
    category: values.category,
    scope,
    validFrom: instantOfPickerValue(values.validity[0], BEIJING),
    validUntil: instantOfPickerValue(values.validity[1], BEIJING),
    submit,
  };
}
