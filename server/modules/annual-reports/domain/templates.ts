/**
 * The national templates of the 政府信息公开工作年度报告, as data: the 2019 (试行) format
 * (国办公开办函〔2019〕60号, for report years 2019 and 2020) and the 2021 format (国办公开办函〔2021〕30号,
 * from report year 2021). Every heading, table, row and column label is the template's, character
 * for character (full-width brackets, “ ” quotes, 、); template.test.ts compares them with the
 * labels copied from the project's reference (test/fixtures/annual-report-template-labels.txt).
 *
 * The two versions share the six section headings, table 三's header and columns, every table 三
 * row except （六）其他处理 (one data row in 2019, a group of three in 2021), and table 四. Table 二
 * differs completely. Rows of table 三 have stable keys, the same in both versions where the label
 * is the same; the outcome rows use the outcome codes of the requests module
 * (requests/domain/outcomes.ts), so a report can be counted from case data.
 */

export type TemplateVersion = 'v2019' | 'v2021';
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = ['v2019', 'v2021'];

/** How a version is named to people. */
export const TEMPLATE_NAMES: Readonly<Record<TemplateVersion, string>> = {
  v2019: '2019年版（试行）格式（国办公开办函〔2019〕60号）',
  v2021: '2021年版格式（国办公开办函〔2021〕30号）',
};

/** The six section headings, the same in both versions. */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

// ---------------------------------------------------------------------------------------------
// Table 二: 主动公开政府信息情况

/** The first header cell of every sub-table of table 二. */
export const TABLE2_CONTENT_LABEL = '信息内容';

/** One sub-table of table 二: the 条例 Art. 20 item, its value columns (after 信息内容) and rows. */
export interface Table2SubTable {
  /** e.g. 第二十条第（一）项 */
  item: string;
  /** The value columns' labels, after 信息内容 */
  columns: readonly string[];
  rows: readonly string[];
}

