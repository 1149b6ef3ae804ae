// The post-mortem review editor (复盘): the item's timeline built by the server from its history (each event links
// to its record), the planned-vs-actual chart, the sections — problems, causes, lessons (举一反三) — the follow-up
// actions with owners, deadlines and status, and the meeting: schedule onto a month, mark held, close. What the
// caller may do comes from the server (`can`, and `canUpdate` on each action).
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Result,
  Select,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useAllUnits } from '../../../api/hooks';
import {
  postMortemsApi,
  reviewKeys,
  REVIEW_ACTION_STATUSES,
  type ReviewActionStatus,
  type ReviewActionView,
  type ReviewDetail,
  type SectionsInput,
} from '../../../api/reviews';
import { TrendChart } from '../../../components/charts';
import PageContainer from '../../../components/PageContainer';
import { currentLocale } from '../../../i18n';
import { errorText, useServerErrorHandler } from '../../../utils/errors';
import StepModal from '../../cases/detail/StepModal';
import { plannedActualCharts, timelineHref, type ChartSpec } from '../model';
import { ReviewStateTag } from '../shared';

type Dialog =
  | { kind: 'schedule' }
  | { kind: 'held' }
  | { kind: 'addAction' }
  | { kind: 'action'; action: ReviewActionView };

const SECTIONS = ['problems', 'causes', 'lessons'] as const;
const TONE_COLOURS = { neutral: 'blue', good: 'green', bad: 'red' } as const;

