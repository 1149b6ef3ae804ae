// A card's rectification timetable (整改倒排时间表, the county's 作战图): the dated steps counted back from the card's
// deadline, earliest first, each with its working days before the deadline, when and how it was done, and a red
// "late" when past its date and not done (such a step lights up on the unit). The warned unit plans and re-plans it
// and marks steps done here.
import { CheckOutlined, FlagFilled, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimetableStepView, WarningDetail } from '../../../api/warnings';
import { COLOUR_HEX } from '../../../components/WarningTags';
import { isOpen, stepsInOrder, timetableProgress } from '../../../utils/warnings';
import { PlanTimetableModal, StepDoneModal } from './TimetableForms';

export default function TimetableSection({
  warning: w,
  canPlan,
}: {
  warning: WarningDetail;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState(false);
  const [marking, setMarking] = useState<TimetableStepView | null>(null);
  const steps = stepsInOrder(w.timetable);
  const progress = timetableProgress(steps);
  const empty = steps.length === 0;

  return (
    <Card
      size="small"
      title={t('timetable.title')}
      data-testid="warning-timetable"
      extra={
        canPlan ? (
          <Button
            size="small"
            type={empty ? 'primary' : 'default'}
            icon={<ScheduleOutlined />}
            onClick={() => setPlanning(true)}
            data-testid="timetable-plan"
          >
            {t(empty ? 'timetable.plan' : 'timetable.replan')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center" data-testid="timetable-summary">
          <span>
            {t('timetable.deadline')}{' '}
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid="timetable-deadline">
              {w.rectifyBy}
            </Typography.Text>
          </span>
          {!empty ? (
            <Typography.Text type="secondary">
              {t('timetable.progress', { done: progress.done, total: progress.total })}
            </Typography.Text>
          ) : null}
          {progress.late > 0 ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('timetable.lateCount', { n: progress.late })}
            </Tag>
          ) : null}
        </Flex>
        {progress.late > 0 && isOpen(w) ? (
          <Alert
            type="warning"
            showIcon
            title={t('timetable.lateNotice')}
            data-testid="timetable-late-notice"
          />
        ) : null}
        {empty ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            style={{ margin: '8px 0' }}
            description={
              <Flex vertical gap={4}>
                <span>{t('timetable.empty')}</span>
                {canPlan ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('timetable.emptyHint')}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
          />
        ) : (
          <Timeline
            style={{ marginTop: 8 }}
            items={[
              ...steps.map((s) => ({
                key: s.id,
                color: s.doneDate !== null ? 'green' : s.late ? 'red' : 'blue',
                icon: s.doneDate !== null ? <CheckOutlined style={{ color: '#52c41a' }} /> : undefined,
                content: <Step step={s} canMark={canPlan} onMark={() => setMarking(s)} />,
              })),
              {
                key: 'deadline',
                color: COLOUR_HEX[w.colour],
                icon: <FlagFilled style={{ color: COLOUR_HEX[w.colour] }} />,
                content: (
                  <Typography.Text strong>
                    {t('timetable.deadline')} {w.rectifyBy}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Flex>
      {planning ? <PlanTimetableModal warning={w} onClose={() => setPlanning(false)} /> : null}
      {marking ? <StepDoneModal warning={w} step={marking} onClose={() => setMarking(null)} /> : null}
    </Card>
  );
}

function Step({
  step: s,
  canMark,
  onMark,
}: {
  step: TimetableStepView;
  canMark: boolean;
  onMark: () => void;
}) {
  const { t } = useTranslation();
  const done = s.doneDate !== null;
  return (
    <Flex
      vertical
      gap={2}
      data-testid="timetable-step"
      data-done={done ? 'true' : 'false'}
      data-late={s.late ? 'true' : 'false'}
    >
      <Flex wrap gap={6} align="center">
        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
          {s.title}
        </Typography.Text>
        {s.late ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="timetable-step-late">
            {t('timetable.late')}
          </Tag>
        ) : null}
        {done ? (
          <Tag color={s.doneDate! > s.dueDate ? 'orange' : 'success'} style={{ marginInlineEnd: 0 }}>
            {t(s.doneDate! > s.dueDate ? 'timetable.doneLate' : 'timetable.done')}
          </Tag>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <span style={{ whiteSpace: 'nowrap' }}>{t('timetable.due', { date: s.dueDate })}</span>
        {' · '}
        <span style={{ whiteSpace: 'nowrap' }}>
          {s.workingDaysBefore === 0
            ? t('timetable.onDeadline')
            : t('timetable.before', { days: s.workingDaysBefore })}
        </span>
      </Typography.Text>
      {done ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="timetable-step-done-on">
            {t('timetable.doneOn', { date: s.doneDate })}
          </Typography.Text>
          {s.doneNote ? (
            <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {s.doneNote}
            </Typography.Text>
          ) : null}
        </>
      ) : canMark ? (
        <div>
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={onMark}
            style={{ marginTop: 4 }}
            data-testid="timetable-mark-done"
          >
            {t('timetable.markDone')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
