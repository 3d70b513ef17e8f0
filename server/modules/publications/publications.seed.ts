/**
 * Demo publications for first start: every unit's 政府信息公开指南, the government's rules, and a
 * year of realistic 2020 publications filed under the catalogues — each through the real workflow
 * (draft → named reviewer → approved) on its 2020 publishing day, so the platform shows a living year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { clock } from '../../platform/clock.ts';
import { workingDaysAfter } from '../../lib/working-days.ts';
import { listUnits } from '../directory/index.ts';
import * as repo from './publications.repository.ts';
import { createPublication, requestReview, reviewPublication, type PublicationInput } from './publications.service.ts';

type Db = Kysely<Database>;

interface DemoItem {
  unit: string;
  title: string;
  docNumber?: string;
  topic: string;
  node: string;
  column?: PublicationInput['platformColumn'];
  kind?: PublicationInput['kind'];
  writtenOn: string;
  /** working days between writing and publishing (over 20: published late) */
  delay: number;
  body: string;
}

const ITEMS: DemoItem[] = [
  { unit: '市政府办公室', title: '嘉兴市人民政府办公室关于印发2020年嘉兴市政务公开工作要点的通知', docNumber: '嘉政办发〔2020〕21号', topic: '政务公开', node: '其他文件', writtenOn: '2020-05-08', delay: 5, body: '各县（市、区）人民政府，市政府各部门、各直属单位：《2020年嘉兴市政务公开工作要点》已经市政府同意，现印发给你们，请认真贯彻执行。全面推进基层政务公开标准化规范化，深化政策解读和回应关切，提升政府信息公开平台建设水平。' },
  { unit: '市政府办公室', title: '2020年嘉兴市政务公开重点工作责任清单', docNumber: '嘉政办发〔2020〕36号', topic: '政务公开', node: '其他文件', writtenOn: '2020-07-02', delay: 3, body: '为贯彻落实国务院办公厅、省政府办公厅关于政务公开工作的部署要求，制定本责任清单，共5个部分70项重点工作，明确牵头单位和责任单位，各单位按季度报送工作进展。' },
  { unit: '市政府办公室', title: '嘉兴市人民政府2020年第一季度常务会议情况', topic: '政府会议', node: '常务会议', writtenOn: '2020-04-03', delay: 8, body: '第一季度市政府共召开常务会议6次，研究疫情防控、复工复产、营商环境优化提升等议题32项。会议议题和决定事项按规定向社会公开。' },
  { unit: '市发展改革委', title: '嘉兴市2020年重大建设项目计划', docNumber: '嘉发改投资〔2020〕45号', topic: '重大建设项目', node: '行政许可', writtenOn: '2020-03-16', delay: 12, body: '2020年全市共安排重大建设项目386个，总投资5128亿元，年度计划投资1186亿元，涉及交通基础设施、产业提升、民生保障和生态环境等领域。项目批准和实施信息按重大建设项目领域公开标准目录公开。' },
  { unit: '市发展改革委', title: '关于嘉兴市2020年上半年国民经济和社会发展计划执行情况的报告', topic: '规划计划', node: '年度计划', writtenOn: '2020-07-20', delay: 10, body: '上半年全市地区生产总值（GDP）增长0.9%，规模以上工业增加值增长1.5%，固定资产投资增长6.2%。坚持疫情防控和经济社会发展两手抓，“六稳”“六保”工作扎实推进。' },
  { unit: '市财政局', title: '嘉兴市2020年市级财政预算', topic: '财政预决算', node: '部门预决算', writtenOn: '2020-02-20', delay: 15, body: '2020年市级一般公共预算收入安排156.3亿元，一般公共预算支出安排201.8亿元。按照财政预决算公开要求，同时公开“三公”经费预算及政府性基金预算。' },
  { unit: '市财政局', title: '嘉兴市2019年市级财政决算', topic: '财政预决算', node: '部门预决算', writtenOn: '2020-08-10', delay: 30, body: '2019年市级一般公共预算收入完成149.7亿元，为预算的102.6%。决算已经市人大常委会审查批准，现予公开。' },
  { unit: '市教育局', title: '嘉兴市2020年义务教育阶段学校招生入学工作实施意见', docNumber: '嘉教基〔2020〕12号', topic: '义务教育', node: '其他文件', writtenOn: '2020-04-22', delay: 6, body: '2020年义务教育阶段学校招生坚持免试就近入学原则，民办学校与公办学校同步招生，报名人数超过招生计划的实行电脑随机录取。招生政策、学区划分和录取结果按规定公开。' },
  { unit: '市教育局', title: '关于公布2020年嘉兴市教育系统“双随机、一公开”抽查结果的通告', topic: '行政执法', node: '双随机一公开', writtenOn: '2020-09-18', delay: 9, body: '根据年度抽查计划，对全市42所民办培训机构开展随机抽查，发现问题7项，已责令限期整改，抽查结果通过国家企业信用信息公示系统公示。' },
  { unit: '市人力社保局', title: '嘉兴市2020年援企稳岗政策问答', topic: '就业', node: '政策解读', writtenOn: '2020-03-02', delay: 2, body: '一、哪些企业可以享受社会保险费减免？二、稳岗返还如何申请？三、以工代训补贴的标准是多少？本问答对疫情期间援企稳岗政策逐项说明，企业可通过浙里办在线申请。' },
  { unit: '市民政局', title: '嘉兴市2020年最低生活保障标准调整情况', topic: '社会救助', node: '其他文件', writtenOn: '2020-06-30', delay: 7, body: '自2020年7月1日起，全市城乡最低生活保障标准统一提高到每人每月1005元。社会救助对象、救助标准和资金发放情况按季度公开。' },
  { unit: '市自然资源和规划局', title: '嘉兴市国土空间总体规划（2020—2035年）草案公示', topic: '城乡规划', node: '发展规划', writtenOn: '2020-10-12', delay: 4, body: '为广泛听取社会各界意见，现将《嘉兴市国土空间总体规划（2020—2035年）》草案予以公示，公示期30日。规划统筹划定生态保护红线、永久基本农田和城镇开发边界三条控制线。' },
  { unit: '市自然资源和规划局', title: '南湖区2020年第三批次城镇建设用地征收土地补偿安置方案', topic: '征地补偿', node: '其他文件', writtenOn: '2020-08-05', delay: 25, body: '征收土地位于南湖区大桥镇，面积12.36公顷。补偿标准按省政府公布的区片综合地价执行，安置方式为货币安置与住房安置相结合。' },
  { unit: '市生态环境局', title: '2020年嘉兴市生态环境状况公报', topic: '环境保护', node: '其他文件', writtenOn: '2020-06-04', delay: 3, body: '2020年全市PM2.5年均浓度为29微克/立方米，空气质量优良天数比例为87.4%；市控以上地表水断面Ⅲ类水比例达到81.3%，创历史最好水平。' },
  { unit: '市住房和城乡建设局', title: '嘉兴市2020年老旧小区改造计划', topic: '市政服务', node: '年度计划', writtenOn: '2020-04-14', delay: 11, body: '2020年计划改造老旧小区68个，涉及居民2.3万户，重点实施加装电梯、雨污分流、停车设施和适老化改造，改造项目清单和进度按月公开。' },
  { unit: '市卫生健康委', title: '嘉兴市新冠肺炎疫情防控工作情况通报（第五十期）', topic: '卫生健康', node: '其他文件', writtenOn: '2020-03-20', delay: 1, body: '截至3月20日24时，全市累计报告确诊病例45例，已全部治愈出院。当前全市疫情防控形势总体平稳，请广大市民继续做好个人防护。' },
  { unit: '市市场监管局', title: '2020年第二季度食品安全监督抽检信息公告', topic: '食品药品监管', node: '行政处罚', writtenOn: '2020-07-10', delay: 14, body: '第二季度共抽检食品样品1286批次，合格1261批次，不合格25批次，已依法对不合格产品的生产经营者立案调查处理。' },
  { unit: '市综合执法局', title: '嘉兴市综合行政执法事项目录（2020年版）', topic: '城市综合执法', node: '行政处罚', writtenOn: '2020-05-27', delay: 18, body: '本目录涵盖住房城乡建设、自然资源、生态环境等21个领域的行政处罚事项1275项，明确执法依据、执法主体和办理流程。' },
  { unit: '市交通运输局', title: '嘉兴市2020年交通运输“最多跑一次”改革办事指南', topic: '政务服务', node: '行政许可', writtenOn: '2020-02-28', delay: 22, body: '道路运输经营许可等48个事项实现网上办、掌上办，申请材料压减至平均2.1份，办理时限压缩至法定时限的30%以内。' },
  { unit: '市医保局', title: '嘉兴市2020年度城乡居民基本医疗保险筹资标准', topic: '社会保险', node: '其他文件', writtenOn: '2020-09-01', delay: 5, body: '2021年度城乡居民基本医疗保险个人缴费标准为每人每年600元，各级财政补助每人每年不低于1180元。' },
  { unit: '南湖区政府', title: '南湖区2020年基层政务公开标准目录', topic: '政务公开', node: '其他文件', writtenOn: '2020-09-24', delay: 6, body: '按照国务院部门制定的26个试点领域标准指引，南湖区梳理形成基层政务公开标准目录，涵盖公开事项496项，明确公开内容、依据、时限、主体和渠道。' },
  { unit: '嘉善县政府', title: '长三角生态绿色一体化发展示范区嘉善片区2020年建设项目清单', topic: '长三角一体化', node: '发展规划', writtenOn: '2020-06-12', delay: 9, body: '2020年示范区嘉善片区安排重点项目65个，总投资1063亿元，涵盖生态环保、设施互联、产业创新和公共服务共建共享。' },
];

