// The audit log (audit_admin, read-only): every change with who, when, before/after; the hash chain can be
// verified from here.
import { CloseOutlined, SafetyOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Input, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi, queryKeys } from '../../../api/services';
import type { AuditEntry, AuditQuery, AuditVerify } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { formatDateTime } from '../../../utils/format';
import ExportButton from '../../../components/ExportButton';

type Range = [Dayjs | null, Dayjs | null] | null;

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        padding: 8,
        maxHeight: 360,
        overflow: 'auto',
        fontSize: 12,
        background: 'rgba(0,0,0,0.03)',
        borderRadius: 6,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function VerifyResult({ result }: { result: AuditVerify }) {
  const { t } = useTranslation();
  if (result.ok || !result.firstBroken) {
    return (
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        title={t('audit.verifyOk', { checked: result.checked })}
        data-testid="audit-verify-result"
        data-ok={String(result.ok)}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.verifyBroken', {
        id: result.firstBroken.id,
        reason: result.firstBroken.reason,
        checked: result.checked,
      })}
      data-testid="audit-verify-result"
      data-ok="false"
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [entityInput, setEntityInput] = useState('');
  const [actionInput, setActionInput] = useState('');
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [range, setRange] = useState<Range>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const params: AuditQuery = {
    entity: entity || undefined,
    action: action || undefined,
    actorId: actor?.id,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: queryKeys.auditList(params),
    queryFn: ({ signal }) => auditApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => auditApi.verify(), onError: (e) => onError(e) });

  const applyFilters = () => {
    setEntity(entityInput.trim());
    setAction(actionInput.trim());
    setPage(1);
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (name: string | null, entry) =>
        entry.actorId ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            title={t('audit.filterActorTip')}
            onClick={() => {
              setActor({ id: entry.actorId ?? '', name: name ?? entry.actorId ?? '' });
              setPage(1);
            }}
          >
            {name ?? entry.actorId}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 160, render: (v: string) => <Tag>{v}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 160,
      render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <>
          <ExportButton path="/audit/export.xlsx" fallbackName="benpao-audit.xlsx" query={params} />
          <Button
            icon={<SafetyOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        </>
      }
    >
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input
            allowClear
            placeholder={t('audit.filterEntity')}
            value={entityInput}
            onChange={(e) => setEntityInput(e.target.value)}
            onPressEnter={applyFilters}
            style={{ width: 180 }}
            data-testid="audit-filter-entity"
          />
          <Input
            allowClear
            placeholder={t('audit.filterAction')}
            value={actionInput}
            onChange={(e) => setActionInput(e.target.value)}
            onPressEnter={applyFilters}
            style={{ width: 200 }}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value);
              setPage(1);
            }}
            allowEmpty={[true, true]}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Button type="primary" onClick={applyFilters}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setEntityInput('');
              setActionInput('');
              setEntity('');
              setAction('');
              setActor(null);
              setRange(null);
              setPage(1);
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {actor ? (
          <Tag
            color="blue"
            closable
            closeIcon={<CloseOutlined />}
            onClose={() => setActor(null)}
            style={{ marginBottom: 16 }}
          >
            {t('audit.filterActor', { name: actor.name })}
          </Tag>
        ) : null}
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (entry) => (
              <Flex vertical gap={8}>
                <Row gutter={[16, 16]}>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.before')}</Typography.Text>
                    <Json value={entry.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.after')}</Typography.Text>
                    <Json value={entry.after} />
                  </Col>
                </Row>
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  #{entry.id} · {t('audit.hash')}: <Typography.Text code>{entry.hash}</Typography.Text>
                </Typography.Text>
              </Flex>
            ),
          }}
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
    </PageContainer>
  );
}
