// The public rating page (/rate, 服务评议): no login, phone first, outside the app shell like the login page. An
// enterprise enters its unified social credit code (checked inline with the domain's GB 32100-2015 validator),
// picks a unit and the service, rates efficiency, attitude and compliance 1–5 and may comment. On submit the page
// takes a one-time challenge (the page's own for the first attempt, a new one afterwards), solves its proof of
// work with SubtleCrypto (showing progress) and posts; the server's 400 lands on the field it names.
// `?region=<code>` picks the region where there are several.
import { CheckCircleTwoTone } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Progress,
  Rate,
  Result,
  Select,
  Skeleton,
  Typography,
  theme,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import LangSwitch from '../../../components/LangSwitch';
import { currentLocale } from '../../../i18n';
import type { MessageKey } from '../../../locales/zh-CN';
import { errorText, formFieldOf } from '../../../utils/errors';
import {
  RATING_DIMENSIONS,
  RATING_SERVICES,
  ratingsApi,
  type RatingDimension,
  type RatingForm,
  type RatingReceipt,
  type RatingService,
} from '../../ratings/api';
import { creditCodeError, normaliseCreditCode } from './creditCode';
import { useChallengeSolver } from '../challenge';

interface RateForm {
  creditCode: string;
  unitId: string;
  service: RatingService;
  efficiency: number;
  attitude: number;
  compliance: number;
  comment?: string;
}

const FIELDS = [
  'creditCode',
  'unitId',
  'service',
  'efficiency',
  'attitude',
  'compliance',
  'comment',
] as const;
const STARS = [1, 2, 3, 4, 5] as const;

/** `2022-04` as the UI language writes a month. */
function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return currentLocale() === 'zh-CN'
    ? `${y} 年 ${Number(m)} 月`
    : new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
}

