import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { useCore } from '../../stores/core-store';
import { BadRowsTable } from '../../components/BadRowsTable';

/** One usage record by hand, validated by the core exactly like an import. */
export function ManualUsageForm() {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [result, setResult] = useState<MethodOutput<'usage.capture'> | null>(null);
  const submit = async (values: MethodInput<'usage.capture'>) => setResult(await client!.call('usage.capture', values));
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => void submit(values)} initialValues={{ billing_cycle: 'hourly' }}>
      <Form.Item name="instance_id" label={t('usage.instanceId')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="begin_time" label={t('usage.beginTime')} rules={[{ required: true, pattern: /^\d{8}T\d{6}Z$/ }]}>
        <Input placeholder="20261124T050000Z" />
      </Form.Item>
      <Form.Item name="end_time" label={t('usage.endTime')} rules={[{ required: true, pattern: /^\d{8}T\d{6}Z$/ }]}>
        <Input placeholder="20261124T055959Z" />
      </Form.Item>
      <Form.Item name="usage_value" label={t('usage.usageValue')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="billing_cycle" label={t('usage.billingCycle')}>
        <Select
          options={[
            { value: 'hourly', label: t('usage.hourly') },
            { value: 'daily', label: t('usage.daily') },
          ]}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('usage.submit')}
      </Button>
      {result && (
        <div style={{ marginTop: 16 }}>
          {result.queued > 0 ? (
            <Alert type="success" showIcon message={t('usage.queued', { count: result.queued })} />
          ) : (
            <>
              <Alert type="error" showIcon message={t('usage.refused', { count: result.problems.length })} />
              <BadRowsTable problems={result.problems} testId="usage-problems" />
            </>
          )}
        </div>
      )}
    </Form>
  );
}
