/**
 * Demo data for a newcomer: 《嘉兴市人民政府公报》2020年第1–6期, five documents each, compiled and
 * published through the real service (audited, indexed). Titles, 文号 and dates are illustrative
 * demo content in the style of the real gazette, not copies of real documents; names of people are
 * made up (王某某). A document whose 文号 matches a published publication (the publications, normative
 * and interpretations demo data) is linked to it; other 文号 here are chosen not to collide with theirs.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { loadResolver } from '../directory/index.ts';
import type { GazetteCategory } from './gazette.categories.ts';
import * as svc from './gazette.service.ts';

interface DemoDoc {
  category: GazetteCategory;
  /** 发文机关 */
  by: string;
  /** directory name of the issuing unit, when it is one */
  unit?: string;
  doc?: string;
  title: string;
  topic: string;
  /** 成文日期 */
  on: string;
  /** the body; default: the covering notice of a 印发 document */
  body?: string;
}

const ADDRESSEES = '各县（市、区）人民政府，市政府各部门、各直属单位：';

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The usual covering notice: "现将《…》印发给你们". */
function coveringNotice(d: DemoDoc): string {
  const inner = /关于印发(.+)的通知$/.exec(d.title)?.[1];
  const lines = inner
    ? [ADDRESSEES, `现将《${inner}》印发给你们，请结合实际，认真贯彻执行。`]
    : [ADDRESSEES, `${d.title.replace(/^嘉兴市[^关]*关于/, '为').replace(/的(通知|意见|若干措施|实施意见)$/, '')}，现就有关事项通知如下。`,
      '一、提高思想认识，压实工作责任。', '二、突出工作重点，细化落实措施。', '三、加强督促检查，确保取得实效。'];
  return [...lines, d.by, chineseDate(d.on), '（此件公开发布）'].join('\n');
}

function appointments(by: string, on: string, names: [string, string][]): string {
  return [ADDRESSEES, '经研究决定：', ...names.map(([who, post]) => `任命${who}为${post}；`), '以上人员试用期一年。', by, chineseDate(on)].join('\n');
}

const GOV = '嘉兴市人民政府';
const GOV_OFFICE = '嘉兴市人民政府办公室';

