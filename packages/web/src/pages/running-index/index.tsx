// The running index (奔跑指数): who leads and who lags in a month, per ranking category, with the red and black boards;
// whether the month is a published revision or a live preview; the comparison with last month, the revisions with
// their differences, and the commendations. Supervisors publish (a month that is over; again: a new revision).
import { CloudUploadOutlined, DownloadOutlined, IdcardOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Modal, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useRegionToday } from '../../api/hooks';
import { runningIndexApi, runningIndexKeys, type MonthView } from '../../api/running-index';
import { useAuth } from '../../auth/context';
import PageContainer from '../../components/PageContainer';
import { currentLocale } from '../../i18n';
import { errorText } from '../../utils/errors';
import { periodLabel } from '../../utils/period';
import BonusesSection from './components/BonusesSection';
import CompareSection from './components/CompareSection';
import RankingSection, { scoreCardPath } from './components/RankingSection';
import RevisionsSection from './components/RevisionsSection';
import { MonthPicker, MonthStatus } from './components/shared';
import { isMonthKey, isMonthOver } from './model';

const TABS = ['ranking', 'compare', 'revisions', 'bonuses'] as const;
type Tab = (typeof TABS)[number];

function PublishButton({ view, today }: { view: MonthView; today: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: () => runningIndexApi.publish(view.month),
    onSuccess: (r) => {
      setConfirming(false);
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: runningIndexKeys.all });
      void message.success(t('runningIndex.publish.done', { revision: r.revision ?? '—' }));
    },
    onError: (e) => {
      setConfirming(false);
      setFailure(errorText(e));
    },
  });
  const republish = view.published;
  const over = today ? isMonthOver(view.month, today) : true;
  const month = periodLabel(view.month, currentLocale());
  return (
    <>
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        onClick={() => {
          setFailure(null);
          setConfirming(true);
        }}
        data-testid="index-publish"
      >
        {republish ? t('runningIndex.publish.republish') : t('runningIndex.publish.publish')}
      </Button>
      <Modal
        open={confirming}
        title={
          republish
            ? t('runningIndex.publish.republishTitle', { month })
            : t('runningIndex.publish.title', { month })
        }
        okText={republish ? t('runningIndex.publish.republish') : t('runningIndex.publish.publish')}
        cancelText={t('common.cancel')}
        confirmLoading={publish.isPending}
        onOk={() => publish.mutate()}
        onCancel={() => setConfirming(false)}
        okButtonProps={{ 'data-testid': 'index-publish-ok' }}
      >
        <Flex vertical gap={8}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {republish
              ? t('runningIndex.publish.republishBody', { revision: (view.revision ?? 0) + 1 })
              : t('runningIndex.publish.body')}
          </Typography.Paragraph>
          {!over ? <Alert type="warning" showIcon title={t('runningIndex.publish.notOverHint')} /> : null}
        </Flex>
      </Modal>
      {failure ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          title={failure}
          data-testid="index-publish-error"
          style={{ flexBasis: '100%' }}
        />
      ) : null}
    </>
  );
}

export default function RunningIndexPage() {
  const { t } = useTranslation();
  const { access, user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = useRegionToday();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = isMonthKey(asked) ? asked : today?.slice(0, 7);
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'ranking';
  const [exporting, setExporting] = useState(false);

  const view = useQuery({
    queryKey: runningIndexKeys.month(month ?? ''),
    queryFn: ({ signal }) => runningIndexApi.month(month!, signal),
    enabled: !!month,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const save = async () => {
    if (!month) return;
    setExporting(true);
    try {
      await runningIndexApi.exportMonth(month);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const data = view.data;
  // A unit's own people get a shortcut to its card (the task force's own unit is not in the race).
  const unitRole = user.roles.some((r) => r === 'unit_manager' || r === 'unit_reporter');
  const own =
    data && unitRole && user.unitId ? data.result.scores.find((s) => s.unitId === user.unitId) : undefined;

  return (
    <PageContainer
      title={t('runningIndex.title')}
      subTitle={t('runningIndex.subtitle')}
      extra={
        <>
          <MonthPicker month={month} today={today} onChange={(m) => update({ month: m })} />
          {own && month ? (
            <Button
              icon={<IdcardOutlined />}
              onClick={() => void navigate(scoreCardPath(own.unitId, month))}
              data-testid="index-own-card"
            >
              {t('runningIndex.ownCard')}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!month}
            onClick={() => void save()}
            data-testid="index-export"
          >
            {t('runningIndex.export')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            loading={view.isFetching}
            onClick={() => void view.refetch()}
          />
          {access.runningIndexPublish && data ? <PublishButton view={data} today={today} /> : null}
        </>
      }
    >
      {view.isError ? <Alert type="error" showIcon title={errorText(view.error)} /> : null}
      {data ? <MonthStatus view={data} /> : null}
      <Card size="small" loading={!data && !view.isError}>
        {data && month ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k === 'ranking' ? undefined : k })}
            destroyOnHidden
            items={[
              {
                key: 'ranking',
                label: t('runningIndex.tab.ranking'),
                children: <RankingSection result={data.result} ownUnitId={user.unitId ?? null} />,
              },
              {
                key: 'compare',
                label: t('runningIndex.tab.compare'),
                children: <CompareSection result={data.result} />,
              },
              {
                key: 'revisions',
                label: t('runningIndex.tab.revisions'),
                children: <RevisionsSection month={month} />,
              },
              {
                key: 'bonuses',
                label: t('runningIndex.tab.bonuses'),
                children: <BonusesSection view={data} today={today} canEdit={access.runningIndexBonus} />,
              },
            ]}
          />
        ) : null}
      </Card>
    </PageContainer>
  );
}
