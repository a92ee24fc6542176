import { Alert, App as AntApp, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoreCallError } from '../../../electron/core/contract';
import { receiverProblems, type ReceiverField } from '../../../electron/core/conventions';
import { errorMessage, reasonMessage, reasonText } from '../../app/error-message';
import { useCore } from '../../stores/core-store';
import type { Category, Receiver } from './receivers-text';
import { categoryName } from './receivers-text';

interface ReceiverForm {
  name: string;
  email?: string;
  mobile?: string;
}

const FIELDS: readonly ReceiverField[] = ['name', 'email', 'mobile'];

/**
 * Adds or edits a receiver of a category: name, email, mobile. Each problem is shown under its field
 * in the core's words (email format, mainland mobile, the contact a channel needs) — checked here as
 * the seller types, and again by the core, whose answer wins.
 */
export function ReceiverDialog({
  category,
  receiver,
  onClose,
  onSaved,
}: {
  category: Category;
  receiver: Receiver | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [form] = Form.useForm<ReceiverForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = categoryName(category, t);

  /** The rules of conventions/receivers.ts, under each field (the first problem of each). */
  const showProblems = (values: ReceiverForm): boolean => {
    const problems = receiverProblems({ name: values.name ?? '', email: values.email ?? null, mobile: values.mobile ?? null }, category.channels);
    form.setFields(
      FIELDS.map((field) => {
        const found = problems.find((p) => p.field === field);
        return { name: field, errors: found ? [reasonMessage(`receivers.${found.reason}`, { value: found.value })] : [] };
      }),
    );
    return problems.length === 0;
  };

  const submit = async () => {
    const values = form.getFieldsValue();
    setProblem(null);
    if (!showProblems(values)) return;
    setSaving(true);
    try {
      const fields = { name: values.name.trim(), email: values.email?.trim() ?? '', mobile: values.mobile?.trim() ?? '' };
      if (receiver) {
        await client!.call('receivers.update', {
          receiverId: receiver.receiverId,
          name: fields.name,
          email: fields.email || null,
          mobile: fields.mobile || null,
        });
        void message.success(t('receivers.updated', { name: fields.name }));
      } else {
        await client!.call('receivers.add', {
          categoryCode: category.code,
          name: fields.name,
          ...(fields.email ? { email: fields.email } : {}),
          ...(fields.mobile ? { mobile: fields.mobile } : {}),
        });
        void message.success(t('receivers.added', { name: fields.name }));
      }
      onSaved();
    } catch (error) {
      // the core names each field that is wrong: shown under it, and together above
      if (error instanceof CoreCallError && error.issues?.length) {
        form.setFields(
          error.issues
            .filter((issue) => (FIELDS as readonly string[]).includes(issue.path))
            .map((issue) => ({ name: issue.path as ReceiverField, errors: [reasonText(issue.reason, issue.params)] })),
        );
      }
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(receiver ? 'receivers.form.editTitle' : 'receivers.form.addTitle', { category: name })}
      okText={t('receivers.form.ok')}
      cancelText={t('sales.cancel')}
      okButtonProps={{ 'data-testid': 'receiver-submit' } as ButtonProps}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="receiver-dialog"
    >
      <Form<ReceiverForm>
        form={form}
        layout="vertical"
        initialValues={{ name: receiver?.name ?? '', email: receiver?.email ?? '', mobile: receiver?.mobile ?? '' }}
        onFinish={() => void submit()}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('receivers.form.help')}
        </Typography.Paragraph>
        <Form.Item name="name" label={t('receivers.form.name')} required>
          <Input maxLength={64} data-testid="receiver-name" />
        </Form.Item>
        <Form.Item name="email" label={t('receivers.form.email')}>
          <Input placeholder={t('receivers.form.emailPlaceholder')} data-testid="receiver-email" />
        </Form.Item>
        <Form.Item name="mobile" label={t('receivers.form.mobile')}>
          <Input placeholder={t('receivers.form.mobilePlaceholder')} data-testid="receiver-mobile" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon message={problem} data-testid="receiver-error" />}
    </Modal>
  );
}
