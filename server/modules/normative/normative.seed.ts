/**
 * Demo data for a newcomer's first start: Jiaxing's normative documents of 2018–2020 published
 * through the real workflow on their own dates (draft → 保密审查 → published → registered), some
 * amended or repealed by later ones, the 2020 cleanup campaign (closed, valid list published), and —
 * relative to today — three recent documents and this year's cleanup campaign, still open.
 * The documents are made up (their text says so); titles and 文号 follow the real forms.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { clock, today } from '../../platform/clock.ts';
import { addDays } from '../../lib/calendar/iso-date.ts';
import { CALENDAR_YEARS } from '../../lib/working-days.ts';
import { loadResolver } from '../directory/index.ts';
import { createPublication, requestReview, reviewPublication } from '../publications/index.ts';
import * as cleanup from './cleanup.service.ts';
import * as svc from './normative.service.ts';
import type { CleanupDecision } from './normative.rules.ts';

/** Runs `fn` as if it were `date` (China morning); first start runs before the server listens. */
async function on<T>(date: string, fn: () => Promise<T>): Promise<T> {
  const saved = clock.now;
  clock.now = () => new Date(`${date}T02:00:00Z`);
  try {
    return await fn();
  } finally {
    clock.now = saved;
  }
}

interface DemoDoc {
  key: string;
  unit: string;
  publisher?: string;
  title: string;
  docNumber: string;
  publishedOn: string;
  body: string;
}

const OFFICE = '市政府办公室';
const GOV = '嘉兴市人民政府';
const GOV_OFFICE = '嘉兴市人民政府办公室';

