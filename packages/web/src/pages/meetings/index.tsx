// The monthly meeting pack (月度例会材料): for the month picked, what the meeting reads — the summary, the lights and
// cards issued and cleared, items by status, the running index's boards, open verification cases, the post-mortem
// reviews on its agenda, the previous meeting's commitments carried forward with their status, and this meeting's
// own commitments (会议议定事项). It prints as a document and downloads as .docx and .xlsx. A supervisor records the
// meeting of the month and its commitments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAllUnits, useRegionToday } from '../../api/hooks';
import {
  meetingKeys,
  meetingsApi,
  type CommitmentStatus,
  type CommitmentView,
  type MeetingInput,
  type PackView,
  type PackWarning,
} from '../../api/meetings';
import { useAuth } from '../../auth/context';
import PageContainer from '../../components/PageContainer';
import PageLoading from '../../components/PageLoading';
import { currentLocale } from '../../i18n';
import { errorText, useErrorHandler } from '../../utils/errors';
import { periodLabel } from '../../utils/period';
import './meetings.css';

const isMonthKey = (v: string | null): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const STATUS_COLORS: Record<CommitmentStatus, string> = {
  open: 'processing',
  done: 'success',
  dropped: 'default',
};

type Dialog = { kind: 'meeting' } | { kind: 'commitment'; month: string; commitment?: CommitmentView };

interface MeetingForm {
  title?: string;
  heldOn?: Dayjs | null;
  notes?: string;
}

interface CommitmentForm {
  text: string;
  ownerUnitId?: string | null;
  ownerPerson?: string;
  deadline: Dayjs;
  status?: CommitmentStatus;
  doneOn?: Dayjs | null;
  note?: string;
}

function CommitmentStatusTag({ c }: { c: CommitmentView }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[c.status]} data-testid="commitment-status" data-status={c.status}>
        {t(`meetings.commitmentStatus.${c.status}`)}
        {c.status === 'done' && c.doneOn ? ` ${c.doneOn}` : ''}
      </Tag>
      {c.overdue ? <Tag color="error">{t('meetings.overdue')}</Tag> : null}
    </Space>
  );
}

