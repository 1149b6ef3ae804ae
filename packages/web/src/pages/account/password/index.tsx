// Change one's own password (everyone signed in): POST /api/auth/password.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../../api/services';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { useErrorHandler } from '../../../utils/errors';
import { PASSWORD_MAX_LENGTH, meetsPasswordPolicy } from '../../../utils/password';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'];

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [form] = Form.useForm<PasswordForm>();
  const onError = useErrorHandler();

  const change = useMutation({
    mutationFn: (v: PasswordForm) => authApi.changePassword(v.currentPassword, v.newPassword),
    onSuccess: () => {
      void message.success(t('password.changed'));
      form.resetFields();
    },
    onError: (e) => onError(e, form, FIELDS),
  });

  return (
    <PageContainer title={t('password.title')}>
      <Card style={{ maxWidth: 520 }}>
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          onFinish={(v) => change.mutate(v)}
          disabled={change.isPending}
          data-testid="password-form"
        >
          {/* lets password managers pair the new password with the account */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('users.passwordPolicy')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('password.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  if (!meetsPasswordPolicy(value, user.username))
                    return Promise.reject(new Error(t('users.passwordPolicyViolation')));
                  if (value === getFieldValue('currentPassword'))
                    return Promise.reject(new Error(t('password.sameAsCurrent')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
