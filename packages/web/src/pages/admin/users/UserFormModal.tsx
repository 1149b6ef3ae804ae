// Create an account (username, name, unit, initial password) or edit one (name, unit, active).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryKeys, usersApi } from '../../../api/services';
import type { User } from '../../../api/types';
import { useErrorHandler } from '../../../utils/errors';
import { PASSWORD_MAX_LENGTH, meetsPasswordPolicy } from '../../../utils/password';

interface UserForm {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
  active: boolean;
}

const FIELDS = ['username', 'displayName', 'unitId', 'password', 'active'];

interface Props {
  user: User | null;
  unitOptions: { value: string; label: string }[];
  onClose: () => void;
}

export default function UserFormModal({ user, unitOptions, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const isNew = user === null;

  const save = useMutation({
    mutationFn: (values: UserForm) =>
      isNew
        ? usersApi.create({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            unitId: values.unitId,
            password: values.password,
          })
        : usersApi.update(user.id, {
            displayName: values.displayName.trim(),
            unitId: values.unitId,
            active: values.active,
          }),
    onSuccess: async () => {
      void message.success(isNew ? t('common.created') : t('common.saved'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      ]);
      onClose();
    },
    onError: (e) => onError(e, form, FIELDS),
  });

  return (
    <Modal
      open
      title={isNew ? t('users.create') : t('users.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={{
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          unitId: user?.unitId ?? undefined,
          active: user?.active ?? true,
        }}
        onFinish={(values) => save.mutate(values)}
        data-testid="user-form"
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={isNew ? [{ required: true, whitespace: true, message: t('users.usernameRequired') }] : []}
        >
          <Input maxLength={64} disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('users.unit')}
          rules={[{ required: true, message: t('users.unitRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
        </Form.Item>
        {isNew ? (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.passwordPolicy')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('users.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || meetsPasswordPolicy(value, String(getFieldValue('username') ?? '').trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('users.passwordPolicyViolation'))),
              }),
            ]}
          >
            <Input.Password maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" />
          </Form.Item>
        ) : (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
