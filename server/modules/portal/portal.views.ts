/**
 * The public platform's HTML (政府信息公开平台): the frame with the four fixed columns as the main
 * navigation, and one render function per page. Pure: data in, HTML text out. Every value goes
 * through the `html` template (escaped); the only markup taken as-is is the publication body
 * (sanitised when it was saved) and the search service's highlighted title and snippet.
 */
import { html, SafeHtml } from '../../platform/html.ts';
import { page } from '../../platform/site.ts';
import { VALIDITY_LABELS } from '../normative/index.ts';
import { CATALOGUE_KINDS, PLATFORM_COLUMNS, PUBLICATION_KINDS, type CatalogueKind, type PlatformColumn } from '../publications/index.ts';
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchResult } from '../search/index.ts';
import type { CountedNode, FilterOptions, ListedPublication, PublicationDetail, PublicationList } from './portal.service.ts';

export const COLUMN_PATHS: Record<PlatformColumn, string> = {
  guide: '/portal/guide', rules: '/portal/rules', statutory: '/portal/statutory', annualReport: '/portal/annual-reports',
};

const COLUMN_NOTES: Record<PlatformColumn, string> = {
  guide: '各单位政府信息公开的范围、方式、途径，依申请公开的受理机构、办理流程和救济途径。',
  rules: '政府信息公开的工作制度：发布审查、保密审查、发布协调、监督考核等。',
  statutory: '《中华人民共和国政府信息公开条例》规定应当主动公开的政府信息，按主动公开目录分类。',
  annualReport: '各单位年度政府信息公开工作报告。',
};

/** The other sections of the platform (some built by other modules) and 依申请公开. */
export const PORTAL_SECTIONS: { href: string; label: string }[] = [
  { href: '/portal/normative', label: '行政规范性文件' },
  { href: '/portal/gazette', label: '政府公报' },
  { href: '/portal/interpretations', label: '政策解读' },
  { href: '/portal/decisions', label: '重大行政决策' },
  { href: '/portal/consultations', label: '意见征集' },
  { href: '/portal/inspections', label: '督查整改' },
  { href: '/portal/evaluations', label: '考核评价' },
  { href: '/apply', label: '依申请公开' },
  { href: '/track', label: '申请进度查询' },
];

