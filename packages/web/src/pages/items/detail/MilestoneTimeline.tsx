// Milestones (节点) in date order: done (green), done late (orange), overdue (red), upcoming (blue).
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Grid, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../api/types';

export default function MilestoneTimeline({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const milestones = [...item.milestones].sort((a, b) => a.seq - b.seq);
  // On a phone the dates go above the titles: a date column leaves the titles and their tags too little room, and
  // they overflow onto the timeline's dots.
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Card size="small" title={t('itemDetail.milestones')} data-testid="milestone-timeline">
      {milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('itemDetail.noMilestones')} />
      ) : (
        <Timeline
          items={milestones.map((m) => {
            const done = !!m.doneDate;
            const overdue = m.overdueDays > 0;
            const color = done ? (overdue ? 'orange' : 'green') : overdue ? 'red' : 'blue';
            const icon = done ? (
              <CheckCircleOutlined />
            ) : overdue ? (
              <ExclamationCircleOutlined />
            ) : (
              <ClockCircleOutlined />
            );
            return {
              key: m.id,
              color,
              icon,
              title: phone ? undefined : m.plannedDate,
              content: (
                <Flex
                  vertical
                  gap={2}
                  data-testid="milestone-item"
                  data-state={done ? 'done' : overdue ? 'overdue' : 'open'}
                >
                  {phone ? <Typography.Text type="secondary">{m.plannedDate}</Typography.Text> : null}
                  <Typography.Text strong>{m.title}</Typography.Text>
                  <Flex wrap gap={4}>
                    <Tag>{t('itemDetail.weight', { weight: m.weight })}</Tag>
                    {done ? (
                      <Tag color={overdue ? 'warning' : 'success'}>
                        {overdue
                          ? t('milestone.doneLate', { date: m.doneDate, days: m.overdueDays })
                          : t('milestone.doneOn', { date: m.doneDate })}
                      </Tag>
                    ) : overdue ? (
                      <Tag color="error">{t('milestone.overdue', { days: m.overdueDays })}</Tag>
                    ) : (
                      <Tag color="processing">{t('milestone.open')}</Tag>
                    )}
                  </Flex>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
