/**
 * Demo data for a newcomer: interpretations of four 2020 Jiaxing policies in every form, several by
 * units' heads (so the 第一解读人 table shows units that met the target and units that did not),
 * and one draft. Content is illustrative; interpreters' names are made up (张某某).
 *
 * The policies are published publications found by 文号. Until the publications module's demo data
 * provides all of them, a missing one is created here directly as a published policy row (kind
 * policy, column statutory) and indexed for search — to be switched to the publications service.
 */
import type { Db } from '../../db/create-db.ts';
import { now } from '../../db/portable.ts';
import type { Actor } from '../../platform/actor.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { loadResolver } from '../directory/index.ts';
import { indexRecords } from '../search/index.ts';
import * as svc from './interpretations.service.ts';

interface DemoPolicy {
  doc: string;
  title: string;
  unit: string;
  publisher: string;
  topic: string;
  writtenOn: string;
  publishedOn: string;
  body: string;
}

const POLICIES: DemoPolicy[] = [
  { doc: '嘉政办发〔2020〕5号', title: '嘉兴市人民政府办公室关于应对新型冠状病毒感染的肺炎疫情支持中小微企业共渡难关的若干意见', unit: '市政府办公室', publisher: '嘉兴市人民政府办公室',
    topic: '国民经济管理、国有资产监管', writtenOn: '2020-02-10', publishedOn: '2020-02-10',
    body: '<p>为全力支持中小微企业积极应对疫情影响、共渡难关，提出如下意见：一、减轻企业负担；二、加大金融支持；三、稳定职工队伍。本意见有效期至2020年12月31日。</p>' },
  { doc: '嘉教基〔2020〕12号', title: '嘉兴市2020年义务教育阶段学校招生入学工作实施意见', unit: '市教育局', publisher: '嘉兴市教育局', topic: '义务教育',
    writtenOn: '2020-04-22', publishedOn: '2020-04-30',
    body: '<p>2020年义务教育阶段学校招生坚持免试就近入学原则，民办学校与公办学校同步招生，报名人数超过招生计划的实行电脑随机录取。</p>' },
  { doc: '嘉政办发〔2020〕21号', title: '嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开工作要点的通知', unit: '市政府办公室', publisher: '嘉兴市人民政府办公室', topic: '政务公开',
    writtenOn: '2020-05-08', publishedOn: '2020-05-15',
    body: '<p>《2020年嘉兴市政务公开工作要点》已经市政府同意，现印发给你们，请认真贯彻执行。</p>' },
  { doc: '嘉市监〔2020〕42号', title: '嘉兴市市场监督管理局关于推进市场主体住所（经营场所）登记改革的实施意见', unit: '市市场监管局', publisher: '嘉兴市市场监督管理局', topic: '市场监管',
    writtenOn: '2020-10-12', publishedOn: '2020-10-12',
    body: '<p>为进一步优化营商环境，推进市场主体住所（经营场所）登记改革，提出如下实施意见：一、实行住所申报承诺制；二、推行“一照多址”；三、加强事中事后监管。</p>' },
];

