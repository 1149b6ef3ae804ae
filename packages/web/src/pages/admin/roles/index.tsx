// Role grants (security_admin): who holds which role. Accounts themselves belong to the system administrator.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits, useRoles } from '../../../api/hooks';
import { queryKeys, usersApi } from '../../../api/services';
import type { User, UserQuery } from '../../../api/types';
import { DEFAULT_ROLES, ROLE_CODES } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import RoleTags from '../../../components/RoleTags';
import { roleDescription, roleName, tDynamic } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import RoleEditModal from './RoleEditModal';

export default function RolesPage() {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | null>(null);

  const params: UserQuery = { unitId, role, q: q || undefined, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  const roles = useRoles();
  const units = useAllUnits();
  const catalogue = roles.data ?? DEFAULT_ROLES;

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
    {
      title: t('roles.roles'),
      dataIndex: 'roles',
      render: (codes: string[]) => <RoleTags roles={codes} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 100,
      render: (_: unknown, user) => (
        <Button
          type="link"
          size="small"
          icon={<SafetyCertificateOutlined />}
          // nobody grants roles to themselves (the server refuses it too)
          disabled={user.id === me.id}
          onClick={() => setEditing(user)}
        >
          {t('roles.edit')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('roles.title')}>
      <Alert type="info" showIcon title={t('roles.hint')} />
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
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            loading={units.isLoading}
            style={{ width: 220, maxWidth: '100%' }}
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
          data-testid="role-table"
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
      <Collapse
        items={[
          {
            key: 'catalogue',
            label: t('roles.catalogue'),
            children: (
              <Descriptions
                column={1}
                size="small"
                bordered
                items={catalogue.map((r) => ({
                  key: r.code,
                  label: (
                    <Flex vertical gap={4}>
                      <span>{roleName(r.code)}</span>
                      <Tag style={{ width: 'fit-content' }}>{tDynamic(`roleScope.${r.scope}`, r.scope)}</Tag>
                    </Flex>
                  ),
                  children: roleDescription(r.code) || r.code,
                }))}
              />
            ),
          },
        ]}
      />
      {editing ? (
        <RoleEditModal user={editing} roles={roles.data ?? null} onClose={() => setEditing(null)} />
      ) : null}
    </PageContainer>
  );
}
