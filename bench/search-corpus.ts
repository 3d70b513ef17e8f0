/**
 * A deterministic generator of realistic Chinese government publications for the search
 * benchmark (bench/search.ts): titles as 嘉兴 issues them (…关于印发《…》的通知, …关于…的实施意见,
 * 年度报告, 政策解读), 文号 per issuing unit and year (嘉政办发〔2020〕36号), the units of the Jiaxing
 * directory (server/modules/directory/data/jiaxing-units.csv), topics, and bodies of a few hundred
 * characters assembled from government phrases with years, figures, places and some Latin (GDP,
 * PM2.5, 5G, CPI, APP). Documents come in date order (2015-01-01 … 2025-12-31), as a platform
 * indexes them over the years. The same seed gives the same corpus, document by document.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SearchEntry, SearchKind } from '../server/modules/search/index.ts';

/** sfc32: small, fast, seedable; plenty for a corpus. */
export class Prng {
  private a: number; private b: number; private c: number; private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9; this.b = 0x243f6a88; this.c = 0xb7e15162; this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  /** [0, 1) */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  fixed(min: number, max: number, digits = 1): string {
    return (min + this.next() * (max - min)).toFixed(digits);
  }
}

export interface CorpusUnit { id: number; name: string; shortName: string; kind: string }

const UNITS_CSV = new URL('../server/modules/directory/data/jiaxing-units.csv', import.meta.url);

/** The Jiaxing directory's units (ids in file order unless the caller maps them to database ids). */
export function jiaxingUnits(): CorpusUnit[] {
  const rows = parse(fs.readFileSync(UNITS_CSV), { columns: true, skip_empty_lines: true }) as { name: string; shortName: string; kind: string }[];
  return rows.map((r, i) => ({ id: i + 1, name: r.name, shortName: r.shortName || r.name, kind: r.kind }));
}

/** 文号 issuer codes: the usual ones by hand, the others derived from the short name (市教育局 → 嘉教). */
const ISSUER_CODES: Record<string, string[]> = {
  市政府办公室: ['嘉政办发', '嘉政办函', '嘉政办'],
  市发展改革委: ['嘉发改', '嘉发改投资'],
  市司法局: ['嘉司发'],
  市财政局: ['嘉财预', '嘉财行'],
  市生态环境局: ['嘉环发'],
  市市场监管局: ['嘉市监'],
};

const COUNTY_CODES: Record<string, string> = { 南湖: '南', 秀洲: '秀', 嘉善: '善', 平湖: '平', 海宁: '海', 桐乡: '桐', 海盐: '盐' };

function issuerCodes(u: CorpusUnit): string[] {
  const known = ISSUER_CODES[u.shortName];
  if (known) return known;
  if (u.kind === 'countyGovernment') return [`${COUNTY_CODES[u.shortName.slice(0, 2)] ?? u.shortName.slice(0, 1)}政发`, `${COUNTY_CODES[u.shortName.slice(0, 2)] ?? u.shortName.slice(0, 1)}政办发`];
  const core = u.shortName.replace(/^(中共)?(嘉兴)?市(委)?/, '').replace(/(局|委|办|委员会|办公室|中心|部)$/, '');
  return [`嘉${core.slice(0, 2) || '政'}发`];
}

