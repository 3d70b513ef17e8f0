/**
 * What each public platform page shows, gathered from the publications, directory and search
 * modules (through their index.ts) and the portal's own read-only queries. Only published
 * publications ever come out of here; nothing needs a login.
 */
import type { Db } from '../../db/create-db.ts';
import { anonymous } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { getUnit, listUnits, unitNames } from '../directory/index.ts';
import {
  findPublishedPublication, getCatalogue, getPublication, listPublishedPublications,
  type CatalogueKind, type CatalogueTreeNode, type PlatformColumn, type PublicationKind, type PublicationView,
} from '../publications/index.ts';
import { search, type SearchKind, type SearchResult } from '../search/index.ts';
import { detailExtensions, type DetailExtras } from './portal.extensions.ts';
import * as repo from './portal.repository.ts';

export const PAGE_SIZE = 20;

/** A publication as the lists show it. */
export interface ListedPublication {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  publisher: string;
  kind: string;
  docNumber: string | null;
  publishedOn: string | null;
}

export interface PublicationList {
  items: ListedPublication[];
  total: number;
  page: number;
}

export interface ListFilters {
  unitId?: number;
  year?: number;
  kind?: PublicationKind;
  page: number;
}

/** The options the filter forms offer. */
export interface FilterOptions {
  units: { id: number; name: string }[];
  years: number[];
}

export interface CountedNode {
  id: number;
  name: string;
  count: number;
  children: CountedNode[];
}

type Row = Awaited<ReturnType<typeof listPublishedPublications>>['items'][number];

function listed(r: Row): ListedPublication {
  return { id: r.id, title: r.title, unitId: r.unitId, unitName: r.unitName, publisher: r.publisher, kind: r.kind, docNumber: r.docNumber, publishedOn: r.publishedOn };
}

async function publishedList(db: Db, q: { column?: PlatformColumn; nodeId?: number; unitId?: number; year?: number; kind?: PublicationKind; page: number; pageSize?: number }): Promise<PublicationList> {
  const r = await listPublishedPublications(db, { ...q, pageSize: q.pageSize ?? PAGE_SIZE });
  return { items: r.items.map(listed), total: r.total, page: q.page };
}

