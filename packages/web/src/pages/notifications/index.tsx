// All notifications (/notifications), paged.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import PageContainer from '../../components/PageContainer';
import NotificationList from './NotificationList';

export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <PageContainer title={t('notifications.title')}>
      <Card>
        <NotificationList pageSize={20} />
      </Card>
    </PageContainer>
  );
}
