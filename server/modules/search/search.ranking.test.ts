/**
 * The relevance order both engines share (BM25 over the stored title and text).
 */
import { describe, expect, it } from 'vitest';
import { idf, rankByRelevance, type TermStatistics } from './search.ranking.ts';

const doc = (id: number, title: string, bodyText: string) => ({ id, title, bodyText });
const stats = (df: Record<string, number>, documents = 100_000): TermStatistics => ({ documents, df: new Map(Object.entries(df)) });
const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

describe('rankByRelevance', () => {
  it('puts a title match above documents that only mention the word in their text', () => {
    const ranked = rankByRelevance([
      doc(1, '校园周边整治情况通报', '营商环境的一部分，营商环境好不好，营商环境评价纳入考核。'),
      doc(2, '优化营商环境工作方案', '围绕企业开办、纳税等事项持续改进服务。'),
    ], ['营商环境'], stats({ 营商环境: 2_000 }));
    expect(ids(ranked)).toEqual([2, 1]);
  });

  it('weighs a rare word above a common one (idf)', () => {
    const candidates = [
      doc(1, '通知', '2020年2020年2020年2020年，开展双随机抽查。'),
      doc(2, '通知', '2020年，开展双随机抽查；双随机抽查结果公示；双随机名单更新。'),
    ];
    expect(ids(rankByRelevance(candidates, ['2020', '年', '双随机'], stats({ 2020: 60_000, 年: 99_000, 双随机: 800 })))).toEqual([2, 1]);
    // without the frequencies, the repeated common words would win
    expect(ids(rankByRelevance(candidates, ['2020', '年', '双随机'], stats({ 2020: 800, 年: 800, 双随机: 800 })))).toEqual([1, 2]);
  });

  it('prefers the shorter of two documents with the same occurrences, and counts full-width text as half-width', () => {
    const long = doc(1, '通报', `ＧＤＰ增长。${'其他内容。'.repeat(80)}`);
    const short = doc(2, '通报', 'GDP增长。');
    expect(ids(rankByRelevance([long, short], ['gdp'], stats({ gdp: 5_000 })))).toEqual([2, 1]);
    expect(ids(rankByRelevance([short, doc(3, '通报', '无关。')], ['gdp'], stats({ gdp: 5_000 })))).toEqual([2, 3]);
  });

  it('orders equal scores newest (highest id) first, and leaves one candidate alone', () => {
    const same = [doc(5, '通知', '垃圾分类'), doc(9, '通知', '垃圾分类'), doc(7, '通知', '垃圾分类')];
    expect(ids(rankByRelevance(same, ['垃圾分类'], stats({ 垃圾分类: 10 })))).toEqual([9, 7, 5]);
    expect(rankByRelevance([same[0]!], ['垃圾分类'], stats({}))).toEqual([same[0]]);
    expect(rankByRelevance([], ['垃圾分类'], stats({}))).toEqual([]);
  });
});

describe('idf', () => {
  it('falls as a word gets more frequent, and stays positive', () => {
    expect(idf(1_000_000, 20)).toBeGreaterThan(idf(1_000_000, 10_000));
    expect(idf(1_000_000, 10_000)).toBeGreaterThan(idf(1_000_000, 900_000));
    expect(idf(1_000_000, 1_000_000)).toBeGreaterThan(0);
    expect(idf(10, 50)).toBe(idf(10, 10)); // an estimate above the total counts as every document
  });
});
