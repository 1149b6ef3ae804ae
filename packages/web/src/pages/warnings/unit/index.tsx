// A unit's dossier (/warnings/units/:unitId): every light on its items and every card on it, open or closed, with
// counts by colour and a link to each warning's history. Supervisors issue a card from here (spot check 抽查).
import { FlagOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Segmented, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAllUnits } from '../../../api/hooks';
import { warningKeys, warningsApi } from '../../../api/warnings';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { COLOUR_HEX, ColourBadge } from '../../../components/WarningTags';
import { errorText } from '../../../utils/errors';
import { byUrgency, countByColour, isOpen } from '../../../utils/warnings';
import IssueWarningModal from '../shared/IssueWarningModal';
import WarningTable from '../shared/WarningTable';

export default function WarningUnitPage() {
  const { unitId = '' } = useParams();
  const { t } = useTranslation();
  const { access } = useAuth();
  const [show, setShow] = useState<'open' | 'all'>('all');
  const [issuing, setIssuing] = useState(false);
  const [page, setPage] = useState(1);
  const query = { unitId, pageSize: 500 };
  const list = useQuery({
    queryKey: warningKeys.list(query),
    queryFn: ({ signal }) => warningsApi.list(query, signal),
  });
  const units = useAllUnits();
  const unitName =
    units.data?.find((u) => u.id === unitId)?.name ?? list.data?.items[0]?.unitName ?? t('warningUnit.title');

  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const open = useMemo(() => all.filter(isOpen).sort(byUrgency), [all]);
  const counts = countByColour(open);
  const totals = countByColour(all);
  const shown = show === 'open' ? open : all;

  return (
    <PageContainer
      title={t('warningUnit.heading', { unit: unitName })}
      subTitle={<Link to="/warnings">{t('warningDetail.backToBoard')}</Link>}
      extra={
        <>
          {access.warningsIssue ? (
            <Button
              danger
              icon={<FlagOutlined />}
              onClick={() => setIssuing(true)}
              data-testid="warning-issue-card"
            >
              {t('issueWarning.titleCard')}
            </Button>
          ) : null}
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            loading={list.isFetching}
            onClick={() => void list.refetch()}
          />
        </>
      }
    >
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Row gutter={[12, 12]} data-testid="warning-unit-counts">
        {(['card', 'light'] as const).flatMap((kind) =>
          (['red', 'yellow'] as const).map((colour) => (
            <Col xs={12} md={6} key={`${kind}-${colour}`}>
              <Card
                size="small"
                data-testid={`warning-unit-count-${kind}-${colour}`}
                data-count={counts[kind][colour]}
              >
                <Statistic
                  title={<ColourBadge kind={kind} colour={colour} />}
                  value={counts[kind][colour]}
                  loading={list.isPending}
                  styles={{ content: { color: counts[kind][colour] ? COLOUR_HEX[colour] : undefined } }}
                  suffix={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('warningUnit.ofTotal', { total: totals[kind][colour] })}
                    </Typography.Text>
                  }
                />
              </Card>
            </Col>
          )),
        )}
      </Row>
      <Card
        title={t('warningUnit.listTitle')}
        extra={
          <Segmented
            size="small"
            value={show}
            onChange={(v) => {
              setShow(v as 'open' | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('warningUnit.all', { count: all.length }) },
              { value: 'open', label: t('warningUnit.open', { count: open.length }) },
            ]}
          />
        }
      >
        <Flex vertical gap={8}>
          <WarningTable
            warnings={shown}
            loading={list.isFetching}
            showUnit={false}
            today={list.data?.asOf}
            testId="warning-unit-list"
            pagination={
              shown.length > 20
                ? {
                    current: page,
                    pageSize: 20,
                    total: shown.length,
                    onChange: setPage,
                    showSizeChanger: false,
                    showTotal: (total: number) => t('common.total', { total }),
                  }
                : false
            }
          />
        </Flex>
      </Card>
      {issuing ? (
        <IssueWarningModal kind="card" unitId={unitId} subject={unitName} onClose={() => setIssuing(false)} />
      ) : null}
    </PageContainer>
  );
}
