import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENTS_CHECK_TIMEOUT_MS } from '../../../electron/core/conventions';
import { errorMessage } from '../../app/error-message';
import { useCore } from '../../stores/core-store';
import type { BackendCheck } from './check-text';
import { CheckResult } from './CheckResult';
import { BodyField, headersOf, HeadersList, MethodSelect, parseBody, type HeaderRow, type HttpMethod } from './RequestFields';

interface CheckerForm {
  url: string;
  method: HttpMethod;
  timeoutSeconds: number;
  headers?: HeaderRow[];
  body?: string;
}

const DEFAULT_SECONDS = AGENTS_CHECK_TIMEOUT_MS / 1000;

/**
 * 后端检查, usable without a registration: one request to the backend as the gateway sends it,
 * then every check of the answer. It always ends — at the latest after the timeout (30 s unless
 * changed) — so the seller waits with a spinner, never on a hang.
 */
export function BackendChecker() {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<CheckerForm>();
  const [running, setRunning] = useState<number | null>(null);
  const [result, setResult] = useState<BackendCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = useRef<HTMLDivElement>(null);
  // the verdict comes into view when it arrives (the column scrolls, the window never does)
  useEffect(() => {
    if (result || problem) shown.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result, problem]);

  const run = async (values: CheckerForm) => {
    const parsed = parseBody(values.body);
    if (!client || !parsed.ok) return;
    const seconds = values.timeoutSeconds || DEFAULT_SECONDS;
    setRunning(seconds);
    setProblem(null);
    setResult(null);
    try {
      const answer = await client.call('agents.check', {
        url: values.url.trim(),
        method: values.method,
        headers: headersOf(values.headers),
        ...(parsed.body !== undefined ? { body: parsed.body } : {}),
        timeoutMs: Math.round(seconds * 1000),
      });
      setResult(answer);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('agents.checker.title')}
      className="agents-card"
      data-testid="agents-checker"
      data-state={running !== null ? 'running' : result ? 'done' : 'idle'}
    >
      <Typography.Paragraph type="secondary" className="agents-help">
        {t('agents.checker.help')}
      </Typography.Paragraph>
      <Form<CheckerForm>
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ method: 'POST', timeoutSeconds: DEFAULT_SECONDS, headers: [] }}
        onFinish={(values) => void run(values)}
        disabled={running !== null}
        className="agents-checker-form"
      >
        <div className="agents-checker-row">
          <Form.Item
            name="url"
            label={t('agents.checker.url')}
            rules={[{ required: true, whitespace: true, message: t('agents.checker.urlRequired') }]}
            className="agents-grow"
          >
            <Input placeholder="https://" translate="no" data-testid="agents-check-url" />
          </Form.Item>
          <Form.Item name="method" label={t('agents.checker.method')}>
            <MethodSelect testId="agents-check-method" />
          </Form.Item>
          <Form.Item name="timeoutSeconds" label={t('agents.checker.timeout')}>
            <InputNumber min={1} max={120} style={{ width: 88 }} data-testid="agents-check-timeout" />
          </Form.Item>
        </div>
        <Form.Item label={t('agents.form.headers')}>
          <HeadersList testId="agents-check-headers" />
        </Form.Item>
        <BodyField label={t('agents.form.body')} rows={3} testId="agents-check-body" />
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={running !== null} data-testid="agents-check-run">
          {t('agents.checker.run')}
        </Button>
      </Form>
      {running !== null && (
        <div className="agents-running" data-testid="agents-check-running">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('agents.checker.running', { seconds: running })}</Typography.Text>
        </div>
      )}
      <div ref={shown}>
        {problem && <Alert type="error" showIcon message={problem} data-testid="agents-check-error" style={{ marginTop: 12 }} />}
        {result && <CheckResult result={result} />}
      </div>
    </Card>
  );
}