export default function RatePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const [form] = Form.useForm<RateForm>();
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<RatingReceipt | null>(null);

  useEffect(() => {
    document.title = `${t('rate.title')} · ${t('app.name')}`;
  }, [t]);

  const formQuery = useQuery({
    queryKey: ['public-rating-form', region],
    queryFn: ({ signal }) => ratingsApi.form(region, signal),
    staleTime: Infinity,
    retry: 1,
  });

  const unitOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const u of formQuery.data?.units ?? []) {
      const group = groups.get(u.categoryId) ?? { label: u.categoryName, options: [] };
      group.options.push({ value: u.id, label: u.name });
      groups.set(u.categoryId, group);
    }
    return [...groups.values()];
  }, [formQuery.data]);

  const { solve, progress } = useChallengeSolver<RatingForm['challenge']>();

  const submit = useMutation({
    mutationFn: async (values: RateForm) => {
      const comment = values.comment?.trim();
      return solve(
        formQuery.data?.challenge,
        async () => (await ratingsApi.form(region)).challenge,
        (challenge, nonce) =>
          ratingsApi.submit({
            creditCode: normaliseCreditCode(values.creditCode),
            unitId: values.unitId,
            service: values.service,
            efficiency: values.efficiency,
            attitude: values.attitude,
            compliance: values.compliance,
            ...(comment ? { comment } : {}),
            challengeId: challenge.id,
            nonce,
          }),
      );
    },
    onSuccess: (r) => {
      setReceipt(r);
      setError(null);
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      const field = formFieldOf(e, FIELDS);
      if (field) {
        form.setFields([{ name: field, errors: [errorText(e)] }]);
        form.scrollToField(field);
        setError(null);
      } else {
        setError(errorText(e));
      }
    },
  });

  const again = () => {
    const code = form.getFieldValue('creditCode') as string | undefined;
    form.resetFields();
    // The same enterprise usually rates a second unit: keep its code.
    if (code) form.setFieldValue('creditCode', code);
    setReceipt(null);
    submit.reset();
  };

  const stars = STARS.map((n) => t(`rate.star.${n}` as MessageKey));

  const body = (() => {
    if (formQuery.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (formQuery.isError)
      return (
        <Result
          status="warning"
          title={t('rate.loadFailed')}
          subTitle={errorText(formQuery.error)}
          extra={
            <Button type="primary" onClick={() => void formQuery.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      );
    const data = formQuery.data;
    if (receipt)
      return (
        <Result
          icon={<CheckCircleTwoTone twoToneColor={token.colorSuccess} />}
          title={t('rate.thanks')}
          subTitle={
            <Flex vertical gap={4} data-testid="rate-thanks">
              <span>{t('rate.countsFor', { unit: receipt.unitName, month: monthLabel(receipt.month) })}</span>
              {receipt.replaced ? <span>{t('rate.replaced')}</span> : null}
              {receipt.followUpOpened ? <span>{t('rate.followUp')}</span> : null}
            </Flex>
          }
          extra={
            <Button type="primary" onClick={again} data-testid="rate-again">
              {t('rate.again')}
            </Button>
          }
        />
      );
    if (data.units.length === 0) return <Result status="info" title={t('rate.noUnits')} />;
    const busy = submit.isPending;
    return (
      <Form<RateForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={(values) => {
          setError(null);
          submit.mutate(values);
        }}
        scrollToFirstError
      >
        <Form.Item
          name="creditCode"
          label={t('rate.creditCode')}
          extra={t('rate.creditCodeHelp')}
          validateDebounce={300}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const problem = creditCodeError(value ?? '', (key, p) => t(key, p));
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input
            placeholder={t('rate.creditCodePlaceholder')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={24}
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
            data-testid="rate-credit-code"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('rate.unit')}
          rules={[{ required: true, message: t('rate.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rate.unitPlaceholder')}
            options={unitOptions}
            data-testid="rate-unit"
          />
        </Form.Item>
        <Form.Item
          name="service"
          label={t('rate.service')}
          rules={[{ required: true, message: t('rate.serviceRequired') }]}
        >
          <Select
            placeholder={t('rate.serviceRequired')}
            options={RATING_SERVICES.filter((s) => data.services.includes(s)).map((s) => ({
              value: s,
              label: t(`ratingService.${s}` as MessageKey),
            }))}
            data-testid="rate-service"
          />
        </Form.Item>
        {RATING_DIMENSIONS.map((d: RatingDimension) => (
          <Form.Item
            key={d}
            name={d}
            label={t(`ratingDimension.${d}` as MessageKey)}
            rules={[{ required: true, message: t('rate.scoreRequired') }]}
          >
            <Rate tooltips={stars} style={{ fontSize: 30 }} data-testid={`rate-${d}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('rate.comment')}>
          <Input.TextArea
            rows={4}
            maxLength={data.commentMax}
            showCount
            placeholder={t('rate.commentPlaceholder')}
            data-testid="rate-comment"
          />
        </Form.Item>
        {progress ? (
          <Flex vertical gap={4} style={{ marginBottom: 16 }} data-testid="rate-verifying">
            <Typography.Text type="secondary">{t('rate.verifying')}</Typography.Text>
            <Progress percent={Math.round(progress.share * 100)} size="small" status="active" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rate.tried', { count: progress.tried })}
            </Typography.Text>
          </Flex>
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="rate-error" />
        ) : null}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="rate-submit">
          {t('rate.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('rate.oneAMonth')}
        </Typography.Paragraph>
      </Form>
    );
  })();

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '12px 12px 32px',
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 50%)`,
      }}
    >
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 560 }}>
        <Link to="/login" style={{ fontSize: 12 }}>
          {t('rate.staffLogin')}
        </Link>
        <LangSwitch />
      </Flex>
      <Flex vertical align="center" gap={4} style={{ margin: '12px 0 16px', textAlign: 'center' }}>
        <img src="/favicon.svg" alt="" width={44} height={44} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('rate.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {formQuery.data ? `${formQuery.data.region.name} · ` : ''}
          {t('rate.subtitle')}
        </Typography.Text>
        {formQuery.data && !receipt ? (
          <Typography.Text strong data-testid="rate-month">
            {t('rate.month', { month: monthLabel(formQuery.data.month) })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Card style={{ width: '100%', maxWidth: 560 }} styles={{ body: { padding: '20px 16px' } }}>
        {body}
      </Card>
    </Flex>
  );
}
