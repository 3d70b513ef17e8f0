/**
 * The frame of every signed-in screen: header with the screens the user's role may open, the
 * notification bell and the user menu; the screen below.
 */
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Dropdown, Layout, Menu, Spin } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { t } from '../i18n/index.ts';
import { NAV_GROUPS, navFor, type NavItem } from './navigation.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { useSession, useUser } from './session.tsx';

export function AppLayout() {
  const user = useUser();
  const { unit, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navFor(user.role);
  const selected = items.find((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`))?.key;
  const menuItems = menuOf(items);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="gk-header">
        <Link to="/" className="gk-brand">
          <span className="gk-brand-mark" aria-hidden="true">公</span>
          <span>{t.appSubtitle}</span>
        </Link>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected ? [selected] : []}
            items={menuItems}
            style={{ minWidth: 0, background: 'transparent' }}
          />
        </nav>
        <a className="gk-header-link" href="/progress" target="_blank" rel="noopener">{t.nav.publicPage}</a>
        <NotificationBell />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', label: <span className="gk-muted">{unit?.name ?? ''} · {t.roles[user.role]}</span>, disabled: true },
              { type: 'divider' },
              { key: 'password', label: t.nav.changePassword, onClick: () => navigate('/password') },
              { key: 'logout', label: t.nav.logout, onClick: () => void logout().then(() => navigate('/login')) },
            ],
          }}
        >
          <button type="button" className="gk-user-button" aria-label={`${user.displayName}，账号菜单`}>
            <UserOutlined /> <span className="gk-user-name">{user.displayName}</span> <DownOutlined style={{ fontSize: 10 }} />
          </button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content className="gk-content">
        <main>
          <Suspense fallback={<Centered><Spin /></Centered>}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

/** The menu: screens in order; a group's screens under one submenu, where its first screen is. */
function menuOf(items: NavItem[]) {
  const out: ({ key: string; label: ReactNode; children?: { key: string; label: ReactNode }[] })[] = [];
  const groups = new Map<string, { key: string; label: ReactNode }[]>();
  for (const i of items) {
    const entry = { key: i.key, label: <Link to={i.path}>{i.label}</Link> };
    if (!i.group) {
      out.push(entry);
      continue;
    }
    let children = groups.get(i.group);
    if (!children) {
      children = [];
      groups.set(i.group, children);
      out.push({ key: `group:${i.group}`, label: NAV_GROUPS[i.group], children });
    }
    children.push(entry);
  }
  return out;
}

export function Centered({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>{children}</div>;
}
