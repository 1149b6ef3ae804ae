// Grant roles to one user: a multi-select of role codes shown with their localised names and descriptions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Form, Modal, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryKeys, usersApi } from '../../../api/services';
import type { RoleInfo, User } from '../../../api/types';
import { DEFAULT_ROLES } from '../../../api/types';
import { breaksSeparation } from '../../../access';
import { roleDescription, roleName, tDynamic } from '../../../i18n';
import { useErrorHandler } from '../../../utils/errors';

interface Props {
  user: User;
  /** GET /api/roles; null while unknown (then every known code is offered) */
  roles: RoleInfo[] | null;
  onClose: () => void;
}

export default function RoleEditModal({ user, roles, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: string[] }>();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const selected = Form.useWatch('roles', form) ?? user.roles;
  const catalogue: readonly RoleInfo[] = roles ?? DEFAULT_ROLES;
  const scopeOf = new Map(catalogue.map((r) => [r.code, r.scope]));

  const save = useMutation({
    mutationFn: (codes: string[]) => usersApi.setRoles(user.id, codes),
    onSuccess: async () => {
      void message.success(t('roles.saved'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
    onError: (e) => onError(e, form, ['roles']),
  });

  return (
    <Modal
      open
      title={t('roles.editTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: user.roles }}
        onFinish={(v) => save.mutate(v.roles)}
      >
        <Form.Item name="roles" label={t('roles.roles')}>
          <Select
            mode="multiple"
            allowClear
            // eight options: no virtual list, so that every option is in the DOM (and findable by tests)
            virtual={false}
            listHeight={400}
            placeholder={t('roles.selectRoles')}
            data-testid="role-select"
            options={catalogue.map((r) => ({ value: r.code, label: roleName(r.code) }))}
            optionRender={(option) => {
              const code = String(option.value);
              return (
                <Flex vertical style={{ whiteSpace: 'normal' }}>
                  <span>{roleName(code)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {roleDescription(code)}
                  </Typography.Text>
                </Flex>
              );
            }}
          />
        </Form.Item>
      </Form>
      {breaksSeparation(selected, catalogue) ? (
        <Alert type="warning" showIcon title={t('roles.separationWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex vertical gap={8}>
        {selected.map((code) => (
          <div key={code}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{roleName(code)}</Typography.Text>
              {scopeOf.get(code) ? <Tag>{tDynamic(`roleScope.${scopeOf.get(code)}`, code)}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary">{roleDescription(code)}</Typography.Text>
          </div>
        ))}
      </Flex>
    </Modal>
  );
}
