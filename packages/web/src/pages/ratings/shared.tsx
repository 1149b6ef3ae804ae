// Pieces shared by the ratings list and the follow-ups page: scores, the follow-up state, the answer and close
// dialogs, and a rating as a card (phone friendly).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../locales/zh-CN';
import { errorText } from '../../utils/errors';
import { formatShortDateTime } from '../../utils/format';
import { RATING_DIMENSIONS, ratingKeys, ratingsApi, type FollowUpState, type RatingView } from './api';

const STATE_COLOURS: Record<FollowUpState, string> = {
  open: 'orange',
  answered: 'blue',
  closed: 'green',
  superseded: 'default',
};

export function FollowUpTag({ status }: { status: FollowUpState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[status]} data-testid="follow-up-state" data-state={status}>
      {t(`followUpState.${status}` as MessageKey)}
    </Tag>
  );
}

/** The three dimensions, a low one (2 or below) in red. */
export function Scores({ rating, vertical }: { rating: RatingView; vertical?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Space size={vertical ? 0 : [12, 0]} wrap={!vertical} orientation={vertical ? 'vertical' : 'horizontal'}>
      {RATING_DIMENSIONS.map((d) => (
        <span key={d} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t(`ratingDimension.${d}` as MessageKey)}</Typography.Text>{' '}
          <Typography.Text strong style={rating[d] <= 2 ? { color: token.colorError } : undefined}>
            {rating[d]}
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}

interface TextModalProps {
  title: string;
  label: string;
  placeholder?: string;
  required: boolean;
  requiredMessage?: string;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}

/** A dialog with one text, for the unit's answer (required) and the task force's closing note (optional). */
export function TextModal({
  title,
  label,
  placeholder,
  required,
  requiredMessage,
  onSubmit,
  onClose,
}: TextModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const finish = async ({ text }: { text?: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit((text ?? '').trim());
      onClose();
    } catch (e) {
      if (e instanceof ApiError && (e.field === 'text' || e.field === 'note'))
        form.setFields([{ name: 'text', errors: [e.message] }]);
      else setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'rating-modal-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: requiredMessage }] : []}
        >
          <Input.TextArea
            rows={5}
            maxLength={2000}
            showCount
            placeholder={placeholder}
            data-testid="rating-modal-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The answer and close actions of a rating, with their dialogs; lists refresh afterwards. */
export function RatingActions({ rating }: { rating: RatingView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'respond' | 'close' | null>(null);
  const done = () => void queryClient.invalidateQueries({ queryKey: ratingKeys.all });
  const respond = useMutation({
    mutationFn: (text: string) => ratingsApi.respond(rating.id, text),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: (note: string) => ratingsApi.close(rating.id, note || undefined),
    onSuccess: done,
  });
  if (rating.actions.length === 0) return null;
  return (
    <>
      <Space size={4}>
        {rating.actions.includes('respond') ? (
          <Button type="primary" size="small" onClick={() => setOpen('respond')} data-testid="rating-respond">
            {t('followUps.respond')}
          </Button>
        ) : null}
        {rating.actions.includes('close') ? (
          <Button size="small" onClick={() => setOpen('close')} data-testid="rating-close">
            {t('followUps.close')}
          </Button>
        ) : null}
      </Space>
      {open === 'respond' ? (
        <TextModal
          title={t('followUps.respondTitle')}
          label={t('followUps.responseText')}
          placeholder={t('followUps.responsePlaceholder')}
          required
          requiredMessage={t('followUps.responseRequired')}
          onSubmit={(text) => respond.mutateAsync(text)}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'close' ? (
        <TextModal
          title={t('followUps.closeTitle')}
          label={t('followUps.closeNote')}
          required={false}
          onSubmit={(note) => close.mutateAsync(note)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

/** A rating with its follow-up, as a card (the follow-ups page, readable on a phone). */
export function RatingCard({ rating }: { rating: RatingView }) {
  const { t } = useTranslation();
  const f = rating.followUp;
  return (
    <Card size="small" data-testid="rating-card" data-rating-id={rating.id}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{rating.unitName}</Typography.Text>
            <Typography.Text type="secondary">{rating.ratedOn}</Typography.Text>
            <Tag>{t(`ratingService.${rating.service}` as MessageKey)}</Tag>
            {f ? <FollowUpTag status={f.status} /> : null}
          </Space>
          <RatingActions rating={rating} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('followUps.enterprise', { code: rating.creditCode })}
        </Typography.Text>
        <Scores rating={rating} />
        {rating.comment ? (
          <Typography.Paragraph
            style={{
              margin: 0,
              whiteSpace: 'pre-wrap',
              borderLeft: '3px solid rgba(0,0,0,0.12)',
              paddingLeft: 8,
            }}
          >
            {rating.comment}
          </Typography.Paragraph>
        ) : null}
        {f?.response ? (
          <Alert
            type="info"
            title={f.response}
            description={t('followUps.answeredBy', {
              name: f.respondedByName ?? '—',
              at: formatShortDateTime(f.respondedAt),
            })}
          />
        ) : null}
        {f?.status === 'closed' ? (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('followUps.closedBy', { name: f.closedByName ?? '—', at: formatShortDateTime(f.closedAt) })}
            </Typography.Text>
            {f.closeNote ? <Typography.Text style={{ fontSize: 12 }}>{f.closeNote}</Typography.Text> : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
