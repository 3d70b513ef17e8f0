/**
 * Pieces shared by the 主动公开 screens: the state and timeliness tags, the option lists, the
 * catalogue trees as TreeSelect data (a unit's own tree and the government's trees), and who may do
 * what with a publication (the server decides again).
 */
import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { catalogue as catalogueApi } from '../../api/endpoints.ts';
import type { CatalogueTreeNode, Publication, User } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';

const p = t.publications;

type TagStyle = { color: string; background: string; borderColor: string };
const GREEN: TagStyle = { color: '#135200', background: '#f6ffed', borderColor: '#95de64' };
const AMBER: TagStyle = { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' };
const RED: TagStyle = { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' };
const SOLID_RED: TagStyle = { color: '#ffffff', background: '#a8071a', borderColor: '#a8071a' };
const GREY: TagStyle = { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' };
const BLUE: TagStyle = { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' };

const STATE_STYLE: Record<string, TagStyle> = { draft: GREY, inReview: AMBER, published: GREEN, withdrawn: RED };
const TIMELINESS_STYLE: Record<string, TagStyle> = { onTime: GREEN, late: AMBER, due: BLUE, overdue: SOLID_RED };

export function PublicationStateTag({ state }: { state: string }) {
  return <span className="gk-tag" data-state={state} style={STATE_STYLE[state] ?? GREY}>{p.states[state] ?? state}</span>;
}

export function TimelinessTag({ pub }: { pub: Pick<Publication, 'timeliness' | 'publishDueOn'> }) {
  if (!pub.timeliness) return <span className="gk-muted">—</span>;
  const label = pub.timeliness === 'due' && pub.publishDueOn ? p.dueUntil(formatDate(pub.publishDueOn)) : p.timeliness[pub.timeliness] ?? pub.timeliness;
  const title = pub.publishDueOn ? `${p.publishDueOn}：${formatDate(pub.publishDueOn)}` : undefined;
  return <span className="gk-tag" data-timeliness={pub.timeliness} title={title} style={TIMELINESS_STYLE[pub.timeliness] ?? GREY}>{label}</span>;
}

export const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** The years a publication list can be filtered by: this year back to 2008 (the regulation's first year). */
export function yearOptions(thisYear: number) {
  const out: { value: number; label: string }[] = [];
  for (let y = thisYear; y >= 2008; y--) out.push({ value: y, label: `${y}年` });
  return out;
}

/** A unit's people write its publications, the office any; observers none. */
export function canWrite(user: User, pub: { unitId: number }): boolean {
  if (user.role === 'office') return true;
  return user.role !== 'observer' && user.unitId === pub.unitId;
}

/** The named reviewer decides; the office may decide in their place. */
export function canReview(user: User, pub: { reviewerId: number | null; state: string }): boolean {
  if (pub.state !== 'inReview') return false;
  return user.role === 'office' || (user.role !== 'observer' && user.id === pub.reviewerId);
}

// ---- the catalogue trees ----

export interface TreeOption {
  value: number | string;
  title: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: CatalogueTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: n.children.length ? toOptions(n.children) : undefined }));
}

/**
 * The trees a publication of `unitId` may be filed under: the unit's own basic catalogue, the
 * government's basic catalogue and the standard catalogue (grouped under unselectable headings).
 */
export function useCatalogueOptions(unitId: number | undefined) {
  const unitTree = useLoad(unitId ? () => catalogueApi.tree({ unitId, kind: 'basic' }) : null, [unitId]);
  const government = useLoad(() => catalogueApi.tree({ kind: 'basic' }), []);
  const standard = useLoad(() => catalogueApi.tree({ kind: 'standard' }), []);
  const treeData = useMemo(() => {
    const groups: TreeOption[] = [];
    if (unitId && unitTree.data?.items.length) groups.push({ value: 'unit', title: t.catalogue.trees.unit, selectable: false, children: toOptions(unitTree.data.items) });
    if (government.data?.items.length) groups.push({ value: 'government', title: t.catalogue.trees.government, selectable: false, children: toOptions(government.data.items) });
    if (standard.data?.items.length) groups.push({ value: 'standard', title: t.catalogue.trees.standard, selectable: false, children: toOptions(standard.data.items) });
    return groups;
  }, [unitId, unitTree.data, government.data, standard.data]);
  return {
    treeData,
    loading: unitTree.loading || government.loading || standard.loading,
    error: unitTree.error ?? government.error ?? standard.error,
  };
}

export function CatalogueSelect({ unitId, value, onChange, multiple = false, style, placeholder, ariaLabel }: {
  unitId: number | undefined;
  value?: number | number[] | null;
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  style?: CSSProperties;
  placeholder?: string;
  ariaLabel?: string;
}) {
  const { treeData, loading } = useCatalogueOptions(unitId);
  return (
    <TreeSelect
      aria-label={ariaLabel ?? p.nodes}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as number | number[] | undefined)}
      treeData={treeData}
      multiple={multiple}
      allowClear
      loading={loading}
      placeholder={placeholder ?? p.nodesPlaceholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={unitId ? ['unit'] : ['government']}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