const ISSUES: { number: number; totalNumber: number; publishedOn: string; docs: DemoDoc[] }[] = [
  { number: 1, totalNumber: 301, publishedOn: '2020-01-20', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕1号', title: '嘉兴市人民政府关于印发嘉兴市2020年国民经济和社会发展计划的通知', topic: '国民经济管理、国有资产监管', on: '2020-01-08' },
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕3号', title: '嘉兴市人民政府关于印发2020年市政府工作报告重点工作任务分解的通知', topic: '综合政务', on: '2020-01-14',
      body: [ADDRESSEES, '为全面完成市八届人大五次会议确定的目标任务，现将《2020年市政府工作报告重点工作任务分解》印发给你们，并提出如下要求。',
        '一、各牵头单位要会同责任单位制定具体工作方案，明确时间节点，于2月底前报市政府办公室。',
        '二、各责任单位要按季度报送工作进展，市政府办公室将加强跟踪督办，督办情况按规定向社会公开。',
        '三、重点工作任务完成情况纳入年度综合考核。', GOV, '2020年1月14日', '（此件公开发布）'].join('\n') },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕2号', title: '嘉兴市人民政府办公室关于做好2020年春节期间安全生产工作的通知', topic: '市场监管、安全生产监管', on: '2020-01-10' },
    { category: '部门文件', by: '嘉兴市财政局', unit: '市财政局', doc: '嘉财预〔2020〕5号', title: '嘉兴市财政局关于做好2020年市级部门预算执行工作的通知', topic: '财政、金融、审计', on: '2020-01-09' },
    { category: '人事任免', by: GOV, doc: '嘉政干〔2020〕1号', title: '嘉兴市人民政府关于王某某等同志职务任免的通知', topic: '劳动、人事、监察', on: '2020-01-16',
      body: appointments(GOV, '2020-01-16', [['王某某', '嘉兴市财政局副局长'], ['赵某某', '嘉兴市商务局副局长']]) },
  ] },
  { number: 2, totalNumber: 302, publishedOn: '2020-02-25', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕5号', title: '嘉兴市人民政府关于坚决打赢新冠肺炎疫情防控阻击战全力稳企业稳经济稳发展的若干意见', topic: '综合政务', on: '2020-02-10',
      body: [ADDRESSEES, '为深入贯彻落实党中央、国务院和省委、省政府关于新冠肺炎疫情防控工作的决策部署，统筹做好疫情防控和经济社会发展工作，提出如下意见。',
        '一、减轻企业负担。对受疫情影响的中小微企业减免房产税、城镇土地使用税，减半征收市属国有企业房屋租金。',
        '二、加大金融支持。推动银行机构对受疫情影响的企业不抽贷、不断贷、不压贷，新增普惠小微贷款利率下降0.5个百分点。',
        '三、稳定企业用工。实施阶段性减免企业社会保险费政策，对不裁员或少裁员的企业返还上年度实际缴纳失业保险费的50%。',
        '四、优化政务服务。涉企事项实行网上办、掌上办、延期办，确保企业复工复产审批“零跑腿”。', GOV, '2020年2月10日', '（此件公开发布）'].join('\n') },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕5号', title: '嘉兴市人民政府办公室关于应对新型冠状病毒感染的肺炎疫情支持中小微企业共渡难关的若干意见', topic: '国民经济管理、国有资产监管', on: '2020-02-10',
      body: [ADDRESSEES, '为全力支持中小微企业积极应对疫情影响、共渡难关，经市政府同意，提出如下意见。', '一、减轻企业负担。', '二、加大金融支持。', '三、稳定职工队伍。',
        '本意见有效期至2020年12月31日。', GOV_OFFICE, '2020年2月10日', '（此件公开发布）'].join('\n') },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕8号', title: '嘉兴市人民政府办公室关于做好企业复工复产疫情防控工作的通知', topic: '卫生、体育', on: '2020-02-16' },
    { category: '部门文件', by: '嘉兴市人力资源和社会保障局', unit: '市人力社保局', doc: '嘉人社发〔2020〕7号', title: '嘉兴市人力资源和社会保障局关于实施援企稳岗政策的通知', topic: '劳动、人事、监察', on: '2020-02-18' },
    { category: '部门文件', by: '嘉兴市卫生健康委员会', unit: '市卫生健康委', doc: '嘉卫发〔2020〕9号', title: '嘉兴市卫生健康委员会关于进一步加强发热门诊规范管理的通知', topic: '卫生、体育', on: '2020-02-20' },
  ] },
  { number: 3, totalNumber: 303, publishedOn: '2020-03-25', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕8号', title: '嘉兴市人民政府关于进一步促进民营经济高质量发展的若干意见', topic: '国民经济管理、国有资产监管', on: '2020-03-16',
      body: [ADDRESSEES, '为进一步激发民营经济活力，推动民营经济高质量发展，结合我市实际，提出如下意见。',
        '一、放宽市场准入。全面落实市场准入负面清单制度，清单之外的行业、领域、业务，各类市场主体皆可依法平等进入。',
        '二、降低经营成本。落实减税降费政策，规范涉企收费，工业用地可采取长期租赁、先租后让、弹性年期等方式供应。',
        '三、缓解融资难题。扩大政府性融资担保规模，对单户担保金额500万元以下的小微企业担保费率不超过1%。',
        '四、支持创新发展。对民营企业新认定的国家级研发机构给予一次性奖励，支持民营企业参与重大科技专项。',
        '五、构建亲清政商关系。建立市领导联系重点民营企业制度，畅通企业诉求反映渠道，涉企政策出台前听取企业意见。',
        GOV, '2020年3月16日', '（此件公开发布）'].join('\n') },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕12号', title: '嘉兴市人民政府办公室关于印发嘉兴市优化营商环境2020年行动方案的通知', topic: '综合政务', on: '2020-03-10' },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕15号', title: '嘉兴市人民政府办公室关于加快推进5G网络建设的实施意见', topic: '工业、交通', on: '2020-03-18' },
    { category: '部门文件', by: '嘉兴市自然资源和规划局', unit: '市自然资源和规划局', doc: '嘉自规发〔2020〕11号', title: '嘉兴市自然资源和规划局关于进一步优化工业项目用地审批服务的通知', topic: '国土资源、能源', on: '2020-03-12' },
    { category: '人事任免', by: GOV, doc: '嘉政干〔2020〕6号', title: '嘉兴市人民政府关于李某某等同志职务任免的通知', topic: '劳动、人事、监察', on: '2020-03-19',
      body: appointments(GOV, '2020-03-19', [['李某某', '嘉兴市交通运输局副局长'], ['孙某某', '嘉兴市统计局副局长']]) },
  ] },
  { number: 4, totalNumber: 304, publishedOn: '2020-04-24', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕10号', title: '嘉兴市人民政府关于实施“三线一单”生态环境分区管控的通知', topic: '城乡建设、环境保护', on: '2020-04-13' },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕19号', title: '嘉兴市人民政府办公室关于印发嘉兴市老旧小区改造三年行动计划（2020—2022年）的通知', topic: '城乡建设、环境保护', on: '2020-04-09' },
    { category: '部门文件', by: '嘉兴市教育局', unit: '市教育局', doc: '嘉教基〔2020〕12号', title: '嘉兴市2020年义务教育阶段学校招生入学工作实施意见', topic: '科技、教育', on: '2020-04-22',
      body: ['各县（市、区）教育局，市直属各学校：', '2020年义务教育阶段学校招生坚持免试就近入学原则。', '一、公办学校按学区划分招生，不得以任何形式的考试、测试选拔学生。',
        '二、民办学校与公办学校同步招生，报名人数超过招生计划的，实行电脑随机录取。', '三、招生政策、学区划分和录取结果按规定向社会公开，接受社会监督。',
        '嘉兴市教育局', '2020年4月22日'].join('\n') },
    { category: '部门文件', by: '嘉兴市农业农村局', unit: '市农业农村局', doc: '嘉农发〔2020〕15号', title: '嘉兴市农业农村局关于做好2020年春季农业生产工作的通知', topic: '农业、林业、水利', on: '2020-04-02' },
    { category: '部门文件', by: '嘉兴市自然资源和规划局', unit: '市自然资源和规划局', doc: '嘉自然资规〔2020〕3号', title: '嘉兴市自然资源和规划局关于进一步规范市区国有建设用地使用权出让管理的通知', topic: '国土资源、能源', on: '2020-04-15',
      body: ['各有关单位：', '为进一步规范市区国有建设用地使用权出让管理，提高土地利用效率，现就有关事项通知如下。', '一、规范出让方案编制。', '二、严格出让合同管理。', '三、加强批后监管。',
        '嘉兴市自然资源和规划局', '2020年4月15日'].join('\n') },
  ] },
  { number: 5, totalNumber: 305, publishedOn: '2020-05-25', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕12号', title: '嘉兴市人民政府关于加快推进长三角生态绿色一体化发展示范区建设的实施意见', topic: '综合政务', on: '2020-05-11' },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕21号', title: '嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开工作要点的通知', topic: '综合政务', on: '2020-05-08' },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕24号', title: '嘉兴市人民政府办公室关于进一步做好稳就业工作的实施意见', topic: '劳动、人事、监察', on: '2020-05-15' },
    { category: '部门文件', by: '嘉兴市民政局', unit: '市民政局', doc: '嘉民发〔2020〕18号', title: '嘉兴市民政局关于进一步加强困难群众基本生活保障工作的通知', topic: '民政、扶贫、救灾', on: '2020-05-06' },
    { category: '人事任免', by: GOV, doc: '嘉政干〔2020〕10号', title: '嘉兴市人民政府关于陈某某等同志职务任免的通知', topic: '劳动、人事、监察', on: '2020-05-18',
      body: appointments(GOV, '2020-05-18', [['陈某某', '嘉兴市生态环境局副局长']]) },
  ] },
  { number: 6, totalNumber: 306, publishedOn: '2020-06-24', docs: [
    { category: '市政府文件', by: GOV, doc: '嘉政发〔2020〕15号', title: '嘉兴市人民政府关于调整嘉兴市区最低生活保障标准的通知', topic: '民政、扶贫、救灾', on: '2020-06-12',
      body: [ADDRESSEES, '为切实保障困难群众基本生活，经研究，决定调整嘉兴市区最低生活保障标准。', '一、自2020年7月1日起，市区城乡最低生活保障标准统一调整为每人每月1005元。',
        '二、各地要做好新标准的落实和资金保障工作，按时足额发放最低生活保障金。', '三、最低生活保障对象、保障标准和资金发放情况按季度公开。', GOV, '2020年6月12日', '（此件公开发布）'].join('\n') },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕26号', title: '嘉兴市人民政府办公室关于促进消费扩容提质的若干措施', topic: '商贸、海关、旅游', on: '2020-06-05' },
    { category: '市政府办公室文件', by: GOV_OFFICE, unit: '市政府办公室', doc: '嘉政办发〔2020〕30号', title: '嘉兴市人民政府办公室关于做好2020年防汛防台工作的通知', topic: '农业、林业、水利', on: '2020-06-10' },
    { category: '部门文件', by: '嘉兴市医疗保障局', unit: '市医保局', doc: '嘉医保发〔2020〕8号', title: '嘉兴市医疗保障局关于做好2020年城乡居民基本医疗保险工作的通知', topic: '卫生、体育', on: '2020-06-08' },
    { category: '其他', by: GOV, title: '嘉兴市人民政府2020年5月大事记', topic: '综合政务', on: '2020-06-03',
      body: ['5月8日，市政府召开全市政务公开工作会议，部署2020年政务公开重点工作。', '5月15日，市政府常务会议研究稳就业工作，审议通过《关于进一步做好稳就业工作的实施意见》。',
        '5月26日，长三角生态绿色一体化发展示范区嘉善片区重大项目集中开工。'].join('\n') },
  ] },
];

/** Seeds the demo gazette; returns how many documents. */
export async function seedDemoGazette(db: Db, actor: Actor): Promise<number> {
  const resolver = await loadResolver(db);
  let n = 0;
  for (const issue of ISSUES) {
    const created = await svc.createIssue(db, actor, { year: 2020, number: issue.number, totalNumber: issue.totalNumber });
    for (const d of issue.docs) {
      const published = d.doc
        ? await db.selectFrom('publication').select('id').where('docNumber', '=', d.doc).where('state', '=', 'published').executeTakeFirst()
        : undefined;
      await svc.addArticle(db, actor, created.id, {
        title: d.title, docNumber: d.doc ?? null, issuingBody: d.by, unitId: d.unit ? (resolver.findUnit(d.unit) ?? null) : null, category: d.category,
        topic: d.topic, bodyText: d.body ?? coveringNotice(d), publicationId: published?.id ?? null,
      });
      n++;
    }
    await svc.publishIssue(db, actor, created.id, { publishedOn: issue.publishedOn });
  }
  return n;
}
