// A modal asking for a reason (return a report, cancel an item, refuse a request…), required or optional.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../utils/errors';

interface Props {
  title: string;
  description?: string;
  required: boolean;
  okText?: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

export default function ReasonModal({
  title,
  description,
  required,
  okText,
  danger,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const finish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit((reason ?? '').trim());
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.field === 'reason')
        form.setFields([{ name: 'reason', errors: [e.message] }]);
      else setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'reason-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        {description ? <p>{description}</p> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form.Item
          name="reason"
          label={required ? t('common.reason') : t('common.reasonOptional')}
          rules={required ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
