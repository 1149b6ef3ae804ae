// Accounts (sys_admin): list, create, edit, unlock, reset password. Roles are granted elsewhere (security_admin).
import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits } from '../../../api/hooks';
import { queryKeys, usersApi } from '../../../api/services';
import type { User, UserQuery } from '../../../api/types';
import { ROLE_CODES } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import RoleTags from '../../../components/RoleTags';
import { roleName } from '../../../i18n';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { formatDateTime, isLocked } from '../../../utils/format';
import ResetPasswordModal from './ResetPasswordModal';
import UserFormModal from './UserFormModal';
import ExportButton from '../../../components/ExportButton';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const params: UserQuery = { unitId, role, q: q || undefined, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  const units = useAllUnits();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  const unlock = useMutation({
    mutationFn: (user: User) => usersApi.unlock(user.id),
    onSuccess: async () => {
      void message.success(t('users.unlocked'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 220,
      render: (roles: string[]) => <RoleTags roles={roles} />,
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, user) => (
        <Space size={4} wrap>
          {user.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          {isLocked(user.lockedUntil) ? (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="error">{t('users.locked')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 280,
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          {isLocked(user.lockedUntil) ? (
            <Popconfirm
              title={t('users.unlockConfirm', { name: user.displayName })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => unlock.mutateAsync(user).catch(() => undefined)}
            >
              <Button type="link" size="small" icon={<UnlockOutlined />}>
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('users.title')}
      subTitle={t('users.rolesHint')}
      extra={
        <>
          <ExportButton path="/users/export.xlsx" fallbackName="benpao-accounts.xlsx" query={params} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        </>
      }
    >
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="user-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('users.filterUnit')}
            value={unitId}
            onChange={(v: string | undefined) => {
              setUnitId(v);
              setPage(1);
            }}
            options={unitOptions}
            loading={units.isLoading}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="user-filter-unit"
          />
          <Select
            allowClear
            placeholder={t('users.filterRole')}
            value={role}
            onChange={(v: string | undefined) => {
              setRole(v);
              setPage(1);
            }}
            options={ROLE_CODES.map((code) => ({ value: code, label: roleName(code) }))}
            style={{ width: 180 }}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="user-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </PageContainer>
  );
}