/** The published publication with this 文号, created (published, indexed) when there is none. */
async function ensurePolicy(db: Db, p: DemoPolicy, unitId: number): Promise<number> {
  const found = await db.selectFrom('publication').select('id').where('docNumber', '=', p.doc).where('state', '=', 'published').executeTakeFirst();
  if (found) return found.id;
  const rich = sanitizeRichText(p.body);
  return db.transaction().execute(async (trx) => {
    const at = now();
    const row = await trx.insertInto('publication').values({
      unitId, platformColumn: 'statutory', kind: 'policy', indexNumber: null, title: p.title, publisher: p.publisher, docNumber: p.doc, topic: p.topic,
      writtenOn: p.writtenOn, madeOn: p.writtenOn, publishDueOn: null, publishedOn: p.publishedOn, bodyHtml: rich.html, bodyText: rich.text, state: 'published',
      reviewerId: null, reviewNote: null, reviewedAt: null, withdrawnReason: null, withdrawnAt: null, createdBy: null, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await indexRecords(trx, [{
      kind: 'publication', refId: row.id, unitId, year: Number(p.publishedOn.slice(0, 4)), docNumber: p.doc, title: p.title,
      url: `/portal/publications/${row.id}`, publishedOn: p.publishedOn, body: rich.text,
    }]);
    return row.id;
  });
}

/** Seeds the demo interpretations (and any missing demo policy); returns how many interpretations. */
export async function seedDemoInterpretations(db: Db, actor: Actor): Promise<number> {
  const resolver = await loadResolver(db);
  const unit = (name: string) => {
    const id = resolver.findUnit(name);
    if (id === undefined) throw new Error(`demo interpretations: unknown unit ${name}`);
    return id;
  };
  const policy = new Map<string, number>();
  for (const p of POLICIES) policy.set(p.doc, await ensurePolicy(db, p, unit(p.unit)));
  const pub = (doc: string) => policy.get(doc)!;

  const covid = pub('嘉政办发〔2020〕5号');
  const items: (svc.InterpretationInput & { publishedOn: string | null })[] = [
    { unitId: unit('市发展改革委'), publicationId: covid, form: 'media', title: '市发展改革委主任解读支持中小微企业共渡难关若干意见（视频访谈）',
      mediaUrl: 'https://example.com/jiaxing/2020/zcjd-zhongxiaowei.mp4', interpreterName: '张某某', interpreterTitle: '市发展改革委主任', byUnitHead: true,
      body: '<p>访谈要点：若干意见聚焦中小微企业最急需的减负、融资和稳岗，政策兑现实行“线上申请、即申即享”。</p>', publishedOn: '2020-02-14' },
    { unitId: unit('市发展改革委'), publicationId: covid, form: 'graphic', title: '一图读懂支持中小微企业共渡难关若干意见', interpreterName: '市发展改革委综合处', interpreterTitle: null, byUnitHead: false,
      body: '<h3>三个方面</h3><ol><li>减轻企业负担：减免房产税、城镇土地使用税，减免国有房屋租金</li><li>加大金融支持：不抽贷、不断贷、不压贷</li><li>稳定职工队伍：返还失业保险费，支持线上培训</li></ol><p>政策咨询电话：0573-12345</p>',
      publishedOn: '2020-02-18' },
    { unitId: unit('市人力社保局'), publicationId: covid, form: 'qa', title: '稳定职工队伍政策十问十答', interpreterName: '李某某', interpreterTitle: '市人力社保局就业促进处处长', byUnitHead: false,
      body: '<h3>问：哪些企业可以享受社会保险费减免？</h3><p>答：除机关事业单位外，参加企业职工基本养老保险、失业保险、工伤保险的各类企业均可享受。</p>'
        + '<h3>问：稳岗返还如何申请？</h3><p>答：符合条件的企业无需申请，经大数据比对后直接返还至企业账户。</p>'
        + '<h3>问：以工代训补贴的标准是多少？</h3><p>答：按每人每月500元的标准给予企业补贴，最长不超过6个月。</p>', publishedOn: '2020-02-20' },
    { unitId: unit('市经信局'), publicationId: covid, form: 'qa', title: '中小微企业关心的十个问题', interpreterName: '王某某', interpreterTitle: '市经信局局长', byUnitHead: true,
      body: '<h3>问：受疫情影响的企业如何申请房租减免？</h3><p>答：承租市属国有企业房屋的，由出租方直接减免，无需申请。</p>'
        + '<h3>问：企业诉求如何反映？</h3><p>答：可通过12345政务服务热线、浙里办“企业码”反映，相关部门限时办结。</p>', publishedOn: '2020-02-26' },
    { unitId: unit('市教育局'), publicationId: pub('嘉教基〔2020〕12号'), form: 'text', title: '市教育局局长解读2020年义务教育招生政策', interpreterName: '陈某某', interpreterTitle: '市教育局局长', byUnitHead: true,
      body: '<p>今年义务教育招生继续坚持“免试、就近、公平”。公办学校按学区招生；民办学校与公办学校同步招生，报名超过计划的实行电脑随机录取。</p>'
        + '<p>招生政策、学区划分和录取结果将在市教育局网站公开，家长可通过政务服务网查询。</p>', publishedOn: '2020-05-08' },
    { unitId: unit('市政府办公室'), publicationId: pub('嘉政办发〔2020〕21号'), form: 'text', title: '《2020年嘉兴市政务公开工作要点》解读', interpreterName: '周某某', interpreterTitle: '市政府办公室主任', byUnitHead: true,
      body: '<p>工作要点围绕“以公开促落实、以公开优服务、以公开强监管”，部署推进基层政务公开标准化规范化、深化政策解读和回应关切、提升政府信息公开平台建设水平等重点任务。</p>'
        + '<p>要点明确，各单位主要负责人每年至少解读本单位政策2次，做好政策文件与解读材料同步组织、同步审签、同步部署。</p>', publishedOn: '2020-05-20' },
    { unitId: unit('市政府办公室'), publicationId: pub('嘉政办发〔2020〕21号'), form: 'media', title: '在线访谈：2020年政务公开工作怎么做', interpreterName: '周某某', interpreterTitle: '市政府办公室主任', byUnitHead: true,
      mediaUrl: 'https://example.com/jiaxing/2020/zwgk-fangtan.mp4', body: '<p>市政府办公室主任做客在线访谈，介绍今年政务公开工作重点。</p>', publishedOn: '2020-05-26' },
    { unitId: unit('市市场监管局'), publicationId: pub('嘉市监〔2020〕42号'), form: 'text', title: '市市场监管局局长解读市场主体住所（经营场所）登记改革', interpreterName: '吴某某', interpreterTitle: '市市场监管局局长', byUnitHead: true,
      body: '<h2>一、为什么改</h2><p>住所登记材料多、核验难，是企业开办的堵点之一。</p><h2>二、改了什么</h2><ul><li>住所申报承诺制：申请人对住所真实性作出承诺，不再提交产权证明；</li><li>“一照多址”：在同一县（市、区）增设经营场所的，办理备案即可。</li></ul>'
        + '<h2>三、怎么管</h2><p>通过“双随机、一公开”抽查和信用监管加强事中事后监管。</p>', publishedOn: '2020-10-14' },
    { unitId: unit('市市场监管局'), publicationId: pub('嘉市监〔2020〕42号'), form: 'qa', title: '住所登记改革六问六答', interpreterName: '吴某某', interpreterTitle: '市市场监管局局长', byUnitHead: true,
      body: '<h3>问：哪些市场主体可以适用住所申报承诺制？</h3><p>答：除法律法规另有规定外，各类市场主体均可适用。</p><h3>问：承诺不实怎么办？</h3><p>答：依法列入经营异常名录，并纳入信用记录。</p>',
      publishedOn: '2020-10-20' },
    { unitId: unit('市经信局'), publicationId: covid, form: 'graphic', title: '图解：中小微企业融资支持政策（草稿）', interpreterName: '市经信局中小企业处', interpreterTitle: null, byUnitHead: false,
      body: '<p>（草稿，待审核）</p>', publishedOn: null },
  ];

  let n = 0;
  for (const { publishedOn, ...input } of items) {
    const created = await svc.createInterpretation(db, actor, input);
    if (publishedOn) await svc.publishInterpretation(db, actor, created.id, { publishedOn });
    n++;
  }
  return n;
}
