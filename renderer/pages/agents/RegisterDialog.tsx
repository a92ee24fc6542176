import { Alert, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENTS_AUTH_MODES,
  AGENTS_REGION,
  backendUrlProblem,
  backendUrlWarning,
  HUAWEI_CLOUD_REGIONS,
  type AgentsAuthMode,
} from '../../../electron/core/conventions';
import { errorMessage, reasonMessage } from '../../app/error-message';
import { useCore } from '../../stores/core-store';
import { useSalesAction } from '../offers/SalesParts';
import { BodyField, headersOf, HeadersList, MethodSelect, parseBody, type HeaderRow, type HttpMethod } from './RequestFields';

interface RegisterForm {
  productName: string;
  productId?: string;
  backendUrl: string;
  authMode: AgentsAuthMode;
  region: string;
  method: HttpMethod;
  headers?: HeaderRow[];
  body?: string;
}

const REGIONS = Object.keys(HUAWEI_CLOUD_REGIONS) as (keyof typeof HUAWEI_CLOUD_REGIONS)[];

/**
 * 注册Agents: product, backend URL, auth mode, region (华北-北京四 only: another shows the rule at
 * once, and the core refuses it too), and the request the checks send. Kept here; the registration
 * itself is made in Seller Center from the submission sheet.
 */
export function RegisterDialog({ onClose, onRegistered }: { onClose: () => void; onRegistered: (registrationId: string) => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const { announce } = useSalesAction();
  const [form] = Form.useForm<RegisterForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [products, setProducts] = useState<{ productId: string; name: string }[]>([]);
  useEffect(() => {
    client
      ?.call('agents.products', {})
      .then(setProducts)
      .catch(() => setProducts([]));
  }, [client]);
  const region = Form.useWatch('region', form) ?? AGENTS_REGION;
  const authMode = Form.useWatch('authMode', form) ?? 'aksk';
  const backendUrl = Form.useWatch('backendUrl', form) ?? '';
  const plainHttp = backendUrl && !backendUrlProblem(backendUrl.trim()) && backendUrlWarning(backendUrl.trim()) === 'plainHttp';

  const submit = async (values: RegisterForm) => {
    const parsed = parseBody(values.body);
    if (!client || !parsed.ok) return;
    setSaving(true);
    setProblem(null);
    try {
      const registration = await client.call('agents.register', {
        productName: values.productName.trim(),
        ...(values.productId ? { productId: values.productId } : {}),
        backendUrl: values.backendUrl.trim(),
        authMode: values.authMode,
        region: values.region,
        method: values.method,
        headers: headersOf(values.headers),
        ...(parsed.body !== undefined ? { body: parsed.body } : {}),
      });
      await announce(t('agents.form.done'));
      onRegistered(registration.registrationId);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('agents.form.title')}
      okText={t('agents.form.ok')}
      cancelText={t('sales.cancel')}
      okButtonProps={{ 'data-testid': 'agents-register-submit' } as ButtonProps}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="agents-register-dialog"
    >
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ authMode: 'aksk', region: AGENTS_REGION, method: 'POST', headers: [] }}
        onFinish={(values) => void submit(values)}
        className="agents-register-form"
      >
        <div className="agents-form-pair">
          <Form.Item
            name="productName"
            label={t('agents.form.productName')}
            extra={t('agents.form.productNameHelp')}
            rules={[{ required: true, whitespace: true, message: t('agents.form.productNameRequired') }]}
          >
            <Input maxLength={200} data-testid="agents-form-product-name" />
          </Form.Item>
          <Form.Item name="productId" label={t('agents.form.productId')} extra={t('agents.form.productIdHelp')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('agents.form.productIdPlaceholder')}
              options={products.map((p) => ({ value: p.productId, label: `${p.name} (${p.productId})` }))}
              onChange={(productId?: string) => {
                const product = products.find((p) => p.productId === productId);
                if (product) form.setFieldValue('productName', product.name);
              }}
              notFoundContent={t('agents.form.noGeneralProducts')}
              data-testid="agents-form-product-id"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="backendUrl"
          label={t('agents.form.backendUrl')}
          extra={t('agents.form.backendUrlHelp')}
          rules={[
            { required: true, whitespace: true, message: t('agents.form.backendUrlRequired') },
            {
              validator: (_, value?: string) =>
                !value?.trim() || !backendUrlProblem(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('agents.form.backendUrlInvalid'))),
            },
          ]}
        >
          <Input placeholder="https://" translate="no" data-testid="agents-form-backend-url" />
        </Form.Item>
        {plainHttp && <Alert type="warning" showIcon message={t('agents.plainHttp')} style={{ marginBottom: 12 }} />}
        <Form.Item name="authMode" label={t('agents.form.authMode')} extra={t(`agents.authModeHelp.${authMode}`)}>
          <Radio.Group data-testid="agents-form-auth-mode">
            {AGENTS_AUTH_MODES.map((mode) => (
              <Radio key={mode} value={mode}>
                {t(`agents.authModes.${mode}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <div className="agents-form-pair">
          <Form.Item name="region" label={t('agents.form.region')}>
            <Select options={REGIONS.map((code) => ({ value: code, label: t(`agents.regions.${code}`) }))} data-testid="agents-form-region" />
          </Form.Item>
          <Form.Item name="method" label={t('agents.form.method')}>
            <MethodSelect testId="agents-form-method" />
          </Form.Item>
        </div>
        {region !== AGENTS_REGION && (
          <Alert
            type="error"
            showIcon
            data-testid="agents-region-refused"
            message={reasonMessage('agents.region', { region: t(`agents.regions.${region}`) })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item label={t('agents.form.headers')} extra={t('agents.form.headersHelp')}>
          <HeadersList testId="agents-form-headers" />
        </Form.Item>
        <BodyField label={t('agents.form.body')} help={t('agents.form.bodyHelp')} rows={3} testId="agents-form-body" />
      </Form>
      {problem && <Alert type="error" showIcon message={problem} data-testid="agents-register-error" />}
    </Modal>
  );
}
