/**
 * 登录: username and password; a pending one-time password leads to 修改密码.
 */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { useSession } from '../../components/session.tsx';
import { homePath } from '../../components/navigation.ts';
import { t } from '../../i18n/index.ts';

export default function LoginScene() {
  const { user, login, authProblem } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={user.mustChangePassword ? '/password' : from ?? homePath(user.role)} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const u = await login(v.username.trim(), v.password);
      navigate(u.mustChangePassword ? '/password' : from ?? homePath(u.role), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gk-login">
      <Card className="gk-login-card">
        <div className="gk-login-title">
          <span className="gk-brand-mark" aria-hidden="true">公</span>
          <div>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t.appSubtitle}</Typography.Title>
            <span className="gk-muted">{t.appName} · {t.login.title}</span>
          </div>
        </div>
        {authProblem === 'AUTH_REQUIRED' && !error && <Alert type="warning" showIcon title={t.errors.sessionExpired} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item label={t.login.username} name="username" rules={[{ required: true, whitespace: true, message: t.login.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t.login.password} name="password" rules={[{ required: true, message: t.login.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t.login.submit}</Button>
        </Form>
        <p className="gk-muted" style={{ marginTop: 16, marginBottom: 4 }}>{t.login.hint}</p>
        <a href="/progress">{t.login.publicLink}</a>
      </Card>
    </main>
  );
}