const PLACES = ['嘉兴市', '南湖区', '秀洲区', '嘉善县', '平湖市', '海盐县', '海宁市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区'];
const TOWNS = ['王江泾镇', '新塍镇', '油车港镇', '西塘镇', '姚庄镇', '大云镇', '乌镇', '濮院镇', '崇福镇', '许村镇', '长安镇', '盐官镇', '袁花镇', '澉浦镇', '武原街道', '当湖街道', '独山港镇', '新仓镇', '凤桥镇', '七星街道', '洪合镇', '王店镇'];
const TOPICS = [
  '政务公开', '营商环境', '双随机、一公开监管', '垃圾分类', '安全生产', '乡村振兴', '数字化改革', '疫情防控', '生态环境保护', '河长制', '城市更新',
  '老旧小区改造', '医疗保障', '义务教育', '就业创业', '养老服务', '文化旅游', '科技创新', '5G基站建设', '规范性文件清理', '行政执法', '财政预算',
  '土地征收', '防汛防台', '交通治理', '食品安全', '最多跑一次改革', '政务服务', '住房保障', '人才引进', '农村饮用水', '长三角一体化', '消防安全',
  '大气污染防治', '水环境治理', '历史文化名城保护', '未来社区建设', '共同富裕示范区建设', '中小企业纾困', '公共信用信息', '统计调查', '社会救助',
];
const DOC_TYPES = ['工作要点', '实施方案', '管理办法', '实施细则', '行动计划', '三年行动方案', '考核办法', '专项资金管理办法', '指导意见', '工作方案', '应急预案'];
const ACTIONS = ['进一步加强', '全面推进', '切实做好', '深化', '加快推进', '规范', '持续优化', '扎实开展', '做好'];
const REPORT_SUBJECTS = ['政府信息公开工作年度报告', '法治政府建设情况报告', '国民经济和社会发展统计公报', '财政预算执行情况报告', '部门决算', '部门预算'];
const POLICIES = [
  '《中华人民共和国政府信息公开条例》', '《优化营商环境条例》', '《浙江省行政规范性文件管理办法》', '《重大行政决策程序暂行条例》', '党中央、国务院决策部署',
  '省委、省政府工作要求', '市委、市政府工作部署', '《关于全面推进政务公开工作的意见》', '《浙江省数字化改革总体方案》',
];
const LATIN = ['GDP', 'PM2.5', '5G', 'CPI', 'APP', 'AQI', 'PPP', 'ETC', 'WiFi', 'B2B'];
/** A word that very few documents contain: the benchmark's rare query. */
export const RARE_WORD = '萤火虫';

type Ctx = { rng: Prng; year: number; unit: CorpusUnit; topic: string; place: string; town: string; date: string };