function CommitmentTable({
  rows,
  testId,
  onEdit,
}: {
  rows: CommitmentView[];
  testId: string;
  onEdit?: (c: CommitmentView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<CommitmentView>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('meetings.noCommitments') }}
      onRow={(c) => ({ 'data-testid': testId, 'data-status': c.status }) as object}
      columns={[
        { key: 'seq', title: '#', render: (_, c) => c.seq },
        {
          key: 'text',
          title: t('meetings.commitment'),
          render: (_, c) => (
            <div style={{ minWidth: 160, maxWidth: 420, whiteSpace: 'normal' }}>
              {c.text}
              {c.note ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {c.note}
                </Typography.Text>
              ) : null}
            </div>
          ),
        },
        {
          key: 'owner',
          title: t('meetings.owner'),
          render: (_, c) => [c.ownerUnit?.name, c.ownerPerson].filter(Boolean).join(' · ') || '—',
        },
        { key: 'deadline', title: t('meetings.deadline'), render: (_, c) => c.deadline },
        { key: 'status', title: t('meetings.status'), render: (_, c) => <CommitmentStatusTag c={c} /> },
        ...(onEdit
          ? [
              {
                key: 'edit',
                title: '',
                className: 'no-print',
                render: (_: unknown, c: CommitmentView) => (
                  <Button size="small" onClick={() => onEdit(c)} data-testid="commitment-edit">
                    {t('meetings.update')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function WarningTable({ rows, testId }: { rows: PackWarning[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<PackWarning>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('meetings.none') }}
      onRow={(w) => ({ 'data-testid': testId, 'data-unit': w.unitName }) as object}
      columns={[
        {
          key: 'what',
          title: t('meetings.warning'),
          render: (_, w) => (
            <Tag color={w.colour === 'red' ? 'red' : 'gold'}>{t(`warningBadge.${w.kind}.${w.colour}`)}</Tag>
          ),
        },
        {
          key: 'subject',
          title: t('meetings.subject'),
          render: (_, w) => (
            <div style={{ minWidth: 140, maxWidth: 320, whiteSpace: 'normal' }}>
              {w.unitName}
              {w.itemNumber ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {w.itemNumber} {w.itemTitle ?? ''}
                </Typography.Text>
              ) : null}
            </div>
          ),
        },
        { key: 'issuedOn', title: t('meetings.issuedOn'), render: (_, w) => w.issuedOn },
        { key: 'closedOn', title: t('meetings.closedOn'), render: (_, w) => w.closedOn ?? '—' },
        {
          key: 'state',
          title: t('meetings.status'),
          render: (_, w) => t(`warningState.${w.state}`, { defaultValue: w.state }),
        },
        {
          key: 'why',
          title: t('meetings.explanation'),
          render: (_, w) => (
            <div style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>{w.explanation}</div>
          ),
        },
      ]}
    />
  );
}

function Summary({ pack }: { pack: PackView }) {
  const { t } = useTranslation();
  const s = pack.summary;
  const figures: [string, number, string][] = [
    ['lightsIssued', s.lightsIssued, t('meetings.summary.lightsIssued')],
    ['lightsCleared', s.lightsCleared, t('meetings.summary.lightsCleared')],
    ['cardsIssued', s.cardsIssued, t('meetings.summary.cardsIssued')],
    ['cardsCleared', s.cardsCleared, t('meetings.summary.cardsCleared')],
    ['items', s.items, t('meetings.summary.items')],
    ['openCases', s.openCases, t('meetings.summary.openCases')],
    ['reviewsScheduled', s.reviewsScheduled, t('meetings.summary.reviews')],
    ['commitmentsCarriedOpen', s.commitmentsCarriedOpen, t('meetings.summary.carriedOpen')],
  ];
  return (
    <Card title={t('meetings.section.summary')} size="small" data-testid="pack-summary">
      <Flex wrap gap={24}>
        {figures.map(([key, value, label]) => (
          <div key={key} data-testid={`pack-figure-${key}`}>
            <Statistic title={label} value={value} />
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function Ranking({ pack }: { pack: PackView }) {
  const { t } = useTranslation();
  const r = pack.ranking;
  return (
    <Card
      title={t('meetings.section.ranking')}
      size="small"
      data-testid="pack-ranking"
      extra={
        r ? (
          <Tag color={r.published ? 'success' : 'default'}>
            {r.published
              ? t('meetings.rankingPublished', { revision: r.revision ?? 1 })
              : t('meetings.rankingPreview')}
          </Tag>
        ) : null
      }
    >
      {!r || r.categories.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.none')} />
      ) : (
        <Flex vertical gap={16}>
          {r.categories.map((c) => (
            <div key={c.name}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {c.name}
              </Typography.Title>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                <Tag color="red">{t('meetings.top')}</Tag>
                {c.top.map((e) => e.name).join('、') || '—'}
                <br />
                <Tag>{t('meetings.bottom')}</Tag>
                {c.bottom.map((e) => e.name).join('、') || '—'}
              </Typography.Paragraph>
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={c.ranking}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'rank', title: t('meetings.rank'), render: (_, e) => e.rank ?? '—' },
                  { key: 'name', title: t('meetings.unit'), render: (_, e) => e.name },
                  { key: 'total', title: t('meetings.score'), render: (_, e) => e.total ?? '—' },
                ]}
              />
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

export default function MeetingPackPage() {
  const { t } = useTranslation();
  const { access } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const today = useRegionToday();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = isMonthKey(asked) ? asked : today?.slice(0, 7);
  const locale = currentLocale();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  /** The meeting as the dialog opened with it: what the reader changed is what differs from this. */
  const [meetingOpened, setMeetingOpened] = useState<MeetingInput | null>(null);
  const [saving, setSaving] = useState<'docx' | 'xlsx' | null>(null);
  const [meetingForm] = Form.useForm<MeetingForm>();
  const [commitmentForm] = Form.useForm<CommitmentForm>();
  const manage = access.meetingsManage;
  const units = useAllUnits(manage && dialog?.kind === 'commitment');

  const pack = useQuery({
    queryKey: [...meetingKeys.pack(month ?? ''), locale],
    queryFn: ({ signal }) => meetingsApi.pack(month!, signal),
    enabled: !!month,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKeys.all });

  const saveMeeting = useMutation({
    mutationFn: (v: MeetingForm) => {
      const body = {
        title: v.title?.trim() || undefined,
        heldOn: day(v.heldOn),
        notes: v.notes?.trim() || null,
      };
      const meeting = pack.data?.meeting;
      if (!meeting) return meetingsApi.create(month!, body);
      // Only what the reader changed in the dialog: a field someone else changed meanwhile stays theirs.
      const changed = Object.fromEntries(
        Object.entries(body).filter(
          ([field, value]) => value !== undefined && value !== meetingOpened?.[field as keyof MeetingInput],
        ),
      );
      return meetingsApi.update(month!, { ...changed, rowVersion: meeting.rowVersion });
    },
    onSuccess: () => {
      setDialog(null);
      void refresh();
    },
    onError: (e) => {
      onError(e, meetingForm, ['title', 'heldOn', 'notes']);
      // Changed by someone else meanwhile: the pack is read again, so that saving once more starts from theirs.
      if (e instanceof ApiError && e.status === 409) void refresh();
    },
  });
  const saveCommitment = useMutation({
    mutationFn: ({ target, v }: { target: Extract<Dialog, { kind: 'commitment' }>; v: CommitmentForm }) => {
      const base = {
        text: v.text.trim(),
        ownerUnitId: v.ownerUnitId ?? null,
        ownerPerson: v.ownerPerson?.trim() || null,
        deadline: v.deadline.format('YYYY-MM-DD'),
      };
      if (!target.commitment) return meetingsApi.addCommitment(target.month, base);
      return meetingsApi.updateCommitment(target.month, target.commitment.id, {
        ...base,
        status: v.status,
        // A date goes only with "done"; done without one means the region's today.
        ...(v.status === 'done' ? { doneOn: day(v.doneOn) ?? undefined } : {}),
        note: v.note?.trim() || null,
      });
    },
    onSuccess: () => {
      setDialog(null);
      void refresh();
    },
    onError: (e) =>
      onError(e, commitmentForm, [
        'text',
        'ownerUnitId',
        'ownerPerson',
        'deadline',
        'status',
        'doneOn',
        'note',
      ]),
  });

  const save = async (ext: 'docx' | 'xlsx') => {
    if (!month) return;
    setSaving(ext);
    try {
      await meetingsApi.packFile(month, ext);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(null);
    }
  };

  const openMeeting = () => {
    const m = pack.data?.meeting;
    setMeetingOpened(m ? { title: m.title, heldOn: m.heldOn, notes: m.notes } : null);
    meetingForm.setFieldsValue({
      title: m?.title,
      heldOn: m?.heldOn ? dayjs(m.heldOn) : null,
      notes: m?.notes ?? undefined,
    });
    setDialog({ kind: 'meeting' });
  };
  const openCommitment = (target: string, commitment?: CommitmentView) => {
    commitmentForm.resetFields();
    if (commitment)
      commitmentForm.setFieldsValue({
        text: commitment.text,
        ownerUnitId: commitment.ownerUnit?.id ?? null,
        ownerPerson: commitment.ownerPerson ?? undefined,
        deadline: dayjs(commitment.deadline),
        status: commitment.status,
        doneOn: commitment.doneOn ? dayjs(commitment.doneOn) : null,
        note: commitment.note ?? undefined,
      });
    setDialog({ kind: 'commitment', month: target, commitment });
  };

  const data = pack.data;
  const monthLabel = month ? periodLabel(month, locale) : '';
  const commitmentDialog = dialog?.kind === 'commitment' ? dialog : null;

  return (
    <PageContainer
      title={t('menu.meetings')}
      extra={
        <Flex wrap gap={8} className="no-print">
          <DatePicker
            picker="month"
            allowClear={false}
            value={month ? dayjs(`${month}-01`) : null}
            placeholder={t('meetings.month')}
            disabledDate={(d) => !!today && d.format('YYYY-MM') > today.slice(0, 7)}
            onChange={(d) => {
              if (d) setParams({ month: d.format('YYYY-MM') }, { replace: true });
            }}
            style={{ width: 140 }}
            data-testid="meeting-month"
          />
          <Button onClick={() => window.print()} disabled={!data} data-testid="meeting-print">
            {t('meetings.print')}
          </Button>
          <Button
            loading={saving === 'docx'}
            disabled={!month}
            onClick={() => void save('docx')}
            data-testid="meeting-docx"
          >
            {t('meetings.downloadDocx')}
          </Button>
          <Button
            loading={saving === 'xlsx'}
            disabled={!month}
            onClick={() => void save('xlsx')}
            data-testid="meeting-xlsx"
          >
            {t('meetings.downloadXlsx')}
          </Button>
        </Flex>
      }
    >
      {pack.isError ? <Alert type="error" showIcon title={errorText(pack.error)} /> : null}
      {!data ? (
        pack.isError ? null : (
          <PageLoading />
        )
      ) : (
        <Flex vertical gap={16} className="meeting-pack" data-testid="meeting-pack" data-month={data.month}>
          <div style={{ textAlign: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="pack-title">
              {data.meeting?.title ?? t('meetings.packTitle', { month: monthLabel })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('meetings.packPeriod', { from: data.from, to: data.to, generatedOn: data.generatedOn })}
            </Typography.Text>
          </div>
          <Card
            size="small"
            title={t('meetings.section.meeting')}
            data-testid="pack-meeting"
            extra={
              manage ? (
                <Button
                  size="small"
                  className="no-print"
                  onClick={openMeeting}
                  data-testid={data.meeting ? 'meeting-edit' : 'meeting-create'}
                >
                  {data.meeting ? t('meetings.editMeeting') : t('meetings.createMeeting')}
                </Button>
              ) : null
            }
          >
            {data.meeting ? (
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'title', label: t('meetings.title'), children: data.meeting.title },
                  { key: 'heldOn', label: t('meetings.heldOn'), children: data.meeting.heldOn ?? '—' },
                  {
                    key: 'notes',
                    label: t('meetings.notes'),
                    span: 'filled',
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.meeting.notes ?? '—'}</span>,
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary" data-testid="meeting-none">
                {t('meetings.noMeeting')}
              </Typography.Text>
            )}
          </Card>
          {data.empty ? (
            <Alert
              type="info"
              showIcon
              title={t('meetings.emptyMonth', { month: monthLabel })}
              data-testid="pack-empty"
            />
          ) : null}
          <Summary pack={data} />
          <Card size="small" title={t('meetings.section.warningsIssued')} data-testid="pack-warnings-issued">
            <WarningTable rows={data.warningsIssued} testId="pack-warning-issued" />
          </Card>
          <Card
            size="small"
            title={t('meetings.section.warningsCleared')}
            data-testid="pack-warnings-cleared"
          >
            <WarningTable rows={data.warningsCleared} testId="pack-warning-cleared" />
          </Card>
          <Card size="small" title={t('meetings.section.items')} data-testid="pack-items">
            {data.itemsByStatus.length === 0 ? (
              <Typography.Text type="secondary">{t('meetings.none')}</Typography.Text>
            ) : (
              <Flex wrap gap={24}>
                {data.itemsByStatus.map((s) => (
                  <Statistic
                    key={s.status}
                    title={t(`itemStatus.${s.status}`, { defaultValue: s.status })}
                    value={s.count}
                  />
                ))}
              </Flex>
            )}
          </Card>
          <Ranking pack={data} />
          <Card size="small" title={t('meetings.section.cases')} data-testid="pack-cases">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.openCases}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('meetings.none') }}
              columns={[
                {
                  key: 'receipt',
                  title: t('meetings.caseReceipt'),
                  render: (_, c) => <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.receipt}</Link>,
                },
                {
                  key: 'title',
                  title: t('meetings.caseTitle'),
                  render: (_, c) => (
                    <div style={{ minWidth: 160, maxWidth: 360, whiteSpace: 'normal' }}>{c.title}</div>
                  ),
                },
                { key: 'unit', title: t('meetings.unit'), render: (_, c) => c.unitName ?? '—' },
                {
                  key: 'status',
                  title: t('meetings.status'),
                  render: (_, c) => t(`caseState.${c.status}`, { defaultValue: c.status }),
                },
                { key: 'receivedOn', title: t('meetings.receivedOn'), render: (_, c) => c.receivedOn },
                { key: 'deadline', title: t('meetings.deadline'), render: (_, c) => c.deadline },
              ]}
            />
          </Card>
          <Card size="small" title={t('meetings.section.reviews')} data-testid="pack-reviews">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.reviews}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('meetings.none') }}
              onRow={(r) => ({ 'data-testid': 'pack-review', 'data-title': r.title }) as object}
              columns={[
                {
                  key: 'title',
                  title: t('meetings.reviewTitle'),
                  render: (_, r) => (
                    <Link to={`/post-mortems/${encodeURIComponent(r.id)}`} data-testid="pack-review-link">
                      {r.title}
                    </Link>
                  ),
                },
                {
                  key: 'item',
                  title: t('meetings.item'),
                  render: (_, r) => (
                    <div style={{ minWidth: 160, maxWidth: 360, whiteSpace: 'normal' }}>
                      {r.itemNumber} {r.itemTitle}
                    </div>
                  ),
                },
                {
                  key: 'state',
                  title: t('meetings.status'),
                  render: (_, r) => t(`reviewState.${r.state}`, { defaultValue: r.state }),
                },
                { key: 'heldOn', title: t('meetings.heldOn'), render: (_, r) => r.heldOn ?? '—' },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={
              data.carried
                ? t('meetings.section.carriedFrom', { title: data.carried.title })
                : t('meetings.section.carried')
            }
            data-testid="pack-carried"
          >
            {data.carried ? (
              <CommitmentTable
                rows={data.carried.commitments}
                testId="carried-row"
                onEdit={manage ? (c) => openCommitment(data.carried!.month, c) : undefined}
              />
            ) : (
              <Typography.Text type="secondary">{t('meetings.noCarried')}</Typography.Text>
            )}
          </Card>
          <Card
            size="small"
            title={t('meetings.section.commitments')}
            data-testid="pack-commitments"
            extra={
              manage && data.meeting ? (
                <Button
                  size="small"
                  className="no-print"
                  onClick={() => openCommitment(data.month)}
                  data-testid="commitment-add"
                >
                  {t('meetings.addCommitment')}
                </Button>
              ) : null
            }
          >
            {data.meeting ? (
              <CommitmentTable
                rows={data.commitments}
                testId="commitment-row"
                onEdit={manage ? (c) => openCommitment(data.month, c) : undefined}
              />
            ) : (
              <Typography.Text type="secondary">{t('meetings.commitmentsNeedMeeting')}</Typography.Text>
            )}
          </Card>
        </Flex>
      )}
      <Modal
        open={dialog?.kind === 'meeting'}
        title={pack.data?.meeting ? t('meetings.editMeeting') : t('meetings.createMeeting')}
        onCancel={() => setDialog(null)}
        onOk={() => meetingForm.submit()}
        confirmLoading={saveMeeting.isPending}
        okButtonProps={{ 'data-testid': 'meeting-save' }}
        forceRender
      >
        <Form form={meetingForm} layout="vertical" onFinish={(v) => saveMeeting.mutate(v)}>
          <Form.Item name="title" label={t('meetings.title')} extra={t('meetings.titleHelp')}>
            <Input maxLength={200} data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="heldOn" label={t('meetings.heldOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('meetings.notes')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!commitmentDialog}
        title={commitmentDialog?.commitment ? t('meetings.updateCommitment') : t('meetings.addCommitment')}
        onCancel={() => setDialog(null)}
        onOk={() => commitmentForm.submit()}
        confirmLoading={saveCommitment.isPending}
        okButtonProps={{ 'data-testid': 'commitment-save' }}
        forceRender
      >
        <Form
          form={commitmentForm}
          layout="vertical"
          onFinish={(v) => commitmentDialog && saveCommitment.mutate({ target: commitmentDialog, v })}
        >
          <Form.Item
            name="text"
            label={t('meetings.commitment')}
            rules={[{ required: true, whitespace: true, message: t('meetings.commitmentRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="commitment-text" />
          </Form.Item>
          <Form.Item name="ownerUnitId" label={t('meetings.ownerUnit')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              data-testid="commitment-unit"
            />
          </Form.Item>
          <Form.Item name="ownerPerson" label={t('meetings.ownerPerson')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('meetings.deadline')}
            rules={[{ required: true, message: t('meetings.deadlineRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="commitment-deadline" />
          </Form.Item>
          {commitmentDialog?.commitment ? (
            <>
              <Form.Item name="status" label={t('meetings.status')}>
                <Select
                  options={(['open', 'done', 'dropped'] as const).map((s) => ({
                    value: s,
                    label: t(`meetings.commitmentStatus.${s}`),
                  }))}
                  data-testid="commitment-status-select"
                />
              </Form.Item>
              <Form.Item noStyle dependencies={['status']}>
                {({ getFieldValue }) =>
                  getFieldValue('status') === 'done' ? (
                    <Form.Item name="doneOn" label={t('meetings.doneOn')} extra={t('meetings.doneOnHelp')}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="note" label={t('meetings.note')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}
