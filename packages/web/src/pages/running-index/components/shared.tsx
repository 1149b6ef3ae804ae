// Small pieces the running-index pages share: the change of rank (↑ green, ↓ red), the red and black board tags
// (红榜/黑榜), whether a month is a published revision or a live preview, and the month picker.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, DatePicker, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthView } from '../../../api/running-index';
import { formatShortDateTime } from '../../../utils/format';
import type { BoardMark } from '../model';

export function RankChange({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value === 0)
    return (
      <Typography.Text type="secondary" data-testid="rank-change" data-value={0}>
        {t('runningIndex.rankSame')}
      </Typography.Text>
    );
  const up = value > 0;
  return (
    <Typography.Text
      type={up ? 'success' : 'danger'}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="rank-change"
      data-value={value}
      aria-label={up ? t('runningIndex.rankUp', { n: value }) : t('runningIndex.rankDown', { n: -value })}
    >
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(value)}
    </Typography.Text>
  );
}

/** 黑榜 in black: antd has no black preset. */
export const BLACK_TAG = { background: '#262626', borderColor: '#262626', color: '#fff' };

export function BoardTag({ mark }: { mark: BoardMark | null }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return (
    <Tag
      color={mark === 'red' ? 'red' : undefined}
      data-testid="board-tag"
      data-board={mark}
      style={mark === 'black' ? { ...BLACK_TAG, marginInlineEnd: 0 } : { marginInlineEnd: 0 }}
    >
      {mark === 'red' ? t('runningIndex.redBoard') : t('runningIndex.blackBoard')}
    </Tag>
  );
}

/** Published revision N (when, data as of), or a live preview that moves with the data. */
export function MonthStatus({ view }: { view: MonthView }) {
  const { t } = useTranslation();
  return view.published ? (
    <Alert
      type="success"
      showIcon
      data-testid="index-status"
      data-published="true"
      data-revision={view.revision ?? undefined}
      title={t('runningIndex.status.published', {
        revision: view.revision ?? '—',
        at: formatShortDateTime(view.publishedAt),
      })}
      description={t('runningIndex.status.publishedDesc', {
        knownOn: view.knownOn,
        model: view.modelVersion ?? '—',
      })}
    />
  ) : (
    <Alert
      type="warning"
      showIcon
      data-testid="index-status"
      data-published="false"
      title={t('runningIndex.status.preview')}
      description={t('runningIndex.status.previewDesc', {
        knownOn: view.knownOn,
        model: view.modelVersion ?? '—',
      })}
    />
  );
}

/** A month picker over months that have begun by the region's today. */
export function MonthPicker({
  month,
  today,
  onChange,
}: {
  month: string | undefined;
  today: string | undefined;
  onChange: (month: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={month ? dayjs(`${month}-01`) : null}
      placeholder={t('runningIndex.month')}
      disabledDate={(d) => !!today && d.format('YYYY-MM') > today.slice(0, 7)}
      onChange={(d) => {
        if (d) onChange(d.format('YYYY-MM'));
      }}
      style={{ width: 140 }}
      data-testid="index-month"
    />
  );
}