export const PORTAL_CSS = `
header.site{padding-bottom:0}
.gk-top{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;align-items:baseline;max-width:60rem;margin:0 auto}
.gk-top .brand{font-size:1.15rem;margin-right:auto}
.gk-top a:not(.brand){font-weight:400}
.gk-columns{background:#7a1212;margin:.6rem -1rem 0}
.gk-columns ul{list-style:none;margin:0 auto;padding:0 .5rem;display:flex;flex-wrap:wrap;max-width:60rem}
.gk-columns a{display:block;padding:.55rem .75rem}
.gk-columns a[aria-current]{background:#fff;color:#7a1212}
.gk-crumbs ol{list-style:none;margin:.2rem 0 .4rem;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .4rem;font-size:.92rem}
.gk-crumbs li+li::before{content:"›";margin-right:.4rem;color:#4a4a4a}
.gk-pubs{list-style:none;padding:0;margin:.5rem 0}
.gk-pubs li{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.5rem .8rem;margin:.4rem 0}
.gk-pubs li p{margin:.15rem 0}
.gk-pubs .t{font-weight:600}
.gk-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
.gk-filters p{margin:0}
.gk-filters label{display:block;font-size:.92rem}
select,input[type=search],input[type=text]{padding:.4rem;font-size:1rem;max-width:100%;border:1px solid #767676;border-radius:4px;background:#fff}
button{padding:.45rem 1.2rem;font-size:1rem;border:1px solid #7a1212;border-radius:4px;background:#9f1c1c;color:#fff;cursor:pointer}
.gk-q{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.gk-q input{flex:1 1 14rem;min-width:0}
.gk-pager{display:flex;flex-wrap:wrap;gap:.3rem .9rem;margin:1rem 0;align-items:baseline}
.gk-pager [aria-current]{font-weight:700}
.gk-tree{list-style:none;padding:0;margin:.4rem 0}
.gk-tree>li{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.45rem .8rem;margin:.35rem 0}
.gk-tree ul{list-style:none;padding:0;margin:.2rem 0 0;display:flex;flex-wrap:wrap;gap:.15rem 1.1rem}
.gk-tree ul ul{display:block;padding-left:1rem}
.gk-tree>li>a{font-weight:600}
.gk-count{color:#4a4a4a;font-size:.9rem}
.gk-tabs{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0;padding:0;list-style:none}
.gk-tabs a{display:block;padding:.35rem .8rem;border:1px solid #9f1c1c;border-radius:4px;text-decoration:none}
.gk-tabs a[aria-current]{background:#9f1c1c;color:#fff}
.gk-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.6rem;list-style:none;padding:0}
.gk-cards li{background:#fff;border:1px solid #d6d6d6;border-top:3px solid #9f1c1c;border-radius:6px;padding:.6rem .8rem}
.gk-cards a{font-weight:600;font-size:1.05rem}
.gk-cards p{margin:.3rem 0 0;font-size:.92rem;color:#333}
.gk-links{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0}
.gk-meta{display:grid;grid-template-columns:6.5em minmax(0,1fr) 6.5em minmax(0,1fr);margin:.8rem 0;background:#fff;border:1px solid #c8c8c8;border-bottom:0}
.gk-meta dt,.gk-meta dd{margin:0;padding:.4rem .6rem;border-bottom:1px solid #c8c8c8;overflow-wrap:anywhere}
.gk-meta dt{background:#f3f3f3;font-weight:600}
.gk-meta .wide{grid-column:2 / -1}
.gk-body{background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.6rem 1rem;overflow-wrap:anywhere}
.gk-body img{max-width:100%;height:auto}
.gk-body table{display:block;overflow-x:auto}
.gk-alert{border:2px solid #a00000;color:#a00000;background:#fff;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
.gk-results{padding-left:1.6rem}
.gk-results li{margin:.7rem 0}
.gk-results .snip{margin:.2rem 0;color:#1f1f1f}
mark{background:#ffe58f;color:#000;padding:0 .05em}
.gk-grouped{columns:16rem;column-gap:1.5rem;padding-left:1.2rem}
@media (max-width:600px){.gk-meta{grid-template-columns:5.5em minmax(0,1fr)}.gk-meta .wide{grid-column:auto}.gk-columns a{padding:.5rem .55rem}}
`;

export type PortalSection = PlatformColumn | 'home' | 'search' | 'units' | null;

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * A page of the platform: the site frame with the platform's navigation (the four columns as the
 * main menu) and its stylesheet. Other modules' /portal/* pages may use it too.
 */
export function portalPage(title: string, body: SafeHtml, opts: { current?: PortalSection; crumbs?: Crumb[]; head?: SafeHtml } = {}): string {
  const cur = (c: PortalSection) => (opts.current === c ? html` aria-current="page"` : '');
  const nav = html`<nav aria-label="网站导航" class="gk-top"><a class="brand" href="/portal"${cur('home')}>政府信息公开</a>
<a href="/portal/search"${cur('search')}>检索</a><a href="/portal/units"${cur('units')}>公开单位</a><a href="/apply">依申请公开</a><a href="/">平台首页</a></nav>
<nav aria-label="政府信息公开栏目" class="gk-columns"><ul>${(Object.keys(PLATFORM_COLUMNS) as PlatformColumn[]).map((c) => html`<li><a href="${COLUMN_PATHS[c]}"${cur(c)}>${PLATFORM_COLUMNS[c]}</a></li>`)}</ul></nav>`;
  const crumbs = opts.crumbs?.length ? html`<nav aria-label="当前位置" class="gk-crumbs"><ol><li><a href="/portal">政府信息公开</a></li>${opts.crumbs.map((c, i) =>
    html`<li>${c.href && i < opts.crumbs!.length - 1 ? html`<a href="${c.href}">${c.label}</a>` : html`<span${i === opts.crumbs!.length - 1 ? html` aria-current="page"` : ''}>${c.label}</span>`}</li>`)}</ol></nav>` : '';
  return page(title, html`${crumbs}${body}`, { nav, head: html`<link rel="stylesheet" href="/portal/assets/portal.css">${opts.head ?? ''}` });
}

