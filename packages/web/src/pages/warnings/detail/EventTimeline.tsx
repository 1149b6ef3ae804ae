// The full history of a warning, oldest first: issued, escalated, fell back, refreshed, cleared, rectification
// submitted, re-check failed, appealed, appeal upheld or rejected, consequences, the rectification timetable
// planned and its steps done — each with its day, who, the text and the explanation it carried then.
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningEventView } from '../../../api/warnings';
import { COLOUR_HEX } from '../../../components/WarningTags';
import { currentLocale, tDynamic } from '../../../i18n';
import { formatBytes, formatShortDateTime } from '../../../utils/format';
import { inLocale, timetablePlannedOf, timetableStepDoneOf } from '../../../utils/warnings';

const GREEN: readonly string[] = ['cleared', 'appeal_upheld', 'fell_back', 'timetable_step_done'];
const GREY: readonly string[] = [
  'refreshed',
  'rectification_submitted',
  'appealed',
  'appeal_rejected',
  'timetable_planned',
];

/** What a timetable event planned or did: the steps with their dates, or the step done. */
function TimetableData({ type, data }: { type: string; data: unknown }) {
  const { t } = useTranslation();
  const planned = type === 'timetable_planned' ? timetablePlannedOf(data) : null;
  const done = type === 'timetable_step_done' ? timetableStepDoneOf(data) : null;
  if (planned)
    return (
      <Flex vertical gap={0} data-testid="warning-event-timetable">
        {planned.steps.map((s, i) => (
          <Typography.Text key={i} style={{ fontSize: 13 }}>
            <span style={{ whiteSpace: 'nowrap' }}>{s.dueDate}</span> {s.title}
          </Typography.Text>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('timetable.deadline')} {planned.deadline}
        </Typography.Text>
      </Flex>
    );
  if (done)
    return (
      <Flex wrap gap={6} align="center" data-testid="warning-event-timetable">
        <Typography.Text>{t('timetable.stepOf', { title: done.title, date: done.dueDate })}</Typography.Text>
        {done.late ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('timetable.doneLate')}
          </Tag>
        ) : null}
      </Flex>
    );
  return null;
}

function consequenceOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const c = (data as { consequence?: unknown }).consequence;
  return typeof c === 'string' ? c : null;
}

export default function EventTimeline({ events }: { events: readonly WarningEventView[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card size="small" title={t('warningDetail.history')} data-testid="warning-history">
      <Timeline
        items={events.map((e) => {
          const consequence = e.type === 'consequence' ? consequenceOf(e.data) : null;
          // The engine's own clearing reasons are codes (gap_closed, item_closed); people write sentences.
          const raw = e.text ? tDynamic(`warningEvent.reason.${e.text}`, e.text) : null;
          // A manual warning's explanation already quotes its reason.
          const text = raw && !(e.explanation && inLocale(e.explanation, locale).includes(raw)) ? raw : null;
          return {
            key: e.id,
            color: GREEN.includes(e.type) ? 'green' : GREY.includes(e.type) ? 'gray' : COLOUR_HEX[e.colour],
            content: (
              <Flex vertical gap={2} data-testid="warning-event" data-type={e.type}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{tDynamic(`warningEvent.${e.type}`, e.type)}</Typography.Text>
                  {consequence ? <Tag>{tDynamic(`consequence.${consequence}`, consequence)}</Tag> : null}
                  {e.ruleId ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('warningDetail.ruleRef', { rule: e.ruleId, version: e.ruleVersion ?? '—' })}
                    </Typography.Text>
                  ) : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.onDate} · {e.actorName ?? t('warningDetail.engine')} · {formatShortDateTime(e.at)}
                </Typography.Text>
                <TimetableData type={e.type} data={e.data} />
                {e.explanation ? (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                    {inLocale(e.explanation, locale)}
                  </Typography.Text>
                ) : null}
                {text ? (
                  <Typography.Text
                    style={{ whiteSpace: 'pre-wrap' }}
                    type={e.explanation ? 'secondary' : undefined}
                  >
                    {text}
                  </Typography.Text>
                ) : null}
                {e.files.length > 0 ? (
                  <Flex wrap gap={4}>
                    {e.files.map((f) => (
                      <Tag key={f.id} icon={<PaperClipOutlined />}>
                        {f.originalName} ({formatBytes(f.size)})
                      </Tag>
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            ),
          };
        })}
      />
    </Card>
  );
}
