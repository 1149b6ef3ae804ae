// The rules of a rule-set draft, one row (or, on phones, one card) each: enabled, the yellow and red thresholds,
// the working days to rectify and the condition's parameters. Every problem the server's validator names shows
// next to its field; read-only readers see the values as text.
import {
  Card,
  Flex,
  Grid,
  Input,
  InputNumber,
  List,
  Select,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionParam, ConditionView, ParamValue, Rule } from '../../api/warnings';
import { currentLocale, tDynamic } from '../../i18n';
import { formatValue, inLocale, otherProblems } from '../../utils/warnings';
import type { RuleProblem } from '../../api/warnings';

/** A rule being edited: a cleared number field is `null` until the validator complains about it. */
export type DraftRule = Omit<Rule, 'rectifyWorkingDays'> & { rectifyWorkingDays: number | null };

interface Props {
  rules: readonly DraftRule[];
  conditions: readonly ConditionView[];
  problems: Map<string, string[]>;
  allProblems: readonly RuleProblem[];
  changed: ReadonlySet<number>;
  editable: boolean;
  onChange: (index: number, rule: DraftRule) => void;
}

const SHOWN_FIELDS = ['enabled', 'thresholds', 'rectifyWorkingDays', 'params', 'id', 'condition'];

function FieldErrors({ messages, testId }: { messages: readonly string[] | undefined; testId: string }) {
  if (!messages || messages.length === 0) return null;
  return (
    <Flex vertical gap={0} data-testid="rule-error" data-field={testId}>
      {messages.map((m) => (
        <Typography.Text key={m} type="danger" style={{ fontSize: 12, whiteSpace: 'normal', maxWidth: 220 }}>
          {m}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function ParamInput({
  spec,
  value,
  disabled,
  error,
  testId,
  onChange,
}: {
  spec: ConditionParam;
  value: ParamValue | undefined;
  disabled: boolean;
  error: boolean;
  testId: string;
  onChange: (v: ParamValue | undefined) => void;
}) {
  const status = error ? 'error' : undefined;
  if (spec.type === 'boolean')
    return (
      <Switch
        size="small"
        checked={value === true}
        disabled={disabled}
        onChange={onChange}
        data-testid={testId}
      />
    );
  if (spec.type === 'enum')
    return (
      <Select
        size="small"
        status={status}
        value={typeof value === 'string' ? value : undefined}
        disabled={disabled}
        onChange={(v: string) => onChange(v)}
        options={(spec.values ?? []).map((v) => ({ value: v, label: tDynamic(`ruleParamValue.${v}`, v) }))}
        style={{ width: 110 }}
        data-testid={testId}
      />
    );
  if (spec.type === 'number')
    return (
      <InputNumber
        size="small"
        status={status}
        value={typeof value === 'number' ? value : null}
        disabled={disabled}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        style={{ width: 90 }}
        data-testid={testId}
      />
    );
  return (
    <Input
      size="small"
      status={status}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      style={{ width: 140 }}
      data-testid={testId}
    />
  );
}

export default function RuleTable({
  rules,
  conditions,
  problems,
  allProblems,
  changed,
  editable,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const specOf = (rule: DraftRule) => conditions.find((c) => c.condition === rule.condition);
  const at = (i: number, field: string) => problems.get(`rules.${i}.${field}`);

  const nameCell = (rule: DraftRule, i: number) => {
    const spec = specOf(rule);
    const rest = otherProblems(
      allProblems,
      i,
      SHOWN_FIELDS.filter((f) => f !== 'id' && f !== 'condition'),
    );
    const thresholdsWhole = at(i, 'thresholds');
    return (
      <Flex vertical gap={2} style={{ maxWidth: 280 }}>
        <Flex wrap gap={4} align="center">
          <Typography.Text strong>
            {rule.name ? inLocale(rule.name, locale) : spec ? inLocale(spec.name, locale) : rule.condition}
          </Typography.Text>
          {spec ? <Tag style={{ marginInlineEnd: 0 }}>{t(`warningKind.${spec.kind}`)}</Tag> : null}
          {changed.has(i) ? (
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="rule-changed">
              {t('rules.changed')}
            </Tag>
          ) : null}
        </Flex>
        <Typography.Text type="secondary" code style={{ fontSize: 12, alignSelf: 'flex-start' }}>
          {rule.id}
        </Typography.Text>
        {spec ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {t('rules.metric', {
              metric: inLocale(spec.metric, locale),
              comparator: spec.comparator === '>' ? '>' : '≥',
            })}
          </Typography.Text>
        ) : null}
        <FieldErrors messages={thresholdsWhole} testId={`${rule.id}-thresholds`} />
        <FieldErrors messages={rest.map((p) => p.message)} testId={`${rule.id}-other`} />
      </Flex>
    );
  };

  const enabledCell = (rule: DraftRule, i: number) =>
    editable ? (
      <Flex vertical gap={2}>
        <Switch
          checked={rule.enabled}
          onChange={(enabled) => onChange(i, { ...rule, enabled })}
          data-testid={`rule-${rule.id}-enabled`}
        />
        <FieldErrors messages={at(i, 'enabled')} testId={`${rule.id}-enabled`} />
      </Flex>
    ) : (
      <Tag color={rule.enabled ? 'success' : 'default'}>{rule.enabled ? t('rules.on') : t('rules.off')}</Tag>
    );

  const thresholdCell = (rule: DraftRule, i: number, colour: 'yellow' | 'red') => {
    const value = rule.thresholds[colour];
    const errors = at(i, `thresholds.${colour}`);
    if (!editable) return <span>{value === null || value === undefined ? '—' : formatValue(value)}</span>;
    return (
      <Flex vertical gap={2}>
        <InputNumber
          value={value ?? null}
          min={0}
          status={errors ? 'error' : undefined}
          placeholder="—"
          onChange={(v) =>
            onChange(i, {
              ...rule,
              thresholds: { ...rule.thresholds, [colour]: typeof v === 'number' ? v : null },
            })
          }
          style={{ width: 90 }}
          aria-label={`${rule.id} ${t(`warningColour.${colour}`)}`}
          data-testid={`rule-${rule.id}-${colour}`}
        />
        <FieldErrors messages={errors} testId={`${rule.id}-${colour}`} />
      </Flex>
    );
  };

  const daysCell = (rule: DraftRule, i: number) => {
    const errors = at(i, 'rectifyWorkingDays');
    if (!editable) return <span>{formatValue(rule.rectifyWorkingDays)}</span>;
    return (
      <Flex vertical gap={2}>
        <InputNumber
          value={rule.rectifyWorkingDays}
          min={0}
          status={errors ? 'error' : undefined}
          onChange={(v) => onChange(i, { ...rule, rectifyWorkingDays: typeof v === 'number' ? v : null })}
          style={{ width: 80 }}
          data-testid={`rule-${rule.id}-days`}
        />
        <FieldErrors messages={errors} testId={`${rule.id}-days`} />
      </Flex>
    );
  };

  const paramsCell = (rule: DraftRule, i: number): ReactNode => {
    const spec = specOf(rule);
    const list = spec?.params ?? [];
    const extra = Object.keys(rule.params).filter((k) => !list.some((p) => p.name === k));
    if (list.length === 0 && extra.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Flex vertical gap={6}>
        {list.map((p) => {
          const errors = at(i, `params.${p.name}`);
          return (
            <Flex key={p.name} vertical gap={2}>
              <Flex gap={6} align="center">
                <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 48 }}>
                  {tDynamic(`ruleParam.${p.name}`, p.name)}
                </Typography.Text>
                {editable ? (
                  <ParamInput
                    spec={p}
                    value={rule.params[p.name]}
                    disabled={false}
                    error={!!errors}
                    testId={`rule-${rule.id}-param-${p.name}`}
                    onChange={(v) => {
                      const params = { ...rule.params };
                      if (v === undefined) delete params[p.name];
                      else params[p.name] = v;
                      onChange(i, { ...rule, params });
                    }}
                  />
                ) : (
                  <span>
                    {typeof rule.params[p.name] === 'string'
                      ? tDynamic(`ruleParamValue.${String(rule.params[p.name])}`, String(rule.params[p.name]))
                      : formatValue(rule.params[p.name])}
                  </span>
                )}
              </Flex>
              <FieldErrors messages={errors} testId={`${rule.id}-param-${p.name}`} />
            </Flex>
          );
        })}
        {extra.map((k) => (
          <Flex key={k} vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k}: {formatValue(rule.params[k])}
            </Typography.Text>
            <FieldErrors messages={at(i, `params.${k}`)} testId={`${rule.id}-param-${k}`} />
          </Flex>
        ))}
      </Flex>
    );
  };

  if (phone) {
    return (
      <List
        dataSource={rules.map((r, i) => ({ r, i }))}
        rowKey={({ r, i }) => `${r.id}-${i}`}
        data-testid="rule-table"
        renderItem={({ r, i }) => (
          <List.Item
            style={{ paddingInline: 0, display: 'block' }}
            data-testid="rule-row"
            data-rule-id={r.id}
          >
            <Card size="small" title={nameCell(r, i)} extra={enabledCell(r, i)}>
              <Flex wrap gap={12}>
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rules.yellow')}
                  </Typography.Text>
                  {thresholdCell(r, i, 'yellow')}
                </Flex>
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rules.red')}
                  </Typography.Text>
                  {thresholdCell(r, i, 'red')}
                </Flex>
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rules.days')}
                  </Typography.Text>
                  {daysCell(r, i)}
                </Flex>
              </Flex>
              <div style={{ marginTop: 8 }}>{paramsCell(r, i)}</div>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<{ r: DraftRule; i: number }> = [
    { title: t('rules.rule'), key: 'rule', render: (_: unknown, { r, i }) => nameCell(r, i) },
    {
      title: t('rules.enabled'),
      key: 'enabled',
      width: 80,
      render: (_: unknown, { r, i }) => enabledCell(r, i),
    },
    {
      title: (
        <Tooltip title={t('rules.thresholdHelp')}>
          <span>{t('rules.yellow')}</span>
        </Tooltip>
      ),
      key: 'yellow',
      width: 110,
      render: (_: unknown, { r, i }) => thresholdCell(r, i, 'yellow'),
    },
    {
      title: (
        <Tooltip title={t('rules.thresholdHelp')}>
          <span>{t('rules.red')}</span>
        </Tooltip>
      ),
      key: 'red',
      width: 110,
      render: (_: unknown, { r, i }) => thresholdCell(r, i, 'red'),
    },
    { title: t('rules.days'), key: 'days', width: 100, render: (_: unknown, { r, i }) => daysCell(r, i) },
    { title: t('rules.params'), key: 'params', render: (_: unknown, { r, i }) => paramsCell(r, i) },
  ];

  return (
    <Table
      rowKey={({ r, i }) => `${r.id}-${i}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rules.map((r, i) => ({ r, i }))}
      scroll={{ x: 'max-content' }}
      data-testid="rule-table"
      onRow={({ r }) => ({ 'data-testid': 'rule-row', 'data-rule-id': r.id }) as object}
    />
  );
}
