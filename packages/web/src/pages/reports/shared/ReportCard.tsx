// One progress report (进度报送) as read by everyone: figures by kind, milestones reached, the three narratives,
// evidence, timing and review; the buttons its `allowedActions` offer.
import {
  CheckOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  SnippetsOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReportView } from '../../../api/types';
import EvidenceList from '../../../components/EvidenceList';
import ReasonModal from '../../../components/ReasonModal';
import { ReportStatusTag } from '../../../components/StatusTags';
import { currentLocale } from '../../../i18n';
import { useErrorHandler } from '../../../utils/errors';
import { formatShortDateTime } from '../../../utils/format';
import { formatWan } from '../../../utils/money';
import { formatPct, periodLabel } from '../../../utils/period';
import { useReportActions } from './useReportActions';

interface Props {
  report: ReportView;
  /** show the item's number and title with a link (review queue) */
  showItem?: boolean;
  unitOfMeasure?: string | null;
  /** collapsed narratives (long lists) */
  compact?: boolean;
}

function Narrative({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}
        ellipsis={{ rows: 4, expandable: 'collapsible' }}
      >
        {text}
      </Typography.Paragraph>
    </div>
  );
}

export function LateTag({ late, workingDaysLate }: { late: boolean | null; workingDaysLate: number | null }) {
  const { t } = useTranslation();
  if (late === null) return null;
  return late ? (
    <Tag color="error" data-testid="report-late">
      {t('report.late', { days: workingDaysLate ?? 0 })}
    </Tag>
  ) : (
    <Tag color="success" data-testid="report-on-time">
      {t('report.onTime')}
    </Tag>
  );
}

