import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The request the backend check sends, as the registration form and the checker both enter it. */

export const HTTP_METHODS = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface HeaderRow {
  name?: string;
  value?: string;
}

/** The headers filled in (rows without a name dropped), as the contract takes them. */
export function headersOf(rows: HeaderRow[] | undefined): { name: string; value: string }[] {
  return (rows ?? []).filter((r) => r.name?.trim()).map((r) => ({ name: r.name!.trim(), value: r.value ?? '' }));
}

/** The body text as JSON: undefined when empty; an error when it is not JSON. */
export function parseBody(text: string | undefined): { ok: true; body: unknown } | { ok: false; message: string } {
  if (!text?.trim()) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** GET, POST …: protocol words, not translated. */
export function MethodSelect({ value, onChange, testId }: { value?: HttpMethod; onChange?: (value: HttpMethod) => void; testId?: string }) {
  return (
    <div translate="no">
      <Select value={value} onChange={onChange} options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} style={{ width: 104 }} data-testid={testId} />
    </div>
  );
}

/** Name / value rows, added and removed; names are HTTP header names (the core checks them). */
export function HeadersList({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name="headers">
      {(fields, { add, remove }) => (
        <div className="agents-headers" data-testid={testId}>
          {fields.map((field) => (
            <div key={field.key} className="agents-header-row" translate="no">
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('agents.form.headerNameRequired') }]} noStyle>
                <Input placeholder={t('agents.form.headerName')} style={{ width: '38%' }} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']} noStyle>
                <Input placeholder={t('agents.form.headerValue')} style={{ flex: 1 }} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('receivers.remove')} />
            </div>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })} data-testid={`${testId}-add`}>
            {t('agents.form.addHeader')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The JSON body: checked as JSON before anything is sent. */
export function BodyField({ label, help, rows = 4, testId }: { label: string; help?: string; rows?: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="body"
      label={label}
      extra={help}
      rules={[
        {
          validator: (_, value: string | undefined) => {
            const parsed = parseBody(value);
            return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t('agents.form.bodyInvalid', { message: parsed.message })));
          },
        },
      ]}
    >
      <Input.TextArea rows={rows} className="agents-code-input" translate="no" spellCheck={false} data-testid={testId} />
    </Form.Item>
  );
}