/** Body sentences: each a function of the document's context. */
const SENTENCES: ((c: Ctx) => string)[] = [
  (c) => `${c.year}年，${c.unit.name}深入贯彻落实${c.rng.pick(POLICIES)}，${c.rng.pick(ACTIONS)}${c.topic}工作，取得明显成效。`,
  (c) => `全年共完成${c.topic}项目${c.rng.int(3, 480)}个，总投资${c.rng.fixed(0.5, 120, 2)}亿元，同比增长${c.rng.fixed(1, 35)}%。`,
  (c) => `${c.place}实现地区生产总值（GDP）${c.rng.int(300, 7000)}亿元，按可比价格计算，比上年增长${c.rng.fixed(2, 9)}%。`,
  (c) => `全市PM2.5平均浓度为${c.rng.int(18, 45)}微克/立方米，空气质量优良天数比例为${c.rng.fixed(75, 95)}%，AQI达标率持续提升。`,
  (c) => `累计建成${c.year >= 2019 ? '5G' : '4G'}基站${c.rng.int(500, 12000)}个，实现城区和重点乡镇全覆盖，${c.town}建成数字乡村示范点${c.rng.int(1, 12)}个。`,
  (c) => `按照“双随机、一公开”监管要求，全年开展随机抽查${c.rng.int(10, 900)}次，抽查结果通过“信用中国（浙江嘉兴）”网站向社会公示。`,
  (c) => `现将有关情况公开如下：${c.year}年共主动公开政府信息${c.rng.int(200, 9000)}条，受理政府信息公开申请${c.rng.int(5, 600)}件，均在法定期限内答复。`,
  (c) => `各县（市、区）人民政府，市政府各部门、各直属单位：现将《${c.place}${c.topic}${c.rng.pick(DOC_TYPES)}》印发给你们，请结合实际认真贯彻执行。`,
  (c) => `本文件自${c.date}起施行，有效期${c.rng.int(2, 5)}年。此前有关规定与本文件不一致的，以本文件为准。`,
  (c) => `如对本文件有疑问，请联系${c.unit.name}，联系电话：0573-${c.rng.int(82000000, 89999999)}，地址：嘉兴市${c.rng.pick(['中山东路', '南湖大道', '东升西路', '常秀街', '纺工路', '洪兴路', '广益路'])}${c.rng.int(1, 1800)}号。`,
  (c) => `坚持以人民为中心的发展思想，聚焦群众关心关注的${c.topic}问题，建立健全工作机制，确保各项任务落到实处。`,
  (c) => `推动政务服务事项“一网通办”，${c.rng.int(90, 100)}%以上事项实现“掌上办”，通过“浙里办”APP办理业务${c.rng.int(1, 900)}万件。`,
  (c) => `居民消费价格指数（CPI）同比上涨${c.rng.fixed(0.1, 3.5)}%，城镇常住居民人均可支配收入${c.rng.int(45000, 78000)}元。`,
  (c) => `${c.town}结合实际，成立由主要负责同志任组长的工作领导小组，下设办公室，负责${c.topic}的统筹协调和督促检查。`,
  (c) => `对照年度目标任务，${c.unit.shortName}逐项分解责任，明确时间节点，${c.rng.int(1, 12)}月底前完成全部整改，整改情况及时通报，接受群众监督。`,
  (c) => `规范性文件清理工作中，共梳理现行有效文件${c.rng.int(20, 400)}件，拟废止${c.rng.int(1, 40)}件、修改${c.rng.int(1, 30)}件，清理结果及时向社会公布。`,
  (c) => `进一步优化营商环境，企业开办时间压缩至${c.rng.fixed(0.5, 3)}个工作日，全年新增市场主体${c.rng.int(3000, 60000)}户。`,
  (c) => `加强防汛防台准备，汛期前排查风险点${c.rng.int(50, 2000)}处，落实抢险队伍${c.rng.int(5, 120)}支、物资储备${c.rng.int(1, 80)}万件。`,
  (c) => `实施${c.place}${c.topic}三年行动计划（${c.year}—${c.year + 2}年），到${c.year + 2}年底，基本形成覆盖城乡、便捷高效的服务体系。`,
  (c) => `各地各部门要高度重视，加强组织领导，强化部门协同，将${c.topic}纳入年度考核，确保工作取得实效。`,
  (c) => `${c.year}年${c.rng.int(1, 12)}月${c.rng.int(1, 28)}日，市政府召开常务会议，研究部署${c.topic}工作，会议强调要坚持问题导向，狠抓工作落实。`,
  (c) => `依法推进政府信息公开，做好依申请公开答复工作，全年行政复议和行政诉讼纠错${c.rng.int(0, 5)}件。`,
  (c) => `新建改建农村公路${c.rng.int(10, 600)}公里，新增停车泊位${c.rng.int(100, 20000)}个，开通ETC车道${c.rng.int(2, 60)}条。`,
  (c) => `依托长三角生态绿色一体化发展示范区建设，${c.place}与上海、苏州开展跨区域合作项目${c.rng.int(2, 90)}个。`,
];

function dayString(dayIndex: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + dayIndex * 86_400_000);
  return d.toISOString().slice(0, 10);
}
const DAYS = (Date.UTC(2025, 11, 31) - Date.UTC(2015, 0, 1)) / 86_400_000 + 1;

/** A catalogue tree: 8 top-level nodes (ids 1–8) with 12 leaves each (ids 9–104). */
const TOP_NODES = 8;
const LEAVES_PER_TOP = 12;
export function catalogueNodes(rng: Prng): number[] {
  const top = rng.int(1, TOP_NODES);
  const leaf = TOP_NODES + (top - 1) * LEAVES_PER_TOP + rng.int(1, LEAVES_PER_TOP);
  return [top, leaf];
}

export class Corpus {
  private readonly rng: Prng;
  private readonly serials = new Map<string, number>();
  private readonly refIds: Record<SearchKind, number> = { publication: 0, normative: 0, gazette: 0, interpretation: 0 };
  private gazetteIssue = 0;
  private lastGazetteMonth = '';
  private i = 0;

  constructor(readonly total: number, readonly units: CorpusUnit[], seed = 20201125) {
    this.rng = new Prng(seed);
  }

