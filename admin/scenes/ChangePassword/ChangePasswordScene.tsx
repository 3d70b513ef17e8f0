/**
 * 修改密码: forced after signing in with a one-time password; also reachable from the user menu.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { sessions } from '../../api/endpoints.ts';
import { useSession, useUser } from '../../components/session.tsx';
import { homePath } from '../../components/navigation.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export default function ChangePasswordScene() {
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await sessions.changePassword(v.currentPassword, v.newPassword);
      await refresh();
      message.success(t.password.done);
      navigate(homePath(user.role), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gk-login">
      <Card className="gk-login-card">
        <Typography.Title level={1} style={{ fontSize: 22 }}>{t.password.title}</Typography.Title>
        <p className="gk-muted">{user.displayName}（{user.username}）</p>
        {user.mustChangePassword && <Alert type="info" showIcon title={t.password.forcedHint} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} name="password">
          <Form.Item label={t.password.current} name="currentPassword" rules={[{ required: true, message: t.login.passwordRequired }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t.password.next}
            name="newPassword"
            extra={t.password.rules}
            rules={[
              { required: true, message: t.login.passwordRequired },
              { min: 10, message: t.password.tooShort },
              { validator: async (_r, v: string) => { if (v && (!/[A-Za-z]/.test(v) || !/[0-9]/.test(v))) throw new Error(t.password.lettersDigits); } },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t.password.repeat}
            name="repeat"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t.login.passwordRequired },
              ({ getFieldValue }) => ({ validator: async (_r, v: string) => { if (v && v !== getFieldValue('newPassword')) throw new Error(t.password.mismatch); } }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t.password.submit}</Button>
        </Form>
        {!user.mustChangePassword && <p style={{ marginTop: 16 }}><Link to="/">{t.common.cancel}</Link></p>}
      </Card>
    </main>
  );
}
