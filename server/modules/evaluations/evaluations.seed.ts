/**
 * Demo data for a newcomer: the 2020 政务公开 evaluation of Jiaxing's units, modelled on the seed
 * notice's part 五 (items 59–69: 指标体系/评价体系, organisation, rules, platform monitoring,
 * supervision and rectification): five first-level indicators, 100 points, computed leaves fed by
 * the other demo data (progress reports, requests, publications, interpretations) and a few manual
 * deductions. Published, so /portal/evaluations shows a ranking.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { loadResolver } from '../directory/index.ts';
import * as svc from './evaluations.service.ts';

interface Leaf {
  name: string;
  points: number;
  rule: string;
  metric?: string;
  params?: Record<string, unknown>;
}

const TREE: { name: string; rule: string; leaves: Leaf[] }[] = [
  {
    name: '一、主动公开', rule: '按照“以公开为常态、不公开为例外”，及时准确公开法定主动公开内容和重点领域信息。',
    leaves: [
      { name: '主动公开及时率', points: 15, metric: 'publicationsTimely', rule: '政府信息自形成或变更之日起 20 个工作日内公开（《条例》第二十六条），按及时公开比例得分。' },
      { name: '重点工作任务按时报送', points: 10, metric: 'progressOnTime', rule: '责任清单各项任务按期报送工作进展，按按时报送比例得分；到期未报送的计为逾期。' },
      { name: '进展报告质量', points: 5, metric: 'progressAccepted', rule: '进展报告经牵头单位或政务公开办审核通过的比例；被退回一次计未通过一次。' },
    ],
  },
  {
    name: '二、依申请公开', rule: '依法规范办理政府信息公开申请。',
    leaves: [
      { name: '按期答复率', points: 15, metric: 'requestsWithinLimit', rule: '在法定期限（含依法延期）内答复的比例；超期答复或超期未答复的扣分。' },
      { name: '办理规范', points: 5, rule: '申请登记、审核、办理、答复、归档工作制度健全，补正、延期、征求意见和复议诉讼情况全面及时录入工作平台（清单第55项）。发现一处不规范扣 1 分。' },
    ],
  },
  {
    name: '三、政策解读', rule: '坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署。',
    leaves: [
      { name: '主要负责人解读', points: 10, metric: 'leadInterpretations', params: { target: 2 }, rule: '单位主要负责人每年至少解读政策 2 次（第一解读人），不足的按比例得分。' },
      { name: '解读质量与回应关切', points: 10, rule: '解读形式多样、内容准确，及时回应社会关切。解读与政策文件未同步发布的，每次扣 1 分。' },
    ],
  },
  {
    name: '四、平台建设', rule: '规范政府信息公开平台和政府网站、政务新媒体建设管理。',
    leaves: [
      { name: '政府信息公开平台规范', points: 10, rule: '统一设置“政府信息公开”平台，栏目设置和检索功能符合要求，法定主动公开内容实时更新。发现一处问题扣 0.5 分。' },
      { name: '网站与新媒体监测整改', points: 5, rule: '政府网站、政务新媒体日常监测和省级监测发现的问题按期整改（清单第66、67项）。' },
    ],
  },
  {
    name: '五、监督保障', rule: '加强组织领导、制度建设和监督检查（清单第59—69项）。',
    leaves: [
      { name: '组织领导', points: 5, rule: '明确政务公开工作机构和人员，确保有机构承担、有人员负责（清单第60项）。' },
      { name: '制度建设', points: 5, rule: '建立健全发布、审查、协调、动态调整等配套制度（清单第61项）。每缺一项扣 1 分。' },
      { name: '督查整改落实', points: 5, metric: 'rectificationsOnTime', rule: '日常监督、专项检查和第三方评估发现的问题按期整改销号（清单第68、69项）。' },
    ],
  },
];

const DEDUCTIONS: { unit: string; leaf: string; points: number; note: string; evidence?: string[] }[] = [
  { unit: '市教育局', leaf: '政府信息公开平台规范', points: 8.5, note: '“法定主动公开内容”栏目未按标准目录设置子栏目（2处），招生入学信息更新不及时（1处），共扣1.5分', evidence: ['/portal/units'] },
  { unit: '市民政局', leaf: '组织领导', points: 4, note: '政务公开工作人员调整后未及时报备联系人，扣1分' },
  { unit: '市交通运输局', leaf: '制度建设', points: 3, note: '未建立政府信息动态调整机制和公开协调机制，扣2分' },
  { unit: '市建设局', leaf: '办理规范', points: 4, note: '1件申请的补正告知未录入工作平台，扣1分' },
  { unit: '市卫生健康委', leaf: '网站与新媒体监测整改', points: 4, note: '省级网站监测反馈的1个错链问题未在期限内整改，扣1分', evidence: ['https://example.com/jiaxing/2020/jiance-tongbao-3.pdf'] },
  { unit: '市市场监管局', leaf: '解读质量与回应关切', points: 10, note: '解读形式多样，住所登记改革解读采用文字和问答两种形式' },
];

/** Seeds the 2020 evaluation (published); returns its id. */
export async function seedDemoEvaluations(db: Db, actor: Actor): Promise<number> {
  const set = await svc.createSet(db, actor, {
    year: 2020, name: '政务公开工作考核', totalPoints: 100, scopeKind: 'lists',
    description: '根据《2020年嘉兴市政务公开重点工作责任清单》第59项“完善政务公开评价体系”和第68项“组织开展政务公开日常监督、专项检查和评价考核”，对承担清单任务的单位进行年度考核。',
  });
  const leafIds = new Map<string, number>();
  for (const [gi, g] of TREE.entries()) {
    const group = await svc.createIndicator(db, actor, set.id, { name: g.name, description: g.rule, maxPoints: 0, sortOrder: gi + 1, method: 'manual' });
    for (const [li, l] of g.leaves.entries()) {
      const leaf = await svc.createIndicator(db, actor, set.id, {
        parentId: group.id, name: l.name, description: l.rule, maxPoints: l.points, sortOrder: li + 1,
        method: l.metric ? 'computed' : 'manual', metric: l.metric ?? null, params: l.params,
      });
      leafIds.set(l.name, leaf.id);
    }
  }
  await svc.startScoring(db, actor, set.id);
  const resolver = await loadResolver(db);
  for (const d of DEDUCTIONS) {
    const unitId = resolver.findUnit(d.unit);
    if (unitId === undefined) continue;
    await svc.putManualScore(db, actor, leafIds.get(d.leaf)!, unitId, { points: d.points, note: d.note, evidence: d.evidence ?? [] });
  }
  await svc.publishSet(db, actor, set.id);
  return set.id;
}
