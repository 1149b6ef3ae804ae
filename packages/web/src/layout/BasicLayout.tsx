// The signed-in frame: a collapsible side menu (a drawer on phones) whose entries follow the user's roles,
// and a header with the region, the user, the language switch and logout.
import { LogoutOutlined, KeyOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { authApi, queryKeys } from '../api/services';
import { useAuth } from '../auth/context';
import { setLoggedOut } from '../auth/session';
import LangSwitch from '../components/LangSwitch';
import PageLoading from '../components/PageLoading';
import { menuRouteFor, visibleRoutes } from '../routes';
import NotificationBell from './NotificationBell';
import Logo from './Logo';

const SIDER_KEY = 'benpao.siderCollapsed';
/** The same choice as a cookie: the server draws the first screen's side menu folded or not (ssr.tsx). */
export const SIDER_COOKIE = 'benpao_sider';

/** On the server: the choice of the reader whose first screen is being drawn (ssr.tsx; renders are synchronous). */
let renderedCollapsed = false;
export function setRenderSiderCollapsed(collapsed: boolean): void {
  renderedCollapsed = collapsed;
}

/** The reader's choice of a folded side menu. */
export function readCollapsed(): boolean {
  if (typeof window === 'undefined') return renderedCollapsed;
  try {
    return window.localStorage.getItem(SIDER_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberCollapsed(collapsed: boolean): void {
  document.cookie = `${SIDER_COOKIE}=${collapsed ? '1' : '0'}; path=/; max-age=31536000; SameSite=Lax`;
  try {
    window.localStorage.setItem(SIDER_KEY, collapsed ? '1' : '0');
  } catch {
    // not remembered
  }
}

// A choice made before the cookie existed reaches the server too.
if (typeof document !== 'undefined') rememberCollapsed(readCollapsed());

export default function BasicLayout() {
  const { t } = useTranslation();
  const { user, access } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const routes = visibleRoutes(access);
  const selected = menuRouteFor(location.pathname)?.path ?? '';
  const menuItems: MenuProps['items'] = routes.map((r) => ({
    key: r.path,
    icon: r.icon,
    label: <span data-testid={`menu-${r.id}`}>{t(r.titleKey)}</span>,
  }));

  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    rememberCollapsed(value);
  };

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // the session is dropped locally either way
    }
    setLoggedOut(true);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    queryClient.setQueryData(queryKeys.me, null);
    void message.success(t('layout.loggedOut'));
    await navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <Flex vertical style={{ maxWidth: 240 }}>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {user.unitName ?? t('layout.noUnit')}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {user.regionName}
            </Typography.Text>
          </Flex>
        ),
      },
      { type: 'divider' },
      {
        key: 'password',
        icon: <KeyOutlined />,
        label: <span data-testid="change-password">{t('menu.password')}</span>,
      },
      {
        key: 'logout',
        icon: <LogoutOutlined />,
        danger: true,
        label: <span data-testid="logout">{t('layout.logout')}</span>,
      },
    ],
    onClick: ({ key }) => {
      if (key === 'password') void navigate('/account/password');
      if (key === 'logout') void logout();
    },
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={menuItems}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      data-testid="side-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <Logo />
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          className="benpao-sider"
          collapsible
          collapsed={collapsed}
          onCollapse={onCollapse}
          width={220}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Logo collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: isMobile ? '0 8px' : '0 24px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('layout.openMenu')}
              data-testid="menu-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="region-name">
            {user.regionName}
          </Typography.Text>
          {access.notifications ? <NotificationBell /> : null}
          <LangSwitch />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button
              type="text"
              data-testid="user-menu"
              aria-label={t('layout.userMenu')}
              style={{ maxWidth: 260 }}
            >
              <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                <Avatar size="small" icon={<UserOutlined />} style={{ flex: 'none' }} />
                {isMobile ? null : (
                  <Typography.Text className="benpao-user-name" ellipsis style={{ maxWidth: 200 }}>
                    {user.displayName}
                    <Typography.Text type="secondary">
                      {' '}
                      · {user.unitName ?? t('layout.noUnit')}
                    </Typography.Text>
                  </Typography.Text>
                )}
              </Flex>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px', color: token.colorTextTertiary }}>
          {t('app.fullName')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
