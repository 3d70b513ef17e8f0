/**
 * The bell in the header: the unit's in-app notifications (催办 and review results), unread count,
 * polled every minute; opening one marks it read and follows its link.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { notifications as api } from '../api/endpoints.ts';
import type { NotificationItem } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';

const POLL_MS = 60_000;

/** A notification's link as a route inside the workbench, or an outside URL. */
function target(link: string | null): { route?: string; href?: string } {
  if (!link) return {};
  try {
    const u = new URL(link, window.location.origin);
    if (u.origin === window.location.origin && u.pathname.startsWith('/admin/')) return { route: u.pathname.slice('/admin'.length) + u.search };
    return { href: u.toString() };
  } catch {
    return {};
  }
}

export function NotificationBell() {
  const navigate = useNavigate();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [available, setAvailable] = useState(true);
  const [open, setOpen] = useState(false);

  const load = async () => {
    try {
      const r = await api.list();
      setItems(r.items);
      setUnread(r.unread);
      setAvailable(true);
    } catch {
      setAvailable(false);
    }
  };

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, []);

  const openItem = async (n: NotificationItem) => {
    if (!n.readAt) {
      try {
        await api.read(n.id);
      } catch {
        // marking read is best effort
      }
      void load();
    }
    const to = target(n.link);
    setOpen(false);
    if (to.route) navigate(to.route);
    else if (to.href) window.open(to.href, '_blank', 'noopener');
  };

  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.notifications.empty} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'gk-notice' : 'gk-notice gk-notice-unread'}
              onClick={() => void openItem(n)}
              style={{ cursor: 'pointer' }}
            >
              <List.Item.Meta
                title={<span>{n.readAt ? null : <Badge status="processing" />} {n.title}</span>}
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{n.body}</Typography.Paragraph>
                    <span className="gk-muted">{formatDateTime(n.createdAt)}</span>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={unread ? `${t.notifications.title}（${t.notifications.unread(unread)}）` : t.notifications.title}
      trigger="click"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void load();
      }}
      placement="bottomRight"
    >
      <Button
        type="text"
        className="gk-header-button"
        aria-label={unread ? `${t.notifications.title}，${t.notifications.unread(unread)}` : t.notifications.title}
        disabled={!available}
        title={available ? undefined : t.errors.backendMissing}
        icon={
          <Badge count={unread} size="small" offset={[2, -2]}>
            <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
          </Badge>
        }
      />
    </Popover>
  );
}
