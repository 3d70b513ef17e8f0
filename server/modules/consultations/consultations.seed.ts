/**
 * Demo data for a newcomer: the 2020 Jiaxing catalogue of major administrative decisions (published,
 * decisions in every stage), a consultation of 2020 that has ended — moderated comments, dispositions
 * and its published feedback report — one open now (today's date) with comments waiting for
 * moderation, and a draft.
 * Made through the module's own services, so it is audited like real work. Invented comments.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { loadResolver } from '../directory/index.ts';
import * as svc from './consultations.service.ts';
import * as decisions from './decisions.service.ts';
import { addDays } from './consultations.states.ts';

const CATALOGUE_2020 = [
  { title: '嘉兴市国土空间总体规划（2020—2035年）', unit: '市自然资源和规划局', basis: '《中华人民共和国土地管理法》《中华人民共和国城乡规划法》《中共中央 国务院关于建立国土空间规划体系并监督实施的若干意见》', plannedBy: '2020年12月', stage: 'deliberation' },
  { title: '嘉兴市区生活垃圾分类管理办法', unit: '市综合执法局', basis: '《中华人民共和国固体废物污染环境防治法》《浙江省城镇生活垃圾分类管理办法》', plannedBy: '2020年9月', stage: 'publication' },
  { title: '嘉兴市区城市公共交通票价调整方案', unit: '市发展改革委', basis: '《中华人民共和国价格法》《政府制定价格听证办法》《浙江省定价目录》', plannedBy: '2020年12月', stage: 'consultation' },
  { title: '嘉兴市区义务教育阶段学校招生入学实施办法', unit: '市教育局', basis: '《中华人民共和国义务教育法》《浙江省义务教育条例》', plannedBy: '2020年4月', stage: 'implementation' },
  { title: '嘉兴市区集体所有土地上房屋征收补偿办法', unit: '市自然资源和规划局', basis: '《中华人民共和国土地管理法》（2019年修正）《浙江省土地管理条例》', plannedBy: '2020年12月', stage: 'consultation' },
  { title: '嘉兴市养老服务体系建设“十四五”规划', unit: '市民政局', basis: '《中华人民共和国老年人权益保障法》《浙江省养老服务发展“十四五”规划编制工作方案》', plannedBy: '2020年12月', stage: 'consultation' },
  { title: '嘉兴市区公共租赁住房保障管理办法（修订）', unit: '市建设局', basis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）', plannedBy: '2020年6月', stage: 'evaluation' },
  { title: '嘉兴市区职工基本医疗保险办法（修订）', unit: '市医保局', basis: '《中华人民共和国社会保险法》《浙江省职工基本医疗保险市级统筹指导意见》', plannedBy: '2020年9月', stage: 'implementation' },
] as const;

const WASTE_DRAFT = `<h2>第一章 总则</h2>
<p><strong>第一条</strong> 为了加强生活垃圾分类管理，改善人居环境，促进资源循环利用，根据《中华人民共和国固体废物污染环境防治法》《浙江省城镇生活垃圾分类管理办法》等规定，结合本市实际，制定本办法。</p>
<p><strong>第二条</strong> 本办法适用于本市南湖区、秀洲区、嘉兴经济技术开发区范围内生活垃圾的分类投放、收集、运输、处置及其监督管理活动。</p>
<p><strong>第三条</strong> 生活垃圾分为可回收物、有害垃圾、易腐垃圾和其他垃圾四类。</p>
<h2>第二章 分类投放</h2>
<p><strong>第十二条</strong> 住宅小区应当设置生活垃圾分类收集容器，实行定时定点投放；易腐垃圾应当去除包装物后投放。</p>
<p><strong>第十五条</strong> 生活垃圾分类管理责任人应当建立日常管理制度，开展分类指导，对不按分类要求投放的行为予以劝阻。</p>
<h2>第五章 法律责任</h2>
<p><strong>第三十一条</strong> 违反本办法规定，个人未按分类要求投放生活垃圾的，由综合行政执法部门责令改正；拒不改正的，依法予以处罚。</p>`;

const DOG_DRAFT = `<p><strong>第一条</strong> 为了规范养犬行为，保障公民人身安全和健康，维护市容环境卫生和社会公共秩序，根据有关法律、法规，结合本市实际，制定本规定。</p>
<p><strong>第五条</strong> 本市市区实行养犬登记制度。养犬人应当自取得犬只之日起30日内，为犬只注射狂犬病疫苗并办理养犬登记。</p>
<p><strong>第九条</strong> 携犬出户的，应当为犬只挂犬牌、束犬链，犬链长度不得超过1.5米，并由完全民事行为能力人牵领；犬只在户外排泄粪便的，携犬人应当立即清除。</p>
<p><strong>第十条</strong> 禁止携犬进入机关、学校、医院、室内公共场所和公共交通工具（导盲犬、扶助犬除外）。</p>
<p><strong>第十二条</strong> 市区重点管理区域内禁止饲养烈性犬、大型犬。禁养犬只名录由公安机关会同农业农村部门制定并公布。</p>`;

function isoDaysAgo(days: number): string {
  return `${addDays(today(), -days)}T02:00:00.000Z`;
}

/** Seeds the catalogue and consultations; returns how many of each. */
export async function seedDemoConsultations(db: Db, actor: Actor): Promise<{ decisionItems: number; consultations: number }> {
  const r = await loadResolver(db);
  const itemIds = new Map<string, number>();
  for (const d of CATALOGUE_2020) {
    const unitId = r.findUnit(d.unit);
    if (unitId === undefined) continue;
    const item = await decisions.createDecisionItem(db, actor, { year: 2020, unitId, title: d.title, basis: d.basis, plannedBy: d.plannedBy, stage: d.stage });
    itemIds.set(d.title, item.id);
  }
  if (!itemIds.size) return { decisionItems: 0, consultations: 0 };
  await decisions.publishDecisionCatalogue(db, actor, 2020, true);
  let consultations = 0;

  // 1. ended in 2020: comments moderated and disposed, feedback report published
  const wasteUnit = r.findUnit('市综合执法局');
  if (wasteUnit !== undefined) {
    const c = await svc.createConsultation(db, actor, {
      unitId: wasteUnit, title: '嘉兴市区生活垃圾分类管理办法（征求意见稿）', draftHtml: WASTE_DRAFT, decisionItemId: itemIds.get('嘉兴市区生活垃圾分类管理办法') ?? null,
      explanation: '为贯彻落实《浙江省城镇生活垃圾分类管理办法》，推进市区生活垃圾分类工作法治化、常态化，市综合执法局起草了《嘉兴市区生活垃圾分类管理办法（征求意见稿）》。\n起草过程中，我们赴各区、街道开展了调研，征求了市级有关部门意见，现向社会公开征求意见。',
      opensOn: '2020-06-01', closesOn: '2020-06-30',
    });
    await svc.publishConsultation(db, actor, c.id);
    const at = (d: string) => `${d}T02:30:00.000Z`;
    const comments = [
      { at: at('2020-06-03'), name: '王女士', contact: '13905731234', text: '建议老旧小区也推行定时定点投放，并在投放时段安排督导员现场指导，很多老人不清楚怎么分。', moderation: 'approved', disposition: 'adopted', reason: '已在第十二条中增加定时定点投放和督导员现场指导的规定。' },
      { at: at('2020-06-09'), name: null, contact: null, text: '不分类投放的个人应当直接罚款，不罚款大家不会重视。', moderation: 'approved', disposition: 'partlyAdopted', reason: '对个人的处罚依照上位法设定，本办法坚持教育与处罚相结合：对拒不改正的依法予以处罚，并增加了将多次违法行为纳入信用记录的规定。' },
      { at: at('2020-06-15'), name: '李先生', contact: 'li@example.com', text: '厨余垃圾要求破袋投放太麻烦，而且不卫生，建议取消破袋要求。', moderation: 'approved', disposition: 'notAdopted', reason: '破袋投放是保证易腐垃圾纯净度、提高资源化利用水平的关键措施；我们将在投放点配置洗手设施和破袋工具，方便居民投放。' },
      { at: at('2020-06-22'), name: '赵某', contact: null, text: '建议明确快递、外卖包装物的回收责任，由经营者设置回收点。', moderation: 'approved', disposition: 'adopted', reason: '已增加第二十条，规定快递、外卖经营者应当在营业场所设置包装物回收设施。' },
      { at: at('2020-06-25'), name: null, contact: '13800000000', text: '高价回收旧手机、旧电脑，上门服务，电话13800000000。', moderation: 'rejected', note: '与征求意见稿内容无关（广告）' },
    ] as const;
    for (const x of comments) {
      const receipt = await svc.submitComment(db, c.id, { name: x.name, contact: x.contact, text: x.text }, { receivedAt: x.at });
      if (x.moderation === 'rejected') {
        await svc.moderateComment(db, actor, c.id, receipt.id, { decision: 'rejected', note: x.note });
      } else {
        await svc.moderateComment(db, actor, c.id, receipt.id, { decision: 'approved' });
        await svc.disposeComment(db, actor, c.id, receipt.id, { disposition: x.disposition, reason: x.reason });
      }
    }
    await svc.publishFeedback(db, actor, c.id, {
      introduction: '<p>感谢社会各界对市区生活垃圾分类管理工作的关心和支持。现将《嘉兴市区生活垃圾分类管理办法（征求意见稿）》公开征求意见的采纳情况反馈如下。</p>',
    }, { publishedAt: '2020-07-10T02:00:00.000Z' });
    consultations++;
  }

  // 2. open now (today's date, so not part of the 2020 catalogue): comments waiting for moderation
  const dogUnit = r.findUnit('市公安局');
  if (dogUnit !== undefined) {
    const c = await svc.createConsultation(db, actor, {
      unitId: dogUnit, title: '嘉兴市区养犬管理规定（征求意见稿）', draftHtml: DOG_DRAFT,
      explanation: '近年来市区养犬数量快速增长，不文明养犬引发的伤人、扰民、环境卫生等问题时有发生。为规范养犬行为，市公安局会同市农业农村局、市综合执法局起草了本规定，现公开征求社会公众意见。\n公众可在征求意见期间通过本页面提出意见和建议。',
      opensOn: addDays(today(), -10),
    });
    await svc.publishConsultation(db, actor, c.id);
    const comments = [
      { days: 8, name: '陈先生', contact: '13905735678', text: '建议在公园设置专门的遛犬区域，既方便养犬人，也减少与其他游客的冲突。' },
      { days: 4, name: null, contact: null, text: '第九条犬链长度1.5米偏短，大型犬可以适当放宽到2米。' },
      { days: 1, name: '周女士', contact: 'zhou@example.com', text: '希望加大对不清理犬只粪便行为的处罚力度，小区里随处可见。' },
    ];
    for (const x of comments) {
      const receipt = await svc.submitComment(db, c.id, { name: x.name, contact: x.contact, text: x.text }, { receivedAt: isoDaysAgo(x.days) });
      if (x.days === 8) await svc.moderateComment(db, actor, c.id, receipt.id, { decision: 'approved' });
    }
    consultations++;
  }

  // 3. a draft being prepared
  const elderUnit = r.findUnit('市民政局');
  if (elderUnit !== undefined) {
    await svc.createConsultation(db, actor, {
      unitId: elderUnit, title: '嘉兴市区居家养老服务补贴办法（征求意见稿）',
      draftHtml: '<p>（正文起草中）</p>', explanation: '规划起草说明（待补充）。', opensOn: addDays(today(), 7),
    });
    consultations++;
  }
  return { decisionItems: itemIds.size, consultations };
}
