/**
 * The default catalogue trees an installation starts with; the office edits them afterwards.
 * - 主动公开基本目录 of the government (市政府) and, smaller, of each unit;
 * - 基层政务公开标准目录: the 26 pilot areas of the national standardisation work (国办发〔2019〕54号
 *   and the State Council departments' area guidelines), for county governments and the city.
 */
export interface DefaultNode {
  name: string;
  children?: DefaultNode[];
}

const n = (name: string, ...children: string[]): DefaultNode => ({ name, children: children.map((c) => ({ name: c })) });

export const GOVERNMENT_BASIC_CATALOGUE: DefaultNode[] = [
  n('机构职能', '机构设置', '领导信息', '内设机构'),
  n('政策文件', '行政规范性文件', '其他文件', '政府规章'),
  n('政策解读', '文字解读', '图片解读', '视频解读'),
  n('规划计划', '发展规划', '专项规划', '年度计划'),
  n('财政资金', '财政预决算', '部门预决算', '政府债务'),
  n('重点领域', '重大建设项目', '公共资源配置', '社会公益事业', '生态环境', '公共卫生'),
  n('行政执法', '行政许可', '行政处罚', '双随机一公开'),
  n('建议提案办理', '人大代表建议', '政协提案'),
  n('人事信息', '人事任免', '招考录用'),
  n('统计信息', '统计数据', '统计公报'),
  n('政府会议', '常务会议', '新闻发布会'),
  n('应急管理', '应急预案', '突发事件'),
];

export const UNIT_BASIC_CATALOGUE: DefaultNode[] = [
  n('机构概况', '机构职能', '领导信息'),
  n('政策文件', '行政规范性文件', '其他文件'),
  { name: '政策解读' },
  n('规划计划', '发展规划', '年度计划'),
  n('财政资金', '部门预决算'),
  n('行政执法', '行政许可', '行政处罚', '双随机一公开'),
  { name: '建议提案办理' },
  { name: '工作动态' },
];

/** The 26 pilot areas of 基层政务公开标准化规范化 */
export const STANDARD_PILOT_AREAS: string[] = [
  '重大建设项目', '公共资源交易', '税收管理', '城乡规划', '征地补偿', '国有土地上房屋征收与补偿', '农村危房改造', '扶贫',
  '救灾', '社会救助', '养老服务', '户籍管理', '涉农补贴', '就业', '社会保险', '义务教育', '医疗卫生', '食品药品监管',
  '城市综合执法', '环境保护', '公共文化服务', '公共法律服务', '安全生产', '财政预决算', '市政服务', '农村集体土地',
];

/** Each pilot area's standard items (a generic set; the office refines them area by area). */
export const STANDARD_AREA_ITEMS: string[] = ['政策文件', '办事指南', '实施情况', '结果公开'];
