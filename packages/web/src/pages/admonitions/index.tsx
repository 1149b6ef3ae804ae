// Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为): the discipline inspector's records, seen by
// discipline roles only (the server refuses everyone else). Two tabs, each a list filtered by month and unit with
// a detail drawer and a form to record a new one; the talks export as .xlsx with the same filters.
import { DownloadOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  admonitionKeys,
  admonitionsApi,
  CONDUCT_KINDS,
  CONDUCT_MEASURES,
  type ConductFindingInput,
  type ConductFindingView,
  type ConductKind,
  type ConductMeasure,
  type TalkInput,
  type TalkView,
} from '../../api/admonitions';
import { useAllUnits } from '../../api/hooks';
import ItemSelect from '../cases/ItemSelect';
import PageContainer from '../../components/PageContainer';
import { errorText } from '../../utils/errors';
import { formatBytes, formatShortDateTime } from '../../utils/format';
import StepModal from '../cases/detail/StepModal';

function Filters({
  month,
  setMonth,
  unitId,
  setUnitId,
  extra,
}: {
  month: Dayjs | null;
  setMonth: (m: Dayjs | null) => void;
  unitId: string | undefined;
  setUnitId: (u: string | undefined) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('admonitions.month')} />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('cases.allUnits')}
        style={{ width: 200, maxWidth: '100%' }}
        loading={units.isPending}
        value={unitId}
        onChange={setUnitId}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      {extra}
    </Flex>
  );
}

/** The units to pick from; Form.Item passes `value` and `onChange`. */
function UnitSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const units = useAllUnits();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.isPending}
      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      data-testid="admonition-unit"
    />
  );
}

function Links({
  itemId,
  itemNumber,
  caseId,
}: {
  itemId: string | null;
  itemNumber: string | null;
  caseId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {itemId ? <Link to={`/items/${itemId}`}>{itemNumber ?? t('caseDetail.item')}</Link> : null}
      {caseId ? <Link to={`/cases/${caseId}`}>{t('admonitions.case')}</Link> : null}
      {!itemId && !caseId ? '—' : null}
    </Flex>
  );
}

function TalksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<TalkView | null>(null);
  const [creating, setCreating] = useState(false);
  // A review's timeline links a talk as ?talk=<id>: open it at once.
  const [params, setParams] = useSearchParams();
  const linked = params.get('talk');
  const linkedTalk = useQuery({
    queryKey: admonitionKeys.talk(linked ?? ''),
    queryFn: ({ signal }) => admonitionsApi.talk(linked!, signal),
    enabled: !!linked,
  });
  const shown = open ?? (linked ? (linkedTalk.data ?? null) : null);
  const closeDrawer = () => {
    setOpen(null);
    if (linked) setParams({}, { replace: true });
  };
  const filters = { month: month?.format('YYYY-MM'), unitId };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: admonitionKeys.talks(query),
    queryFn: ({ signal }) => admonitionsApi.talks(query, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<TalkView> = [
    { title: t('admonitions.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('admonitions.unit'), dataIndex: 'unitName', width: 150 },
    {
      title: t('admonitions.person'),
      key: 'person',
      width: 170,
      render: (_: unknown, r) => (
        <Typography.Link onClick={() => setOpen(r)} data-testid="talk-link">
          {r.personName} · {r.position}
        </Typography.Link>
      ),
    },
    { title: t('admonitions.reason'), dataIndex: 'reason', width: 280, ellipsis: true },
    { title: t('admonitions.heldBy'), dataIndex: 'heldBy', width: 150 },
    {
      title: t('admonitions.about'),
      key: 'links',
      width: 130,
      render: (_: unknown, r) => <Links itemId={r.itemId} itemNumber={r.itemNumber} caseId={r.caseId} />,
    },
  ];
  return (
    <>
      <Filters
        month={month}
        setMonth={(m) => {
          setMonth(m);
          setPage(1);
        }}
        unitId={unitId}
        setUnitId={(u) => {
          setUnitId(u);
          setPage(1);
        }}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void admonitionsApi.exportTalks(filters).catch((e) => void message.error(errorText(e)))
              }
              data-testid="talks-export"
            >
              {t('admonitions.export')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="talk-create"
            >
              {t('admonitions.newTalk')}
            </Button>
          </>
        }
      />
      {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
      <Table<TalkView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 990 }}
        onRow={() => ({ 'data-testid': 'talk-row' }) as object}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      <Drawer
        open={!!shown}
        onClose={closeDrawer}
        title={t('admonitions.talk')}
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {shown ? (
          <Descriptions
            column={1}
            size="small"
            data-testid="talk-detail"
            items={[
              {
                key: 'person',
                label: t('admonitions.person'),
                children: `${shown.personName} · ${shown.position}`,
              },
              { key: 'unit', label: t('admonitions.unit'), children: shown.unitName },
              { key: 'heldOn', label: t('admonitions.heldOn'), children: shown.heldOn },
              { key: 'heldBy', label: t('admonitions.heldBy'), children: shown.heldBy },
              {
                key: 'reason',
                label: t('admonitions.reason'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{shown.reason}</span>,
              },
              {
                key: 'notes',
                label: t('admonitions.notes'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{shown.notes ?? '—'}</span>,
              },
              {
                key: 'about',
                label: t('admonitions.about'),
                children: <Links itemId={shown.itemId} itemNumber={shown.itemNumber} caseId={shown.caseId} />,
              },
              {
                key: 'by',
                label: t('admonitions.recordedBy'),
                children: `${shown.createdByName ?? '—'} · ${formatShortDateTime(shown.createdAt)}`,
              },
            ]}
          />
        ) : null}
      </Drawer>
      {creating ? (
        <StepModal<Omit<TalkInput, 'heldOn'> & { heldOn: Dayjs }>
          title={t('admonitions.newTalk')}
          width={640}
          onSubmit={async (v) => {
            await admonitionsApi.createTalk({
              unitId: v.unitId,
              personName: v.personName.trim(),
              position: v.position.trim(),
              reason: v.reason.trim(),
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              heldBy: v.heldBy.trim(),
              notes: v.notes?.trim() || null,
              itemId: v.itemId ?? null,
              caseId: v.caseId?.trim() || null,
            });
            await queryClient.invalidateQueries({ queryKey: admonitionKeys.all });
            void message.success(t('common.created'));
          }}
          onClose={() => setCreating(false)}
        >
          <Form.Item
            name="unitId"
            label={t('admonitions.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitSelect />
          </Form.Item>
          <Flex wrap gap={8}>
            <Form.Item
              name="personName"
              label={t('admonitions.personName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={100} data-testid="talk-person" />
            </Form.Item>
            <Form.Item
              name="position"
              label={t('admonitions.position')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={100} data-testid="talk-position" />
            </Form.Item>
          </Flex>
          <Form.Item
            name="reason"
            label={t('admonitions.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="talk-reason" />
          </Form.Item>
          <Flex wrap gap={8}>
            <Form.Item
              name="heldOn"
              label={t('admonitions.heldOn')}
              rules={[{ required: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <DatePicker style={{ width: '100%' }} data-testid="talk-held-on" />
            </Form.Item>
            <Form.Item
              name="heldBy"
              label={t('admonitions.heldBy')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={200} data-testid="talk-held-by" />
            </Form.Item>
          </Flex>
          <Form.Item name="notes" label={t('admonitions.notes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="itemId" label={t('admonitions.item')}>
            <ItemSelect allowClear />
          </Form.Item>
        </StepModal>
      ) : null}
    </>
  );
}

function FindingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [kind, setKind] = useState<ConductKind | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ConductFindingView | null>(null);
  const [creating, setCreating] = useState(false);
  const query = { month: month?.format('YYYY-MM'), unitId, kind, page, pageSize: 20 };
  const list = useQuery({
    queryKey: admonitionKeys.findings(query),
    queryFn: ({ signal }) => admonitionsApi.findings(query, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ConductFindingView> = [
    { title: t('admonitions.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    { title: t('admonitions.unit'), dataIndex: 'unitName', width: 150 },
    {
      title: t('admonitions.person'),
      key: 'person',
      width: 170,
      render: (_: unknown, r) => (
        <Typography.Link onClick={() => setOpen(r)} data-testid="conduct-link">
          {r.personName} · {r.position}
        </Typography.Link>
      ),
    },
    {
      title: t('admonitions.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: ConductKind) => <Tag color="volcano">{t(`conductKind.${k}`)}</Tag>,
    },
    { title: t('admonitions.facts'), dataIndex: 'facts', width: 260, ellipsis: true },
    {
      title: t('admonitions.measure'),
      dataIndex: 'measure',
      width: 130,
      render: (m: ConductMeasure) => t(`conductMeasure.${m}`),
    },
  ];
  return (
    <>
      <Filters
        month={month}
        setMonth={(m) => {
          setMonth(m);
          setPage(1);
        }}
        unitId={unitId}
        setUnitId={(u) => {
          setUnitId(u);
          setPage(1);
        }}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('admonitions.kind')}
              style={{ width: 130 }}
              value={kind}
              onChange={(k: ConductKind | undefined) => {
                setKind(k);
                setPage(1);
              }}
              options={CONDUCT_KINDS.map((k) => ({ value: k, label: t(`conductKind.${k}`) }))}
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="conduct-create"
            >
              {t('admonitions.newFinding')}
            </Button>
          </>
        }
      />
      {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
      <Table<ConductFindingView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 920 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={t('admonitions.finding')}
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {open ? (
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'person',
                label: t('admonitions.person'),
                children: `${open.personName} · ${open.position}`,
              },
              { key: 'unit', label: t('admonitions.unit'), children: open.unitName },
              { key: 'kind', label: t('admonitions.kind'), children: t(`conductKind.${open.kind}`) },
              {
                key: 'facts',
                label: t('admonitions.facts'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{open.facts}</span>,
              },
              {
                key: 'measure',
                label: t('admonitions.measure'),
                children: t(`conductMeasure.${open.measure}`),
              },
              { key: 'decidedOn', label: t('admonitions.decidedOn'), children: open.decidedOn },
              {
                key: 'about',
                label: t('admonitions.about'),
                children: <Links itemId={open.itemId} itemNumber={open.itemNumber} caseId={open.caseId} />,
              },
              {
                key: 'files',
                label: t('caseDetail.evidence'),
                children: open.files.length ? (
                  <Flex vertical>
                    {open.files.map((f) => (
                      <Typography.Link
                        key={f.id}
                        onClick={() =>
                          void admonitionsApi
                            .downloadFile(f.id, f.name)
                            .catch((e) => void message.error(errorText(e)))
                        }
                      >
                        <PaperClipOutlined /> {f.name} ({formatBytes(f.size)})
                      </Typography.Link>
                    ))}
                  </Flex>
                ) : (
                  '—'
                ),
              },
              {
                key: 'by',
                label: t('admonitions.recordedBy'),
                children: `${open.createdByName ?? '—'} · ${formatShortDateTime(open.createdAt)}`,
              },
            ]}
          />
        ) : null}
      </Drawer>
      {creating ? (
        <StepModal<Omit<ConductFindingInput, 'decidedOn'> & { decidedOn: Dayjs }>
          title={t('admonitions.newFinding')}
          width={640}
          onSubmit={async (v) => {
            await admonitionsApi.createFinding({
              unitId: v.unitId,
              personName: v.personName.trim(),
              position: v.position.trim(),
              kind: v.kind,
              facts: v.facts.trim(),
              measure: v.measure,
              decidedOn: v.decidedOn.format('YYYY-MM-DD'),
              itemId: v.itemId ?? null,
            });
            await queryClient.invalidateQueries({ queryKey: admonitionKeys.all });
            void message.success(t('common.created'));
          }}
          onClose={() => setCreating(false)}
        >
          <Form.Item
            name="unitId"
            label={t('admonitions.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitSelect />
          </Form.Item>
          <Flex wrap gap={8}>
            <Form.Item
              name="personName"
              label={t('admonitions.personName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="position"
              label={t('admonitions.position')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
          <Flex wrap gap={8}>
            <Form.Item
              name="kind"
              label={t('admonitions.kind')}
              rules={[{ required: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select options={CONDUCT_KINDS.map((k) => ({ value: k, label: t(`conductKind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="measure"
              label={t('admonitions.measure')}
              rules={[{ required: true, message: t('common.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select
                options={CONDUCT_MEASURES.map((m) => ({ value: m, label: t(`conductMeasure.${m}`) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="facts"
            label={t('admonitions.facts')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="decidedOn"
            label={t('admonitions.decidedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="itemId" label={t('admonitions.item')}>
            <ItemSelect allowClear />
          </Form.Item>
        </StepModal>
      ) : null}
    </>
  );
}

export default function AdmonitionsPage() {
  const { t } = useTranslation();
  return (
    <PageContainer title={t('admonitions.title')} subTitle={t('admonitions.subtitle')}>
      <Card>
        <Tabs
          items={[
            { key: 'talks', label: t('admonitions.talks'), children: <TalksTab /> },
            { key: 'findings', label: t('admonitions.findings'), children: <FindingsTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
