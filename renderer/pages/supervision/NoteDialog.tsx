import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An action that takes a note: 交付 and 申诉 need one; the others and the recorded steps take one if given. */
export interface NoteRequest {
  kind: 'deliver' | 'appeal' | 'confirmRequirement' | 'confirmComplete' | 'customerPassed' | 'customerRejected' | 'huaweiPassed';
  required: boolean;
}

/** The note for an action, then the action: the dialog stays open (with the reason shown by the drawer) if it is refused. */
export function NoteDialog({ request, onClose, onSubmit }: { request: NoteRequest; onClose: () => void; onSubmit: (note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [sending, setSending] = useState(false);
  const submit = async ({ note }: { note?: string }) => {
    setSending(true);
    try {
      await onSubmit(note ?? '');
    } finally {
      setSending(false);
    }
  };
  const key = `supervision.notes.${request.kind}`;
  return (
    <Modal
      open
      title={t(`${key}.title`)}
      okText={t(`${key}.ok`)}
      okButtonProps={{ danger: request.kind === 'appeal' || request.kind === 'customerRejected', 'data-testid': 'note-submit' } as ButtonProps}
      cancelText={t('review.cancel')}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="note-dialog"
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="note"
          label={t(`${key}.label`)}
          extra={t(`${key}.help`, { defaultValue: '' }) || undefined}
          rules={request.required ? [{ required: true, whitespace: true, message: t('supervision.noteRequired') }] : []}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t(request.required ? 'supervision.noteRequiredPlaceholder' : 'supervision.noteOptional')}
            data-testid="note-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
