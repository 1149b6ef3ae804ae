// The state tag of a post-mortem review.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewState } from '../../api/reviews';

const COLOURS: Record<ReviewState, string> = {
  draft: 'default',
  scheduled: 'blue',
  held: 'purple',
  closed: 'green',
};

export function ReviewStateTag({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[state]} data-testid="review-state" data-state={state}>
      {t(`reviewState.${state}`)}
    </Tag>
  );
}
