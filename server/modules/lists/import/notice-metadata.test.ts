import { describe, expect, it } from 'vitest';
import { normaliseDocNumber, parseIssueDate, readNoticeMetadata } from './notice-metadata.ts';

const paras = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('normaliseDocNumber', () => {
  it.each([
    ['嘉政办发〔2020〕36号', '嘉政办发〔2020〕36号'],
    ['嘉政办发[2020]36号', '嘉政办发〔2020〕36号'],
    ['嘉政办发(2020)36号', '嘉政办发〔2020〕36号'],
    ['嘉政办发（2020）36号', '嘉政办发〔2020〕36号'],
    ['嘉政办发 ﹝2020﹞ 36 号', '嘉政办发〔2020〕36号'],
    ['嘉政办发【２０２０】036号', '嘉政办发〔2020〕36号'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDocNumber(raw)).toBe(expected);
  });
  it('is null for other text', () => {
    expect(normaliseDocNumber('为全面深入推进政务公开')).toBeNull();
  });
});

describe('parseIssueDate', () => {
  it.each([
    ['2020年7月2日', '2020-07-02'],
    ['2020 年 12 月 31 日', '2020-12-31'],
    ['二〇二〇年七月二日', '2020-07-02'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
  ])('%s → %s', (raw, expected) => {
    expect(parseIssueDate(raw)).toBe(expected);
  });
  it.each(['2020年2月30日', '2020年7月2日前', '于2020年7月2日'])('is null for %s', (raw) => {
    expect(parseIssueDate(raw)).toBeNull();
  });
});

describe('readNoticeMetadata', () => {
  it('joins a title split over lines, and reads the signature above the date', () => {
    const m = readNoticeMetadata(
      paras(
        '某政办发[2021]7号',
        '某市人民政府办公室关于印发',
        '2021年某市政务公开工作要点的通知',
        '各区政府，市级有关部门：',
        '现将《2021年某市政务公开工作要点》印发给你们（参照浙政办发〔2020〕20号），请认真贯彻落实。',
        '某市人民政府办公室',
        '2021年3月5日',
      ),
    );
    expect(m.notice).toEqual({
      title: '某市人民政府办公室关于印发2021年某市政务公开工作要点的通知',
      docNumber: '某政办发〔2021〕7号',
      issuer: '某市人民政府办公室',
      issuedOn: '2021-03-05',
      year: 2021,
    });
    // No list-title line above the table: taken from 关于印发…的通知.
    expect(m.listTitle).toBe('2021年某市政务公开工作要点');
  });

  it('falls back to the title issuer without a signature, and to the issue year without a titled year', () => {
    const m = readNoticeMetadata(paras('某市人民政府办公室关于印发政务公开清单的通知', '2022年1月4日', '政务公开重点工作清单'));
    expect(m.notice.issuer).toBe('某市人民政府办公室');
    expect(m.notice.year).toBe(2022);
    expect(m.listTitle).toBe('政务公开重点工作清单');
  });

  it('finds an annex the body refers to', () => {
    expect(readNoticeMetadata(paras('附件：市级有关部门（单位）名单')).annexReference).toEqual({ group: '市级有关部门（单位）', line: 1 });
  });

  it('returns nulls for an empty preamble', () => {
    expect(readNoticeMetadata([])).toEqual({
      notice: { title: null, docNumber: null, issuer: null, issuedOn: null, year: null },
      listTitle: null,
      annexReference: null,
    });
  });
});
