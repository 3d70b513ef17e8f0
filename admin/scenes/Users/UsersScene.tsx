/**
 * 账号管理: the office manages every account; a unit admin sees and manages its own unit's users.
 * New accounts and password resets get a one-time password, shown once.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { units as unitsApi, users as usersApi } from '../../api/endpoints.ts';
import type { Role, User } from '../../api/types.ts';
import { ChannelsForm } from '../../components/ChannelsForm.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useSession, useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  password?: string;
}

export default function UsersScene() {
  const me = useUser();
  const { unit: myUnit } = useSession();
  const office = me.role === 'office';
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [q, setQ] = useState('');
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);
  const [form] = Form.useForm<NewUser>();
  const [editForm] = Form.useForm<{ displayName: string; role: Role }>();
  const [error, setError] = useState<string | null>(null);

  const usersLoad = useLoad(() => usersApi.list(office ? { unitId: unitFilter } : { unitId: me.unitId }), [unitFilter]);
  const unitsLoad = useLoad(() => unitsApi.list(), []);
  const unitName = useMemo(() => new Map((unitsLoad.data?.items ?? []).map((u) => [u.id, u.name])), [unitsLoad.data]);
  const roles: Role[] = office ? ['office', 'unitAdmin', 'unitStaff', 'observer'] : ['unitAdmin', 'unitStaff'];
  const shown = (usersLoad.data?.items ?? []).filter((u) => !q || u.username.includes(q) || u.displayName.includes(q));

  const showPassword = (title: string, username: string, password: string) => {
    modal.info({
      title,
      width: 480,
      content: (
        <div>
          <p>{t.users.oneTimePassword}</p>
          <p>{t.users.username}：<code>{username}</code></p>
          <p>{t.users.password}：<Typography.Text code copyable className="gk-one-time-password">{password}</Typography.Text></p>
        </div>
      ),
    });
  };

  const create = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const r = await usersApi.create({ ...v, unitId: office ? v.unitId : me.unitId, password: v.password || undefined });
      setCreating(false);
      form.resetFields();
      message.success(t.users.created);
      if (r.oneTimePassword) showPassword(t.users.created, r.user.username, r.oneTimePassword);
      void usersLoad.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const update = async (u: User, patch: { displayName?: string; role?: Role; disabled?: boolean }) => {
    try {
      await usersApi.update(u.id, patch);
      message.success(t.common.saved);
      setEditing(null);
      void usersLoad.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reset = async (u: User) => {
    try {
      const r = await usersApi.resetPassword(u.id);
      showPassword(t.users.resetPassword, u.username, r.oneTimePassword);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.users.title}</Typography.Title>
      <p className="gk-page-intro">{office ? t.users.introOffice : t.users.introUnit(myUnit?.name ?? '本单位')}</p>
      <div className="gk-toolbar">
        <Input.Search aria-label={t.common.search} placeholder={`${t.users.username} / ${t.users.displayName}`} allowClear style={{ width: 240 }} onSearch={setQ} onChange={(e) => { if (!e.target.value) setQ(''); }} />
        {office && (
          <Select
            aria-label={t.users.unit}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={`${t.users.unit}：${t.common.all}`}
            style={{ width: 280 }}
            value={unitFilter}
            onChange={setUnitFilter}
            options={(unitsLoad.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
        <span className="gk-spacer" />
        <Button type="primary" onClick={() => { setError(null); setCreating(true); }}>{t.users.create}</Button>
      </div>
      {usersLoad.error && <Alert type="error" showIcon title={usersLoad.error} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={usersLoad.loading}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t.users.username, dataIndex: 'username' },
          { title: t.users.displayName, dataIndex: 'displayName' },
          { title: t.users.unit, dataIndex: 'unitId', render: (id: number) => unitName.get(id) ?? id },
          { title: t.users.role, dataIndex: 'role', render: (r: Role) => t.roles[r] },
          {
            title: t.common.status, key: 's',
            render: (_, u) => (u.disabled ? <Tag>{t.users.disabled}</Tag> : u.mustChangePassword ? <Tag color="gold">{t.users.mustChange}</Tag> : <Tag color="green">{t.users.active}</Tag>),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t.common.actions, key: 'a', width: 240,
            render: (_, u) => u.id === me.id ? <span className="gk-muted">（本人）</span> : (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => { setEditing(u); editForm.setFieldsValue({ displayName: u.displayName, role: u.role }); }}>{t.common.edit}</Button>
                <Popconfirm title={t.users.resetConfirm} okText={t.users.resetPassword} cancelText={t.common.cancel} onConfirm={() => void reset(u)}>
                  <Button size="small" type="link">{t.users.resetPassword}</Button>
                </Popconfirm>
                <Button size="small" type="link" danger={!u.disabled} onClick={() => void update(u, { disabled: !u.disabled })}>{u.disabled ? t.users.enable : t.users.disable}</Button>
              </Space>
            ),
          },
        ]}
      />
      {!office && (
        <Card title={`${myUnit?.name ?? ''} · ${t.units.channels}`} size="small" style={{ marginTop: 20, maxWidth: 760 }}>
          <ChannelsForm unitId={me.unitId} />
        </Card>
      )}
      <Modal open={creating} title={t.users.create} onCancel={() => setCreating(false)} onOk={() => void create()} okText={t.users.create} cancelText={t.common.cancel} destroyOnHidden forceRender>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form form={form} layout="vertical" name="new-user" initialValues={{ role: 'unitStaff', unitId: office ? undefined : me.unitId }}>
          <Form.Item name="username" label={t.users.username} rules={[{ required: true, min: 3, max: 64 }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="displayName" label={t.users.displayName} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          {office ? (
            <Form.Item name="unitId" label={t.users.unit} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(unitsLoad.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          ) : (
            <Form.Item label={t.users.unit}><Input value={myUnit?.name ?? ''} disabled /></Form.Item>
          )}
          <Form.Item name="role" label={t.users.role} rules={[{ required: true }]}>
            <Select options={roles.map((r) => ({ value: r, label: t.roles[r] }))} />
          </Form.Item>
          <Form.Item name="password" label={t.users.password} extra={t.users.passwordHint}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={editing ? `${t.common.edit}：${editing.username}` : ''}
        onCancel={() => setEditing(null)}
        onOk={() => void editForm.validateFields().then((v) => editing && update(editing, v))}
        okText={t.common.save}
        cancelText={t.common.cancel}
        forceRender
      >
        <Form form={editForm} layout="vertical" name="edit-user">
          <Form.Item name="displayName" label={t.users.displayName} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          <Form.Item name="role" label={t.users.role}><Select options={roles.map((r) => ({ value: r, label: t.roles[r] }))} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