export function notFoundPage(what = '您要查看的政府信息'): string {
  return portalPage('未找到', html`<h1>未找到</h1>
<p>${what}不存在、尚未发布或已撤回。</p>
<ul class="gk-links"><li><a href="/portal">返回政府信息公开平台</a></li><li><a href="/portal/search">检索政府信息</a></li><li><a href="/apply">申请政府信息公开</a></li></ul>`);
}

// ---- components ----

/** A query string (without empty values) appended to a path. */
export function link(path: string, params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

function kindNote(kind: string): string {
  return kind !== 'general' ? ((PUBLICATION_KINDS as Record<string, string>)[kind] ?? '') : '';
}

export function pubList(items: ListedPublication[], empty = '暂无公开的信息。'): SafeHtml {
  if (!items.length) return html`<p class="meta">${empty}</p>`;
  return html`<ul class="gk-pubs">${items.map((p) => {
    const parts = [p.publisher || p.unitName, p.docNumber, p.publishedOn, kindNote(p.kind)].filter(Boolean);
    return html`<li><p class="t"><a href="/portal/publications/${p.id}">${p.title}</a></p><p class="meta">${parts.join(' · ')}</p></li>`;
  })}</ul>`;
}

export function pager(total: number, pageNo: number, pageSize: number, to: (p: number) => string): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  const nums: number[] = [];
  for (let p = Math.max(1, pageNo - 2); p <= Math.min(pages, pageNo + 2); p++) nums.push(p);
  return html`<nav aria-label="分页" class="gk-pager">
${pageNo > 1 ? html`<a rel="prev" href="${to(pageNo - 1)}">上一页</a>` : ''}
${nums[0]! > 1 ? html`<a href="${to(1)}">1</a>${nums[0]! > 2 ? html`<span aria-hidden="true">…</span>` : ''}` : ''}
${nums.map((p) => (p === pageNo ? html`<span aria-current="page">${p}</span>` : html`<a href="${to(p)}" aria-label="第 ${p} 页">${p}</a>`))}
${nums[nums.length - 1]! < pages ? html`${nums[nums.length - 1]! < pages - 1 ? html`<span aria-hidden="true">…</span>` : ''}<a href="${to(pages)}" aria-label="第 ${pages} 页">${pages}</a>` : ''}
${pageNo < pages ? html`<a rel="next" href="${to(pageNo + 1)}">下一页</a>` : ''}
<span class="meta">第 ${pageNo} / ${pages} 页</span></nav>`;
}

function select(id: string, label: string, name: string, options: [string | number, string][], value: string | number | undefined, anyLabel: string): SafeHtml {
  return html`<p><label for="${id}">${label}</label><select id="${id}" name="${name}"><option value="">${anyLabel}</option>
${options.map(([v, l]) => html`<option value="${v}"${String(v) === String(value ?? '') ? html` selected` : ''}>${l}</option>`)}</select></p>`;
}

export interface FilterValues {
  unitId?: number;
  year?: number;
  kind?: string;
}

/** GET form with the unit, year (and kind) filters. */
function filterForm(action: string, label: string, options: FilterOptions, v: FilterValues, opts: { unit?: boolean; kind?: boolean; extra?: SafeHtml } = {}): SafeHtml {
  const units = [...options.units];
  if (v.unitId && !units.some((u) => u.id === v.unitId)) units.unshift({ id: v.unitId, name: `单位 ${v.unitId}` });
  const years = [...options.years];
  if (v.year && !years.includes(v.year)) years.unshift(v.year);
  return html`<form method="get" action="${action}" class="gk-filters" aria-label="${label}">
${opts.unit !== false ? select('f-unit', '发布单位', 'unit', units.map((u) => [u.id, u.name]), v.unitId, '全部单位') : ''}
${select('f-year', '发布年份', 'year', years.map((y) => [y, `${y}年`]), v.year, '全部年份')}
${opts.kind ? select('f-kind', '信息类别', 'kind', Object.entries(PUBLICATION_KINDS), v.kind, '全部类别') : ''}
${opts.extra ?? ''}<p><button type="submit">筛选</button></p></form>`;
}

