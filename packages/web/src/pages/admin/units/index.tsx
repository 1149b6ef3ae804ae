// Units (单位): sys_admin creates and edits; supervisor and leader read the list.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits, useCategories } from '../../../api/hooks';
import { queryKeys, unitsApi } from '../../../api/services';
import type { Unit, UnitQuery } from '../../../api/types';
import { UNIT_KINDS } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { unitKindName } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import UnitFormModal from './UnitFormModal';
import ExportButton from '../../../components/ExportButton';

type StatusFilter = 'true' | 'false' | undefined;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { access } = useAuth();
  const canEdit = access.unitsEdit;
  const [kind, setKind] = useState<string | undefined>();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [status, setStatus] = useState<StatusFilter>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const params: UnitQuery = {
    kind,
    categoryId,
    q: q || undefined,
    active: status === undefined ? undefined : status === 'true',
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: queryKeys.unitList(params),
    queryFn: ({ signal }) => unitsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  const categories = useCategories();
  // parent names come from the full list (a county has dozens of units)
  const all = useAllUnits();
  const nameById = new Map((all.data ?? []).map((u) => [u.id, u.name]));

  const columns: TableColumnsType<Unit> = [
    { title: t('units.name'), dataIndex: 'name', width: 200 },
    {
      title: t('units.shortName'),
      dataIndex: 'shortName',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('units.kind'), dataIndex: 'kind', width: 100, render: (v: string) => unitKindName(v) },
    {
      title: t('units.category'),
      dataIndex: 'categoryName',
      width: 160,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('units.parent'),
      dataIndex: 'parentId',
      width: 180,
      render: (v: string | null) => (v ? (nameById.get(v) ?? v) : '—'),
    },
    { title: t('units.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) =>
        v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, unit) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(unit)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const resetPage = () => setPage(1);

  return (
    <PageContainer
      title={t('units.title')}
      extra={
        <>
          <ExportButton path="/units/export.xlsx" fallbackName="benpao-units.xlsx" query={params} />
          {canEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="unit-create"
            >
              {t('units.create')}
            </Button>
          ) : null}
        </>
      }
    >
      {canEdit ? null : <Alert type="info" showIcon title={t('units.readOnlyHint')} />}
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('units.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => {
              setQ(value.trim());
              resetPage();
            }}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="unit-search"
          />
          <Select
            allowClear
            placeholder={t('units.filterKind')}
            value={kind}
            onChange={(v: string | undefined) => {
              setKind(v);
              resetPage();
            }}
            options={UNIT_KINDS.map((k) => ({ value: k, label: unitKindName(k) }))}
            style={{ width: 140 }}
            data-testid="unit-filter-kind"
          />
          <Select
            allowClear
            placeholder={t('units.filterCategory')}
            value={categoryId}
            onChange={(v: string | undefined) => {
              setCategoryId(v);
              resetPage();
            }}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            loading={categories.isLoading}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('units.filterStatus')}
            value={status}
            onChange={(v: StatusFilter) => {
              setStatus(v);
              resetPage();
            }}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
            style={{ width: 120 }}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Unit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="unit-table"
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
      {canEdit && editing ? (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          units={all.data ?? []}
          categories={categories.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </PageContainer>
  );
}
