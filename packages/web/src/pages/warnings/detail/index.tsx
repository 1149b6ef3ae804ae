// One warning (/warnings/:id): "why is this red?" — the explanation in the UI language, the rule and version that
// produced it, the inputs and thresholds it compared, a card's rectification timetable (倒排时间表), the full
// history, and the forms its `actions` allow.
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import type { WarningAction, WarningDetail } from '../../../api/warnings';
import { useConditions, WARNING_ACTIONS, warningKeys, warningsApi } from '../../../api/warnings';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { COLOUR_HEX, ColourBadge, WarningStateTag } from '../../../components/WarningTags';
import { currentLocale, tDynamic } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import { canPlanTimetable, formatValue, inLocale, isOpen } from '../../../utils/warnings';
import ActionModal from './ActionModal';
import EventTimeline from './EventTimeline';
import TimetableSection from './Timetable';

const Nowrap = ({ children }: { children: ReactNode }) => (
  <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
);

const PRIMARY: readonly WarningAction[] = ['rectify', 'recheck', 'decide_appeal'];

interface FactRow {
  key: string;
  name: string;
  value: string;
  strong?: boolean;
  /** the value links here (the card a late timetable step belongs to) */
  to?: string;
}

/** Coded input values in words (an item status, a direction, a colour); everything else as written. */
const CODED: Record<string, string> = {
  status: 'itemStatus',
  direction: 'direction',
  colour: 'ruleParamValue',
  lightColour: 'ruleParamValue',
  basis: 'warningInput.basis',
};

function inputText(key: string, value: unknown): string {
  const prefix = CODED[key];
  return prefix && typeof value === 'string' ? tDynamic(`${prefix}.${value}`, value) : formatValue(value);
}

function factRows(
  w: WarningDetail,
  t: (key: string, o?: Record<string, unknown>) => string,
  metricName: string,
  comparator: string,
) {
  const rows: FactRow[] = [];
  if (w.metric !== null)
    rows.push({ key: 'metric', name: metricName, value: formatValue(w.metric), strong: true });
  for (const colour of ['yellow', 'red'] as const) {
    if (colour in w.thresholds)
      rows.push({
        key: `threshold-${colour}`,
        name: t(`warningDetail.threshold.${w.kind}.${colour}`),
        value:
          w.thresholds[colour] === null || w.thresholds[colour] === undefined
            ? '—'
            : `${comparator}${formatValue(w.thresholds[colour])}`,
      });
  }
  for (const [k, v] of Object.entries(w.inputs))
    rows.push({
      key: `input-${k}`,
      // a condition may word an input its own way (a timetable step's dueDate is not an item's)
      name: tDynamic(`warningInput.${w.condition ?? ''}.${k}`, tDynamic(`warningInput.${k}`, k)),
      value: inputText(k, v),
      to: k === 'cardId' && typeof v === 'string' ? `/warnings/${encodeURIComponent(v)}` : undefined,
    });
  return rows;
}