function total(list: PublicationList): SafeHtml {
  return html`<p class="meta">共 ${list.total} 条</p>`;
}

function tree(nodes: CountedNode[]): SafeHtml {
  const item = (n: CountedNode): SafeHtml => html`<li><a href="/portal/catalogue/${n.id}">${n.name}</a> <span class="gk-count">（${n.count}）</span>${n.children.length ? html`<ul>${n.children.map(item)}</ul>` : ''}</li>`;
  return nodes.length ? html`<ul class="gk-tree">${nodes.map(item)}</ul>` : html`<p class="meta">目录尚未建立。</p>`;
}

function searchBox(q = '', label = '检索政府信息'): SafeHtml {
  return html`<form method="get" action="/portal/search" role="search" aria-label="${label}">
<p class="gk-q"><label for="home-q">检索政府信息</label><input id="home-q" name="q" type="search" value="${q}" maxlength="100" placeholder="标题、正文关键词或文号"><button type="submit">检索</button></p></form>`;
}

// ---- pages ----

export function homeView(d: { latest: PublicationList; counts: Map<string, number> }, feeds: SafeHtml): string {
  const columns = Object.keys(PLATFORM_COLUMNS) as PlatformColumn[];
  return portalPage('政府信息公开', html`<h1>政府信息公开</h1>
${searchBox()}
<h2>公开栏目</h2>
<ul class="gk-cards">${columns.map((c) => html`<li><a href="${COLUMN_PATHS[c]}">${PLATFORM_COLUMNS[c]}</a> <span class="gk-count">（${d.counts.get(c) ?? 0}）</span><p>${COLUMN_NOTES[c]}</p></li>`)}</ul>
<h2>最新公开</h2>
${pubList(d.latest.items)}
<h2>专题栏目</h2>
<ul class="gk-links">${PORTAL_SECTIONS.map((s) => html`<li><a href="${s.href}">${s.label}</a></li>`)}<li><a href="/portal/units">各单位公开目录</a></li><li><a href="/progress">重点工作落实情况</a></li></ul>
<h2>开放数据与订阅</h2>
<ul class="gk-links"><li><a href="/portal/open-data/publications.json">政府信息目录数据（JSON）</a></li><li><a href="/portal/feed.atom" type="application/atom+xml">Atom 订阅</a></li><li><a href="/portal/feed.rss" type="application/rss+xml">RSS 订阅</a></li></ul>`,
  { current: 'home', head: feeds });
}

export function columnView(column: PlatformColumn, d: { list: PublicationList; options: FilterOptions }, f: FilterValues, pageSize: number, extra?: SafeHtml): string {
  const path = COLUMN_PATHS[column];
  const title = PLATFORM_COLUMNS[column];
  return portalPage(title, html`<h1>${title}</h1>
<p class="meta">${COLUMN_NOTES[column]}</p>
${filterForm(path, `筛选${title}`, d.options, f)}
${extra ?? ''}
${total(d.list)}
${pubList(d.list.items, '没有符合条件的信息。')}
${pager(d.list.total, d.list.page, pageSize, (p) => link(path, { unit: f.unitId, year: f.year, page: p }))}`,
  { current: column, crumbs: [{ label: title }] });
}

