// The leader cockpit (领导驾驶舱), the first screen of supervisors, leaders and discipline inspectors: one request
// (GET /api/cockpit); every figure is a link to the list that shows the same records (the server gives the path
// and query). The trend chart is the lazy ECharts wrapper, so ECharts never weighs on the first load.
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Switch, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cockpitQuery, type Cockpit, type CockpitFigure, type CockpitRanked } from '../../../api/cockpit';
import { useAuth } from '../../../auth/context';
import { TrendChart } from '../../../components/charts';
import PageContainer from '../../../components/PageContainer';
import { COLOUR_HEX, COLOUR_TAG, ColourBadge } from '../../../components/WarningTags';
import { currentLocale, tDynamic } from '../../../i18n';
import { errorText } from '../../../utils/errors';

const wrap = { overflowWrap: 'anywhere', minWidth: 0 } as const;

/** A number that opens its list; plain when no list reproduces it. */
function FigureLink({
  figure,
  children,
  testId,
}: {
  figure: CockpitFigure;
  children: ReactNode;
  testId: string;
}) {
  return figure.link ? (
    <Link to={figure.link} data-testid={testId} data-count={figure.count}>
      {children}
    </Link>
  ) : (
    <span data-testid={testId} data-count={figure.count}>
      {children}
    </span>
  );
}

function WarningFigures({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<Link to={data.warnings.link}>{t('cockpit.warnings')}</Link>}
      data-testid="cockpit-warnings"
    >
      <Row gutter={[8, 8]}>
        {(['card', 'light'] as const).flatMap((kind) =>
          (['red', 'yellow'] as const).map((colour) => {
            const f = data.warnings[kind][colour];
            return (
              <Col xs={12} sm={6} key={`${kind}-${colour}`}>
                <FigureLink figure={f} testId={`cockpit-${kind}-${colour}`}>
                  <Flex align="center" gap={8}>
                    <ColourBadge kind={kind} colour={colour} />
                    <Typography.Text
                      strong
                      style={{ fontSize: 22, color: f.count ? COLOUR_HEX[colour] : undefined }}
                    >
                      {f.count}
                    </Typography.Text>
                  </Flex>
                </FigureLink>
                {f.link === null ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cockpit.listedBelow')}
                  </Typography.Text>
                ) : null}
              </Col>
            );
          }),
        )}
      </Row>
    </Card>
  );
}

