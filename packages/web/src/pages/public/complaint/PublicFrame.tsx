// The frame of the public complaint pages (no login, phone first), like the rating page: a staff login link, the
// language switch, a title, and one card no wider than a phone held sideways.
import { Card, Flex, Typography, theme } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import LangSwitch from '../../../components/LangSwitch';

export default function PublicFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '12px 12px 32px',
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 50%)`,
        overflowX: 'hidden',
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
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </Flex>
      <Card style={{ width: '100%', maxWidth: 560 }} styles={{ body: { padding: '20px 16px' } }}>
        {children}
      </Card>
    </Flex>
  );
}