export function statutoryView(kind: CatalogueKind, d: { tree: CountedNode[]; list: PublicationList; options: FilterOptions }, f: FilterValues, pageSize: number): string {
  const title = PLATFORM_COLUMNS.statutory;
  const tab = (k: CatalogueKind) => html`<li><a href="${link('/portal/statutory', { tree: k === 'basic' ? undefined : k })}"${k === kind ? html` aria-current="page"` : ''}>${CATALOGUE_KINDS[k]}</a></li>`;
  return portalPage(title, html`<h1>${title}</h1>
<p class="meta">${COLUMN_NOTES.statutory}</p>
<nav aria-label="目录类型"><ul class="gk-tabs">${tab('basic')}${tab('standard')}</ul></nav>
<h2>${kind === 'standard' ? '基层政务公开标准目录（试点领域）' : '主动公开基本目录'}</h2>
${kind === 'standard' ? html`<p class="meta">按基层政务公开标准化规范化试点的 26 个领域分类；括号内为已公开的信息条数。</p>` : html`<p class="meta">括号内为该目录及其下级目录中已公开的信息条数。各单位的目录见<a href="/portal/units">公开单位</a>。</p>`}
${tree(d.tree)}
<h2>法定主动公开内容一览</h2>
${filterForm('/portal/statutory', '筛选法定主动公开内容', d.options, f, { kind: true, extra: kind === 'standard' ? html`<input type="hidden" name="tree" value="standard">` : undefined })}
${total(d.list)}
${pubList(d.list.items, '没有符合条件的信息。')}
${pager(d.list.total, d.list.page, pageSize, (p) => link('/portal/statutory', { tree: kind === 'basic' ? undefined : kind, unit: f.unitId, year: f.year, kind: f.kind, page: p }))}`,
  { current: 'statutory', crumbs: [{ label: title }] });
}

export function catalogueView(d: { node: CountedNode; path: CountedNode[]; kind: CatalogueKind; unit: { id: number; name: string } | null; list: PublicationList; options: FilterOptions }, f: FilterValues, pageSize: number): string {
  const crumbs: { label: string; href?: string }[] = d.unit
    ? [{ label: '公开单位', href: '/portal/units' }, { label: d.unit.name, href: `/portal/units/${d.unit.id}` }]
    : [{ label: PLATFORM_COLUMNS.statutory, href: link('/portal/statutory', { tree: d.kind === 'basic' ? undefined : d.kind }) }];
  for (const n of d.path) crumbs.push({ label: n.name, href: `/portal/catalogue/${n.id}` });
  const self = `/portal/catalogue/${d.node.id}`;
  const title = d.path.map((n) => n.name).join(' › ');
  return portalPage(d.node.name, html`<h1>${d.node.name}</h1>
<p class="meta">${d.unit ? `${d.unit.name} · ` : ''}${CATALOGUE_KINDS[d.kind]}：${title}</p>
${d.node.children.length ? html`<nav aria-label="下级目录"><h2>下级目录</h2><ul class="gk-links">${d.node.children.map((c) => html`<li><a href="/portal/catalogue/${c.id}">${c.name}</a> <span class="gk-count">（${c.count}）</span></li>`)}</ul></nav>` : ''}
<h2>本目录的政府信息</h2>
${filterForm(self, `筛选${d.node.name}中的信息`, d.options, f, { unit: !d.unit, kind: true })}
${total(d.list)}
${pubList(d.list.items, '本目录下没有符合条件的信息。')}
${pager(d.list.total, d.list.page, pageSize, (p) => link(self, { unit: f.unitId, year: f.year, kind: f.kind, page: p }))}`,
  { current: d.unit ? 'units' : 'statutory', crumbs });
}

export function unitsView(d: { groups: { label: string; units: { id: number; name: string; count: number }[] }[]; total: number }): string {
  return portalPage('公开单位', html`<h1>公开单位</h1>
<p class="meta">共 ${d.total} 个单位。每个单位的页面有它的政府信息公开指南、主动公开目录和最新公开的信息；括号内为已公开的信息条数。</p>
${d.groups.map((g) => html`<h2>${g.label}</h2><ul class="gk-grouped">${g.units.map((u) => html`<li><a href="/portal/units/${u.id}">${u.name}</a> <span class="gk-count">（${u.count}）</span></li>`)}</ul>`)}`,
  { current: 'units', crumbs: [{ label: '公开单位' }] });
}

