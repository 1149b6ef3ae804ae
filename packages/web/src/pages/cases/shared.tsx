// Small pieces the case pages share: the state tag and the overdue flag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api/cases';

const STATE_COLOURS: Record<CaseState, string> = {
  received: 'default',
  verifying: 'processing',
  findings_issued: 'orange',
  plan_submitted: 'blue',
  plan_returned: 'red',
  rectifying: 'cyan',
  rechecked: 'geekblue',
  replied: 'purple',
  closed: 'green',
};

export function CaseStateTag({ status }: { status: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[status]} data-testid="case-state" data-state={status}>
      {t(`caseState.${status}`)}
    </Tag>
  );
}

export function OverdueTag({ overdue, measures }: { overdue: boolean; measures?: number }) {
  const { t } = useTranslation();
  return (
    <>
      {overdue ? <Tag color="red">{t('cases.overdue')}</Tag> : null}
      {measures ? <Tag color="volcano">{t('cases.overdueMeasures', { count: measures })}</Tag> : null}
    </>
  );
}
