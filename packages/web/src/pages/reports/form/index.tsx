// Fill in a progress report (进度报送), phone first: /items/:id/reports/new?period=2022-03 starts one,
// /reports/:id/edit continues a draft or a returned report. The figures follow the item's kind (progress,
// indicator value, completed investment), then milestones reached, 工作进展/存在问题/下步打算 and evidence.
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Skeleton,
  Slider,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useMatch, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useRegionSettings } from '../../../api/hooks';
import { itemsApi, queryKeys, reportsApi } from '../../../api/services';
import type { EvidenceView, ItemDetail, PeriodView, ReportInput, ReportView } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import { ReportStatusTag } from '../../../components/StatusTags';
import { currentLocale } from '../../../i18n';
import { errorText, useServerErrorHandler } from '../../../utils/errors';
import { fenToWanInput, parseWanToFen } from '../../../utils/money';
import { periodLabel } from '../../../utils/period';
import MoneyInput from '../../items/form/MoneyInput';
import { useRefreshReports } from '../shared/useReportActions';
import EvidenceUpload from './EvidenceUpload';

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const EDITABLE: readonly string[] = ['draft', 'returned'];

interface MilestoneRow {
  milestoneId: string;
  title: string;
  plannedDate: string;
  checked: boolean;
  doneDate: Dayjs | null;
  /** done in another period's report: shown, not editable */
  locked: boolean;
}

interface Values {
  progress: number | null;
  indicatorValue: number | null;
  completedInvestmentWan: string;
  milestones: MilestoneRow[];
  workProgress: string;
  problems: string;
  nextSteps: string;
}

const ALIASES = { completedInvestmentFen: 'completedInvestmentWan' };

