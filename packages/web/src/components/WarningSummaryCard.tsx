// A small card for the first screen: the region's open lights and cards by colour, each a link to the board
// filtered to it (GET /api/warnings/summary, the same query the board starts with).
import { AlertOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { warningKeys, warningsApi } from '../api/warnings';
import { COLOUR_HEX, ColourBadge } from './WarningTags';

export default function WarningSummaryCard() {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: warningKeys.summary({}),
    queryFn: ({ signal }) => warningsApi.summary({}, signal),
    staleTime: 30_000,
    retry: false,
  });
  if (summary.isError) return null;
  const open = summary.data?.open;
  return (
    <Card
      size="small"
      title={
        <Link to="/warnings">
          <AlertOutlined /> {t('dashboard.warnings')}
        </Link>
      }
      extra={
        summary.data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.warningsAsOf', { date: summary.data.asOf })}
          </Typography.Text>
        ) : null
      }
      data-testid="dashboard-warnings"
    >
      {!open ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : (
        <Row gutter={[8, 8]}>
          {(['light', 'card'] as const).flatMap((kind) =>
            (['yellow', 'red'] as const).map((colour) => (
              <Col xs={12} sm={6} key={`${kind}-${colour}`}>
                <Link
                  to={`/warnings?kind=${kind}&colour=${colour}`}
                  data-testid={`dashboard-warning-${kind}-${colour}`}
                  data-count={open[kind][colour]}
                  style={{ display: 'flex', alignItems: 'center', gap: 8 }}
                >
                  <ColourBadge kind={kind} colour={colour} />
                  <Typography.Text
                    strong
                    style={{ fontSize: 20, color: open[kind][colour] ? COLOUR_HEX[colour] : undefined }}
                  >
                    {open[kind][colour]}
                  </Typography.Text>
                </Link>
              </Col>
            )),
          )}
        </Row>
      )}
    </Card>
  );
}
