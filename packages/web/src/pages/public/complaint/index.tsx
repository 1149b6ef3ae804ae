// The public complaint page (/complaint, 群众反映): no login, phone first, outside the app shell like /rate. A
// citizen names what the complaint is about (a supervised item, a unit, or a place in their own words), describes
// it, may add photos (images only) and, if they wish, a name and phone for the reply. On submit the page takes a
// one-time challenge, solves its proof of work, uploads the photos with it and files the complaint; the receipt
// number is shown large with a link to the tracking page. `?region=<code>` picks the region where there are several.
import { CheckCircleTwoTone, PictureOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  Progress,
  Radio,
  Result,
  Segmented,
  Select,
  Skeleton,
  Typography,
  Upload,
  theme,
} from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import {
  publicComplaintsApi,
  type CaseKind,
  type ComplaintForm,
  type ComplaintReceipt,
} from '../../../api/cases';
import { errorText, formFieldOf } from '../../../utils/errors';
import { checkPhone } from '../../../../../domain/src/cases/contact.ts';
import { subjectOf, type SubjectChoice } from '../../cases/model';
import { useChallengeSolver } from '../challenge';
import PublicFrame from './PublicFrame';

interface ComplaintValues {
  kind: CaseKind;
  itemId?: string;
  unitId?: string;
  place?: string;
  description: string;
  name?: string;
  phone?: string;
  photos?: UploadFile[];
}

const FIELDS = ['kind', 'itemId', 'unitId', 'place', 'description', 'name', 'phone', 'photos'] as const;

