import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleDescription, roleName } from '../i18n';

const COLORS: Record<string, string> = {
  sys_admin: 'volcano',
  security_admin: 'magenta',
  audit_admin: 'purple',
  supervisor: 'blue',
  leader: 'gold',
  discipline: 'red',
  unit_manager: 'cyan',
  unit_reporter: 'green',
};

export default function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <>
      {roles.map((code) => (
        <Tooltip key={code} title={roleDescription(code) || undefined}>
          <Tag color={COLORS[code]} style={{ marginBlock: 2 }}>
            {roleName(code)}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
