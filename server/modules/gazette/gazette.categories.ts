/**
 * The gazette's fixed vocabulary: its 栏目 (categories, in the order a table of contents shows
 * them) and the issue states. Keep every list here, nowhere else.
 */

/** 栏目: the section of an issue a document is printed under, in table-of-contents order. */
export const GAZETTE_CATEGORIES = ['市政府文件', '市政府办公室文件', '部门文件', '人事任免', '其他'] as const;
export type GazetteCategory = (typeof GAZETTE_CATEGORIES)[number];

export const GAZETTE_STATES = { draft: '草稿', published: '已发布' } as const;
export type GazetteState = keyof typeof GAZETTE_STATES;

/**
 * 主题分类 suggested for documents (the State Council's subject classification of official
 * documents); the topic stays free text, these are what the workbench offers first.
 */
export const GAZETTE_TOPIC_SUGGESTIONS = [
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通', '商贸、海关、旅游',
  '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版', '卫生、体育', '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务', '港澳台侨工作', '国防', '其他',
] as const;

/** 2020年第3期（总第315期） */
export function issueLabel(issue: { year: number; number: number; totalNumber: number | null }): string {
  return `${issue.year}年第${issue.number}期${issue.totalNumber ? `（总第${issue.totalNumber}期）` : ''}`;
}

/** The public page of a gazette document (also its search-index url). */
export function articleUrl(id: number): string {
  return `/portal/gazette/articles/${id}`;
}

export function issueUrl(issue: { year: number; number: number }): string {
  return `/portal/gazette/${issue.year}/${issue.number}`;
}
