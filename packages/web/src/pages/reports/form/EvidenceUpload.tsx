// Evidence upload (佐证材料) for a report: images, PDF and Office files up to the region's limit, sent one by one
// to POST /api/items/:id/evidence (field `file`, session cookie, Accept-Language); 413 and 415 explained.
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { evidenceApi, itemsApi } from '../../../api/services';
import type { EvidenceView } from '../../../api/types';
import EvidenceList from '../../../components/EvidenceList';
import { errorText } from '../../../utils/errors';
import { formatBytes } from '../../../utils/format';

export const EVIDENCE_ACCEPT =
  'image/jpeg,image/png,image/gif,image/webp,application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

interface Props {
  itemId: string;
  value: EvidenceView[];
  /** a state setter: uploads finish in any order, each appends to the latest list */
  onChange: Dispatch<SetStateAction<EvidenceView[]>>;
  maxBytes: number;
  disabled?: boolean;
}

interface Pending {
  uid: string;
  name: string;
  percent: number;
}

/** The server's own message; our words only when a proxy answered 413/415 without one. */
export function uploadErrorText(e: unknown, fallback: { tooLarge: string; badType: string }) {
  if (e instanceof ApiError && e.code.startsWith('http_')) {
    if (e.status === 413) return fallback.tooLarge;
    if (e.status === 415) return fallback.badType;
  }
  return errorText(e);
}

export default function EvidenceUpload({ itemId, value, onChange, maxBytes, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const customRequest: UploadProps['customRequest'] = (options) => {
    const file = options.file as File & { uid: string };
    setPending((p) => [...p, { uid: file.uid, name: file.name, percent: 0 }]);
    itemsApi
      .uploadEvidence(itemId, file, {
        onProgress: (percent) =>
          setPending((p) => p.map((x) => (x.uid === file.uid ? { ...x, percent } : x))),
      })
      .then((evidence) => {
        onChange((list) => [...list, evidence]);
        options.onSuccess?.(evidence);
      })
      .catch((e: unknown) => {
        const text = `${file.name}：${uploadErrorText(e, {
          tooLarge: t('evidence.tooLarge', { max: formatBytes(maxBytes) }),
          badType: t('evidence.badType'),
        })}`;
        setErrors((list) => [...list, text]);
        void message.error(text);
        options.onError?.(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => setPending((p) => p.filter((x) => x.uid !== file.uid)));
  };

  const remove = async (file: EvidenceView) => {
    onChange((list) => list.filter((e) => e.id !== file.id));
    // a file not yet linked to any report is deleted; one linked to this draft is only unlinked (saved on save)
    if (!file.reportId) await evidenceApi.remove(file.id).catch(() => undefined);
  };

  return (
    <Flex vertical gap={8} data-testid="evidence-upload">
      <Flex wrap gap={8}>
        <Upload
          accept={EVIDENCE_ACCEPT}
          multiple
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => {
            setErrors([]);
            if (file.size > maxBytes) {
              const text = `${file.name}：${t('evidence.tooLarge', { max: formatBytes(maxBytes) })}`;
              setErrors((list) => [...list, text]);
              void message.error(text);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={customRequest}
        >
          <Button icon={<UploadOutlined />} disabled={disabled} data-testid="evidence-upload-button">
            {t('evidence.upload')}
          </Button>
        </Upload>
        <Upload
          accept="image/*"
          capture="environment"
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => (file.size > maxBytes ? Upload.LIST_IGNORE : true)}
          customRequest={customRequest}
        >
          <Button icon={<CameraOutlined />} disabled={disabled} data-testid="evidence-camera-button">
            {t('evidence.takePhoto')}
          </Button>
        </Upload>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evidence.hint', { max: formatBytes(maxBytes) })}
      </Typography.Text>
      {pending.map((p) => (
        <Flex key={p.uid} align="center" gap={8}>
          <Typography.Text ellipsis style={{ maxWidth: 160 }}>
            {p.name}
          </Typography.Text>
          <Progress percent={p.percent} size="small" style={{ flex: 1, margin: 0 }} />
        </Flex>
      ))}
      {errors.map((e, i) => (
        <Typography.Text key={i} type="danger" data-testid="evidence-error">
          {e}
        </Typography.Text>
      ))}
      <EvidenceList evidence={value} onRemove={disabled ? undefined : remove} />
    </Flex>
  );
}
