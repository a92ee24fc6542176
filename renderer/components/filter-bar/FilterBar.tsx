import { Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayRangeInZone } from '../../app/format-time';
import { useCore } from '../../stores/core-store';

/** One field of a page's filter form, declared as data: the form, 查询 and 重置 are the same everywhere. */
export type FilterField<F> =
  | { kind: 'text'; name: keyof F & string; label: string; width?: number; placeholder?: string; testId?: string }
  | { kind: 'select'; name: keyof F & string; label: string; options: { value: string; label: string }[]; width?: number; testId?: string }
  | { kind: 'month'; name: keyof F & string; label: string; testId?: string }
  /** A "仅看…" switch: checked sets the filter to true, unchecked leaves it out. */
  | { kind: 'check'; name: keyof F & string; label: string; testId?: string }
  | { kind: 'dayRange'; from: keyof F & string; to: keyof F & string; label: string; testId?: string };

/**
 * A filter form as Seller Center has it: fill in the fields, then 查询 (or Enter) applies them all
 * at once; 重置 clears them. Day ranges are days in the seller's time zone; months are YYYY-MM.
 * Remount it (a new `key`) to clear it from outside, e.g. from an empty table's 清除筛选.
 */
function FilterBarInner<F extends object>({
  fields,
  onApply,
  initial,
  testId,
}: {
  fields: FilterField<F>[];
  onApply: (filters: Partial<F>) => void;
  /** Values the form starts with (text and select fields), e.g. those a link brought to the page. */
  initial?: Partial<F>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const apply = () => onApply(filtersFrom(fields, form.getFieldsValue() as Record<string, unknown>, timeZone));
  // 重置 empties every field, also those a link filled in (resetFields would bring back `initial`)
  const reset = () => {
    form.setFieldsValue(Object.fromEntries(fields.map((field) => [fieldKey(field), undefined])));
    apply();
  };
  return (
    <Form form={form} layout="inline" className="filter-bar" onFinish={apply} initialValues={initial} data-testid={testId}>
      {fields.map((field) => (
        <Form.Item
          key={fieldKey(field)}
          name={fieldKey(field)}
          label={field.kind === 'check' ? undefined : field.label}
          valuePropName={field.kind === 'check' ? 'checked' : undefined}
        >
          {control(field, t)}
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" data-testid={testId && `${testId}-query`}>
        {t('filters.query')}
      </Button>
      <Button onClick={reset} data-testid={testId && `${testId}-reset`}>
        {t('filters.reset')}
      </Button>
    </Form>
  );
}

export const FilterBar = memo(FilterBarInner) as unknown as typeof FilterBarInner;

function fieldKey<F>(field: FilterField<F>): string {
  return field.kind === 'dayRange' ? `${field.from}~${field.to}` : field.name;
}

function control<F>(field: FilterField<F>, t: (key: string) => string) {
  switch (field.kind) {
    case 'text':
      return <Input allowClear placeholder={field.placeholder} style={{ width: field.width ?? 160 }} data-testid={field.testId} />;
    case 'select':
      return <Select allowClear placeholder={t('filters.any')} style={{ width: field.width ?? 120 }} options={field.options} data-testid={field.testId} />;
    case 'month':
      return <DatePicker picker="month" data-testid={field.testId} />;
    case 'check':
      return <Checkbox data-testid={field.testId}>{field.label}</Checkbox>;
    case 'dayRange':
      return <DatePicker.RangePicker data-testid={field.testId} style={{ width: 240 }} />;
  }
}

/** The form's values as the core's filters: trimmed text, YYYY-MM months, [from, to) instants of days in `timeZone`. */
function filtersFrom<F>(fields: FilterField<F>[], values: Record<string, unknown>, timeZone: string): Partial<F> {
  const filters: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[fieldKey(field)];
    if (field.kind === 'text') filters[field.name] = typeof value === 'string' && value.trim() ? value.trim() : undefined;
    else if (field.kind === 'select') filters[field.name] = value ?? undefined;
    else if (field.kind === 'check') filters[field.name] = value === true ? true : undefined;
    else if (field.kind === 'month') filters[field.name] = value ? (value as Dayjs).format('YYYY-MM') : undefined;
    else {
      const range = value as [Dayjs | null, Dayjs | null] | null | undefined;
      const { from, to } = dayRangeInZone(range?.[0], range?.[1], timeZone);
      filters[field.from] = from;
      filters[field.to] = to;
    }
  }
  return filters as Partial<F>;
}
