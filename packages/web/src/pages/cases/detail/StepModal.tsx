// One modal for every step of a case that takes a few fields (a finding, the feedback, a re-check, the reply…):
// the caller gives the fields and what to do with the values; a server error lands on the field it names.
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorText, formHasPath } from '../../../utils/errors';
import { formPathOf } from '../../../utils/formPath';

interface Props<V> {
  title: string;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
}

export default function StepModal<V extends object>({
  title,
  okText,
  danger,
  width,
  initialValues,
  children,
  onSubmit,
  onClose,
}: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const finish = async (values: V) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      const path = e instanceof ApiError ? formPathOf(e.field, (p) => formHasPath(form, p), {}) : undefined;
      if (path) form.setFields([{ name: path as never, errors: [errorText(e)] }]);
      else setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'case-step-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