function Sections({ review, onSaved }: { review: ReviewDetail; onSaved: (r: ReviewDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<
    Required<Pick<SectionsInput, 'title'>> & Record<(typeof SECTIONS)[number], string>
  >();
  const [saving, setSaving] = useState(false);
  const onError = useServerErrorHandler();
  const editable = review.can.editSections;
  if (!editable)
    return (
      <Card size="small" title={t('postMortems.sections')}>
        {SECTIONS.map((s) => (
          <div key={s} style={{ marginBottom: 12 }} data-testid={`review-section-${s}`}>
            <Typography.Text strong>{t(`postMortems.section.${s}`)}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {review[s] ?? '—'}
            </Typography.Paragraph>
          </div>
        ))}
      </Card>
    );
  return (
    <Card size="small" title={t('postMortems.sections')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: review.title,
          problems: review.problems ?? '',
          causes: review.causes ?? '',
          lessons: review.lessons ?? '',
        }}
        onFinish={async (v) => {
          setSaving(true);
          try {
            const next = await postMortemsApi.sections(review.id, {
              title: v.title.trim(),
              problems: v.problems.trim() || null,
              causes: v.causes.trim() || null,
              lessons: v.lessons.trim() || null,
            });
            onSaved(next);
            void message.success(t('common.saved'));
          } catch (e) {
            onError(e, form);
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="title"
          label={t('postMortems.reviewTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {SECTIONS.map((s) => (
          <Form.Item
            key={s}
            name={s}
            label={t(`postMortems.section.${s}`)}
            extra={t(`postMortems.sectionHelp.${s}`)}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={20000}
              data-testid={`review-section-${s}`}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="review-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function Chart({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation();
  const unit = spec.unit === '%' ? '%' : spec.unit === 'wan' ? t('postMortems.wan') : '';
  return (
    <div>
      <Typography.Text strong>{t(`postMortems.chart.${spec.key}`)}</Typography.Text>
      <TrendChart
        categories={spec.categories}
        height={240}
        yAxisName={unit || undefined}
        yMax={spec.unit === '%' ? 100 : undefined}
        series={[
          { name: t('postMortems.planned'), data: spec.planned, dashed: true },
          { name: t('postMortems.actual'), data: spec.actual },
        ]}
      />
    </div>
  );
}

export default function PostMortemEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const units = useAllUnits(dialog?.kind === 'addAction');
  const detail = useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => postMortemsApi.get(id, signal),
  });
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'warning'}
        title={errorText(detail.error)}
        extra={<Link to="/post-mortems">{t('postMortems.back')}</Link>}
      />
    );
  const r = detail.data;
  const locale = currentLocale();
  const saved = (next: ReviewDetail) => {
    queryClient.setQueryData(reviewKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'list'] });
  };
  const run = async (p: Promise<ReviewDetail>) => {
    saved(await p);
    void message.success(t('common.saved'));
  };
  const charts = plannedActualCharts(r.plannedActual);

  const actionColumns: TableColumnsType<ReviewActionView> = [
    { title: '#', dataIndex: 'seq', width: 48 },
    { title: t('postMortems.actionTitle'), dataIndex: 'title', width: 260 },
    {
      title: t('postMortems.owner'),
      key: 'owner',
      width: 170,
      render: (_: unknown, a) => (
        <Flex vertical>
          <span>{a.ownerUnitName}</span>
          {a.ownerPerson ? <Typography.Text type="secondary">{a.ownerPerson}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('caseDetail.measureDeadline'),
      dataIndex: 'deadline',
      width: 120,
      render: (d: string, a) => (
        <Flex gap={4} wrap>
          {d}
          {a.overdue ? <Tag color="red">{t('cases.overdue')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: ReviewActionStatus, a) => (
        <Tag
          color={s === 'done' ? 'green' : s === 'cancelled' ? 'default' : 'blue'}
          data-testid="review-action-status"
          data-status={s}
        >
          {t(`reviewActionStatus.${s}`)}
          {a.doneOn ? ` ${a.doneOn}` : ''}
        </Tag>
      ),
    },
    { title: t('postMortems.notes'), dataIndex: 'notes', width: 200, render: (n: string | null) => n ?? '—' },
    {
      title: t('common.actions'),
      key: 'ops',
      width: 90,
      render: (_: unknown, a) =>
        a.canUpdate ? (
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'action', action: a })}
            data-testid="review-action-update"
          >
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <PageContainer
      title={r.title}
      subTitle={
        <Flex wrap gap={6} align="center" component="span">
          <ReviewStateTag state={r.state} />
          <Link to={`/items/${r.itemId}`}>
            {r.itemNumber} {r.itemTitle}
          </Link>
        </Flex>
      }
      extra={
        <>
          <Link to="/post-mortems">
            <ArrowLeftOutlined /> {t('postMortems.back')}
          </Link>
          {r.can.schedule ? (
            <Button onClick={() => setDialog({ kind: 'schedule' })} data-testid="review-schedule">
              {r.meetingMonth ? t('postMortems.reschedule') : t('postMortems.schedule')}
            </Button>
          ) : null}
          {r.can.markHeld ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'held' })} data-testid="review-held">
              {t('postMortems.markHeld')}
            </Button>
          ) : null}
          {r.can.close ? (
            <Button
              onClick={() =>
                void run(postMortemsApi.close(r.id)).catch((e) => void message.error(errorText(e)))
              }
              data-testid="review-close"
            >
              {t('postMortems.close')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'unit', label: t('postMortems.leadUnit'), children: r.leadUnitName },
            { key: 'month', label: t('postMortems.meetingMonth'), children: r.meetingMonth ?? '—' },
            { key: 'held', label: t('postMortems.heldOn'), children: r.heldOn ?? '—' },
            { key: 'asOf', label: t('postMortems.asOf'), children: r.asOf },
          ]}
        />
      </Card>
      <Flex wrap gap={16} align="flex-start">
        <Card
          size="small"
          title={t('postMortems.timeline')}
          style={{ flex: '1 1 320px', minWidth: 0 }}
          data-testid="review-timeline"
        >
          {r.timeline.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={r.timeline.map((e, i) => ({
                key: `${e.date}-${i}`,
                color: TONE_COLOURS[e.tone],
                content: (
                  <Flex vertical gap={0} data-testid="review-event" data-kind={e.kind}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.date}
                    </Typography.Text>
                    <Link to={timelineHref(e.link, r.itemId)}>
                      {locale === 'zh-CN' ? e.label.zh : e.label.en}
                    </Link>
                  </Flex>
                ),
              }))}
            />
          )}
        </Card>
        <Flex vertical gap={16} style={{ flex: '2 1 420px', minWidth: 0 }}>
          <Card size="small" title={t('postMortems.plannedActual')} data-testid="review-chart">
            {charts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('postMortems.noSeries')} />
            ) : (
              <Flex vertical gap={16}>
                {charts.map((c) => (
                  <Chart key={c.key} spec={c} />
                ))}
              </Flex>
            )}
          </Card>
          <Sections key={r.updatedAt} review={r} onSaved={saved} />
        </Flex>
      </Flex>
      <Card
        size="small"
        title={t('postMortems.actionsTitle')}
        extra={
          r.can.addAction ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'addAction' })}
              data-testid="review-add-action"
            >
              {t('postMortems.addAction')}
            </Button>
          ) : null
        }
      >
        <Table<ReviewActionView>
          rowKey="id"
          size="small"
          pagination={false}
          columns={actionColumns}
          dataSource={r.actions}
          scroll={{ x: 1020 }}
          locale={{ emptyText: t('postMortems.noActions') }}
          onRow={() => ({ 'data-testid': 'review-action' }) as object}
        />
      </Card>

      {dialog?.kind === 'schedule' ? (
        <StepModal<{ meetingMonth: Dayjs }>
          title={t('postMortems.schedule')}
          initialValues={{ meetingMonth: r.meetingMonth ? dayjs(`${r.meetingMonth}-01`) : undefined }}
          onSubmit={(v) => run(postMortemsApi.schedule(r.id, v.meetingMonth.format('YYYY-MM')))}
          onClose={() => setDialog(null)}
        >
          <Form.Item
            name="meetingMonth"
            label={t('postMortems.meetingMonth')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </StepModal>
      ) : null}
      {dialog?.kind === 'held' ? (
        <StepModal<{ heldOn?: Dayjs }>
          title={t('postMortems.markHeld')}
          onSubmit={(v) => run(postMortemsApi.held(r.id, v.heldOn?.format('YYYY-MM-DD')))}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="heldOn" label={t('postMortems.heldOn')} extra={t('postMortems.heldOnHelp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </StepModal>
      ) : null}
      {dialog?.kind === 'addAction' ? (
        <StepModal<{ title: string; ownerUnitId: string; ownerPerson?: string; deadline: Dayjs }>
          title={t('postMortems.addAction')}
          initialValues={{ ownerUnitId: r.leadUnitId }}
          onSubmit={(v) =>
            run(
              postMortemsApi.addAction(r.id, {
                title: v.title.trim(),
                ownerUnitId: v.ownerUnitId,
                ownerPerson: v.ownerPerson?.trim() || null,
                deadline: v.deadline.format('YYYY-MM-DD'),
              }),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Form.Item
            name="title"
            label={t('postMortems.actionTitle')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="ownerUnitId"
            label={t('postMortems.ownerUnit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? [{ id: r.leadUnitId, name: r.leadUnitName }]).map((u) => ({
                value: u.id,
                label: u.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="ownerPerson" label={t('postMortems.ownerPerson')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('caseDetail.measureDeadline')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </StepModal>
      ) : null}
      {dialog?.kind === 'action' ? (
        <StepModal<{ status: ReviewActionStatus; doneOn?: Dayjs; notes?: string }>
          title={dialog.action.title}
          initialValues={{
            status: dialog.action.status,
            doneOn: dialog.action.doneOn ? dayjs(dialog.action.doneOn) : undefined,
            notes: dialog.action.notes ?? '',
          }}
          onSubmit={(v) =>
            run(
              postMortemsApi.updateAction(r.id, dialog.action.id, {
                status: v.status,
                ...(v.status === 'done' && v.doneOn ? { doneOn: v.doneOn.format('YYYY-MM-DD') } : {}),
                notes: v.notes?.trim() || null,
              }),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Form.Item name="status" label={t('common.status')}>
            <Select
              options={REVIEW_ACTION_STATUSES.map((s) => ({ value: s, label: t(`reviewActionStatus.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="doneOn" label={t('postMortems.doneOn')} extra={t('postMortems.doneOnHelp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('postMortems.notes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </StepModal>
      ) : null}
    </PageContainer>
  );
}