export default function ReportCard({ report, showItem, unitOfMeasure, compact }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actions = useReportActions();
  const onError = useErrorHandler();
  const [returning, setReturning] = useState(false);
  const locale = currentLocale();
  const allowed = new Set(report.allowedActions);

  const figures: DescriptionsProps['items'] = [];
  if (report.progress !== null)
    figures.push({
      key: 'progress',
      label: t('report.progress'),
      children: `${formatPct(report.progress)}%`,
    });
  if (report.indicatorValue !== null)
    figures.push({
      key: 'indicator',
      label: t('report.indicatorValue'),
      children: `${report.indicatorValue}${unitOfMeasure ? ` ${unitOfMeasure}` : ''}`,
    });
  if (report.completedInvestmentFen !== null)
    figures.push({
      key: 'investment',
      label: t('report.completedInvestment'),
      children: `${formatWan(report.completedInvestmentFen)} ${t('money.wan')}`,
    });
  figures.push({
    key: 'deadline',
    label: t('report.deadline'),
    children: (
      <Flex wrap gap={4} align="center">
        {report.deadline}
        {report.deadlineEstimated ? <Tag color="warning">{t('periods.estimated')}</Tag> : null}
      </Flex>
    ),
  });
  if (report.submittedAt) {
    // Lateness is judged on the region's date of submission (submittedOn). Where that is not the instant's date (a
    // demo region living in 2022), the date is shown, so that "submitted 2026-… · on time" never sits beside a 2022
    // deadline; the instant stays in the tooltip.
    const instant = formatShortDateTime(report.submittedAt);
    const onRegionDate = !report.submittedOn || instant.startsWith(report.submittedOn);
    figures.push({
      key: 'submitted',
      label: t('report.submittedAt'),
      children: (
        <Flex wrap gap={4} align="center">
          {onRegionDate ? (
            instant
          ) : (
            <Tooltip title={instant}>
              <span data-testid="report-submitted-on">{report.submittedOn}</span>
            </Tooltip>
          )}
          {report.submittedBy ? (
            <Typography.Text type="secondary">{report.submittedBy}</Typography.Text>
          ) : null}
          <LateTag late={report.late} workingDaysLate={report.workingDaysLate} />
        </Flex>
      ),
    });
  }
  if (report.reviewedAt)
    figures.push({
      key: 'reviewed',
      label: t('report.reviewedAt'),
      children: `${formatShortDateTime(report.reviewedAt)} ${report.reviewedBy ?? ''}`,
    });

  const buttons: ReactNode[] = [];
  if (allowed.has('edit'))
    buttons.push(
      <Button
        key="edit"
        icon={<EditOutlined />}
        onClick={() => void navigate(`/reports/${report.id}/edit`)}
        data-testid="report-edit"
      >
        {t('reportAction.edit')}
      </Button>,
    );
  if (allowed.has('submit'))
    buttons.push(
      <Popconfirm
        key="submit"
        title={t('reportAction.submit.confirm')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => actions.mutateAsync({ action: 'submit', report }).catch(onError)}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={actions.isPending}
          data-testid="report-submit"
        >
          {t('reportAction.submit')}
        </Button>
      </Popconfirm>,
    );
  if (allowed.has('approve'))
    buttons.push(
      <Popconfirm
        key="approve"
        title={t('reportAction.approve.confirm')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => actions.mutateAsync({ action: 'approve', report }).catch(onError)}
      >
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={actions.isPending}
          data-testid="report-approve"
        >
          {t('reportAction.approve')}
        </Button>
      </Popconfirm>,
    );
  if (allowed.has('accept'))
    buttons.push(
      <Popconfirm
        key="accept"
        title={t('reportAction.accept.confirm')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => actions.mutateAsync({ action: 'accept', report }).catch(onError)}
      >
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={actions.isPending}
          data-testid="report-accept"
        >
          {t('reportAction.accept')}
        </Button>
      </Popconfirm>,
    );
  if (allowed.has('return'))
    buttons.push(
      <Button
        key="return"
        danger
        icon={<RollbackOutlined />}
        onClick={() => setReturning(true)}
        data-testid="report-return"
      >
        {t('reportAction.return')}
      </Button>,
    );
  if (allowed.has('correct'))
    buttons.push(
      <Popconfirm
        key="correct"
        title={t('reportAction.correct.confirm')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={async () => {
          const next = await actions.mutateAsync({ action: 'correct', report }).catch((e: unknown) => {
            onError(e);
            return null;
          });
          if (next) await navigate(`/reports/${next.id}/edit`);
        }}
      >
        <Button icon={<SnippetsOutlined />} data-testid="report-correct">
          {t('reportAction.correct')}
        </Button>
      </Popconfirm>,
    );

  return (
    <Card
      size="small"
      data-testid="report-card"
      data-report-id={report.id}
      title={
        <Flex wrap gap={6} align="center" style={{ padding: '4px 0' }}>
          <Typography.Text strong>{periodLabel(report.periodKey, locale)}</Typography.Text>
          <ReportStatusTag status={report.status} />
          {report.version > 1 ? <Tag>{t('report.version', { version: report.version })}</Tag> : null}
          {!report.current ? <Tag>{t('report.notCurrent')}</Tag> : null}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {showItem ? (
          <Typography.Text>
            <Link to={`/items/${report.itemId}`} data-testid="report-item-link">
              {report.itemNumber}
            </Link>{' '}
            {report.itemTitle}
            <Typography.Text type="secondary"> · {report.unitName}</Typography.Text>
          </Typography.Text>
        ) : null}
        {report.returnReason && (report.status === 'returned' || report.status === 'draft') ? (
          <Alert
            type="error"
            showIcon
            title={t('report.returnReason', { reason: report.returnReason })}
            data-testid="report-return-reason"
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={figures} />
        {report.milestonesReached.length > 0 ? (
          <div>
            <Typography.Text strong>{t('report.milestonesReached')}</Typography.Text>
            <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
              {report.milestonesReached.map((m) => (
                <li key={m.milestoneId}>
                  {m.title} <Typography.Text type="secondary">{m.doneDate}</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {compact ? null : (
          <>
            <Narrative label={t('report.workProgress')} text={report.workProgress} />
            <Narrative label={t('report.problems')} text={report.problems} />
            <Narrative label={t('report.nextSteps')} text={report.nextSteps} />
          </>
        )}
        {compact && report.workProgress ? (
          <Typography.Paragraph
            type="secondary"
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            ellipsis={{ rows: 2, expandable: 'collapsible' }}
          >
            {report.workProgress}
          </Typography.Paragraph>
        ) : null}
        <div>
          <Typography.Text strong>{t('report.evidence')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <EvidenceList evidence={report.evidence} />
          </div>
        </div>
        {buttons.length > 0 ? (
          <Flex wrap gap={8} justify="flex-end">
            {buttons}
          </Flex>
        ) : null}
      </Flex>
      {returning ? (
        <ReasonModal
          title={t('reportAction.return.title', { period: periodLabel(report.periodKey, locale) })}
          required
          danger
          okText={t('reportAction.return')}
          onSubmit={(reason) => actions.mutateAsync({ action: 'return', report, reason })}
          onClose={() => setReturning(false)}
        />
      ) : null}
    </Card>
  );
}
