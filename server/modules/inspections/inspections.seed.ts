/**
 * Demo data for a newcomer: the 2020 third-quarter government-website check (网站检查, published
 * with its rectification status) and the findings fed back by the 2020 provincial third-party
 * evaluation (第三方评估), for a few Jiaxing units in every state — closed on time, closed late,
 * closed by the office with a note, returned, awaiting verification, and overdue. Content is
 * illustrative.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { loadResolver } from '../directory/index.ts';
import * as svc from './inspections.service.ts';

type Outcome =
  | { kind: 'open' }
  | { kind: 'submitted'; text: string; links: string[] }
  | { kind: 'returned'; text: string; links: string[]; reason: string }
  | { kind: 'closed'; text: string; links: string[]; closedOn: string; note?: string }
  | { kind: 'closedByOffice'; closedOn: string; note: string };

interface DemoFinding {
  unit: string;
  severity: 'general' | 'major' | 'serious';
  problem: string;
  requirement: string;
  dueOn: string;
  /** the seq of the 2020 list's task the finding concerns */
  taskSeq?: number;
  outcome: Outcome;
}

interface DemoInspection {
  input: svc.InspectionInput;
  findings: DemoFinding[];
  publishedOn?: string;
}

const SITE = 'https://www.jiaxing.gov.cn';

const INSPECTIONS: DemoInspection[] = [
  {
    input: {
      year: 2020, kind: 'websiteCheck', title: '2020年第三季度全市政府网站检查', source: '市政务数据办',
      description: '按照政府网站日常监测和季度检查要求，对市级部门网站和政府信息公开专栏开展检查，重点检查栏目更新、内容准确和政府信息公开平台规范。',
      startedOn: '2020-08-10', endedOn: '2020-08-21',
    },
    publishedOn: '2020-11-05',
    findings: [
      {
        unit: '市教育局', severity: 'major', taskSeq: 66, dueOn: '2020-09-30',
        problem: '政府信息公开指南仍为2008年版本，未按新修订的《中华人民共和国政府信息公开条例》更新。',
        requirement: '按新条例和省政府办公厅的指南模板修订政府信息公开指南，并在政府信息公开专栏发布。',
        outcome: { kind: 'closed', closedOn: '2020-09-25', text: '已按新条例修订政府信息公开指南，补充依申请公开的受理渠道和处理流程，于9月18日在专栏发布。', links: [`${SITE}/col/col1229426475/art/2020/9/18/art_1229426475_1.html`] },
      },
      {
        unit: '市民政局', severity: 'general', dueOn: '2020-09-30',
        problem: '“政策解读”栏目最近一条信息为2019年11月发布，更新不及时。',
        requirement: '梳理2020年以来出台的政策文件，同步做好解读并发布，建立栏目更新责任制。',
        outcome: {
          kind: 'returned', text: '已安排专人负责栏目更新。', links: [`${SITE}/col/col1229426512/index.html`],
          reason: '整改情况未说明补发了哪些政策的解读，请列明已补发的解读并提供链接。',
        },
      },
      {
        unit: '市交通运输局', severity: 'general', dueOn: '2020-10-15',
        problem: '“重大建设项目”“财政资金”等3个栏目为空白栏目，无任何内容。',
        requirement: '补充栏目内容，确无信息的栏目予以整合或说明，不得出现空白栏目。',
        outcome: { kind: 'open' },
      },
      {
        unit: '市卫生健康委', severity: 'general', dueOn: '2020-10-15',
        problem: '网站首页存在5处外部链接失效（“404”），部分页面有错别字。',
        requirement: '全面排查失效链接和错别字，建立常态化巡查机制。',
        outcome: { kind: 'closed', closedOn: '2020-10-23', text: '已修复全部失效链接，更正错别字，并将网站巡查纳入每周工作。', links: [`${SITE}/col/col1229426533/index.html`] },
      },
    ],
  },
  {
    input: {
      year: 2020, kind: 'thirdPartyEvaluation', title: '2020年度浙江省政务公开第三方评估反馈问题整改', source: '省政府办公厅委托的第三方评估机构',
      description: '第三方评估机构对我市政务公开工作开展评估，反馈问题交各责任单位限期整改。',
      startedOn: '2020-10-12', endedOn: '2020-11-06',
    },
    findings: [
      {
        unit: '市自然资源和规划局', severity: 'major', taskSeq: 69, dueOn: '2020-12-15',
        problem: '重大建设项目批准和实施领域，建设用地规划许可信息公开不全。',
        requirement: '补充公开2020年以来的建设用地规划许可信息，并按标准目录归集。',
        outcome: { kind: 'closedByOffice', closedOn: '2020-12-10', note: '经现场核查，已补充公开全部许可信息，予以销号。' },
      },
      {
        unit: '市生态环境局', severity: 'serious', taskSeq: 69, dueOn: '2020-12-31',
        problem: '部分环境行政处罚决定未在作出决定之日起7个工作日内公开。',
        requirement: '补充公开处罚决定，建立行政处罚结果公开的时限提醒机制。',
        outcome: { kind: 'submitted', text: '已补充公开2020年环境行政处罚决定23件，并在执法办案系统中增加公开时限提醒。', links: [`${SITE}/col/col1229426561/index.html`] },
      },
      {
        unit: '市市场监管局', severity: 'general', taskSeq: 69, dueOn: '2020-12-31',
        problem: '抽查的依申请公开答复书未告知申请人复议和诉讼的救济途径。',
        requirement: '规范答复书格式，一律写明救济途径，对年内已答复的申请逐件核查。',
        outcome: { kind: 'open' },
      },
    ],
  },
];

