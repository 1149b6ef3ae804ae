// A verification case (核查件): the complaint and its subject, the team, the findings by category, the feedback to
// the unit, the rectification plan (versions; returned with a reason), progress on each measure with evidence, the
// re-check, the reply to the complainant, closure, the warnings it issued and its history. Only the steps the
// server lists in `actions` for this caller are offered; the server checks every one again. Contact details are
// shown exactly as the server sends them (in full to discipline roles only, masked to everyone else).
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import {
  caseKeys,
  casesApi,
  FINDING_CATEGORIES,
  type CaseAction,
  type CaseDetail,
  type CaseFile,
  type CaseMeasure,
  type CasePlan,
  type FindingCategory,
} from '../../../api/cases';
import { useAllUnits } from '../../../api/hooks';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { tDynamic } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import { formatBytes, formatShortDateTime } from '../../../utils/format';
import { approvedPlan, currentPlan } from '../model';
import { CaseStateTag, OverdueTag } from '../shared';
import StepModal from './StepModal';

type Dialog =
  | { kind: 'team' }
  | { kind: 'finding' }
  | { kind: 'feedback' }
  | { kind: 'plan' }
  | { kind: 'return'; plan: CasePlan }
  | { kind: 'progress'; measure: CaseMeasure }
  | { kind: 'recheck' }
  | { kind: 'reply' }
  | { kind: 'close' }
  | { kind: 'warn' };

function Files({ files }: { files: readonly CaseFile[] }) {
  const { message } = App.useApp();
  if (files.length === 0) return null;
  return (
    <Flex wrap gap={8}>
      {files.map((f) => (
        <Typography.Link
          key={f.id}
          onClick={() =>
            void casesApi.downloadFile(f.id, f.originalName).catch((e) => void message.error(errorText(e)))
          }
          data-testid="case-file"
        >
          <PaperClipOutlined /> {f.originalName} ({formatBytes(f.size)})
        </Typography.Link>
      ))}
    </Flex>
  );
}

