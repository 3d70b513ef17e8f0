/**
 * Demo annual reports for 2020 (the seed list's year), generated from the demo requests: 市市场监管局's
 * report published, 市生态环境局's a draft with table 二 half entered, and the city government's
 * (嘉兴市人民政府, made by the office) a draft.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { loadResolver } from '../directory/index.ts';
import * as svc from './annual-reports.service.ts';

const SECTION5 = [
  '一是政府信息公开的及时性还需提高，个别栏目更新不够及时；二是政策解读形式较为单一，图解、视频等解读方式运用不多；三是依申请公开答复的规范化水平有待提升。',
  '下一步，我局将加强主动公开栏目的日常维护，丰富政策解读形式，健全依申请公开办理流程和答复文书模板，加强业务培训。',
].join('\n');
const SECTION6 = '本年度未收取信息处理费。';

/** Seeds the demo reports; returns how many. */
export async function seedDemoAnnualReports(db: Db, actor: Actor): Promise<number> {
  const r = await loadResolver(db);
  const market = r.findUnit('市市场监管局');
  const ecology = r.findUnit('市生态环境局');
  const office = r.findUnit('市政府办公室');
  let n = 0;
  if (market !== undefined) {
    const rep = await svc.createReport(db, actor, { scope: 'unit', unitId: market, year: 2020 });
    await svc.updateReport(db, actor, rep.id, {
      table2: {
        规章: [0, 0, 0], 行政许可: [46, 2, 1318], 其他对外管理服务事项: [12, 0, 85], 行政处罚: [58, -1, 2364], 行政强制: [9, 0, 141],
        行政事业性收费: [2, 0], 政府集中采购: [16, 862.4],
      },
      section5: SECTION5, section6: SECTION6,
    });
    try {
      await svc.publishReport(db, actor, rep.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e; // the demo requests changed: leave it a draft
    }
    n++;
  }
  if (ecology !== undefined) {
    const rep = await svc.createReport(db, actor, { scope: 'unit', unitId: ecology, year: 2020 });
    await svc.updateReport(db, actor, rep.id, { table2: { 规章: [0, 0, 0], 行政许可: [21, 0, 412], 行政处罚: [14, 1, 356] } });
    n++;
  }
  if (office !== undefined) {
    await svc.createReport(db, actor, { scope: 'government', unitId: office, year: 2020 });
    n++;
  }
  return n;
}