/** The id of the 2020 list's task with this seq (the demo's first published list), if any. */
async function taskId(db: Db, seq: number | undefined): Promise<number | null> {
  if (seq === undefined) return null;
  const row = await db.selectFrom('task').innerJoin('list', 'list.id', 'task.listId').select('task.id')
    .where('list.state', '=', 'published').where('task.seq', '=', seq).orderBy('list.id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** The day before `date` (YYYY-MM-DD), `n` days back. */
function daysBefore(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo's reports are made today through the service; their timestamps are set back to 2020
 * (submitted a few days before the due date or the closing, verified on the closing day) so the
 * history reads as it happened. Demo data only.
 */
async function backdate(db: Db, findingId: number, submittedOn: string, verifiedOn: string | null): Promise<void> {
  await db.updateTable('rectificationReport').set({ submittedAt: `${submittedOn}T02:00:00.000Z`, ...(verifiedOn ? { verifiedAt: `${verifiedOn}T06:00:00.000Z` } : {}) })
    .where('findingId', '=', findingId).execute();
}

/** Seeds the demo inspections (through the service, so states and audit records are real); returns how many findings. */
export async function seedDemoInspections(db: Db, actor: Actor): Promise<number> {
  const resolver = await loadResolver(db);
  const unit = (name: string) => {
    const id = resolver.findUnit(name);
    if (id === undefined) throw new Error(`demo inspections: unknown unit ${name}`);
    return id;
  };
  const limits = { maxBytes: 10 * 1024 * 1024 };
  let n = 0;
  for (const d of INSPECTIONS) {
    const inspection = await svc.createInspection(db, actor, d.input);
    const made: { id: number; dueOn: string; outcome: Outcome }[] = [];
    for (const f of d.findings) {
      const created = await svc.addFinding(db, actor, inspection.id, {
        unitId: unit(f.unit), taskId: await taskId(db, f.taskSeq), severity: f.severity, problem: f.problem, requirement: f.requirement, dueOn: f.dueOn,
      });
      made.push({ id: created.id, dueOn: f.dueOn, outcome: f.outcome });
      n++;
    }
    await svc.openInspection(db, actor, inspection.id);
    for (const { id, dueOn, outcome: o } of made) {
      if (o.kind === 'open') continue;
      if (o.kind === 'closedByOffice') {
        await svc.closeFinding(db, actor, id, { note: o.note, closedOn: o.closedOn });
        continue;
      }
      await svc.submitRectification(db, actor, id, { text: o.text, evidenceLinks: o.links, publicationIds: [], files: [] }, limits);
      if (o.kind === 'returned') await svc.returnFinding(db, actor, id, { reason: o.reason });
      if (o.kind === 'closed') await svc.closeFinding(db, actor, id, { note: o.note ?? '整改到位，予以销号。', closedOn: o.closedOn });
      await backdate(db, id, daysBefore(o.kind === 'closed' ? o.closedOn : dueOn, 5), o.kind === 'closed' ? o.closedOn : o.kind === 'returned' ? daysBefore(dueOn, 2) : null);
    }
    if (d.publishedOn) await svc.publishInspection(db, actor, inspection.id, { published: true, publishedOn: d.publishedOn });
  }
  return n;
}