export default function ReportFormPage() {
  const { id: routeId } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const isEdit = useMatch('/reports/:id/edit') !== null;
  const reportId = isEdit ? routeId : undefined;
  const report = useQuery({
    queryKey: queryKeys.report(reportId ?? ''),
    queryFn: ({ signal }) => reportsApi.get(reportId!, signal),
    enabled: !!reportId,
  });
  const itemId = isEdit ? report.data?.itemId : routeId;
  const periodKey = isEdit ? report.data?.periodKey : (search.get('period') ?? undefined);
  const item = useQuery({
    queryKey: queryKeys.item(itemId ?? ''),
    queryFn: ({ signal }) => itemsApi.get(itemId!, signal),
    enabled: !!itemId,
  });
  const periods = useQuery({
    queryKey: queryKeys.itemPeriods(itemId ?? ''),
    queryFn: ({ signal }) => itemsApi.periods(itemId!, signal),
    enabled: !!itemId,
  });
  const settings = useRegionSettings();
  const title = isEdit ? t('reportForm.editTitle') : t('reportForm.createTitle');
  const failed = report.error ?? item.error;

  if (failed) {
    return (
      <PageContainer title={title}>
        <Result status="error" title={t('common.loadFailed')} subTitle={errorText(failed)} />
      </PageContainer>
    );
  }
  if ((isEdit && report.isPending) || item.isPending || periods.isPending) {
    return (
      <PageContainer title={title}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }
  const period = periods.data?.items.find((p) => p.key === periodKey);
  if (!isEdit && !periodKey) return <Navigate to={`/items/${itemId}?tab=reports`} replace />;
  // A period that already has a report: continue that one.
  if (!isEdit && period?.report) {
    if (EDITABLE.includes(period.report.status))
      return <Navigate to={`/reports/${period.report.id}/edit`} replace />;
    return (
      <PageContainer title={title}>
        <Result
          status="info"
          title={t('reportForm.alreadyReported', { period: periodLabel(period.key, currentLocale()) })}
          extra={<Link to={`/items/${itemId}?tab=reports`}>{t('reportForm.backToItem')}</Link>}
        />
      </PageContainer>
    );
  }
  return (
    <ReportForm
      key={report.data ? `${report.data.id}:${report.data.rowVersion}` : `new:${periodKey}`}
      title={title}
      item={item.data!}
      periodKey={periodKey!}
      period={period}
      report={report.data ?? null}
      maxBytes={settings.data?.evidenceMaxBytes ?? DEFAULT_MAX_BYTES}
    />
  );
}

function initialValues(item: ItemDetail, report: ReportView | null): Values {
  const reached = new Map((report?.milestonesReached ?? []).map((m) => [m.milestoneId, m.doneDate]));
  return {
    progress: report?.progress ?? (item.kind === 'indicator' ? null : item.progress.actual),
    indicatorValue: report?.indicatorValue ?? null,
    completedInvestmentWan: fenToWanInput(report?.completedInvestmentFen ?? null),
    milestones: [...item.milestones]
      .sort((a, b) => a.seq - b.seq)
      .map((m) => {
        const mine = reached.get(m.id);
        return {
          milestoneId: m.id,
          title: m.title,
          plannedDate: m.plannedDate,
          checked: !!mine || !!m.doneDate,
          doneDate: mine ? dayjs(mine) : m.doneDate ? dayjs(m.doneDate) : null,
          locked: !mine && !!m.doneDate,
        };
      }),
    workProgress: report?.workProgress ?? '',
    problems: report?.problems ?? '',
    nextSteps: report?.nextSteps ?? '',
  };
}

interface FormProps {
  title: string;
  item: ItemDetail;
  periodKey: string;
  period: PeriodView | undefined;
  report: ReportView | null;
  maxBytes: number;
}

function ReportForm({ title, item, periodKey, period, report, maxBytes }: FormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshReports();
  const onServerError = useServerErrorHandler(ALIASES);
  const [form] = Form.useForm<Values>();
  const [evidence, setEvidence] = useState<EvidenceView[]>(report?.evidence ?? []);
  const sentMilestones = useRef<string[]>([]);
  /** required fields are required to submit, not to save a draft */
  const submitting = useRef(false);
  const locale = currentLocale();
  const initial = useMemo(() => initialValues(item, report), [item, report]);
  const today = item.progress.asOf;
  const deadline = report?.deadline ?? period?.deadline;
  const estimated = report?.deadlineEstimated ?? period?.deadlineEstimated ?? false;
  const pastDeadline = !!deadline && today > deadline;
  const editable = !report || report.allowedActions.includes('edit');
  const canWrite = item.access.canReport && editable;
  const target = item.targets.find((x) => x.periodKey === periodKey);

  useEffect(() => {
    if (!canWrite) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (form.isFieldsTouched()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [canWrite, form]);

  const bodyOf = (v: Values): ReportInput => {
    const reached = v.milestones.filter((m) => m.checked && !m.locked && m.doneDate);
    sentMilestones.current = reached.map((m) => m.milestoneId);
    return {
      ...(item.kind !== 'indicator' ? { progress: v.progress } : {}),
      ...(item.kind === 'indicator' ? { indicatorValue: v.indicatorValue } : {}),
      ...(item.kind === 'project'
        ? {
            completedInvestmentFen: v.completedInvestmentWan.trim()
              ? parseWanToFen(v.completedInvestmentWan)
              : null,
          }
        : {}),
      milestonesReached: reached.map((m) => ({
        milestoneId: m.milestoneId,
        doneDate: m.doneDate!.format('YYYY-MM-DD'),
      })),
      workProgress: v.workProgress.trim() || null,
      problems: v.problems.trim() || null,
      nextSteps: v.nextSteps.trim() || null,
      evidenceIds: evidence.map((e) => e.id),
    };
  };

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: Values; submit: boolean }) => {
      const body = bodyOf(values);
      let saved = report
        ? await reportsApi.update(report.id, { ...body, rowVersion: report.rowVersion })
        : await itemsApi.createReport(item.id, { periodKey, ...body });
      if (submit) saved = await reportsApi.submit(saved.id, saved.rowVersion);
      return saved;
    },
    onSuccess: async (saved, { submit }) => {
      form.resetFields();
      queryClient.setQueryData(queryKeys.report(saved.id), saved);
      await refresh(saved);
      if (submit) {
        void message.success(
          saved.status === 'pending_approval'
            ? t('reportForm.submittedForApproval')
            : t('reportForm.submitted'),
        );
        await navigate(`/items/${item.id}?tab=reports`, { replace: true });
      } else {
        void message.success(t('reportForm.draftSaved'));
        if (!report) await navigate(`/reports/${saved.id}/edit`, { replace: true });
      }
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.field === 'rowVersion') {
        modal.confirm({
          title: t('common.staleTitle'),
          content: e.message,
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: () => queryClient.invalidateQueries({ queryKey: queryKeys.report(report?.id ?? '') }),
        });
        return;
      }
      // milestonesReached.N is the N-th milestone sent, not the N-th row of the form
      if (e instanceof ApiError && e.field) {
        const m = /^milestonesReached\.(\d+)(\..*)?$/.exec(e.field);
        if (m) {
          const row = initial.milestones.findIndex(
            (x) => x.milestoneId === sentMilestones.current[Number(m[1])],
          );
          if (row >= 0) {
            onServerError(new ApiError(e.status, e.code, e.message, `milestones.${row}.doneDate`), form);
            return;
          }
        }
        if (e.field === 'evidenceIds' || e.field.startsWith('evidenceIds.')) {
          void message.error(e.message);
          return;
        }
      }
      onServerError(e, form);
    },
  });

  const submit = async (doSubmit: boolean) => {
    submitting.current = doSubmit;
    try {
      await form.validateFields();
      const values = form.getFieldsValue(true) as Values;
      save.mutate({ values: { ...initial, ...values }, submit: doSubmit });
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
    }
  };

  const required = {
    validator: async (_: unknown, v: unknown) => {
      const empty = v === null || v === undefined || (typeof v === 'string' && !v.trim());
      if (submitting.current && empty) throw new Error(t('reportForm.requiredToSubmit'));
    },
  };

  return (
    <PageContainer
      title={title}
      subTitle={
        <Link to={`/items/${item.id}?tab=reports`}>
          {item.number} {item.title}
        </Link>
      }
    >
      <div style={{ maxWidth: 720, width: '100%', paddingBottom: 72 }}>
        <Flex vertical gap={12}>
          <Card size="small" data-testid="report-period-card">
            <Flex vertical gap={6}>
              <Flex wrap gap={6} align="center">
                <Typography.Text strong style={{ fontSize: 16 }} data-testid="report-period">
                  {periodLabel(periodKey, locale)}
                </Typography.Text>
                {report ? <ReportStatusTag status={report.status} /> : <Tag>{t('reportForm.new')}</Tag>}
                {report && report.version > 1 ? (
                  <Tag>{t('report.version', { version: report.version })}</Tag>
                ) : null}
              </Flex>
              {deadline ? (
                <Typography.Text data-testid="report-deadline">
                  {t('reportForm.deadline', { date: deadline })}
                  {pastDeadline ? (
                    <Tag color="error" style={{ marginInlineStart: 6 }} data-testid="report-past-deadline">
                      {t('reportForm.pastDeadline')}
                    </Tag>
                  ) : (
                    <Tag color="success" style={{ marginInlineStart: 6 }}>
                      {t('reportForm.beforeDeadline')}
                    </Tag>
                  )}
                </Typography.Text>
              ) : null}
              {estimated ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('periods.estimatedBanner', { years: (deadline ?? '').slice(0, 4) })}
                />
              ) : null}
              {pastDeadline ? <Alert type="error" showIcon title={t('reportForm.lateWarning')} /> : null}
              {report?.returnReason && report.status === 'returned' ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('report.returnReason', { reason: report.returnReason })}
                  data-testid="report-return-reason"
                />
              ) : null}
              {!canWrite ? <Alert type="info" showIcon title={t('reportForm.readOnly')} /> : null}
            </Flex>
          </Card>

          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={initial}
            disabled={!canWrite || save.isPending}
            data-testid="report-form"
            autoComplete="off"
          >
            <Flex vertical gap={12}>
              <Card size="small" title={t('reportForm.figures')}>
                {item.kind !== 'indicator' ? (
                  <Form.Item label={t('report.progress')} required extra={t('reportForm.progressHint')}>
                    <Flex gap={12} align="center">
                      <Form.Item name="progress" noStyle>
                        <Slider
                          min={0}
                          max={100}
                          step={0.1}
                          style={{ flex: 1 }}
                          data-testid="report-progress-slider"
                        />
                      </Form.Item>
                      <Form.Item name="progress" noStyle rules={[required]}>
                        <InputNumber
                          min={0}
                          max={100}
                          step={1}
                          precision={1}
                          suffix="%"
                          inputMode="decimal"
                          style={{ width: 96 }}
                          data-testid="report-progress"
                        />
                      </Form.Item>
                    </Flex>
                  </Form.Item>
                ) : null}
                {item.kind === 'indicator' ? (
                  <Form.Item
                    name="indicatorValue"
                    label={t('report.indicatorValue')}
                    required
                    rules={[required]}
                    extra={
                      target
                        ? t('reportForm.cumulativeTarget', {
                            target: target.target,
                            unit: item.unitOfMeasure ?? '',
                          })
                        : t('reportForm.cumulativeHint')
                    }
                  >
                    <InputNumber
                      style={{ width: '100%' }}
                      inputMode="decimal"
                      suffix={item.unitOfMeasure ?? undefined}
                      data-testid="report-indicator-value"
                    />
                  </Form.Item>
                ) : null}
                {item.kind === 'project' ? (
                  <Form.Item
                    name="completedInvestmentWan"
                    label={t('report.completedInvestment')}
                    extra={t('reportForm.investmentHint')}
                    required
                    rules={[
                      required,
                      {
                        validator: async (_, v: string) => {
                          if (v?.trim() && parseWanToFen(v) === null)
                            throw new Error(t('itemForm.amountInvalid'));
                        },
                      },
                    ]}
                  >
                    <MoneyInput unit={t('money.wan')} data-testid="report-investment" />
                  </Form.Item>
                ) : null}
              </Card>

              {initial.milestones.length > 0 ? (
                <Card size="small" title={t('report.milestonesReached')} data-testid="report-milestones">
                  <Form.List name="milestones">
                    {(fields) =>
                      fields.map((field) => {
                        const row = initial.milestones[field.name]!;
                        return (
                          <Flex key={field.key} wrap gap={8} align="center" style={{ marginBottom: 8 }}>
                            <Form.Item name={[field.name, 'checked']} valuePropName="checked" noStyle>
                              <Checkbox
                                disabled={row.locked || !canWrite}
                                style={{ flex: '1 1 180px', minWidth: 0 }}
                                data-testid={`report-milestone-${field.name}`}
                              >
                                {row.title}
                                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                  {' '}
                                  {t('reportForm.plannedOn', { date: row.plannedDate })}
                                </Typography.Text>
                              </Checkbox>
                            </Form.Item>
                            <Form.Item noStyle dependencies={[['milestones', field.name, 'checked']]}>
                              {({ getFieldValue }) =>
                                getFieldValue(['milestones', field.name, 'checked']) ? (
                                  <Form.Item
                                    name={[field.name, 'doneDate']}
                                    rules={[{ required: true, message: t('reportForm.doneDateRequired') }]}
                                    style={{ marginBottom: 0 }}
                                  >
                                    <DatePicker
                                      disabled={row.locked || !canWrite}
                                      placeholder={t('reportForm.doneDate')}
                                      disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                                      style={{ width: 150 }}
                                      data-testid={`report-milestone-date-${field.name}`}
                                    />
                                  </Form.Item>
                                ) : null
                              }
                            </Form.Item>
                          </Flex>
                        );
                      })
                    }
                  </Form.List>
                </Card>
              ) : null}

              <Card size="small" title={t('reportForm.narrative')}>
                <Form.Item name="workProgress" label={t('report.workProgress')} required rules={[required]}>
                  <Input.TextArea
                    autoSize={{ minRows: 4, maxRows: 12 }}
                    maxLength={5000}
                    showCount
                    placeholder={t('reportForm.workProgressPlaceholder')}
                    data-testid="report-work-progress"
                  />
                </Form.Item>
                <Form.Item name="problems" label={t('report.problems')}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 10 }}
                    maxLength={5000}
                    showCount
                    placeholder={t('reportForm.problemsPlaceholder')}
                    data-testid="report-problems"
                  />
                </Form.Item>
                {/* room below for the character count, which hangs under the text area */}
                <Form.Item name="nextSteps" label={t('report.nextSteps')} style={{ marginBottom: 16 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 10 }}
                    maxLength={5000}
                    showCount
                    placeholder={t('reportForm.nextStepsPlaceholder')}
                    data-testid="report-next-steps"
                  />
                </Form.Item>
              </Card>
            </Flex>
          </Form>

          <Card size="small" title={t('report.evidence')}>
            <EvidenceUpload
              itemId={item.id}
              value={evidence}
              onChange={setEvidence}
              maxBytes={maxBytes}
              disabled={!canWrite || save.isPending}
            />
          </Card>
        </Flex>
      </div>

      {canWrite ? (
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            margin: '0 -12px',
            padding: '10px 12px calc(10px + env(safe-area-inset-bottom))',
            background: 'rgba(255,255,255,0.96)',
            borderTop: '1px solid #f0f0f0',
          }}
        >
          <Flex gap={8} style={{ maxWidth: 720 }}>
            <Button
              icon={<SaveOutlined />}
              onClick={() => void submit(false)}
              loading={save.isPending && !save.variables?.submit}
              style={{ flex: 1 }}
              size="large"
              data-testid="report-save-draft"
            >
              {t('reportForm.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void submit(true)}
              loading={save.isPending && !!save.variables?.submit}
              style={{ flex: 1 }}
              size="large"
              data-testid="report-submit-button"
            >
              {t('reportForm.submit')}
            </Button>
          </Flex>
        </div>
      ) : null}
    </PageContainer>
  );
}
