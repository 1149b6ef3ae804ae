import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../../api/services';
import type { User } from '../../../api/types';
import { useErrorHandler } from '../../../utils/errors';
import { PASSWORD_MAX_LENGTH, meetsPasswordPolicy } from '../../../utils/password';

interface Props {
  user: User;
  onClose: () => void;
}

export default function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const onError = useErrorHandler();

  const reset = useMutation({
    mutationFn: (password: string) => usersApi.resetPassword(user.id, password),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (e) => onError(e, form, ['password']),
  });

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.password)} autoComplete="off">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordPolicy')}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || meetsPasswordPolicy(value, user.username)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordPolicyViolation'))),
            },
          ]}
        >
          <Input.Password maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
