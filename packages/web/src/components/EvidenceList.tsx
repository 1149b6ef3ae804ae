// Evidence files (佐证材料) of a report: thumbnails for images (preview on tap), download links for the rest.
import {
  DeleteOutlined,
  FileExcelOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { Button, Flex, Image, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceView } from '../api/types';
import { formatBytes } from '../utils/format';

function iconOf(mime: string, name: string) {
  if (mime === 'application/pdf' || name.toLowerCase().endsWith('.pdf')) return <FilePdfOutlined />;
  if (/word|officedocument\.wordprocessing/.test(mime)) return <FileWordOutlined />;
  if (/excel|spreadsheet/.test(mime)) return <FileExcelOutlined />;
  return <FileOutlined />;
}

interface Props {
  evidence: readonly EvidenceView[];
  onRemove?: (file: EvidenceView) => Promise<unknown> | void;
}

export default function EvidenceList({ evidence, onRemove }: Props) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>;
  const images = evidence.filter((e) => e.mime.startsWith('image/'));
  const others = evidence.filter((e) => !e.mime.startsWith('image/'));
  const remove = (file: EvidenceView) =>
    onRemove ? (
      <Popconfirm
        title={t('evidence.removeConfirm', { name: file.name })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => onRemove(file)}
      >
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('evidence.remove')}
          data-testid="evidence-remove"
        />
      </Popconfirm>
    ) : null;

  return (
    <Flex vertical gap={8} data-testid="evidence-list">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {images.map((file) => (
              <Flex key={file.id} vertical align="center" style={{ width: 80 }}>
                <Image
                  src={file.downloadUrl}
                  alt={file.name}
                  width={72}
                  height={72}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  data-testid="evidence-thumb"
                />
                <Flex align="center" style={{ maxWidth: 80 }}>
                  <Typography.Link
                    href={file.downloadUrl}
                    ellipsis
                    style={{ fontSize: 12, maxWidth: onRemove ? 52 : 80 }}
                    title={file.name}
                    download={file.name}
                  >
                    {file.name}
                  </Typography.Link>
                  {remove(file)}
                </Flex>
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {others.map((file) => (
        <Flex key={file.id} align="center" gap={6} style={{ minWidth: 0 }}>
          {iconOf(file.mime, file.name)}
          <Typography.Link
            href={file.downloadUrl}
            download={file.name}
            ellipsis
            style={{ minWidth: 0, flex: '0 1 auto' }}
            data-testid="evidence-link"
          >
            {file.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            {formatBytes(file.size)}
          </Typography.Text>
          {remove(file)}
        </Flex>
      ))}
    </Flex>
  );
}