export function unitView(d: { unit: { id: number; name: string }; tree: CountedNode[]; guide: PublicationList; list: PublicationList }, pageSize: number): string {
  const u = d.unit;
  return portalPage(u.name, html`<h1>${u.name}</h1>
<ul class="gk-links"><li><a href="${link('/portal/guide', { unit: u.id })}">政府信息公开指南</a></li><li><a href="${link('/portal/rules', { unit: u.id })}">政府信息公开制度</a></li>
<li><a href="${link('/portal/annual-reports', { unit: u.id })}">政府信息公开年报</a></li><li><a href="${link('/portal/statutory', { unit: u.id })}">法定主动公开内容</a></li><li><a href="/apply">依申请公开</a></li></ul>
<h2>政府信息公开指南</h2>
${pubList(d.guide.items, '本单位尚未发布政府信息公开指南。')}
<h2>主动公开目录</h2>
${tree(d.tree)}
<h2>最新公开的信息</h2>
${total(d.list)}
${pubList(d.list.items)}
${pager(d.list.total, d.list.page, pageSize, (p) => link(`/portal/units/${u.id}`, { page: p }))}`,
  { current: 'units', crumbs: [{ label: '公开单位', href: '/portal/units' }, { label: u.name }] });
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function publicationView(d: PublicationDetail): string {
  const p = d.publication;
  const column = p.platformColumn as PlatformColumn;
  const columnLabel = PLATFORM_COLUMNS[column] ?? p.platformColumn;
  const dash = '—';
  const nodes = d.nodePaths.length
    ? d.nodePaths.map((n, i) => html`${i ? '；' : ''}<a href="/portal/catalogue/${n.id}">${n.names.join(' › ')}</a>`)
    : dash;
  const reg = d.extras.registration;
  return portalPage(p.title, html`<h1>${p.title}</h1>
<dl class="gk-meta" aria-label="信息属性">
<dt>索引号</dt><dd>${p.indexNumber ?? dash}</dd>
<dt>发布机构</dt><dd><a href="/portal/units/${p.unitId}">${p.publisher}</a></dd>
<dt>成文日期</dt><dd>${p.writtenOn ?? dash}</dd>
<dt>发布日期</dt><dd>${p.publishedOn ?? dash}</dd>
<dt>文号</dt><dd>${p.docNumber ?? dash}</dd>
<dt>主题分类</dt><dd>${p.topic ?? dash}</dd>
<dt>信息类别</dt><dd>${(PUBLICATION_KINDS as Record<string, string>)[p.kind] ?? p.kind}</dd>
<dt>所属栏目</dt><dd><a href="${COLUMN_PATHS[column] ?? '/portal'}">${columnLabel}</a></dd>
<dt>所属目录</dt><dd class="wide">${nodes}</dd>
</dl>
${reg ? html`<h2>规范性文件登记信息</h2><dl class="gk-meta" aria-label="规范性文件登记信息">${reg.rows.map((r) => html`<dt>${r.label}</dt><dd>${r.href ? html`<a href="${r.href}">${r.value}</a>` : r.value}</dd>`)}</dl>` : ''}
<h2>正文</h2>
<div class="gk-body">${p.bodyHtml ? new SafeHtml(p.bodyHtml) : html`<p class="meta">（正文见附件）</p>`}</div>
${p.attachments.length ? html`<h2>附件</h2><ul>${p.attachments.map((a) => html`<li><a href="/api/v1/publications/${p.id}/attachments/${a.id}">${a.fileName}</a> <span class="meta">（${size(a.size)}）</span></li>`)}</ul>` : ''}
${d.extras.interpretations.length ? html`<h2>相关解读</h2><ul class="gk-pubs">${d.extras.interpretations.map((i) => html`<li><p class="t"><a href="${i.url}">${i.title}</a></p><p class="meta">${[i.formLabel, i.unitName, i.publishedOn].filter(Boolean).join(' · ')}</p></li>`)}</ul>` : ''}
<p class="meta"><a href="/portal/units/${p.unitId}">${p.unitName}的其他公开信息</a> · <a href="${COLUMN_PATHS[column] ?? '/portal'}">${columnLabel}</a></p>`,
  { current: column in PLATFORM_COLUMNS ? column : null, crumbs: [{ label: columnLabel, href: COLUMN_PATHS[column] ?? '/portal' }, { label: p.title }] });
}

export interface SearchForm {
  q?: string;
  kind?: string;
  unit?: string;
  year?: string;
  validity?: string;
  node?: string;
}

function safeUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '#';
}

