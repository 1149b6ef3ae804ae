// The public tracking page of a complaint (/complaint/status/:receipt, no login, phone first): where the case
// stands, its steps with their dates, the deadline and the reply once there is one. The server sends no personal
// data and no internal notes; the page shows only what it gets. Without a receipt in the path, a box to type one.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Form, Input, Skeleton, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { publicComplaintsApi } from '../../../api/cases';
import { errorText } from '../../../utils/errors';
import { normaliseReceiptInput, publicStepIndex, PUBLIC_STEPS } from '../../cases/model';
import PublicFrame from '../complaint/PublicFrame';

function ReceiptBox({ initial }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      initialValues={{ receipt: initial ?? '' }}
      onFinish={({ receipt }: { receipt: string }) =>
        void navigate(`/complaint/status/${encodeURIComponent(normaliseReceiptInput(receipt))}`)
      }
    >
      <Form.Item
        name="receipt"
        label={t('complaintStatus.receipt')}
        rules={[{ required: true, whitespace: true, message: t('complaintStatus.receiptRequired') }]}
      >
        <Input
          placeholder="TS20220420-XXXXXXXX"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          style={{ fontFamily: 'monospace' }}
          data-testid="complaint-status-input"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block data-testid="complaint-status-search">
        {t('complaintStatus.search')}
      </Button>
    </Form>
  );
}

export default function ComplaintStatusPage() {
  const { t } = useTranslation();
  const { receipt } = useParams();
  const status = useQuery({
    queryKey: ['public-complaint-status', receipt],
    queryFn: ({ signal }) => publicComplaintsApi.status(receipt!, signal),
    enabled: !!receipt,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 1,
  });

  const body = (() => {
    if (!receipt) return <ReceiptBox />;
    if (status.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (status.isError)
      return (
        <Flex vertical gap={16}>
          <Alert
            type={status.error instanceof ApiError && status.error.status === 404 ? 'warning' : 'error'}
            showIcon
            title={
              status.error instanceof ApiError && status.error.status === 404
                ? t('complaintStatus.notFound')
                : errorText(status.error)
            }
            data-testid="complaint-status-error"
          />
          <ReceiptBox initial={receipt} />
        </Flex>
      );
    const s = status.data;
    const current = publicStepIndex(s.status);
    const dateOf = (step: (typeof PUBLIC_STEPS)[number]) =>
      [...s.steps]
        .reverse()
        .find((x) => x.status === step || (step === 'plan_submitted' && x.status === 'plan_returned'))
        ?.onDate;
    return (
      <Flex vertical gap={16}>
        <Flex vertical align="center" gap={4}>
          <Typography.Text type="secondary">{t('complaintStatus.receipt')}</Typography.Text>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 18, wordBreak: 'break-all' }}>
            {s.receipt}
          </Typography.Text>
          <Tag
            color={s.status === 'closed' ? 'green' : 'blue'}
            style={{ fontSize: 16, padding: '4px 12px', marginTop: 4 }}
            data-testid="complaint-status"
            data-status={s.status}
          >
            {t(`casePublicState.${s.status}`)}
          </Tag>
        </Flex>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'kind', label: t('complaint.kind'), children: t(`caseKind.${s.kind}`) },
            { key: 'received', label: t('complaintStatus.receivedOn'), children: s.receivedOn },
            { key: 'deadline', label: t('complaintStatus.deadline'), children: s.deadline },
            ...(s.unitName ? [{ key: 'unit', label: t('complaintStatus.unit'), children: s.unitName }] : []),
            ...(s.closedOn
              ? [{ key: 'closed', label: t('complaintStatus.closedOn'), children: s.closedOn }]
              : []),
          ]}
        />
        <Steps
          orientation="vertical"
          size="small"
          current={current}
          status={s.status === 'plan_returned' ? 'error' : s.status === 'closed' ? 'finish' : 'process'}
          items={PUBLIC_STEPS.map((step, i) => ({
            title: t(`casePublicState.${step}`),
            description: i <= current ? dateOf(step) : undefined,
          }))}
          data-testid="complaint-steps"
        />
        {s.reply ? (
          <Alert
            type="success"
            showIcon
            title={t('complaintStatus.reply', { date: s.repliedOn ?? '' })}
            description={
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {s.reply}
              </Typography.Paragraph>
            }
            data-testid="complaint-reply"
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('complaintStatus.privacy')}
        </Typography.Text>
        <Flex justify="space-between" wrap gap={8}>
          <Button onClick={() => void status.refetch()}>{t('common.refresh')}</Button>
          <Link to="/complaint">{t('complaintStatus.newComplaint')}</Link>
        </Flex>
      </Flex>
    );
  })();

  return (
    <PublicFrame title={t('complaintStatus.title')} subtitle={t('complaintStatus.subtitle')}>
      {body}
      {!receipt ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Link to="/complaint">{t('complaintStatus.newComplaint')}</Link>
        </Flex>
      ) : null}
    </PublicFrame>
  );
}