function MeasuresTable({
  plan,
  mayProgress,
  onProgress,
}: {
  plan: CasePlan;
  mayProgress: boolean;
  onProgress: (m: CaseMeasure) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<CaseMeasure>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={plan.measures}
      onRow={(m) => ({ 'data-testid': 'case-measure', 'data-status': m.status }) as object}
      expandable={{
        rowExpandable: (m) => m.progress.length > 0,
        expandedRowRender: (m) => (
          <Timeline
            items={m.progress.map((p) => ({
              key: p.id,
              color: p.done ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.onDate} · {p.actorName}
                    {p.done ? ` · ${t('caseDetail.measureDone')}` : ''}
                  </Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Text>
                  <Files files={p.files} />
                </Flex>
              ),
            }))}
          />
        ),
      }}
      columns={[
        { title: '#', dataIndex: 'seq', width: 48 },
        { title: t('caseDetail.measure'), dataIndex: 'text', width: 280 },
        { title: t('caseDetail.owner'), dataIndex: 'owner', width: 120 },
        {
          title: t('caseDetail.measureDeadline'),
          dataIndex: 'deadline',
          width: 120,
          render: (d: string, m) => (
            <Flex gap={4} wrap>
              {d}
              {m.overdue ? <Tag color="red">{t('cases.overdue')}</Tag> : null}
            </Flex>
          ),
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: CaseMeasure['status'], m) =>
            s === 'done' ? (
              <Tag color="green">
                {t('caseDetail.measureDone')} {m.doneOn ?? ''}
              </Tag>
            ) : (
              <Tag>{t('caseDetail.measureOpen')}</Tag>
            ),
        },
        ...(mayProgress && plan.status === 'approved'
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                render: (_: unknown, m: CaseMeasure) =>
                  m.status === 'open' ? (
                    <Button size="small" onClick={() => onProgress(m)} data-testid="case-progress">
                      {t('caseDetail.reportProgress')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}

function PlanCard({ plan }: { plan: CasePlan }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={8} align="center">
        <Tag
          color={plan.status === 'approved' ? 'green' : plan.status === 'returned' ? 'red' : 'blue'}
          data-testid="case-plan-status"
          data-status={plan.status}
        >
          {t(`casePlanStatus.${plan.status}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('caseDetail.planBy', {
            version: plan.version,
            name: plan.submittedByName,
            at: formatShortDateTime(plan.submittedAt),
          })}
          {plan.decidedByName
            ? ` · ${t('caseDetail.planDecidedBy', { name: plan.decidedByName, at: formatShortDateTime(plan.decidedAt) })}`
            : ''}
        </Typography.Text>
      </Flex>
      {plan.returnReason ? (
        <Alert type="warning" showIcon title={t('caseDetail.returnReason', { reason: plan.returnReason })} />
      ) : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        {plan.summary}
      </Typography.Paragraph>
    </Flex>
  );
}

export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const detail = useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => casesApi.get(id, signal),
  });
  const units = useAllUnits(dialog?.kind === 'team');
  const candidates = useQuery({
    queryKey: [...caseKeys.detail(id), 'team-candidates'],
    queryFn: ({ signal }) => casesApi.teamCandidates(signal),
    enabled: dialog?.kind === 'team',
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'warning'}
        title={errorText(detail.error)}
        extra={<Link to="/cases">{t('caseDetail.back')}</Link>}
      />
    );
  const c = detail.data;
  const can = (a: CaseAction) => c.actions.includes(a);
  const done = async (p: Promise<CaseDetail>, ok = t('common.saved')) => {
    const next = await p;
    queryClient.setQueryData(caseKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void message.success(ok);
  };
  const plan = currentPlan(c.plans);
  const working = approvedPlan(c.plans);
  const olderPlans = c.plans.filter((p) => p.id !== plan?.id).sort((a, b) => b.version - a.version);

  const approve = async (p: CasePlan) => {
    try {
      await done(casesApi.decidePlan(c.id, p.id, true), t('caseDetail.approved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const stepButtons: { action: CaseAction; label: string; onClick: () => void; primary?: boolean }[] = [
    {
      action: 'assign_team',
      label: t('caseAction.assign_team'),
      onClick: () => setDialog({ kind: 'team' }),
      primary: true,
    },
    { action: 'finding', label: t('caseAction.finding'), onClick: () => setDialog({ kind: 'finding' }) },
    {
      action: 'issue_findings',
      label: t('caseAction.issue_findings'),
      onClick: () => setDialog({ kind: 'feedback' }),
      primary: true,
    },
    {
      action: 'submit_plan',
      label: t('caseAction.submit_plan'),
      onClick: () => setDialog({ kind: 'plan' }),
      primary: true,
    },
    {
      action: 'approve_plan',
      label: t('caseAction.approve_plan'),
      onClick: () => plan && void approve(plan),
      primary: true,
    },
    {
      action: 'return_plan',
      label: t('caseAction.return_plan'),
      onClick: () => plan && setDialog({ kind: 'return', plan }),
    },
    {
      action: 'recheck',
      label: t('caseAction.recheck'),
      onClick: () => setDialog({ kind: 'recheck' }),
      primary: true,
    },
    {
      action: 'reply',
      label: t('caseAction.reply'),
      onClick: () => setDialog({ kind: 'reply' }),
      primary: true,
    },
    { action: 'close', label: t('caseAction.close'), onClick: () => setDialog({ kind: 'close' }) },
    { action: 'warn', label: t('caseAction.warn'), onClick: () => setDialog({ kind: 'warn' }) },
  ];
  const offered = stepButtons.filter((b) => can(b.action));

  const subject = (
    <Flex vertical gap={2}>
      {c.itemId ? (
        <Link to={`/items/${c.itemId}`} data-testid="case-item-link">
          {c.itemNumber ?? t('caseDetail.item')}
        </Link>
      ) : null}
      {c.unitName ? <span>{c.unitName}</span> : null}
      {c.place ? <span>{c.place}</span> : null}
      {!c.itemId && !c.unitName && !c.place ? '—' : null}
    </Flex>
  );

  return (
    <PageContainer
      title={c.title}
      subTitle={
        <Flex wrap gap={6} align="center" component="span">
          <Typography.Text code data-testid="case-receipt">
            {c.receipt}
          </Typography.Text>
          <CaseStateTag status={c.status} />
          <OverdueTag overdue={c.overdue} measures={c.overdueMeasures} />
        </Flex>
      }
      extra={
        <Link to="/cases">
          <ArrowLeftOutlined /> {t('caseDetail.back')}
        </Link>
      }
    >
      {offered.length > 0 || can('progress') ? (
        <Card size="small" data-testid="case-actions">
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">{t('caseDetail.nextSteps')}</Typography.Text>
            {can('progress') ? (
              <Typography.Text data-testid="case-progress-hint">
                {t('caseDetail.progressHint')}
              </Typography.Text>
            ) : null}
            {offered.map((b) => (
              <Button
                key={b.action}
                type={b.primary ? 'primary' : 'default'}
                onClick={b.onClick}
                data-testid={`case-action-${b.action}`}
              >
                {b.label}
              </Button>
            ))}
          </Flex>
        </Card>
      ) : null}

      <Card size="small" title={t('caseDetail.complaint')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'source', label: t('cases.source'), children: t(`caseSource.${c.source}`) },
            { key: 'kind', label: t('complaint.kind'), children: t(`caseKind.${c.kind}`) },
            { key: 'subject', label: t('cases.subject'), children: subject },
            { key: 'received', label: t('cases.receivedOn'), children: c.receivedOn },
            { key: 'deadline', label: t('cases.deadline'), children: c.deadline },
            ...(c.closedOn ? [{ key: 'closed', label: t('caseDetail.closedOn'), children: c.closedOn }] : []),
            ...(c.complainantName || c.complainantPhone
              ? [
                  {
                    key: 'contact',
                    label: t('cases.complainant'),
                    children: (
                      <Flex gap={8} wrap data-testid="case-contact" data-masked={String(c.contactMasked)}>
                        <span>{c.complainantName ?? '—'}</span>
                        <span>{c.complainantPhone ?? ''}</span>
                        {c.contactMasked ? <Tag>{t('caseDetail.masked')}</Tag> : null}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}
          data-testid="case-description"
        >
          {c.description}
        </Typography.Paragraph>
        {c.photos.length > 0 ? (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('complaint.photos')}</Typography.Text>
            <Files files={c.photos} />
          </Flex>
        ) : null}
      </Card>

      <Flex wrap gap={16} align="stretch">
        <Card size="small" title={t('caseDetail.team')} style={{ flex: '1 1 280px', minWidth: 0 }}>
          {c.team.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseDetail.noTeam')} />
          ) : (
            <List
              size="small"
              dataSource={c.team}
              renderItem={(m) => (
                <List.Item data-testid="case-team-member">
                  <Space wrap>
                    {m.displayName}
                    <Typography.Text type="secondary">{m.unitName}</Typography.Text>
                    {m.lead ? <Tag color="blue">{t('caseDetail.lead')}</Tag> : null}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card size="small" title={t('caseDetail.findings')} style={{ flex: '2 1 360px', minWidth: 0 }}>
          {c.findings.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseDetail.noFindings')} />
          ) : (
            <List
              size="small"
              dataSource={c.findings}
              renderItem={(f) => (
                <List.Item data-testid="case-finding" data-category={f.category}>
                  <Flex vertical gap={2}>
                    <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
                      {t(`findingCategory.${f.category}`)}
                    </Tag>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {c.feedback ? (
            <Alert
              type="info"
              style={{ marginTop: 8 }}
              title={t('caseDetail.feedbackOn', { date: c.feedbackOn ?? '' })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.feedback}</span>}
              data-testid="case-feedback"
            />
          ) : null}
        </Card>
      </Flex>

      <Card size="small" title={t('caseDetail.plan')} data-testid="case-plan">
        {!plan ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseDetail.noPlan')} />
        ) : (
          <Flex vertical gap={8}>
            <PlanCard plan={plan} />
            <MeasuresTable
              plan={working && working.id !== plan.id ? working : plan}
              mayProgress={can('progress')}
              onProgress={(measure) => setDialog({ kind: 'progress', measure })}
            />
            {olderPlans.length > 0 ? (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'versions',
                    label: t('caseDetail.versions', { count: olderPlans.length }),
                    children: (
                      <Flex vertical gap={16}>
                        {olderPlans.map((p) => (
                          <Flex key={p.id} vertical gap={4}>
                            <PlanCard plan={p} />
                            <MeasuresTable plan={p} mayProgress={false} onProgress={() => undefined} />
                          </Flex>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            ) : null}
          </Flex>
        )}
      </Card>

      {c.recheckNote || c.reply || c.closeNote ? (
        <Card size="small" title={t('caseDetail.outcome')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(c.recheckNote
                ? [
                    {
                      key: 'recheck',
                      label: t('caseDetail.recheck', { date: c.recheckedOn ?? '' }),
                      children: c.recheckNote,
                    },
                  ]
                : []),
              ...(c.reply
                ? [
                    {
                      key: 'reply',
                      label: t('caseDetail.reply', { date: c.repliedOn ?? '' }),
                      children: c.reply,
                    },
                  ]
                : []),
              ...(c.closeNote
                ? [{ key: 'close', label: t('caseDetail.closeNote'), children: c.closeNote }]
                : []),
            ]}
          />
        </Card>
      ) : null}

      {c.warnings.length > 0 ? (
        <Card size="small" title={t('caseDetail.warnings')}>
          <List
            size="small"
            dataSource={c.warnings}
            renderItem={(w) => (
              <List.Item>
                <Link to={`/warnings/${w.id}`} data-testid="case-warning-link">
                  <Space wrap>
                    <Tag color={w.colour === 'red' ? 'red' : 'gold'}>
                      {tDynamic(`caseWarning.${w.kind}.${w.colour}`, `${w.colour} ${w.kind}`)}
                    </Tag>
                    {w.unitName}
                    {w.itemNumber ?? ''}
                    <Typography.Text type="secondary">{w.issuedOn}</Typography.Text>
                  </Space>
                </Link>
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Card size="small" title={t('caseDetail.history')}>
        <Timeline
          items={c.events.map((e) => ({
            key: e.seq,
            color: e.toStatus === 'closed' ? 'green' : e.toStatus === 'plan_returned' ? 'red' : 'blue',
            content: (
              <Flex vertical gap={2} data-testid="case-event" data-type={e.type}>
                <Typography.Text strong>{tDynamic(`caseEvent.${e.type}`, e.type)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.onDate} · {e.actorName ?? t('caseDetail.public')} · {formatShortDateTime(e.at)}
                </Typography.Text>
                {e.text ? (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Text>
                ) : null}
              </Flex>
            ),
          }))}
        />
      </Card>

      {dialog?.kind === 'team' ? (
        <StepModal<{ members: string[]; lead?: string; unitId?: string }>
          title={t('caseAction.assign_team')}
          initialValues={{
            members: c.team.length ? c.team.map((m) => m.userId) : [user.id],
            lead: c.team.find((m) => m.lead)?.userId ?? user.id,
            unitId: c.unitId ?? undefined,
          }}
          onSubmit={(v) =>
            done(
              casesApi.team(c.id, {
                ...(v.unitId && v.unitId !== c.unitId ? { unitId: v.unitId } : {}),
                members: v.members.map((userId) => ({ userId, lead: userId === v.lead })),
              }),
            )
          }
          onClose={() => setDialog(null)}
        >
          {() => {
            // Candidates: the region's discipline inspectors and task-force members, with the caller and the
            // members already on the team whatever the list says.
            const people = new Map<string, string>([[user.id, user.displayName]]);
            for (const m of c.team) people.set(m.userId, m.displayName);
            for (const p of candidates.data?.items ?? [])
              people.set(p.id, `${p.displayName} · ${p.unitName}`);
            const options = [...people].map(([value, label]) => ({ value, label }));
            return (
              <>
                <Form.Item
                  name="members"
                  label={t('caseDetail.members')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Select mode="multiple" options={options} data-testid="case-team-members" />
                </Form.Item>
                <Form.Item name="lead" label={t('caseDetail.lead')}>
                  <Select allowClear options={options} />
                </Form.Item>
                <Form.Item
                  name="unitId"
                  label={t('caseDetail.unitConcerned')}
                  extra={t('caseDetail.unitConcernedHelp')}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    allowClear
                    loading={units.isPending}
                    options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    data-testid="case-team-unit"
                  />
                </Form.Item>
              </>
            );
          }}
        </StepModal>
      ) : null}

      {dialog?.kind === 'finding' ? (
        <StepModal<{ category: FindingCategory; text: string }>
          title={t('caseAction.finding')}
          onSubmit={(v) => done(casesApi.finding(c.id, { category: v.category, text: v.text.trim() }))}
          onClose={() => setDialog(null)}
        >
          <Form.Item
            name="category"
            label={t('caseDetail.category')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={FINDING_CATEGORIES.map((k) => ({ value: k, label: t(`findingCategory.${k}`) }))}
              data-testid="case-finding-category"
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('caseDetail.findingText')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="case-finding-text" />
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'feedback' || dialog?.kind === 'reply' ? (
        <StepModal<{ text: string }>
          title={t(dialog.kind === 'feedback' ? 'caseAction.issue_findings' : 'caseAction.reply')}
          onSubmit={(v) =>
            done(
              dialog.kind === 'feedback'
                ? casesApi.feedback(c.id, v.text.trim())
                : casesApi.reply(c.id, v.text.trim()),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">
            {t(dialog.kind === 'feedback' ? 'caseDetail.feedbackHelp' : 'caseDetail.replyHelp')}
          </Typography.Paragraph>
          <Form.Item
            name="text"
            label={t('caseDetail.text')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={5} maxLength={4000} showCount data-testid="case-step-text" />
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'plan' ? (
        <StepModal<{ summary: string; measures: { text: string; owner: string; deadline?: Dayjs }[] }>
          title={t('caseAction.submit_plan')}
          width={720}
          initialValues={{
            summary: plan?.status === 'returned' ? plan.summary : undefined,
            measures:
              plan?.status === 'returned'
                ? plan.measures.map((m) => ({ text: m.text, owner: m.owner, deadline: dayjs(m.deadline) }))
                : [{ text: '', owner: '' }],
          }}
          onSubmit={(v) =>
            done(
              casesApi.submitPlan(c.id, {
                summary: v.summary.trim(),
                measures: v.measures.map((m) => ({
                  text: m.text.trim(),
                  owner: m.owner.trim(),
                  deadline: m.deadline?.format('YYYY-MM-DD') ?? '',
                })),
              }),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">
            {t('caseDetail.planHelp', { deadline: c.deadline })}
          </Typography.Paragraph>
          <Form.Item
            name="summary"
            label={t('caseDetail.planSummary')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} data-testid="case-plan-summary" />
          </Form.Item>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={t('caseDetail.measureN', { n: i + 1 })}
                    extra={
                      fields.length > 1 ? (
                        <Button type="link" danger onClick={() => remove(f.name)}>
                          {t('caseDetail.remove')}
                        </Button>
                      ) : null
                    }
                  >
                    <Form.Item
                      name={[f.name, 'text']}
                      label={t('caseDetail.measure')}
                      rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    >
                      <Input.TextArea rows={2} maxLength={1000} data-testid="case-measure-text" />
                    </Form.Item>
                    <Flex wrap gap={8}>
                      <Form.Item
                        name={[f.name, 'owner']}
                        label={t('caseDetail.owner')}
                        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                        style={{ flex: '1 1 160px' }}
                      >
                        <Input maxLength={100} data-testid="case-measure-owner" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'deadline']}
                        label={t('caseDetail.measureDeadline')}
                        rules={[{ required: true, message: t('common.required') }]}
                        style={{ flex: '1 1 160px' }}
                      >
                        <DatePicker style={{ width: '100%' }} data-testid="case-measure-deadline" />
                      </Form.Item>
                    </Flex>
                  </Card>
                ))}
                <Button onClick={() => add({ text: '', owner: '' })}>{t('caseDetail.addMeasure')}</Button>
              </Flex>
            )}
          </Form.List>
        </StepModal>
      ) : null}

      {dialog?.kind === 'return' ? (
        <StepModal<{ reason: string }>
          title={t('caseAction.return_plan')}
          danger
          onSubmit={(v) => done(casesApi.decidePlan(c.id, dialog.plan.id, false, v.reason.trim()))}
          onClose={() => setDialog(null)}
        >
          <Form.Item
            name="reason"
            label={t('common.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="case-step-text" />
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'progress' ? (
        <StepModal<{ text: string; done?: boolean; files?: UploadFile[] }>
          title={t('caseDetail.reportProgressOn', { n: dialog.measure.seq })}
          onSubmit={async (v) => {
            const fileIds: string[] = [];
            for (const f of v.files ?? [])
              if (f.originFileObj) fileIds.push((await casesApi.uploadFile(c.id, f.originFileObj)).id);
            await done(
              casesApi.progress(c.id, dialog.measure.id, {
                text: v.text.trim(),
                done: v.done ?? false,
                ...(fileIds.length ? { fileIds } : {}),
              }),
            );
          }}
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">{dialog.measure.text}</Typography.Paragraph>
          <Form.Item
            name="text"
            label={t('caseDetail.progressText')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="case-step-text" />
          </Form.Item>
          <Form.Item
            name="files"
            label={t('caseDetail.evidence')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          >
            <Upload multiple beforeUpload={() => false} maxCount={20}>
              <Button icon={<PaperClipOutlined />}>{t('caseDetail.addFile')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox data-testid="case-progress-done">{t('caseDetail.markDone')}</Checkbox>
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'recheck' ? (
        <StepModal<{ passed: boolean; note: string }>
          title={t('caseAction.recheck')}
          initialValues={{ passed: true }}
          onSubmit={(v) => done(casesApi.recheck(c.id, v.passed, v.note.trim()))}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="passed" label={t('caseDetail.recheckResult')}>
            <Radio.Group
              options={[
                { value: true, label: t('caseDetail.recheckPassed') },
                { value: false, label: t('caseDetail.recheckNotYet') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('caseDetail.text')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="case-step-text" />
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'close' ? (
        <StepModal<{ note?: string }>
          title={t('caseAction.close')}
          onSubmit={(v) => done(casesApi.close(c.id, v.note?.trim() || undefined))}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="note" label={t('common.reasonOptional')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-step-text" />
          </Form.Item>
        </StepModal>
      ) : null}

      {dialog?.kind === 'warn' ? (
        <StepModal<{ kind: 'light' | 'card'; colour: 'yellow' | 'red'; reason: string }>
          title={t('caseAction.warn')}
          initialValues={{ kind: c.itemId ? 'light' : 'card', colour: 'yellow' }}
          onSubmit={(v) =>
            done(casesApi.warn(c.id, { kind: v.kind, colour: v.colour, reason: v.reason.trim() }))
          }
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">{t('caseDetail.warnHelp')}</Typography.Paragraph>
          <Form.Item name="kind" label={t('caseDetail.warnKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'light', label: t('caseDetail.light'), disabled: !c.itemId },
                { value: 'card', label: t('caseDetail.card'), disabled: !c.unitId },
              ]}
            />
          </Form.Item>
          <Form.Item name="colour" label={t('caseDetail.colour')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'yellow', label: t('caseDetail.yellow') },
                { value: 'red', label: t('caseDetail.red') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('common.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </StepModal>
      ) : null}
    </PageContainer>
  );
}