const TABLE2_V2019: readonly Table2SubTable[] = [
  { item: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: ['规章', '规范性文件'] },
  { item: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政许可', '其他对外管理服务事项'] },
  { item: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政处罚', '行政强制'] },
  { item: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: ['行政事业性收费'] },
  { item: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: ['政府集中采购'] },
];

const TABLE2_V2021: readonly Table2SubTable[] = [
  { item: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: ['规章', '行政规范性文件'] },
  { item: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: ['行政许可'] },
  { item: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
  { item: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: ['行政事业性收费'] },
];

// ---------------------------------------------------------------------------------------------
// Table 三: 收到和处理政府信息公开申请情况

/** The note in the top-left block of table 三's header (3 columns × 3 rows). */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The 7 value columns of table 三, in order. */
export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** Index of the 总计 column. */
export const TABLE3_TOTAL_COLUMN = 6;
/** The five columns under 法人或其他组织 (there is no subtotal column for them). */
export const TABLE3_ORGANISATION_COLUMNS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;

/** A header cell with its spans, for rendering the template. */
export interface HeaderCell {
  label: string;
  colspan?: number;
  rowspan?: number;
}

/** Table 三's 3-row header. The top-left block spans the 3 label columns. */
export const TABLE3_HEADER: readonly (readonly HeaderCell[])[] = [
  [{ label: TABLE3_NOTE, colspan: 3, rowspan: 3 }, { label: '申请人情况', colspan: 7 }],
  [{ label: '自然人', rowspan: 2 }, { label: '法人或其他组织', colspan: 5 }, { label: '总计', rowspan: 2 }],
  TABLE3_ORGANISATION_COLUMNS.map((label) => ({ label })),
];

/** What a data row of table 三 counts. */
export type Table3Role = 'received' | 'carriedOver' | 'outcome' | 'total' | 'carriedForward';

/** A data row of table 三 (7 numbers). */
export interface Table3Row {
  /** Stable key: received, carriedOver, the outcome codes of requests/domain/outcomes.ts, total, carriedForward; `other` is the 2019 format's single （六）其他处理 row */
  key: string;
  /** The label as printed */
  label: string;
  role: Table3Role;
  /** The group labels it is printed under, outermost first (row-spanning cells, not data rows) */
  groups: readonly string[];
}

/** Group labels of table 三: row-spanning label cells that are not data rows and have no subtotal. */
export const TABLE3_RESULTS_GROUP = '三、本年度办理结果';
export const TABLE3_GROUP_WITHHELD = '（三）不予公开';
export const TABLE3_GROUP_UNABLE = '（四）无法提供';
export const TABLE3_GROUP_NO_ACTION = '（五）不予处理';
export const TABLE3_GROUP_OTHER = '（六）其他处理';

const R = TABLE3_RESULTS_GROUP;
const row = (key: string, label: string, role: Table3Role, ...groups: string[]): Table3Row => ({ key, label, role, groups });

const TABLE3_HEAD_ROWS: readonly Table3Row[] = [
  row('received', '一、本年新收政府信息公开申请数量', 'received'),
  row('carriedOver', '二、上年结转政府信息公开申请数量', 'carriedOver'),
  row('disclosed', '（一）予以公开', 'outcome', R),
  row('partlyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'outcome', R),
  row('withheld.stateSecret', '1.属于国家秘密', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.prohibitedByLaw', '2.其他法律行政法规禁止公开', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.securityStability', '3.危及“三安全一稳定”', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.thirdPartyRights', '4.保护第三方合法权益', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.internalAffairs', '5.属于三类内部事务信息', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.processInformation', '6.属于四类过程性信息', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.enforcementFiles', '7.属于行政执法案卷', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('withheld.administrativeQuery', '8.属于行政查询事项', 'outcome', R, TABLE3_GROUP_WITHHELD),
  row('unable.notHeld', '1.本机关不掌握相关政府信息', 'outcome', R, TABLE3_GROUP_UNABLE),
  row('unable.needsCreation', '2.没有现成信息需要另行制作', 'outcome', R, TABLE3_GROUP_UNABLE),
  row('unable.unclearAfterCorrection', '3.补正后申请内容仍不明确', 'outcome', R, TABLE3_GROUP_UNABLE),
  row('noAction.petition', '1.信访举报投诉类申请', 'outcome', R, TABLE3_GROUP_NO_ACTION),
  row('noAction.repeated', '2.重复申请', 'outcome', R, TABLE3_GROUP_NO_ACTION),
  row('noAction.publication', '3.要求提供公开出版物', 'outcome', R, TABLE3_GROUP_NO_ACTION),
  row('noAction.excessive', '4.无正当理由大量反复申请', 'outcome', R, TABLE3_GROUP_NO_ACTION),
  row('noAction.confirmation', '5.要求行政机关确认或重新出具已获取信息', 'outcome', R, TABLE3_GROUP_NO_ACTION),
];
const TABLE3_OTHER_V2019: readonly Table3Row[] = [row('other', '（六）其他处理', 'outcome', R)];
const TABLE3_OTHER_V2021: readonly Table3Row[] = [
  row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'outcome', R, TABLE3_GROUP_OTHER),
  row('other.feeNotPaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'outcome', R, TABLE3_GROUP_OTHER),
  row('other.other', '3.其他', 'outcome', R, TABLE3_GROUP_OTHER),
];
const TABLE3_TAIL_ROWS: readonly Table3Row[] = [
  row('total', '（七）总计', 'total', R),
  row('carriedForward', '四、结转下年度继续办理', 'carriedForward'),
];

/** A line of table 三 as printed: a group label (spanning the rows below it) or a data row. */
export type Table3Line = { kind: 'group'; label: string; depth: number; rows: number } | ({ kind: 'data'; depth: number } & Table3Row);

// ---------------------------------------------------------------------------------------------
// Table 四: 政府信息公开行政复议、行政诉讼情况

/** The five outcome columns repeated in each group of table 四. */
export const TABLE4_OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** The three groups of five columns: 行政复议, then 行政诉讼's 未经复议直接起诉 and 复议后起诉. */
export const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
/** The top header row: 行政复议 (colspan 5) | 行政诉讼 (colspan 10). */
export const TABLE4_TOP = [{ label: '行政复议', colspan: 5 }, { label: '行政诉讼', colspan: 10 }] as const;
/** Indexes of the three 总计 columns among the 15. */
export const TABLE4_TOTAL_COLUMNS = [4, 9, 14] as const;

/** One of table 四's 15 columns. */
export interface Table4Column {
  /** 行政复议, 未经复议直接起诉 or 复议后起诉 */
  group: Table4Group;
  /** The top group: 行政复议 or 行政诉讼 */
  top: '行政复议' | '行政诉讼';
  label: (typeof TABLE4_OUTCOMES)[number];
}

export const TABLE4_COLUMNS: readonly Table4Column[] = TABLE4_GROUPS.flatMap((group) =>
  TABLE4_OUTCOMES.map((label) => ({ group, top: group === '行政复议' ? ('行政复议' as const) : ('行政诉讼' as const), label })),
);

/** Table 四's 3-row header with spans. */
export const TABLE4_HEADER: readonly (readonly HeaderCell[])[] = [
  [{ label: '行政复议', colspan: 5 }, { label: '行政诉讼', colspan: 10 }],
  [...TABLE4_OUTCOMES.map((label) => ({ label, rowspan: 2 })), { label: '未经复议直接起诉', colspan: 5 }, { label: '复议后起诉', colspan: 5 }],
  [...TABLE4_OUTCOMES, ...TABLE4_OUTCOMES].map((label) => ({ label })),
];

// ---------------------------------------------------------------------------------------------
// The templates

export interface AnnualReportTemplate {
  version: TemplateVersion;
  /** 国办公开办函〔2019〕60号 / 〔2021〕30号 */
  document: string;
  /** Report years it applies to: from, and to (null: open) */
  years: { from: number; to: number | null };
  sections: readonly string[];
  table2: readonly Table2SubTable[];
  table3: {
    note: string;
    header: readonly (readonly HeaderCell[])[];
    columns: readonly string[];
    /** Data rows in print order (23 in v2019, 25 in v2021) */
    rows: readonly Table3Row[];
    /** Group labels that are not data rows */
    groups: readonly string[];
    /** Every printed line: group labels and data rows, in order, with nesting depth */
    lines: readonly Table3Line[];
  };
  table4: { header: readonly (readonly HeaderCell[])[]; columns: readonly Table4Column[] };
}

function linesOf(rows: readonly Table3Row[]): Table3Line[] {
  const lines: Table3Line[] = [];
  const open: string[] = [];
  for (const r of rows) {
    let depth = 0;
    while (depth < open.length && open[depth] === r.groups[depth]) depth++;
    open.length = depth;
    for (let d = depth; d < r.groups.length; d++) {
      const label = r.groups[d] as string;
      lines.push({ kind: 'group', label, depth: d, rows: rows.filter((x) => x.groups[d] === label).length });
      open.push(label);
    }
    lines.push({ kind: 'data', depth: r.groups.length, ...r });
  }
  return lines;
}

function makeTemplate(version: TemplateVersion, document: string, years: { from: number; to: number | null }, table2: readonly Table2SubTable[], other: readonly Table3Row[]): AnnualReportTemplate {
  const rows = [...TABLE3_HEAD_ROWS, ...other, ...TABLE3_TAIL_ROWS];
  const lines = linesOf(rows);
  return Object.freeze({
    version,
    document,
    years,
    sections: SECTION_HEADINGS,
    table2,
    table3: {
      note: TABLE3_NOTE,
      header: TABLE3_HEADER,
      columns: TABLE3_COLUMNS,
      rows,
      groups: lines.filter((l) => l.kind === 'group').map((l) => l.label),
      lines,
    },
    table4: { header: TABLE4_HEADER, columns: TABLE4_COLUMNS },
  });
}

export const TEMPLATES: Readonly<Record<TemplateVersion, AnnualReportTemplate>> = {
  v2019: makeTemplate('v2019', '国办公开办函〔2019〕60号', { from: 2019, to: 2020 }, TABLE2_V2019, TABLE3_OTHER_V2019),
  v2021: makeTemplate('v2021', '国办公开办函〔2021〕30号', { from: 2021, to: null }, TABLE2_V2021, TABLE3_OTHER_V2021),
};

/** The template version of a report year: the 2019 format for 2019–2020, the 2021 format from 2021. */
export function templateVersionForYear(year: number): TemplateVersion | null {
  if (!Number.isInteger(year) || year < 2019) return null;
  return year <= 2020 ? 'v2019' : 'v2021';
}

/**
 * The template of a report year. Years before 2019 (the old 条例's reports had no national table
 * format) give null.
 */
export function templateForYear(year: number): AnnualReportTemplate | null {
  const v = templateVersionForYear(year);
  return v === null ? null : TEMPLATES[v];
}

/** A data row of table 三 by its key. */
export function table3Row(template: AnnualReportTemplate, key: string): Table3Row | undefined {
  return template.table3.rows.find((r) => r.key === key);
}

/** The labels of the data rows of table 三 under a group label (e.g. （三）不予公开). */
export function rowsInGroup(template: AnnualReportTemplate, group: string): readonly Table3Row[] {
  return template.table3.rows.filter((r) => r.groups.includes(group));
}
