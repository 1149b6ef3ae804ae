// Sign-in: POST /api/auth/login. The server's message (localised by Accept-Language) is shown as is:
// wrong credentials, account locked, etc.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { authApi, queryKeys } from '../../../api/services';
import { useMe } from '../../../auth/context';
import { consumeSessionExpired, setLoggedOut } from '../../../auth/session';
import { computeAccess } from '../../../access';
import { appRoutes } from '../../../routes';
import LangSwitch from '../../../components/LangSwitch';
import { errorText, formFieldOf } from '../../../utils/errors';

interface LoginForm {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // only same-app paths: never an absolute URL from the history state
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [form] = Form.useForm<LoginForm>();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [expired] = useState(consumeSessionExpired);
  const [error, setError] = useState<string | null>(null);
  const from = safeFrom(location.state);
  // back where the session ended, unless this user may not see that page
  const targetFor = (roles: string[]) => {
    const route = appRoutes.find((r) => r.path === from.split(/[?#]/)[0]);
    return route && !computeAccess(roles)[route.access] ? '/' : from;
  };

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('app.name')}`;
  }, [t]);

  const login = useMutation({
    mutationFn: (values: LoginForm) => authApi.login(values.username.trim(), values.password),
    onSuccess: async ({ user }) => {
      setLoggedOut(false);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, user);
      await navigate(targetFor(user.roles), { replace: true });
    },
    onError: (e) => {
      const field = formFieldOf(e, FIELDS);
      // a bad username/password pair is not one field's fault: show it above the form
      if (field && !(e instanceof ApiError && (e.status === 401 || e.status === 423))) {
        form.setFields([{ name: field, errors: [errorText(e)] }]);
        setError(null);
      } else {
        setError(errorText(e));
      }
      form.setFieldValue('password', '');
    },
  });

  if (me.data) return <Navigate to={targetFor(me.data.roles)} replace />;

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '16px 12px',
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LangSwitch />
      </Flex>
      <Flex
        vertical
        align="center"
        gap={8}
        style={{ marginTop: '8vh', marginBottom: 24, textAlign: 'center' }}
      >
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 380 }} title={t('auth.login.title')}>
        {expired && !error ? (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            setError(null);
            login.mutate(values);
          }}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label={t('auth.login.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.login.password')}
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={128}
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.login.hint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
