/**
 * 单位名录 (office; observers read): units with their aliases and groups; placeholders created by
 * imports, to confirm or merge into a known unit; unit groups and their members; CSV import and
 * export; each unit's reminder channels (e-mail, group robot webhook).
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Divider, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { unitGroups as groupsApi, units as unitsApi } from '../../api/endpoints.ts';
import type { Unit, UnitGroup } from '../../api/types.ts';
import { ChannelsForm } from '../../components/ChannelsForm.tsx';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
const KIND_OPTIONS = Object.entries(t.unitKinds).map(([value, label]) => ({ value, label }));

interface UnitValues {
  name: string;
  shortName: string;
  kind: string;
  aliases: string;
}

function UnitModal({ unit, open, onClose, onSaved, canEdit }: { unit: Unit | null; open: boolean; onClose(): void; onSaved(): void; canEdit: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name.trim(), shortName: v.shortName?.trim() || null, kind: v.kind, aliases: lines(v.aliases) };
    setBusy(true);
    setError(null);
    try {
      if (unit) await unitsApi.update(unit.id, body);
      else await unitsApi.create(body);
      message.success(t.common.saved);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={unit ? unit.name : t.units.create}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      okButtonProps={{ disabled: !canEdit }}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        name="unit"
        disabled={!canEdit}
        initialValues={unit ? { name: unit.name, shortName: unit.shortName ?? '', kind: unit.kind, aliases: unit.aliases.join('\n') } : { kind: 'department' }}
      >
        <Form.Item name="name" label={t.units.name} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Space style={{ display: 'flex' }} size={16}>
          <Form.Item name="shortName" label={t.units.shortName}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item name="kind" label={t.units.kind}><Select style={{ width: 220 }} options={KIND_OPTIONS} /></Form.Item>
        </Space>
        <Form.Item name="aliases" label={t.units.aliases} extra={t.units.aliasesHint}><Input.TextArea rows={3} /></Form.Item>
      </Form>
      {unit && canEdit && (
        <>
          <Divider titlePlacement="start">{t.units.channels}</Divider>
          <ChannelsForm unitId={unit.id} />
        </>
      )}
    </Modal>
  );
}

function MergeModal({ unit, units, onClose, onMerged }: { unit: Unit | null; units: Unit[]; onClose(): void; onMerged(): void }) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    if (!unit || !target) return;
    setBusy(true);
    try {
      await unitsApi.merge(unit.id, target);
      message.success(t.units.merged);
      setTarget(undefined);
      onMerged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={unit !== null} title={unit ? t.units.mergeTitle(unit.name) : ''} onCancel={onClose} onOk={() => void merge()} okText={t.units.merge.replace('…', '')} okButtonProps={{ disabled: !target }} confirmLoading={busy} cancelText={t.common.cancel} destroyOnHidden>
      <p className="gk-muted">{t.units.mergeHint}</p>
      <Select
        aria-label={t.units.mergeTarget}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        placeholder={t.units.mergeTarget}
        value={target}
        onChange={setTarget}
        options={units.filter((u) => u.id !== unit?.id && !u.placeholder).map((u) => ({ value: u.id, label: u.name + (u.aliases.length ? `（${u.aliases.join('、')}）` : '') }))}
      />
    </Modal>
  );
}

function GroupModal({ group, open, units, onClose, onSaved }: { group: UnitGroup | null; open: boolean; units: Unit[]; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; aliases: string; memberIds: number[] }>();
  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name.trim(), aliases: lines(v.aliases), memberIds: v.memberIds ?? [] };
    try {
      if (group) await groupsApi.update(group.id, body);
      else await groupsApi.create(body);
      message.success(t.common.saved);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal open={open} title={group ? group.name : t.units.createGroup} onCancel={onClose} onOk={() => void save()} okText={t.common.save} cancelText={t.common.cancel} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" name="group" initialValues={group ? { name: group.name, aliases: group.aliases.join('\n'), memberIds: group.memberIds } : { memberIds: [] }}>
        <Form.Item name="name" label={t.units.name} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
        <Form.Item name="aliases" label={t.units.aliases} extra={t.units.aliasesHint}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="memberIds" label={t.units.members}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} maxTagCount={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function UnitsScene() {
  const user = useUser();
  const canEdit = user.role === 'office';
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [placeholderOnly, setPlaceholderOnly] = useState(false);
  const [editing, setEditing] = useState<Unit | null | 'new'>(null);
  const [merging, setMerging] = useState<Unit | null>(null);
  const [group, setGroup] = useState<UnitGroup | null | 'new'>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const unitsLoad = useLoad(() => unitsApi.list(), []);
  const groupsLoad = useLoad(() => groupsApi.list(), []);
  const all = unitsLoad.data?.items ?? [];
  const groups = groupsLoad.data?.items ?? [];
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups]);
  const unitName = useMemo(() => new Map(all.map((u) => [u.id, u.name])), [all]);
  const shown = all.filter((u) => (!placeholderOnly || u.placeholder) && (!q || u.name.includes(q) || (u.shortName ?? '').includes(q) || u.aliases.some((a) => a.includes(q))));
  const placeholders = all.filter((u) => u.placeholder).length;

  const importCsv = async (file: File) => {
    try {
      const r = await unitsApi.importCsv(await file.text());
      message.success(t.units.imported(r.created, r.updated, r.groups));
      void unitsLoad.reload();
      void groupsLoad.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{t.units.title}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'units',
            label: `${t.units.title}（${all.length}）`,
            children: (
              <>
                <div className="gk-toolbar">
                  <Input.Search aria-label={t.common.search} placeholder={t.units.searchPlaceholder} allowClear style={{ width: 260 }} onSearch={setQ} onChange={(e) => { if (!e.target.value) setQ(''); }} />
                  <Checkbox checked={placeholderOnly} onChange={(e) => setPlaceholderOnly(e.target.checked)}>{t.units.placeholderOnly}（{placeholders}）</Checkbox>
                  <span className="gk-spacer" />
                  <a href={unitsApi.exportUrl()} download="units.csv"><Button icon={<DownloadOutlined />}>{t.units.exportCsv}</Button></a>
                  {canEdit && (
                    <>
                      <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>{t.units.importCsv}</Button>
                      <input ref={fileInput} type="file" accept=".csv,text/csv" hidden aria-label={t.units.importCsv} onChange={(e) => { const f = e.target.files?.[0]; if (f) void importCsv(f); e.target.value = ''; }} />
                      <Button type="primary" onClick={() => setEditing('new')}>{t.units.create}</Button>
                    </>
                  )}
                </div>
                {placeholders > 0 && <Alert type="warning" showIcon title={`${t.units.placeholder}：${placeholders} 个`} description={t.units.placeholderHint} style={{ marginBottom: 12 }} />}
                {unitsLoad.error && <Alert type="error" showIcon title={unitsLoad.error} />}
                <Table<Unit>
                  rowKey="id"
                  size="small"
                  loading={unitsLoad.loading}
                  dataSource={shown}
                  pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
                  columns={[
                    { title: t.units.name, dataIndex: 'name', render: (v: string, u) => <>{v} {u.placeholder && <Tag color="orange">{t.units.placeholder}</Tag>}</> },
                    { title: t.units.shortName, dataIndex: 'shortName', width: 140, render: (v: string | null) => v ?? '' },
                    { title: t.units.kind, dataIndex: 'kindLabel', width: 130 },
                    { title: t.units.aliases, dataIndex: 'aliases', render: (v: string[]) => v.join('、') },
                    { title: t.units.groups, dataIndex: 'groupIds', render: (v: number[]) => v.map((id) => <Tag key={id}>{groupName.get(id) ?? id}</Tag>) },
                    {
                      title: t.common.actions, key: 'a', width: 150,
                      render: (_, u) => (
                        <Space>
                          <Button size="small" type="link" onClick={() => setEditing(u)}>{canEdit ? t.common.edit : t.myTasks.view}</Button>
                          {canEdit && u.placeholder && <Button size="small" type="link" onClick={() => setMerging(u)}>{t.units.merge}</Button>}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'groups',
            label: `${t.units.groups}（${groups.length}）`,
            children: (
              <Card size="small" extra={canEdit && <Button type="primary" onClick={() => setGroup('new')}>{t.units.createGroup}</Button>}>
                <Table<UnitGroup>
                  rowKey="id"
                  size="small"
                  dataSource={groups}
                  loading={groupsLoad.loading}
                  pagination={false}
                  expandable={{ expandedRowRender: (g) => g.memberIds.map((id) => unitName.get(id) ?? `#${id}`).join('、') }}
                  columns={[
                    { title: t.units.name, dataIndex: 'name' },
                    { title: t.units.aliases, dataIndex: 'aliases', render: (v: string[]) => v.join('、') },
                    { title: t.units.members, dataIndex: 'memberIds', width: 100, render: (v: number[]) => v.length },
                    ...(canEdit ? [{ title: t.common.actions, key: 'a', width: 90, render: (_: unknown, g: UnitGroup) => <Button size="small" type="link" onClick={() => setGroup(g)}>{t.common.edit}</Button> }] : []),
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <UnitModal
        unit={editing === 'new' ? null : editing}
        open={editing !== null}
        canEdit={canEdit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void unitsLoad.reload();
        }}
      />
      <MergeModal unit={merging} units={all} onClose={() => setMerging(null)} onMerged={() => { setMerging(null); void unitsLoad.reload(); }} />
      <GroupModal group={group === 'new' ? null : group} open={group !== null} units={all} onClose={() => setGroup(null)} onSaved={() => { setGroup(null); void groupsLoad.reload(); }} />
    </>
  );
}