const DOCS_2018_2020: DemoDoc[] = [
  { key: 'listing2018', unit: OFFICE, publisher: GOV, title: '嘉兴市人民政府关于加快推进企业上市工作的若干意见', docNumber: '嘉政发〔2018〕9号', publishedOn: '2018-03-20', body: '为加快推进我市企业上市工作，充分利用多层次资本市场做大做强实体经济，现提出如下意见：一、加强上市后备企业培育；二、加大上市扶持奖励力度；三、优化上市服务保障。' },
  { key: 'property2018', unit: OFFICE, publisher: GOV_OFFICE, title: '嘉兴市人民政府办公室关于加强住宅小区物业管理工作的实施意见', docNumber: '嘉政办发〔2018〕45号', publishedOn: '2018-07-11', body: '为进一步规范住宅小区物业管理活动，提升物业服务水平，结合本市实际，提出如下实施意见：一、健全物业管理工作机制；二、规范业主大会和业主委员会运作；三、加强物业服务企业监管。' },
  { key: 'admissions2018', unit: '市教育局', title: '嘉兴市教育局关于规范民办中小学招生管理工作的通知', docNumber: '嘉教〔2018〕56号', publishedOn: '2018-05-16', body: '各县（市、区）教育局，市直属各学校：为规范民办中小学招生秩序，保障适龄儿童少年平等接受义务教育的权利，现就有关事项通知如下：一、严格执行招生计划；二、规范招生宣传；三、加强招生监管。' },
  { key: 'subsistence2018', unit: '市民政局', title: '嘉兴市民政局关于印发嘉兴市最低生活保障边缘家庭认定办法的通知', docNumber: '嘉民〔2018〕77号', publishedOn: '2018-11-05', body: '各县（市、区）民政局：现将《嘉兴市最低生活保障边缘家庭认定办法》印发给你们，请认真贯彻执行。附：嘉兴市最低生活保障边缘家庭认定办法（认定条件、申请审核程序、动态管理）。' },
  { key: 'graduates2019', unit: '市人力社保局', title: '嘉兴市人力资源和社会保障局关于进一步做好高校毕业生就业创业工作的通知', docNumber: '嘉人社〔2019〕21号', publishedOn: '2019-03-12', body: '各县（市、区）人力资源和社会保障局：为进一步做好高校毕业生就业创业工作，现就有关事项通知如下：一、落实就业见习补贴；二、支持高校毕业生自主创业；三、加强就业困难毕业生帮扶。' },
  { key: 'listing2019', unit: OFFICE, publisher: GOV, title: '嘉兴市人民政府关于进一步推进企业上市和并购重组的若干意见', docNumber: '嘉政发〔2019〕12号', publishedOn: '2019-04-02', body: '为深入实施“凤凰行动”计划，进一步推进企业上市和并购重组，提出如下意见：一、分阶段给予上市奖励；二、支持上市公司并购重组；三、完善上市工作协调机制。本意见自发布之日起施行，《嘉兴市人民政府关于加快推进企业上市工作的若干意见》（嘉政发〔2018〕9号）同时废止。' },
  { key: 'rental2019', unit: OFFICE, publisher: GOV_OFFICE, title: '嘉兴市人民政府办公室关于印发嘉兴市区公共租赁住房保障管理办法的通知', docNumber: '嘉政办发〔2019〕31号', publishedOn: '2019-06-18', body: '各区人民政府，市政府各部门、直属各单位：《嘉兴市区公共租赁住房保障管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。办法规定了保障对象和条件、申请与审核、租金与补贴、退出管理。' },
  { key: 'dust2019', unit: '市建设局', title: '嘉兴市住房和城乡建设局关于加强建筑工地扬尘污染防治工作的通知', docNumber: '嘉建〔2019〕88号', publishedOn: '2019-09-23', body: '各县（市、区）住房和城乡建设局，各有关单位：为进一步加强建筑工地扬尘污染防治，改善大气环境质量，现就有关要求通知如下：一、落实施工现场“六个百分之百”；二、实施扬尘在线监测；三、加大执法检查力度。' },
  { key: 'covid2020', unit: OFFICE, publisher: GOV_OFFICE, title: '嘉兴市人民政府办公室关于应对新型冠状病毒感染的肺炎疫情支持中小微企业共渡难关的若干意见', docNumber: '嘉政办发〔2020〕5号', publishedOn: '2020-02-10', body: '为全力支持中小微企业积极应对疫情影响、共渡难关，提出如下意见：一、减轻企业负担；二、加大金融支持；三、稳定职工队伍。本意见有效期至2020年12月31日。' },
  { key: 'landuse2020', unit: '市自然资源和规划局', title: '嘉兴市自然资源和规划局关于进一步规范市区国有建设用地使用权出让管理的通知', docNumber: '嘉自然资规〔2020〕3号', publishedOn: '2020-04-15', body: '各有关单位：为进一步规范市区国有建设用地使用权出让管理，提高土地利用效率，现就有关事项通知如下：一、规范出让方案编制；二、严格出让合同管理；三、加强批后监管。' },
  { key: 'rentalAmend2020', unit: OFFICE, publisher: GOV_OFFICE, title: '嘉兴市人民政府办公室关于修改嘉兴市区公共租赁住房保障管理办法部分条款的通知', docNumber: '嘉政办发〔2020〕27号', publishedOn: '2020-06-29', body: '各区人民政府，市政府各部门、直属各单位：经市政府同意，对《嘉兴市区公共租赁住房保障管理办法》（嘉政办发〔2019〕31号）部分条款作如下修改：将第八条中的收入标准调整为上年度市区城镇居民人均可支配收入的80%。' },
  { key: 'domicile2020', unit: '市市场监管局', title: '嘉兴市市场监督管理局关于推进市场主体住所（经营场所）登记改革的实施意见', docNumber: '嘉市监〔2020〕42号', publishedOn: '2020-10-12', body: '各县（市、区）市场监督管理局：为进一步优化营商环境，推进市场主体住所（经营场所）登记改革，提出如下实施意见：一、实行住所申报承诺制；二、推行“一照多址”；三、加强事中事后监管。' },
];

