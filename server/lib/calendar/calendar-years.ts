/**
 * The State Council General Office notices (国务院办公厅关于XXXX年部分节假日安排的通知) behind the
 * built-in calendar years, 2019–2026. Source: shared/reference/holiday-calendar.md (section C), which
 * read a copy of every notice and compared holiday-cn, chinese-days and chinese-holidays against them.
 * The day-by-day data itself comes from the `chinese-days` package (see working-day-calendar.ts); the
 * tests cross-check every OFF range and WORK day of the reference table against it.
 *
 * Re-check every November for the next year's notice (reference, rule 4): a year that is not here
 * must be loaded by the office as a calendar file (calendar-year-file.ts), never guessed.
 */

/** One official notice. */
export interface CalendarNotice {
  title: string;
  /** 文号, e.g. 国办发明电〔2019〕16号; null when not confirmed */
  docNumber: string | null;
  /** Date of the notice, YYYY-MM-DD; null when unknown */
  issuedOn: string | null;
  /** The gov.cn page; null when unknown */
  url: string | null;
  /** Other addresses of the same notice (e.g. the gov.cn 政策 page beside the 政策库 page) */
  otherUrls?: string[];
  /** What the notice changed, when it amends an earlier one */
  note?: string;
}

/** The notices behind one calendar year. */
export interface CalendarYearSource {
  year: number;
  /** The main notice, then any later notice that changed it, in date order */
  notices: CalendarNotice[];
  /**
   * The first date the year's notice covers, when it reaches into the previous December (reference,
   * rule 2: the 2019 notice covers 2018-12-29..31, the 2023 notice 2022-12-31). Otherwise `${year}-01-01`.
   */
  coversFrom: string;
}

const title = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

export const CALENDAR_YEAR_SOURCES: readonly CalendarYearSource[] = [
  {
    year: 2019,
    coversFrom: '2018-12-29',
    notices: [
      { title: title(2019), docNumber: '国办发明电〔2018〕15号', issuedOn: '2018-12-04', url: 'http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm' },
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        docNumber: '国办发明电〔2019〕3号',
        issuedOn: '2019-03-22',
        url: 'http://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm',
        note: '劳动节由放假1天调整为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
      },
    ],
  },
  {
    year: 2020,
    coversFrom: '2020-01-01',
    notices: [
      { title: title(2020), docNumber: '国办发明电〔2019〕16号', issuedOn: '2019-11-21', url: 'http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm' },
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        docNumber: '国办发明电〔2020〕1号',
        issuedOn: '2020-01-26',
        url: 'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
        note: '春节假期延长至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班；原定2月1日（星期六）上班取消',
      },
    ],
  },
  {
    year: 2021,
    coversFrom: '2021-01-01',
    notices: [{ title: title(2021), docNumber: '国办发明电〔2020〕27号', issuedOn: '2020-11-25', url: 'http://www.gov.cn/zhengce/zhengceku/2020-11/25/content_5564127.htm' }],
  },
  {
    year: 2022,
    coversFrom: '2022-01-01',
    notices: [{ title: title(2022), docNumber: '国办发明电〔2021〕11号', issuedOn: '2021-10-25', url: 'http://www.gov.cn/zhengce/zhengceku/2021-10/25/content_5644835.htm' }],
  },
  {
    year: 2023,
    // The 2023 New Year break began on 2022-12-31 (a Saturday, so no change to 2022's working days).
    coversFrom: '2022-12-31',
    notices: [{ title: title(2023), docNumber: '国办发明电〔2022〕16号', issuedOn: '2022-12-08', url: 'http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm' }],
  },
  {
    year: 2024,
    coversFrom: '2024-01-01',
    notices: [
      {
        title: title(2024),
        docNumber: '国办发明电〔2023〕7号',
        issuedOn: '2023-10-25',
        url: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
        otherUrls: ['https://www.gov.cn/zhengce/content/202310/content_6911527.htm'],
      },
    ],
  },
  {
    year: 2025,
    coversFrom: '2025-01-01',
    notices: [{ title: title(2025), docNumber: '国办发明电〔2024〕12号', issuedOn: '2024-11-12', url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm' }],
  },
  {
    year: 2026,
    coversFrom: '2026-01-01',
    // The reference could not confirm the 2026 notice's document number.
    notices: [{ title: title(2026), docNumber: null, issuedOn: '2025-11-04', url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' }],
  },
];

/** The built-in years, ascending. */
export const BUILT_IN_CALENDAR_YEARS: readonly number[] = CALENDAR_YEAR_SOURCES.map((s) => s.year);