const GUIDE_BODY = (name: string) => `为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制《${name}政府信息公开指南》。一、主动公开：主动公开的政府信息通过政府信息公开平台、政府公报、新闻发布会等渠道公开。二、依申请公开：公民、法人或者其他组织可以通过在线申请、信函、当面等方式提出申请，收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。三、监督和救济：认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。`;

function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Publishes one item through the workflow on its publishing day (the clock set to that day while it
 * is approved, so the 索引号 comes from that year's sequence and the hooks see the real date; first
 * start runs before the server listens); returns its id.
 */
async function publish(db: Db, actor: Actor, reviewerId: number, input: PublicationInput, publishedOn: string): Promise<number> {
  const p = await createPublication(db, actor, input);
  await requestReview(db, actor, p.id, reviewerId);
  const saved = clock.now;
  clock.now = () => new Date(`${publishedOn}T02:00:00Z`);
  try {
    await reviewPublication(db, actor, p.id, 'approve', null);
  } finally {
    clock.now = saved;
  }
  return p.id;
}

export async function seedDemoPublications(db: Db, actor: Actor, reviewerOfUnit: Map<number, number>): Promise<number> {
  const units = await listUnits(db);
  const byShort = new Map(units.map((u) => [u.shortName ?? u.name, u]));
  let count = 0;
  const nodeId = async (unitId: number, name: string) => {
    const own = (await repo.listNodes(db, { unitId, kind: 'basic' })).find((n) => n.name === name);
    return own?.id ?? (await repo.listNodes(db, { unitId: null, kind: 'basic' })).find((n) => n.name === name)?.id;
  };
  for (const item of ITEMS) {
    const unit = byShort.get(item.unit);
    const reviewer = unit && reviewerOfUnit.get(unit.id);
    if (!unit || !reviewer) continue;
    const node = await nodeId(unit.id, item.node);
    const publishedOn = workingDaysAfter(item.writtenOn, item.delay);
    await publish(db, actor, reviewer, {
      unitId: unit.id, platformColumn: item.column ?? 'statutory', kind: item.kind ?? 'general', title: item.title, docNumber: item.docNumber ?? null,
      topic: item.topic, writtenOn: item.writtenOn, madeOn: item.writtenOn, body: item.body.split(/(?<=。)/).map((s) => `<p>${s}</p>`).join(''), nodeIds: node ? [node] : [],
    }, publishedOn);
    count++;
  }
  // every unit's 政府信息公开指南 (2020 edition), the government's rules
  for (const u of units) {
    const reviewer = reviewerOfUnit.get(u.id);
    if (!reviewer || u.placeholder) continue;
    await publish(db, actor, reviewer, {
      unitId: u.id, platformColumn: 'guide', kind: 'general', title: `${u.name}政府信息公开指南（2020年版）`, topic: '政务公开',
      writtenOn: '2020-01-10', madeOn: '2020-01-10', body: GUIDE_BODY(u.name).split(/(?<=。)/).map((s) => `<p>${s}</p>`).join(''),
    }, addCalendarDays('2020-01-10', 4));
    count++;
  }
  const office = units.find((u) => u.kind === 'office');
  const officeReviewer = office && reviewerOfUnit.get(office.id);
  if (office && officeReviewer) {
    for (const [title, body] of [
      ['嘉兴市政府信息公开保密审查制度', '拟公开的政府信息，由起草单位进行保密审查，明确审查人和审查程序，未经审查不得公开。对不能确定是否可以公开的，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。'],
      ['嘉兴市政府信息公开申请办理工作规范', '规范依申请公开的登记、审核、办理、答复、归档等环节，统一答复文书格式，严格执行《中华人民共和国政府信息公开条例》规定的答复期限。'],
      ['嘉兴市政策文件解读工作制度', '坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，部门主要负责人作为第一解读人，每年解读政策不少于2次。'],
    ] as const) {
      await publish(db, actor, officeReviewer, { unitId: office.id, platformColumn: 'rules', kind: 'general', title, topic: '政务公开', writtenOn: '2020-03-01', madeOn: '2020-03-01', body: `<p>${body}</p>` }, '2020-03-05');
      count++;
    }
  }
  // A few drafts and one waiting for review, so the workbench has work in it
  const env = byShort.get('市生态环境局');
  const envReviewer = env && reviewerOfUnit.get(env.id);
  if (env && envReviewer) {
    const p = await createPublication(db, actor, { unitId: env.id, platformColumn: 'statutory', kind: 'general', title: '嘉兴市2020年第三季度重点排污单位监督性监测结果', topic: '环境保护', writtenOn: '2020-10-09', madeOn: '2020-10-09', body: '<p>第三季度对全市重点排污单位开展监督性监测，达标率98.6%。</p>' });
    await requestReview(db, actor, p.id, envReviewer);
    await createPublication(db, actor, { unitId: env.id, platformColumn: 'statutory', kind: 'general', title: '关于2020年秋冬季大气污染防治攻坚行动的通知（草稿）', topic: '环境保护', madeOn: '2020-10-20', body: '<p>（草稿）</p>' });
    count += 2;
  }
  return count;
}