  /** The next document (index order = date order). */
  next(): SearchEntry {
    const rng = this.rng;
    const i = this.i++;
    const date = dayString(Math.min(DAYS - 1, Math.floor((i * DAYS) / this.total)));
    const year = Number(date.slice(0, 4));
    // the government office issues more than most; the rest evenly
    const unit = rng.chance(0.12) ? this.units[0]! : rng.pick(this.units);
    const topic = rng.pick(TOPICS);
    const place = rng.pick(PLACES);
    const c: Ctx = { rng, year, unit, topic, place, town: rng.pick(TOWNS), date };
    const r = rng.next();
    const kind: SearchKind = r < 0.7 ? 'publication' : r < 0.8 ? 'normative' : r < 0.9 ? 'gazette' : 'interpretation';
    const title = this.title(kind, c);
    // 文号: all normative documents and gazette articles, a third of other publications
    let docNumber: string | null = null;
    if (kind === 'normative' || kind === 'gazette' || (kind === 'publication' && rng.chance(0.35))) {
      const code = unit === this.units[0] && rng.chance(0.6) ? '嘉政办发' : rng.pick(issuerCodes(unit));
      const key = `${code}:${year}`;
      const serial = (this.serials.get(key) ?? 0) + 1;
      this.serials.set(key, serial);
      docNumber = `${code}〔${year}〕${serial}号`;
    }
    // 4–9 different sentences (~400 characters with the title)
    const sentences: string[] = [];
    const used = new Set<number>();
    const count = rng.int(4, 9);
    while (used.size < count) {
      const s = rng.int(0, SENTENCES.length - 1);
      if (!used.has(s)) {
        used.add(s);
        sentences.push(SENTENCES[s]!(c));
      }
    }
    if (rng.chance(0.05)) sentences.push(`${rng.pick(LATIN)}相关指标纳入${topic}监测体系。`);
    if (rng.chance(1 / 50_000)) sentences.push(`${c.town}湿地公园${RARE_WORD}栖息地保护项目正式启动。`);
    let validity: string | null = null;
    if (kind === 'normative') {
      const v = rng.next();
      validity = year >= 2022 || v < 0.55 ? 'valid' : v < 0.8 ? 'expired' : v < 0.93 ? 'repealed' : 'amended';
    }
    const refId = ++this.refIds[kind];
    return {
      kind, refId, unitId: unit.id, year, validity, docNumber, title,
      url: `/${kind === 'publication' ? 'publications' : kind === 'normative' ? 'normative-documents' : kind === 'gazette' ? 'gazette/articles' : 'interpretations'}/${refId}`,
      publishedOn: date, body: sentences.join(''), nodeIds: catalogueNodes(rng),
    };
  }

  private title(kind: SearchKind, c: Ctx): string {
    const { rng, year, unit, topic, place } = c;
    switch (kind) {
      case 'normative':
        return rng.pick([
          `${unit.name}关于印发《${place}${topic}${rng.pick(DOC_TYPES)}》的通知`,
          `${unit.name}关于${rng.pick(ACTIONS)}${topic}工作的实施意见`,
          `${place}${topic}管理办法`,
        ]);
      case 'gazette':
        if (c.date.slice(0, 7) !== this.lastGazetteMonth) {
          this.lastGazetteMonth = c.date.slice(0, 7);
          this.gazetteIssue++;
        }
        return `${unit.name}关于${rng.pick(ACTIONS)}${topic}的通知（政府公报${year}年第${((this.gazetteIssue - 1) % 12) + 1}期）`;
      case 'interpretation':
        return rng.pick([`《${place}${topic}${rng.pick(DOC_TYPES)}》政策解读`, `一图读懂${place}${year}年${topic}新政`, `${unit.shortName}负责人就${topic}答记者问`]);
      default:
        return rng.pick([
          `${unit.name}关于印发《${place}${year}年${topic}${rng.pick(DOC_TYPES)}》的通知`,
          `${unit.name}关于${rng.pick(ACTIONS)}${topic}的通知`,
          `${unit.name}${year}年${rng.pick(REPORT_SUBJECTS)}`,
          `${place}${year}年${topic}工作情况通报`,
          `关于${year}年${topic}工作开展情况的报告`,
          `${unit.shortName}${year}年${rng.int(1, 4)}季度${topic}工作进展`,
        ]);
    }
  }
}
