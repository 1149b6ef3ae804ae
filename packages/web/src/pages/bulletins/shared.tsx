// What the bulletin pages share: the status tag and the official layout (红头文件) in which a bulletin is read.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinStatus } from '../../api/bulletins';
import './bulletins.css';

const STATUS_COLORS: Record<BulletinStatus, string> = {
  draft: 'default',
  approved: 'gold',
  published: 'success',
};

export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="bulletin-status" data-status={status}>
      {t(`bulletins.status.${status}`)}
    </Tag>
  );
}

/** 2022-04-21 → 2022年4月21日 (the date line of an official document); the same digits in English. */
export function documentDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return locale === 'zh-CN' ? `${y}年${m}月${d}日` : date;
}

const RED = '#c8161d';

interface OfficialProps {
  issuer: string;
  /** The number once published; otherwise what stands in its place (draft, awaiting publication). */
  number: string;
  title: string;
  date: string;
  /** The server's sanitised rich text: never anything typed in the browser before it was saved. */
  bodyHtml: string;
}

/**
 * The bulletin as it is printed: the issuing body in red, the number under it, a red rule, the title, the body
 * and the date. The body is the server's sanitised HTML (paragraphs, headings, lists, tables, emphasis only).
 */
export function OfficialDocument({ issuer, number, title, date, bodyHtml }: OfficialProps) {
  return (
    <article
      data-testid="bulletin-document"
      style={{
        background: '#fff',
        padding: 'clamp(12px, 4vw, 48px)',
        border: '1px solid #eee',
        maxWidth: 800,
        width: '100%',
        boxSizing: 'border-box',
        overflowWrap: 'anywhere',
      }}
    >
      <div
        data-testid="bulletin-issuer"
        style={{
          color: RED,
          fontSize: 'clamp(20px, 6vw, 34px)',
          fontWeight: 700,
          textAlign: 'center',
          letterSpacing: 2,
          fontFamily: '"FangSong", "STFangsong", serif',
        }}
      >
        {issuer}
      </div>
      <div style={{ textAlign: 'center', margin: '12px 0 6px' }} data-testid="bulletin-number">
        {number}
      </div>
      <div style={{ borderTop: `2px solid ${RED}`, margin: '0 0 20px' }} />
      <h2 style={{ textAlign: 'center', fontSize: 20, margin: '0 0 16px' }} data-testid="bulletin-title">
        {title}
      </h2>
      <div
        className="bulletin-body"
        data-testid="bulletin-body"
        style={{ lineHeight: 1.8, fontSize: 15 }}
        // Sanitised by the server on save (schema: paragraphs, headings, lists, tables, emphasis).
        dangerouslySetInnerHTML={{ __html: bodyHtml }}
      />
      <div style={{ textAlign: 'right', marginTop: 24 }} data-testid="bulletin-date">
        {issuer}
        <br />
        {date}
      </div>
    </article>
  );
}