function Trend({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  const months = data.trend.months;
  const series = (['lights', 'cards'] as const).flatMap((kind) =>
    (['yellow', 'red'] as const).map((colour) => ({
      name: t(`warningBadge.${kind === 'lights' ? 'light' : 'card'}.${colour}`),
      data: months.map((m) => m[kind][colour]),
      type: 'bar' as const,
      stack: kind,
      color: kind === 'lights' ? COLOUR_HEX[colour] : colour === 'red' ? '#a8071a' : '#d48806',
    })),
  );
  return (
    <Card
      size="small"
      title={t('cockpit.trend', { year: data.asOf.slice(0, 4) })}
      extra={<Link to={data.trend.link}>{t('cockpit.viewBoard')}</Link>}
      data-testid="cockpit-trend"
    >
      <TrendChart categories={months.map((m) => m.month.slice(5))} series={series} height={220} />
    </Card>
  );
}

function ItemsAtRisk({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  const risk = data.itemsAtRisk;
  return (
    <Card
      size="small"
      title={t('cockpit.atRisk')}
      extra={
        <Typography.Text type="secondary">{t('cockpit.atRiskTotal', { count: risk.total })}</Typography.Text>
      }
      data-testid="cockpit-at-risk"
    >
      <Flex wrap gap={16} style={{ marginBottom: 8 }}>
        <FigureLink figure={risk.lit} testId="cockpit-at-risk-lit">
          {t('cockpit.lit')} <Typography.Text strong>{risk.lit.count}</Typography.Text>
        </FigureLink>
        <FigureLink figure={risk.overdue} testId="cockpit-at-risk-overdue">
          {t('cockpit.overdue')} <Typography.Text strong>{risk.overdue.count}</Typography.Text>
        </FigureLink>
      </Flex>
      {risk.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noRisk')} />
      ) : (
        <Flex vertical gap={8}>
          {risk.items.map((i) => (
            <Flex key={i.id} gap={8} align="flex-start" data-testid="cockpit-risk-item">
              <Flex gap={2} wrap style={{ flex: 'none', width: 64 }}>
                {(['red', 'yellow'] as const).map((c) =>
                  i.lights[c] > 0 ? (
                    <Tag key={c} color={COLOUR_TAG[c]} style={{ marginInlineEnd: 0 }}>
                      {i.lights[c]}
                    </Tag>
                  ) : null,
                )}
                {i.overdue ? (
                  <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                    {t('cockpit.overdue')}
                  </Tag>
                ) : null}
              </Flex>
              <div style={wrap}>
                <Link to={i.link}>
                  {i.number} {i.title}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.leadUnitName}
                  </Typography.Text>
                </div>
              </div>
            </Flex>
          ))}
          {risk.total > risk.items.length ? (
            <Typography.Text type="secondary">
              {t('cockpit.more', { count: risk.total - risk.items.length })}
            </Typography.Text>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}

function NewestWarnings({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  const list = data.newestWarnings;
  return (
    <Card
      size="small"
      title={t('cockpit.newest')}
      extra={<Link to={list.link}>{t('cockpit.viewAll')}</Link>}
      data-testid="cockpit-newest"
    >
      {list.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noWarnings')} />
      ) : (
        <Flex vertical gap={10}>
          {list.items.map((w) => (
            <div key={w.id} style={wrap} data-testid="cockpit-newest-warning">
              <Flex wrap gap={6} align="center">
                <ColourBadge kind={w.kind} colour={w.colour} />
                <Link to={w.link}>{w.itemNumber ? `${w.itemNumber} ${w.itemTitle ?? ''}` : w.unitName}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {/* A card's link already names its unit. */}
                  {w.itemNumber ? `${w.unitName} · ` : ''}
                  {w.issuedOn} · {tDynamic(`warningState.${w.state}`, w.state)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {w.explanation}
              </Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Ranked({ list, colour }: { list: CockpitRanked[]; colour: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {list.map((u) => (
        <Flex key={u.unitId} gap={6} style={wrap}>
          <Tag color={colour} style={{ marginInlineEnd: 0, flex: 'none' }}>
            {u.rank ?? '—'}
          </Tag>
          <Link to={u.link} style={wrap}>
            {u.name}
          </Link>
          {u.total !== null ? (
            <Typography.Text type="secondary" style={{ flex: 'none' }}>
              {t('cockpit.score', { score: u.total.toFixed(1) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}

function IndexBoards({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  const index = data.index;
  if (!index)
    return (
      <Card size="small" title={t('menu.runningIndex')} data-testid="cockpit-index">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noIndex')} />
      </Card>
    );
  return (
    <Card
      size="small"
      title={<Link to={index.link}>{t('cockpit.index', { month: index.month })}</Link>}
      data-testid="cockpit-index"
    >
      <Flex vertical gap={12}>
        {index.categories.map((c) => (
          <div key={c.categoryId}>
            <Typography.Text strong>{c.name}</Typography.Text>
            <Row gutter={[12, 4]} style={{ marginTop: 4 }}>
              <Col xs={24} sm={12}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cockpit.indexTop')}
                </Typography.Text>
                <Ranked list={c.top} colour="red" />
              </Col>
              {c.bottom.length > 0 ? (
                <Col xs={24} sm={12}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cockpit.indexBottom')}
                  </Typography.Text>
                  <Ranked list={c.bottom} colour="default" />
                </Col>
              ) : null}
            </Row>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function Cases({ cases }: { cases: NonNullable<Cockpit['cases']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<Link to={cases.link}>{t('cockpit.cases')}</Link>} data-testid="cockpit-cases">
      <Flex wrap gap={16} style={{ marginBottom: 8 }}>
        <span>
          {t('cockpit.casesOpen')} <Typography.Text strong>{cases.open}</Typography.Text>
        </span>
        <FigureLink figure={cases.overdue} testId="cockpit-cases-overdue">
          {t('cockpit.casesOverdue')}{' '}
          <Typography.Text strong type={cases.overdue.count ? 'danger' : undefined}>
            {cases.overdue.count}
          </Typography.Text>
        </FigureLink>
      </Flex>
      <Flex wrap gap={6}>
        {cases.byStatus
          .filter((s) => s.count > 0)
          .map((s) => (
            <Tag key={s.status} style={{ marginInlineEnd: 0 }}>
              <Link to={s.link} data-count={s.count}>
                {tDynamic(`caseState.${s.status}`, s.status)} {s.count}
              </Link>
            </Tag>
          ))}
      </Flex>
    </Card>
  );
}

function Deadlines({ data }: { data: Cockpit }) {
  const { t } = useTranslation();
  const d = data.deadlines;
  const total = d.counts.report + d.counts.milestone + d.counts.warning + d.counts.case;
  return (
    <Card
      size="small"
      title={t('cockpit.deadlines', { from: d.from.slice(5), to: d.to.slice(5) })}
      data-testid="cockpit-deadlines"
    >
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        {(['report', 'milestone', 'warning', 'case'] as const).map((k) =>
          d.counts[k] > 0 ? (
            <Tag key={k} style={{ marginInlineEnd: 0 }}>
              {t(`cockpit.deadlineKind.${k}`)} {d.counts[k]}
            </Tag>
          ) : null,
        )}
      </Flex>
      {d.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noDeadlines')} />
      ) : (
        <Flex vertical gap={6}>
          {d.items.map((x, i) => (
            <Flex key={`${x.link}-${x.kind}-${i}`} gap={8} align="baseline" style={wrap}>
              <Typography.Text style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
                {x.date.slice(5)}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>{t(`cockpit.deadlineKind.${x.kind}`)}</Tag>
              <div style={wrap}>
                <Link to={x.link}>{x.title}</Link>
                {x.detail && x.kind !== 'warning' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    · {x.detail}
                  </Typography.Text>
                ) : null}
              </div>
            </Flex>
          ))}
          {total > d.items.length ? (
            <Typography.Text type="secondary">
              {t('cockpit.more', { count: total - d.items.length })}
            </Typography.Text>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}

export default function CockpitPage({ footer }: { footer?: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const isLeader = user.roles.includes('leader');
  const mine = isLeader && params.get('mine') === '1';
  const query = useQuery({ ...cockpitQuery(mine, currentLocale()), placeholderData: keepPreviousData });
  const data = query.data;
  const setMine = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('mine', '1');
    else next.delete('mine');
    setParams(next, { replace: true });
  };

  return (
    <PageContainer
      title={t('cockpit.title')}
      subTitle={data ? t('cockpit.subtitle', { region: data.region.name, date: data.asOf }) : user.regionName}
      extra={
        <>
          {isLeader ? (
            <Flex align="center" gap={6}>
              <Switch checked={mine} onChange={setMine} data-testid="cockpit-mine" />
              <span>{t('cockpit.mine')}</span>
            </Flex>
          ) : null}
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={errorText(query.error)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : null}
      {mine ? <Alert type="info" showIcon title={t('cockpit.mineNote')} /> : null}
      {!data ? (
        query.isError ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : (
        <Row gutter={[16, 16]} data-testid="cockpit">
          <Col xs={24}>
            <WarningFigures data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <ItemsAtRisk data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <NewestWarnings data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <Deadlines data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <Flex vertical gap={16}>
              <IndexBoards data={data} />
              {data.cases ? <Cases cases={data.cases} /> : null}
            </Flex>
          </Col>
          <Col xs={24}>
            <Trend data={data} />
          </Col>
        </Row>
      )}
      {/* The base data under the cockpit, once the cockpit has its figures. */}
      {data ? footer : null}
    </PageContainer>
  );
}