export default function WarningDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user, access } = useAuth();
  const locale = currentLocale();
  const [action, setAction] = useState<WarningAction | null>(null);
  const warning = useQuery({
    queryKey: warningKeys.detail(id),
    queryFn: ({ signal }) => warningsApi.get(id, signal),
  });
  const conditions = useConditions(access.rules);

  if (warning.isPending) {
    return (
      <PageContainer title={t('warningDetail.title')}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }
  if (warning.isError) {
    const status = warning.error instanceof ApiError ? warning.error.status : 0;
    return (
      <PageContainer title={t('warningDetail.title')}>
        <Result
          status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
          title={status === 404 ? t('warningDetail.notFound') : t('common.loadFailed')}
          subTitle={errorText(warning.error)}
          extra={<Link to="/warnings">{t('warningDetail.backToBoard')}</Link>}
        />
      </PageContainer>
    );
  }

  const w = warning.data;
  const condition = conditions.data?.find((c) => c.condition === w.condition);
  const what = t(`warningBadge.${w.kind}.${w.colour}`);
  const subject = w.kind === 'light' && w.itemNumber ? `${w.itemNumber} ${w.itemTitle ?? ''}` : w.unitName;
  const actions = WARNING_ACTIONS.filter((a) => w.actions.includes(a));
  const canPlan = canPlanTimetable(w, { unitId: user.unitId, unitWriter: access.reportsWrite });
  const rows = factRows(
    w,
    t as unknown as (key: string, o?: Record<string, unknown>) => string,
    condition ? inLocale(condition.metric, locale) : t('warningDetail.metric'),
    condition ? (condition.comparator === '>' ? '> ' : '≥ ') : '',
  );

  return (
    <PageContainer
      title={`${what} · ${subject}`}
      subTitle={
        <Flex wrap gap={4} align="center" component="span">
          <ColourBadge kind={w.kind} colour={w.colour} />
          <WarningStateTag state={w.state} />
          {w.wasRed && w.colour === 'yellow' ? <Tag>{t('warningDetail.wasRed')}</Tag> : null}
          {w.appealState ? (
            <Tag
              color={w.appealState === 'pending' ? 'processing' : 'default'}
              data-testid="warning-appeal-state"
            >
              {t(`appealState.${w.appealState}`)}
            </Tag>
          ) : null}
          <Link to={`/warnings/units/${w.unitId}`}>{w.unitName}</Link>
        </Flex>
      }
      extra={
        <>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              onClick={() => setAction(a)}
              data-testid={`warning-action-${a}`}
            >
              {t(`warningAction.${a}`)}
            </Button>
          ))}
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            loading={warning.isFetching}
            onClick={() => void warning.refetch()}
          />
        </>
      }
    >
      <Card
        data-testid="warning-why"
        style={{ borderInlineStart: `4px solid ${COLOUR_HEX[w.colour]}` }}
        title={t('warningDetail.why', { what: locale === 'en-US' ? what.toLowerCase() : what })}
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph
            style={{ fontSize: 16, margin: 0, whiteSpace: 'pre-wrap' }}
            data-testid="warning-detail-explanation"
          >
            {inLocale(w.explanation, locale)}
          </Typography.Paragraph>
          {w.origin === 'rule' ? (
            <Typography.Text type="secondary" data-testid="warning-rule">
              {t('warningDetail.byRule', {
                condition: condition ? inLocale(condition.name, locale) : (w.condition ?? '—'),
                rule: w.ruleId ?? '—',
                version: w.ruleVersion ?? '—',
              })}{' '}
              {access.rules ? <Link to="/rules">{t('warningDetail.seeRules')}</Link> : null}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="warning-rule">
              {t('warningDetail.manual')}
            </Typography.Text>
          )}
          {isOpen(w) && w.state === 'rectifying' ? (
            <Alert type="info" showIcon title={t('warningDetail.rectifyingNotice')} />
          ) : null}
        </Flex>
      </Card>

      {w.kind === 'card' && (w.timetable.length > 0 || isOpen(w)) ? (
        <TimetableSection warning={w} canPlan={canPlan} />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('warningDetail.facts')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'kind', label: t('warnings.kind'), children: t(`warningKind.${w.kind}`) },
                  {
                    key: 'subject',
                    label: t('warnings.subject'),
                    children:
                      w.kind === 'light' && w.itemId ? (
                        <Link to={`/items/${w.itemId}`}>{subject}</Link>
                      ) : (
                        <Link to={`/warnings/units/${w.unitId}`}>{w.unitName}</Link>
                      ),
                  },
                  { key: 'issuedOn', label: t('warnings.issuedOn'), children: <Nowrap>{w.issuedOn}</Nowrap> },
                  { key: 'since', label: t('warningDetail.since'), children: <Nowrap>{w.since}</Nowrap> },
                  {
                    key: 'issuedColour',
                    label: t('warningDetail.issuedColour'),
                    children: t(`warningColour.${w.issuedColour}`),
                  },
                  {
                    key: 'rectifyBy',
                    label: t('warnings.rectifyBy'),
                    children: (
                      <Nowrap>
                        <span data-testid="warning-rectify-by">{w.rectifyBy}</span>
                      </Nowrap>
                    ),
                  },
                  ...(w.closedOn
                    ? [
                        {
                          key: 'closedOn',
                          label: t('warningDetail.closedOn'),
                          children: <Nowrap>{w.closedOn}</Nowrap>,
                        },
                      ]
                    : []),
                  ...(w.reason
                    ? [
                        {
                          key: 'reason',
                          label: t('warningDetail.reason'),
                          children: w.reason,
                          span: 'filled' as const,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card
              size="small"
              title={t('warningDetail.inputs')}
              styles={{ body: { padding: 0 } }}
              data-testid="warning-inputs"
            >
              <Table<FactRow>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={rows}
                locale={{ emptyText: t('common.none') }}
                columns={[
                  { title: t('warningDetail.inputName'), dataIndex: 'name' },
                  {
                    title: t('warningDetail.inputValue'),
                    dataIndex: 'value',
                    render: (v: string, r) =>
                      r.to ? (
                        <Link to={r.to} style={{ wordBreak: 'break-all' }}>
                          {v}
                        </Link>
                      ) : r.strong ? (
                        <Typography.Text strong style={{ color: COLOUR_HEX[w.colour] }}>
                          {v}
                        </Typography.Text>
                      ) : (
                        <span style={{ wordBreak: 'break-all' }}>{v}</span>
                      ),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <EventTimeline events={w.events} />
        </Col>
      </Row>
      {action ? <ActionModal warning={w} action={action} onClose={() => setAction(null)} /> : null}
    </PageContainer>
  );
}
