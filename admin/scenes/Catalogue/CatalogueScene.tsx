/**
 * 目录管理 (office): the catalogue trees — the government's 主动公开基本目录, the 基层政务公开标准目录
 * (one root per pilot area) and each unit's own basic catalogue — with add (top level or below the
 * chosen node), rename and delete. The server refuses to delete a node that has publications filed
 * under it or under its children (CATALOGUE_NODE_IN_USE); its message is shown as it is.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Row, Segmented, Select, Space, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { catalogue as api, units as unitsApi } from '../../api/endpoints.ts';
import type { CatalogueKind, CatalogueTreeNode } from '../../api/types.ts';
import { clearErrorsOf, showServerError } from '../../components/formErrors.ts';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

const c = t.catalogue;
type TreeName = 'government' | 'standard' | 'unit';

interface Editing {
  mode: 'add' | 'rename';
  /** add: the parent (null: top level); rename: the node */
  node: CatalogueTreeNode | null;
}

function count(nodes: CatalogueTreeNode[]): number {
  return nodes.reduce((n, x) => n + 1 + count(x.children), 0);
}

function find(nodes: CatalogueTreeNode[], id: number): CatalogueTreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = find(n.children, id);
    if (below) return below;
  }
  return null;
}

function toData(nodes: CatalogueTreeNode[]): DataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <span data-node-id={n.id}>
        {n.name}
        {n.code && <span className="gk-muted" style={{ marginLeft: 6, fontSize: 12 }}>{n.code}</span>}
        {n.children.length > 0 && <span className="gk-muted" style={{ marginLeft: 6, fontSize: 12 }}>（{n.children.length}）</span>}
      </span>
    ),
    children: n.children.length ? toData(n.children) : undefined,
  }));
}