export default function ComplaintPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const [form] = Form.useForm<ComplaintValues>();
  const [choice, setChoice] = useState<SubjectChoice>('item');
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);

  const formQuery = useQuery({
    queryKey: ['public-complaint-form', region],
    queryFn: ({ signal }) => publicComplaintsApi.form(region, signal),
    staleTime: Infinity,
    retry: 1,
  });

  const { solve, progress } = useChallengeSolver<ComplaintForm['challenge']>();

  const submit = useMutation({
    mutationFn: async (values: ComplaintValues) => {
      const name = values.name?.trim();
      const phone = values.phone?.trim();
      return solve(
        formQuery.data?.challenge,
        async () => (await publicComplaintsApi.form(region)).challenge,
        async (challenge, nonce) => {
          // Photos go first, each with the solved challenge; the complaint then cites them and spends it.
          const photoIds: string[] = [];
          for (const p of values.photos ?? []) {
            if (!p.originFileObj) continue;
            try {
              photoIds.push((await publicComplaintsApi.uploadPhoto(p.originFileObj, challenge.id, nonce)).id);
            } catch (e) {
              if (e instanceof ApiError && e.field === 'file')
                throw new ApiError(e.status, e.code, `${p.name}: ${e.message}`, 'photos');
              throw e;
            }
          }
          return publicComplaintsApi.submit({
            kind: values.kind,
            subject: subjectOf(choice, values),
            description: values.description.trim(),
            ...(photoIds.length ? { photoIds } : {}),
            ...(name ? { name } : {}),
            ...(phone ? { phone } : {}),
            challengeId: challenge.id,
            nonce,
          });
        },
      );
    },
    onSuccess: (r) => {
      setReceipt(r);
      setError(null);
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      let field: (typeof FIELDS)[number] | undefined = formFieldOf(e, FIELDS);
      if (!field && e instanceof ApiError && e.field?.startsWith('subject'))
        field = choice === 'item' ? 'itemId' : choice === 'unit' ? 'unitId' : 'place';
      if (!field && e instanceof ApiError && e.field?.startsWith('photoIds')) field = 'photos';
      if (field) {
        form.setFields([{ name: field, errors: [errorText(e)] }]);
        form.scrollToField(field);
        setError(null);
      } else {
        setError(errorText(e));
      }
    },
  });

  const body = (() => {
    if (formQuery.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (formQuery.isError)
      return (
        <Result
          status="warning"
          title={t('complaint.loadFailed')}
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
          title={t('complaint.filed')}
          subTitle={
            <Flex vertical gap={8} align="center">
              <span>{t('complaint.receiptIs')}</span>
              <Typography.Text
                copyable
                strong
                style={{ fontSize: 22, fontFamily: 'monospace', wordBreak: 'break-all' }}
                data-testid="complaint-receipt"
              >
                {receipt.receipt}
              </Typography.Text>
              <span>{t('complaint.keepReceipt')}</span>
              <span>
                {t('complaint.deadline', { receivedOn: receipt.receivedOn, deadline: receipt.deadline })}
              </span>
            </Flex>
          }
          extra={
            <Flex vertical gap={8} align="center">
              <Link
                to={`/complaint/status/${encodeURIComponent(receipt.receipt)}`}
                data-testid="complaint-track-link"
              >
                <Button type="primary" size="large">
                  {t('complaint.track')}
                </Button>
              </Link>
              <Button
                onClick={() => {
                  form.resetFields();
                  setReceipt(null);
                  submit.reset();
                }}
              >
                {t('complaint.again')}
              </Button>
            </Flex>
          }
        />
      );
    const busy = submit.isPending;
    return (
      <Form<ComplaintValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        initialValues={{ kind: 'complaint' }}
        onFinish={(values) => {
          setError(null);
          submit.mutate(values);
        }}
        scrollToFirstError
      >
        <Form.Item name="kind" label={t('complaint.kind')}>
          <Radio.Group
            optionType="button"
            options={(['complaint', 'enquiry'] as const).map((k) => ({
              value: k,
              label: t(`caseKind.${k}`),
            }))}
            data-testid="complaint-kind"
          />
        </Form.Item>
        <Form.Item label={t('complaint.about')} required>
          <Segmented<SubjectChoice>
            block
            value={choice}
            onChange={setChoice}
            options={[
              { value: 'item', label: t('complaint.aboutItem') },
              { value: 'unit', label: t('complaint.aboutUnit') },
              { value: 'place', label: t('complaint.aboutPlace') },
            ]}
            data-testid="complaint-subject-choice"
          />
        </Form.Item>
        {choice === 'item' ? (
          <Form.Item
            name="itemId"
            label={t('complaint.item')}
            rules={[{ required: true, message: t('complaint.itemRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('complaint.itemPlaceholder')}
              options={data.items.map((i) => ({ value: i.id, label: `${i.title}（${i.number}）` }))}
              data-testid="complaint-item"
            />
          </Form.Item>
        ) : null}
        {choice === 'unit' ? (
          <Form.Item
            name="unitId"
            label={t('complaint.unit')}
            rules={[{ required: true, message: t('complaint.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('complaint.unitPlaceholder')}
              options={data.units.map((u) => ({ value: u.id, label: u.name }))}
              data-testid="complaint-unit"
            />
          </Form.Item>
        ) : null}
        {choice === 'place' ? (
          <Form.Item
            name="place"
            label={t('complaint.place')}
            rules={[{ required: true, whitespace: true, message: t('complaint.placeRequired') }]}
          >
            <Input
              maxLength={200}
              placeholder={t('complaint.placePlaceholder')}
              data-testid="complaint-place"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="description"
          label={t('complaint.description')}
          rules={[{ required: true, whitespace: true, message: t('complaint.descriptionRequired') }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={data.descriptionMax}
            showCount
            placeholder={t('complaint.descriptionPlaceholder')}
            data-testid="complaint-description"
          />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('complaint.photos')}
          extra={t('complaint.photosHelp', { max: data.photosMax })}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, data.photosMax)}
        >
          <Upload
            listType="picture"
            accept="image/*"
            multiple
            maxCount={data.photosMax}
            beforeUpload={(file) => {
              // Kept in the page until submit: the upload needs the solved challenge.
              if (!file.type.startsWith('image/')) {
                form.setFields([{ name: 'photos', errors: [t('complaint.notImage', { name: file.name })] }]);
                return Upload.LIST_IGNORE;
              }
              form.setFields([{ name: 'photos', errors: [] }]);
              return false;
            }}
          >
            <Button icon={<PictureOutlined />} data-testid="complaint-photos">
              {t('complaint.addPhoto')}
            </Button>
          </Upload>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('complaint.contactHelp')}
        </Typography.Paragraph>
        <Form.Item name="name" label={t('complaint.name')}>
          <Input maxLength={50} autoComplete="name" data-testid="complaint-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('complaint.phone')}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                if (v?.trim() && !checkPhone(v).ok) throw new Error(t('complaint.phoneInvalid'));
              },
            },
          ]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="tel" data-testid="complaint-phone" />
        </Form.Item>
        {progress ? (
          <Flex vertical gap={4} style={{ marginBottom: 16 }} data-testid="complaint-verifying">
            <Typography.Text type="secondary">{t('rate.verifying')}</Typography.Text>
            <Progress percent={Math.round(progress.share * 100)} size="small" status="active" />
          </Flex>
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="complaint-error"
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          data-testid="complaint-submit"
        >
          {t('complaint.submit')}
        </Button>
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Link to="/complaint/status">{t('complaint.haveReceipt')}</Link>
        </Flex>
      </Form>
    );
  })();

  return (
    <PublicFrame
      title={t('complaint.title')}
      subtitle={`${formQuery.data ? `${formQuery.data.region.name} · ` : ''}${t('complaint.subtitle')}`}
    >
      {body}
    </PublicFrame>
  );
}
