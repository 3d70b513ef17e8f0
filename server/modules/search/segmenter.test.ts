/**
 * The segmenter: what makes Chinese searchable — search-mode cut for documents (every dictionary
 * sub-word, so 公开 is found in 政务公开), precise cut for queries, one normalisation for both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, segmentForIndex, segmentQuery } from './segmenter.ts';

const indexTokens = (text: string) => segmentForIndex(text).split(' ').filter(Boolean);

describe('normalise', () => {
  it('turns full-width letters and digits into half-width and lower-cases Latin', () => {
    expect(normalise('ＧＤＰ增长２０２０年')).toBe('gdp增长2020年');
    expect(normalise('PM2.5 COVID-19')).toBe('pm2.5 covid-19');
    expect(normalise('政务公开')).toBe('政务公开');
  });
});

describe('segmentForIndex', () => {
  it('indexes the government terms whole and every dictionary sub-word of them', () => {
    expect(indexTokens('政务公开')).toEqual(expect.arrayContaining(['政务公开', '政务', '公开']));
    expect(indexTokens('依申请公开')).toEqual(expect.arrayContaining(['依申请公开', '申请', '公开']));
    expect(indexTokens('行政规范性文件')).toEqual(expect.arrayContaining(['行政规范性文件', '规范性文件', '文件']));
    expect(indexTokens('双随机、一公开')).toEqual(expect.arrayContaining(['双随机', '随机', '一公开', '公开']));
    expect(indexTokens('政府信息公开')).toEqual(expect.arrayContaining(['政府信息公开', '政府', '信息', '公开']));
  });

  it('keeps letters, digits, decimals and percentages; drops punctuation and spaces', () => {
    expect(segmentForIndex('PM2.5浓度下降5.2%，GDP增长！')).toBe('pm2.5 浓度 下降 5.2% gdp 增长');
    expect(segmentForIndex('“双随机”……《通知》\n\t')).toBe('随机 双随机 通知');
    expect(segmentForIndex('，。！？ …… ——')).toBe('');
    expect(segmentForIndex('')).toBe('');
    // a point at either end of a number is punctuation
    expect(segmentForIndex('比上年增长5.')).toBe('比 上年 增长 5');
    expect(segmentQuery('.5亿元')).toEqual(['5', '亿元']);
  });

  it('separates tokens by single spaces, with no empty token', () => {
    for (const text of ['  政务  公开  ', '. % 。 5.', '第一季度：完成率100%。']) {
      const s = segmentForIndex(text);
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/ {2}/);
      for (const token of indexTokens(text)) expect(token).toMatch(/[\p{L}\p{N}]/u);
    }
  });
});

describe('segmentQuery', () => {
  it('cuts a query precisely: government terms stay one word', () => {
    expect(segmentQuery('政务公开')).toEqual(['政务公开']);
    expect(segmentQuery('依申请公开')).toEqual(['依申请公开']);
    expect(segmentQuery('规范性文件 清理')).toEqual(['规范性文件', '清理']);
    expect(segmentQuery('营商环境')).toEqual(['营商环境']);
    expect(segmentQuery('公开')).toEqual(['公开']);
  });

  it('reads mixed Chinese, Latin and digits, full-width or not', () => {
    expect(segmentQuery('2020年 双随机')).toEqual(['2020', '年', '双随机']);
    expect(segmentQuery('２０２０年　双随机')).toEqual(['2020', '年', '双随机']);
    expect(segmentQuery('PM2.5 浓度')).toEqual(['pm2.5', '浓度']);
    expect(segmentQuery('GDP')).toEqual(['gdp']);
    expect(segmentQuery('５G基站')).toEqual(['5g', '基站']);
  });

  it('gives no word for punctuation and spaces only (the service answers SEARCH_QUERY_EMPTY)', () => {
    for (const q of ['，。！？', '、', '   ', '《》“”', '……——', '!?.,;:']) expect(segmentQuery(q), q).toEqual([]);
  });

  it('lists each word once, in order', () => {
    expect(segmentQuery('公开 公开 政务')).toEqual(['公开', '政务']);
  });

  it('finds every query word among the index words of the same text (a document matches its own words)', () => {
    const alphabet = [...'政务公开信息依申请规范性文件清理营商环境双随机一嘉兴市人民政府办公室关于印发通知年度报告第季度'].concat(['2020', 'GDP', 'pm2.5', '５', '，', '。', ' ', '、', '%', '.']);
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const index = new Set(indexTokens(text));
      for (const word of segmentQuery(text)) expect(index.has(word), `${word} in ${text}`).toBe(true);
    }), { numRuns: 300 });
  });
});
