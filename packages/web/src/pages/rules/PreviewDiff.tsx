// What a draft would change on today's data, before it is activated: warnings that would appear, disappear or
// change colour, each with its explanation in the UI language.
import { ArrowRightOutlined, MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreviewFinding, PreviewResult } from '../../api/warnings';
import { ColourBadge } from '../../components/WarningTags';
import { currentLocale } from '../../i18n';
import { inLocale } from '../../utils/warnings';

function Subject({ f }: { f: PreviewFinding }) {
  return (
    <Typography.Text>
      {f.itemId && f.itemNumber ? (
        <>
          <Link to={`/items/${f.itemId}`}>{f.itemNumber}</Link> ·{' '}
        </>
      ) : null}
      <Link to={`/warnings/units/${f.unitId}`}>{f.unitName}</Link>
    </Typography.Text>
  );
}

function Finding({ f, strike }: { f: PreviewFinding; strike?: boolean }) {
  const locale = currentLocale();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex wrap gap={6} align="center">
        <ColourBadge kind={f.kind} colour={f.colour} />
        <Subject f={f} />
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {f.ruleId}
        </Typography.Text>
      </Flex>
      <Typography.Text
        delete={strike}
        type={strike ? 'secondary' : undefined}
        style={{ whiteSpace: 'normal' }}
      >
        {inLocale(f.explanation, locale)}
      </Typography.Text>
    </Flex>
  );
}

export default function PreviewDiff({ result, stale }: { result: PreviewResult; stale: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = result.appear.length + result.disappear.length + result.recoloured.length === 0;
  return (
    <Card
      title={t('rules.previewTitle', { date: result.asOf })}
      data-testid="rule-preview"
      data-appear={result.appear.length}
      data-disappear={result.disappear.length}
      data-recoloured={result.recoloured.length}
    >
      <Flex vertical gap={12}>
        {stale ? <Alert type="warning" showIcon title={t('rules.previewStale')} /> : null}
        {!result.ok ? (
          <Alert
            type="error"
            showIcon
            title={t('rules.previewInvalid')}
            description={result.problems.map((p) => p.message).join('；')}
          />
        ) : none ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.previewNone')} />
        ) : (
          <>
            <Typography.Text strong data-testid="rule-preview-summary">
              {t('rules.previewSummary', {
                appear: result.appear.length,
                disappear: result.disappear.length,
                recoloured: result.recoloured.length,
              })}
            </Typography.Text>
            {result.appear.length > 0 ? (
              <List
                size="small"
                header={
                  <Typography.Text type="danger">
                    <PlusCircleOutlined /> {t('rules.appear', { count: result.appear.length })}
                  </Typography.Text>
                }
                dataSource={result.appear}
                rowKey="key"
                data-testid="rule-preview-appear"
                renderItem={(f) => (
                  <List.Item
                    data-testid="rule-preview-appear-item"
                    style={{ background: 'rgba(245,34,45,0.04)' }}
                  >
                    <Finding f={f} />
                  </List.Item>
                )}
              />
            ) : null}
            {result.disappear.length > 0 ? (
              <List
                size="small"
                header={
                  <Typography.Text type="success">
                    <MinusCircleOutlined /> {t('rules.disappear', { count: result.disappear.length })}
                  </Typography.Text>
                }
                dataSource={result.disappear}
                rowKey="key"
                data-testid="rule-preview-disappear"
                renderItem={(f) => (
                  <List.Item
                    data-testid="rule-preview-disappear-item"
                    style={{ background: 'rgba(82,196,26,0.05)' }}
                  >
                    <Finding f={f} strike />
                  </List.Item>
                )}
              />
            ) : null}
            {result.recoloured.length > 0 ? (
              <List
                size="small"
                header={
                  <Typography.Text>
                    {t('rules.recoloured', { count: result.recoloured.length })}
                  </Typography.Text>
                }
                dataSource={result.recoloured}
                rowKey={(r) => r.after.key}
                data-testid="rule-preview-recoloured"
                renderItem={(r) => (
                  <List.Item data-testid="rule-preview-recoloured-item">
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Flex wrap gap={6} align="center">
                        <ColourBadge kind={r.before.kind} colour={r.before.colour} />
                        <ArrowRightOutlined />
                        <ColourBadge kind={r.after.kind} colour={r.after.colour} />
                        <Subject f={r.after} />
                      </Flex>
                      <Typography.Text style={{ whiteSpace: 'normal' }}>
                        {inLocale(r.after.explanation, locale)}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : null}
          </>
        )}
      </Flex>
    </Card>
  );
}
