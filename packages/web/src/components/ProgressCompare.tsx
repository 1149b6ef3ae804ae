// Planned vs actual progress (0–100, one decimal) as two thin bars, with the lag when behind plan.
import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPct } from '../utils/period';

interface Props {
  planned: number;
  actual: number;
  lag: number;
  width?: number;
}

/** Lag thresholds of the default rules (PRODUCT.md): ≥10 points yellow, ≥30 red. */
export function lagColor(lag: number): string | undefined {
  if (lag >= 30) return 'error';
  if (lag >= 10) return 'warning';
  return undefined;
}

export default function ProgressCompare({ planned, actual, lag, width = 160 }: Props) {
  const { t } = useTranslation();
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  return (
    <Flex vertical gap={0} style={{ width, maxWidth: '100%' }} data-testid="progress-compare">
      <Flex align="center" gap={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none', width: 28 }}>
          {t('progress.plannedShort')}
        </Typography.Text>
        <Progress
          percent={clamp(planned)}
          size="small"
          showInfo={false}
          strokeColor="#bfbfbf"
          style={{ margin: 0, flex: 1 }}
        />
        <Typography.Text style={{ fontSize: 12, width: 40, textAlign: 'right' }}>
          {formatPct(planned)}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none', width: 28 }}>
          {t('progress.actualShort')}
        </Typography.Text>
        <Progress
          percent={clamp(actual)}
          size="small"
          showInfo={false}
          status={lag >= 30 ? 'exception' : 'normal'}
          strokeColor={lag >= 30 ? undefined : lag >= 10 ? '#faad14' : undefined}
          style={{ margin: 0, flex: 1 }}
        />
        <Typography.Text
          style={{ fontSize: 12, width: 40, textAlign: 'right' }}
          data-testid="progress-actual"
        >
          {formatPct(actual)}
        </Typography.Text>
      </Flex>
      {lag > 0 ? (
        <Tag
          color={lagColor(lag)}
          style={{ alignSelf: 'flex-start', marginTop: 2 }}
          data-testid="progress-lag"
        >
          {t('progress.lag', { lag: formatPct(lag) })}
        </Tag>
      ) : null}
    </Flex>
  );
}