/** Units that have published something (in this column; and the chosen one), and the years since the first publication. */
export async function filterOptions(db: Db, column?: PlatformColumn, chosenUnitId?: number): Promise<FilterOptions> {
  const [counts, first, names] = await Promise.all([repo.publishedCountsByUnit(db, column), repo.firstPublishedYear(db), unitNames(db)]);
  const ids = [...counts.keys()];
  if (chosenUnitId && !counts.has(chosenUnitId) && names.has(chosenUnitId)) ids.push(chosenUnitId);
  const units = ids.map((id) => ({ id, name: names.get(id)?.name ?? String(id) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const thisYear = Number(today().slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear; first !== null && y >= Math.min(first, thisYear); y--) years.push(y);
  return { units, years };
}

export async function homeData(db: Db) {
  const [latest, counts] = await Promise.all([publishedList(db, { page: 1, pageSize: 10 }), repo.publishedCountsByColumn(db)]);
  return { latest, counts };
}

export async function columnData(db: Db, column: PlatformColumn, f: ListFilters) {
  const [list, options] = await Promise.all([publishedList(db, { column, ...f }), filterOptions(db, column, f.unitId)]);
  return { list, options };
}

/** A catalogue tree with, on every node, the number of published publications filed under it or below (each counted once). */
export async function countedTree(db: Db, f: { unitId: number | null; kind: CatalogueKind }): Promise<CountedNode[]> {
  const tree = await getCatalogue(db, f);
  const ids: number[] = [];
  const walk = (ns: CatalogueTreeNode[]) => ns.forEach((n) => { ids.push(n.id); walk(n.children); });
  walk(tree);
  const filed = new Map<number, Set<number>>();
  for (const r of await repo.publishedFilings(db, ids)) {
    if (!filed.has(r.nodeId)) filed.set(r.nodeId, new Set());
    filed.get(r.nodeId)!.add(r.publicationId);
  }
  const count = (n: CatalogueTreeNode): { node: CountedNode; ids: Set<number> } => {
    const mine = new Set(filed.get(n.id) ?? []);
    const children = n.children.map(count);
    for (const c of children) for (const id of c.ids) mine.add(id);
    return { node: { id: n.id, name: n.name, count: mine.size, children: children.map((c) => c.node) }, ids: mine };
  };
  return tree.map((n) => count(n).node);
}

function pathTo(nodes: CountedNode[], id: number): CountedNode[] | null {
  for (const n of nodes) {
    if (n.id === id) return [n];
    const below = pathTo(n.children, id);
    if (below) return [n, ...below];
  }
  return null;
}

export async function statutoryData(db: Db, kind: CatalogueKind, f: ListFilters) {
  const [tree, list, options] = await Promise.all([
    countedTree(db, { unitId: null, kind }), publishedList(db, { column: 'statutory', ...f }), filterOptions(db, 'statutory', f.unitId),
  ]);
  return { tree, list, options };
}

/** A catalogue node's page: where it sits, its sub-nodes with counts, the publications under it; null when there is no such node. */
export async function catalogueData(db: Db, nodeId: number, f: ListFilters) {
  const node = await repo.findNode(db, nodeId);
  if (!node) return null;
  const kind = node.kind as CatalogueKind;
  const [tree, unit] = await Promise.all([countedTree(db, { unitId: node.unitId, kind }), node.unitId !== null ? getUnit(db, node.unitId) : undefined]);
  const path = pathTo(tree, nodeId);
  if (!path) return null;
  const [list, options] = await Promise.all([publishedList(db, { nodeId, ...(node.unitId !== null ? { ...f, unitId: undefined } : f) }), filterOptions(db, undefined, f.unitId)]);
  return { node: path[path.length - 1]!, path, kind, unit: unit ? { id: unit.id, name: unit.name } : null, list, options };
}

export async function unitsData(db: Db) {
  const [units, counts] = await Promise.all([listUnits(db, { placeholder: false }), repo.publishedCountsByUnit(db)]);
  const groups: { label: string; units: { id: number; name: string; count: number }[] }[] = [];
  for (const u of units) {
    let g = groups.find((x) => x.label === u.kindLabel);
    if (!g) groups.push((g = { label: u.kindLabel, units: [] }));
    g.units.push({ id: u.id, name: u.name, count: counts.get(u.id) ?? 0 });
  }
  return { groups, total: units.length };
}

/** A unit's page; null for an unknown or placeholder unit. */
export async function unitData(db: Db, unitId: number, page: number) {
  const unit = await getUnit(db, unitId);
  if (!unit || unit.placeholder) return null;
  const [tree, guide, list] = await Promise.all([
    countedTree(db, { unitId, kind: 'basic' }), publishedList(db, { unitId, column: 'guide', page: 1, pageSize: 5 }), publishedList(db, { unitId, page }),
  ]);
  return { unit: { id: unit.id, name: unit.name }, tree, guide, list };
}

export interface PublicationDetail {
  publication: PublicationView;
  /** each filed node with the names of its ancestors, root first */
  nodePaths: { id: number; names: string[] }[];
  extras: DetailExtras;
}

/** A published publication with what its page shows; null when it is not (or no longer) public. */
export async function publicationData(db: Db, id: number): Promise<PublicationDetail | null> {
  if (!(await findPublishedPublication(db, id))) return null;
  const publication = await getPublication(db, anonymous, id);
  if (publication.state !== 'published') return null;
  const nodePaths = await Promise.all(publication.nodes.map(async (n) => {
    const names: string[] = [];
    let cur = await repo.findNode(db, n.id);
    for (let depth = 0; cur && depth < 10; depth++) {
      names.unshift(cur.name);
      cur = cur.parentId !== null ? await repo.findNode(db, cur.parentId) : undefined;
    }
    return { id: n.id, names };
  }));
  return { publication, nodePaths, extras: await detailExtensions(db, publication) };
}

export interface SearchPageQuery {
  q: string;
  kind?: SearchKind;
  unitId?: number;
  nodeId?: number;
  year?: number;
  validity?: string;
  page: number;
}

export async function searchData(db: Db, query: SearchPageQuery): Promise<{ result: SearchResult; unitNames: Map<number, string> }> {
  const result = await search(db, { ...query, pageSize: PAGE_SIZE });
  const ids = [...new Set(result.items.map((i) => i.unitId).filter((u): u is number => u !== null))];
  const names = ids.length ? await unitNames(db, ids) : new Map<number, { name: string }>();
  return { result, unitNames: new Map([...names].map(([k, v]) => [k, v.name])) };
}

/** The search form's options: units, years, and the government's basic catalogue flattened (plus the chosen node). */
export async function searchOptions(db: Db, nodeId?: number) {
  const [options, tree] = await Promise.all([filterOptions(db), getCatalogue(db, { unitId: null, kind: 'basic' })]);
  const nodes: { id: number; name: string; depth: number }[] = [];
  const walk = (ns: CatalogueTreeNode[], depth: number) => ns.forEach((n) => { nodes.push({ id: n.id, name: n.name, depth }); walk(n.children, depth + 1); });
  walk(tree, 0);
  if (nodeId && !nodes.some((n) => n.id === nodeId)) {
    const n = await repo.findNode(db, nodeId);
    if (n) nodes.unshift({ id: n.id, name: n.name, depth: 0 });
  }
  return { ...options, nodes };
}

/** The newest publications for the feeds. */
export async function feedItems(db: Db, count: number) {
  return (await listPublishedPublications(db, { page: 1, pageSize: count })).items;
}

export { exportPublished } from './portal.repository.ts';