/** Recent documents, dated relative to today: one whose validity period ends in 45 days (its unit is alerted), two newer ones. */
function recentDocs(now: string): DemoDoc[] {
  const back = (days: number) => addDays(now, -days);
  const fiveYearsLess45 = (() => {
    const d = new Date(`${now}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() - 5);
    return addDays(d.toISOString().slice(0, 10), 46);
  })();
  const y = (date: string) => date.slice(0, 4);
  const eldercare = fiveYearsLess45;
  const afterSchool = back(210);
  const gigWorkers = back(40);
  return [
    { key: 'eldercare', unit: OFFICE, publisher: GOV_OFFICE, title: '嘉兴市人民政府办公室关于促进养老服务高质量发展的实施意见', docNumber: `嘉政办发〔${y(eldercare)}〕18号`, publishedOn: eldercare, body: '为加快构建居家社区机构相协调、医养康养相结合的养老服务体系，提出如下实施意见：一、完善居家社区养老服务网络；二、推进医养康养结合；三、加强养老服务人才队伍建设。' },
    { key: 'afterSchool', unit: '市教育局', title: '嘉兴市教育局关于加强中小学生课后服务工作的指导意见', docNumber: `嘉教〔${y(afterSchool)}〕35号`, publishedOn: afterSchool, body: '各县（市、区）教育局，市直属各学校：为进一步做好中小学生课后服务工作，提出如下指导意见：一、保障服务时间；二、丰富服务内容；三、规范收费管理。' },
    { key: 'gigWorkers', unit: '市人力社保局', title: '嘉兴市人力资源和社会保障局关于做好新就业形态劳动者权益保障工作的通知', docNumber: `嘉人社〔${y(gigWorkers)}〕52号`, publishedOn: gigWorkers, body: '各县（市、区）人力资源和社会保障局：为维护新就业形态劳动者劳动保障权益，现就有关事项通知如下：一、规范用工关系；二、落实职业伤害保障；三、畅通权益诉求渠道。' },
  ];
}

/** Seeds the register's demo data (after the directory and the office's account exist); returns how many documents. */
export async function seedDemoNormative(db: Db, actor: Actor, reviewerUserId: number): Promise<number> {
  const resolver = await loadResolver(db);
  const unitOf = (name: string) => {
    const id = resolver.findUnit(name);
    if (id === undefined) throw new Error(`normative demo: unknown unit ${name}`);
    return id;
  };
  const ids = new Map<string, number>();

  const publish = (d: DemoDoc) => on(d.publishedOn, async () => {
    const writtenOn = addDays(d.publishedOn, -5);
    // the Art. 26 clock needs the official calendar of the years it spans
    const datable = CALENDAR_YEARS.includes(Number(writtenOn.slice(0, 4))) && CALENDAR_YEARS.includes(Number(addDays(writtenOn, 60).slice(0, 4)));
    const p = await createPublication(db, actor, {
      unitId: unitOf(d.unit), platformColumn: 'statutory', kind: 'normative', title: d.title, publisher: d.publisher ?? null, docNumber: d.docNumber,
      topic: null, writtenOn: datable ? writtenOn : null, body: `<p>${d.body}</p><p>（本文件为演示数据，不具有法律效力。）</p>`,
    });
    await requestReview(db, actor, p.id, reviewerUserId);
    await reviewPublication(db, actor, p.id, 'approve', null);
    ids.set(d.key, p.id);
  });
  const id = (key: string) => ids.get(key)!;

  for (const d of [...DOCS_2018_2020].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))) {
    if (d.publishedOn > '2020-09-01' && !ids.has('campaign2020')) {
      // The 2020 cleanup, opened in September: the documents in force then are its items.
      await on('2020-09-01', async () => {
        const campaign = await cleanup.openCampaign(db, actor, { title: '2020年度行政规范性文件清理', year: 2020, dueOn: '2020-10-31' });
        ids.set('campaign2020', campaign.id);
      });
    }
    await publish(d);
    if (d.key === 'listing2019') await on(d.publishedOn, () => svc.declareRelation(db, actor, id('listing2019'), { targetId: id('listing2018'), kind: 'repeals' }));
    if (d.key === 'covid2020') await on(d.publishedOn, () => svc.updateRegistration(db, actor, id('covid2020'), { validUntil: '2020-12-31', validityNote: '文件明确有效期至2020年12月31日' }));
    if (d.key === 'rentalAmend2020') await on(d.publishedOn, () => svc.declareRelation(db, actor, id('rentalAmend2020'), { targetId: id('rental2019'), kind: 'amends' }));
  }
  const decisions: [string, CleanupDecision, string | null][] = [
    ['property2018', 'amend', '拟结合新修订的《浙江省物业管理条例》进行修改'],
    ['admissions2018', 'repeal', '民办义务教育学校招生已纳入统一管理，本通知不再适用'],
    ['subsistence2018', 'expire', '认定标准已由省民政厅新规定替代，宣布失效'],
    ['graduates2019', 'keep', null], ['listing2019', 'keep', null], ['rental2019', 'keep', null], ['dust2019', 'keep', null],
    ['covid2020', 'keep', '有效期至2020年12月31日，届满自然失效'], ['rentalAmend2020', 'keep', null], ['landuse2020', 'keep', null],
  ];
  await on('2020-10-20', async () => {
    for (const [key, decision, note] of decisions) await cleanup.confirmItem(db, actor, id('campaign2020'), id(key), { decision, note });
  });
  await on('2020-11-20', () => cleanup.closeCampaign(db, actor, id('campaign2020'), {}));

  const now = today();
  for (const d of recentDocs(now)) await publish(d);
  // Today: the periods that ended are 失效, the one ending soon is alerted; this year's cleanup is open.
  await svc.scanNormativeDocuments(db);
  const open = await cleanup.openCampaign(db, actor, { title: `${now.slice(0, 4)}年度行政规范性文件清理`, year: Number(now.slice(0, 4)), dueOn: addDays(now, 30) });
  await cleanup.confirmItem(db, actor, open.id, id('afterSchool'), { decision: 'keep', note: null });
  return ids.size - 1;
}