export default function CatalogueScene() {
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const treeParam = params.get('tree');
  const tree: TreeName = treeParam === 'standard' || treeParam === 'unit' ? treeParam : 'government';
  const unitId = tree === 'unit' ? Number(params.get('unit')) || undefined : undefined;
  const kind: CatalogueKind = tree === 'standard' ? 'standard' : 'basic';
  const unitList = useLoad(tree === 'unit' ? () => unitsApi.list() : null, [tree === 'unit']);
  const load = useLoad(tree !== 'unit' || unitId ? () => api.tree({ unitId, kind }) : null, [tree, unitId]);
  const nodes = useMemo(() => load.data?.items ?? [], [load.data]);
  const data = useMemo(() => toData(nodes), [nodes]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = selectedId ? find(nodes, selectedId) : null;
  const [editing, setEditing] = useState<Editing | null>(null);

  const setParam = (changes: Record<string, string | undefined>) => {
    setSelectedId(null);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    }, { replace: true });
  };

  const remove = async (node: CatalogueTreeNode) => {
    try {
      await api.remove(node.id);
      message.success(c.deleted);
      setSelectedId(null);
      await load.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CATALOGUE_NODE_IN_USE') modal.warning({ title: c.inUse, content: e.message });
      else message.error(e instanceof Error ? e.message : t.errors.unknown);
    }
  };

  return (
    <>
      <Typography.Title level={2} className="gk-page-title">{c.title}</Typography.Title>
      <p className="gk-page-intro">{c.intro}</p>
      <div className="gk-toolbar">
        <Segmented<TreeName>
          value={tree}
          onChange={(v) => setParam({ tree: v === 'government' ? undefined : v, unit: v === 'unit' ? params.get('unit') ?? undefined : undefined })}
          options={[
            { value: 'government', label: c.trees.government },
            { value: 'standard', label: c.trees.standard },
            { value: 'unit', label: c.trees.unit },
          ]}
        />
        {tree === 'unit' && (
          <Select
            aria-label={c.unit}
            style={{ width: 260 }}
            placeholder={c.unitPlaceholder}
            value={unitId}
            onChange={(v) => setParam({ unit: String(v) })}
            showSearch={{ optionFilterProp: 'label' }}
            loading={unitList.loading}
            options={(unitList.data?.items ?? []).filter((u) => !u.placeholder).map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
        <span className="gk-spacer" />
        {load.data && <span className="gk-muted">{c.nodes(count(nodes))}</span>}
        <Button type="primary" icon={<PlusOutlined />} disabled={tree === 'unit' && !unitId} onClick={() => setEditing({ mode: 'add', node: null })}>{c.addRoot}</Button>
      </div>
      {load.error && <Alert type="error" showIcon title={load.error} style={{ marginBottom: 12 }} />}
      {unitList.error && <Alert type="error" showIcon title={unitList.error} style={{ marginBottom: 12 }} />}

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small">
            {tree === 'unit' && !unitId ? (
              <Empty description={c.pickUnit} />
            ) : load.loading && !load.data ? (
              <Spin aria-label={t.common.loading} />
            ) : nodes.length === 0 ? (
              <Empty description={c.empty} />
            ) : (
              <Tree
                key={`${tree}:${unitId ?? ''}`}
                treeData={data}
                showLine
                blockNode
                defaultExpandAll={tree !== 'standard'}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
                style={{ maxHeight: '70vh', overflow: 'auto' }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={selected ? selected.name : '—'}>
            {!selected ? (
              <span className="gk-muted">在左侧选择一个目录节点，可新增下级目录、重命名或删除。</span>
            ) : (
              <>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'name', label: c.name, children: selected.name },
                    ...(selected.code ? [{ key: 'code', label: c.code, children: selected.code }] : []),
                    ...(selected.pilotArea ? [{ key: 'area', label: c.pilotArea, children: selected.pilotArea }] : []),
                    { key: 'children', label: '下级目录', children: selected.children.length },
                  ]}
                />
                <Space wrap style={{ marginTop: 12 }}>
                  <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add', node: selected })}>{c.addChild}</Button>
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'rename', node: selected })}>{c.rename}</Button>
                  <Popconfirm title={c.deleteConfirm(selected.name)} okText={t.common.delete} okButtonProps={{ danger: true }} cancelText={t.common.cancel} onConfirm={() => remove(selected)}>
                    <Button danger icon={<DeleteOutlined />}>{t.common.delete}</Button>
                  </Popconfirm>
                </Space>
              </>
            )}
          </Card>
        </Col>
      </Row>

      <NodeModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSave={async (v) => {
          if (!editing) return;
          if (editing.mode === 'rename' && editing.node) {
            await api.update(editing.node.id, { name: v.name, code: v.code || null });
            message.success(c.renamed);
          } else {
            const parent = editing.node;
            const created = await api.create({
              unitId: unitId ?? null, kind, parentId: parent?.id ?? null, name: v.name, code: v.code || null,
              pilotArea: kind === 'standard' ? parent?.pilotArea ?? v.name : null,
              sortOrder: (parent ? parent.children : nodes).reduce((m, n) => Math.max(m, n.sortOrder), 0) + 1,
            });
            message.success(c.added);
            setSelectedId(created.id);
          }
          setEditing(null);
          await load.reload();
        }}
      />
    </>
  );
}

function NodeModal({ editing, onClose, onSave }: { editing: Editing | null; onClose(): void; onSave(v: { name: string; code: string }): Promise<void> }) {
  const [form] = Form.useForm<{ name: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = !editing ? '' : editing.mode === 'rename' ? `${c.rename}：${editing.node?.name ?? ''}` : editing.node ? `${c.addChild}：${editing.node.name}` : c.addRoot;
  return (
    <Modal
      open={editing !== null}
      title={title}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => { if (open) setError(null); }}
      onOk={() => void form.validateFields().then(async (v) => {
        setBusy(true);
        setError(null);
        try {
          await onSave({ name: v.name.trim(), code: (v.code ?? '').trim() });
        } catch (e) {
          setError(showServerError(form, e, { CATALOGUE_NAME_REQUIRED: 'name' }, ['name', 'code']));
        } finally {
          setBusy(false);
        }
      }, () => undefined)}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOf(form)}
        layout="vertical"
        name="catalogue-node"
        preserve={false}
        initialValues={editing?.mode === 'rename' && editing.node ? { name: editing.node.name, code: editing.node.code ?? '' } : { name: '', code: '' }}
      >
        <Form.Item name="name" label={c.name} rules={[{ required: true, whitespace: true, message: c.nameRequired }, { max: 100 }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="code" label={c.code}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