export function searchView(
  form: SearchForm,
  options: FilterOptions & { nodes: { id: number; name: string; depth: number }[] },
  outcome: { error?: string; result?: SearchResult; unitNames?: Map<number, string> },
  pageSize: number,
): string {
  const r = outcome.result;
  const pageLink = (p: number) => link('/portal/search', { q: form.q, kind: form.kind, unit: form.unit, year: form.year, validity: form.validity, node: form.node, page: p });
  const years = [...options.years];
  if (form.year && /^\d{4}$/.test(form.year) && !years.includes(Number(form.year))) years.unshift(Number(form.year));
  const body = html`<h1>检索政府信息</h1>
${outcome.error ? html`<div role="alert" class="gk-alert"><strong>无法检索：</strong>${outcome.error}</div>` : ''}
<form method="get" action="/portal/search" role="search" aria-label="检索政府信息">
<p class="gk-q"><label for="s-q">检索词</label><input id="s-q" name="q" type="search" value="${form.q ?? ''}" maxlength="100" placeholder="标题、正文关键词，或文号如 嘉政办发〔2020〕36号"${outcome.error ? html` aria-invalid="true"` : ''}><button type="submit">检索</button></p>
<div class="gk-filters">
${select('s-kind', '类别', 'kind', SEARCH_KINDS.map((k) => [k, SEARCH_KIND_LABELS[k]]), form.kind, '全部类别')}
${select('s-unit', '发布单位', 'unit', options.units.map((u) => [u.id, u.name]), form.unit, '全部单位')}
${select('s-year', '年份', 'year', years.map((y) => [y, `${y}年`]), form.year, '全部年份')}
${select('s-validity', '有效性', 'validity', Object.entries(VALIDITY_LABELS), form.validity, '不限')}
${select('s-node', '主动公开目录', 'node', options.nodes.map((n) => [n.id, `${'　'.repeat(n.depth)}${n.name}`]), form.node, '全部目录')}
</div></form>
${r ? html`<h2>检索结果</h2>
<p class="meta" role="status">${r.exactDocNumber ? html`按文号“${r.exactDocNumber}”精确查找，` : ''}${r.totalCapped ? html`找到超过 ${r.total} 条结果` : html`找到 ${r.total} 条结果`}${r.total ? html`，按相关度排序` : ''}。</p>
${r.items.length ? html`<ol class="gk-results" start="${(r.page - 1) * r.pageSize + 1}">${r.items.map((i) => {
    const parts = [SEARCH_KIND_LABELS[i.kind] ?? i.kind, i.unitId !== null ? outcome.unitNames?.get(i.unitId) : null, i.publishedOn, i.docNumber,
      i.validity ? (VALIDITY_LABELS as Record<string, string>)[i.validity] ?? i.validity : null].filter(Boolean);
    return html`<li><a href="${safeUrl(i.url)}" class="t">${new SafeHtml(i.titleHtml)}</a>
${i.snippetHtml ? html`<p class="snip">${new SafeHtml(i.snippetHtml)}</p>` : ''}<p class="meta">${parts.join(' · ')}</p></li>`;
  })}</ol>` : html`<p>没有找到相关的信息。可以换个说法、减少检索词或去掉筛选条件再试；也可以<a href="/apply">申请政府信息公开</a>。</p>`}
${pager(Math.min(r.total, 500 * pageSize), r.page, pageSize, pageLink)}` : ''}`;
  return portalPage(form.q ? `检索：${form.q}` : '检索政府信息', body, { current: 'search', crumbs: [{ label: '检索' }] });
}
