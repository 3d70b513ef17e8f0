/**
 * Property tests (fast-check): the same list gives the same tasks whatever the format, and no
 * input makes the importer throw anything but its coded IMPORT_* errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isImportError } from './import.errors.ts';
import type { ImportResult, ImportedTask } from './import.types.ts';
import { parseNotice, readNoticeFile } from './notice-importer.ts';
import { listToDocx, listToHtml, listToPdf, listToPipes, listToText, type FixtureList, type FixtureTask } from './testing/notice-fixtures.ts';

const UNITS = ['市政府办公室', '市司法局', '市级有关部门（单位）', '各县（市、区）政府', '市政务数据办（市跑改办）', '市网信办', '市委宣传部', '嘉兴港区', '市X办〔市Y办〕'];
const TEXTS = [
  '认真贯彻《重大行政决策程序暂行条例》，及时发布重大行政决策事项目录。',
  '深入实施政务服务“好差评”制度。',
  '6月底前完成政府网站集约化平台迁移。',
  '按季度公开政府工作报告重点任务执行情况。',
  '各地、各部门（单位）主要负责人全年带头解读政策一般不少于2次。',
  '认真执行《浙江省公共资源配置领域政府信息公开标准目录（2020年版）》。',
  '2020年9月底前，基层政府全面完成标准目录编制。',
  '做好“2020年政府开放日”活动，每月更新专栏。',
  '推进政务新媒体规范发展',
];
const DEADLINES = ['', '2021年9月底前', '年底前', '持续推进', '长期', '第三季度末'];

const names = fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 });
const task: fc.Arbitrary<FixtureTask> = fc.record({
  text: fc.constantFrom(...TEXTS),
  lead: fc.tuple(names, fc.boolean()).map(([n, each]) => `${n.join('、')}${each && n.length > 1 ? '分别负责' : ''}`),
  responsible: fc.option(names.map((n) => n.join('，')), { nil: null }),
  deadline: fc.constantFrom(...DEADLINES),
});
const list: fc.Arbitrary<FixtureList> = fc
  .record({
    tasks: fc.array(task, { minLength: 1, maxLength: 9 }),
    deadlineColumn: fc.boolean(),
    sectionAt: fc.option(fc.nat(8), { nil: undefined }),
  })
  .map(({ tasks, deadlineColumn, sectionAt }) => ({
    docNumber: '某政办发〔2021〕3号',
    title: '某市人民政府办公室关于印发2021年某市政务公开重点工作清单的通知',
    issuer: '某市人民政府办公室',
    date: '2021年3月1日',
    listTitle: '2021年某市政务公开重点工作清单',
    sections: [{ before: 0, title: '总体要求' }, ...(sectionAt !== undefined && sectionAt > 0 && sectionAt < tasks.length ? [{ before: sectionAt, title: '平台建设' }] : [])],
    deadlineColumn,
    tasks: tasks.map((t) => ({ ...t, deadline: deadlineColumn ? t.deadline : undefined })),
  }));

/** What must be the same in every format. */
const brief = (r: ImportResult) =>
  r.tasks.map((t: ImportedTask) => ({
    seq: t.seq, section: t.section, subsection: t.subsection, text: t.text, lead: t.leadUnits, responsible: t.responsibleUnits,
    merged: t.merged, eachLeads: t.eachLeads, dueDate: t.dueDate, deadlineText: t.deadlineText, recurrence: t.recurrence, target: t.target,
  }));

describe('the same list in every format', () => {
  it('gives the same tasks as .docx, HTML, TAB text and | rows (and as written)', async () => {
    await fc.assert(
      fc.asyncProperty(list, async (l) => {
        const text = parseNotice(listToText(l));
        expect(text.warnings).toEqual([]);
        expect(text.tasks.map((t) => t.seq)).toEqual(l.tasks.map((_, i) => i + 1));
        text.tasks.forEach((t, i) => {
          const f = l.tasks[i] as FixtureTask;
          expect(t.text).toBe(f.text);
          // one merged cell, or the same units written in both columns
          const lead = f.lead.replace(/分别负责$/, '').split('、');
          expect(t.merged).toBe(f.responsible === null || f.responsible.split('，').join() === lead.join());
          expect(t.eachLeads).toBe(f.lead.endsWith('分别负责'));
        });
        const docx = (await readNoticeFile(await listToDocx(l), 'a.docx')).result;
        const html = (await readNoticeFile(Buffer.from(listToHtml(l)), 'a.html')).result;
        const pipes = parseNotice(listToPipes(l));
        expect(brief(docx)).toEqual(brief(text));
        expect(brief(html)).toEqual(brief(text));
        expect(brief(pipes)).toEqual(brief(text));
        for (const r of [docx, html, pipes]) {
          expect(r.notice).toEqual(text.notice);
          expect(r.warnings).toEqual([]);
        }
      }),
      { numRuns: 25, seed: 20201125 },
    );
  });

  it('gives the same tasks as a PDF whose table cells are aligned to the top', async () => {
    await fc.assert(
      fc.asyncProperty(list, async (l) => {
        const pdf = (await readNoticeFile(listToPdf(l), 'a.pdf')).result;
        expect(brief(pdf)).toEqual(brief(parseNotice(listToText(l))));
      }),
      { numRuns: 10, seed: 7 },
    );
  });
});

/** Run the importer; anything thrown must be a coded IMPORT_ error. */
async function importOrCode(bytes: Uint8Array, name: string): Promise<ImportResult | string> {
  try {
    return (await readNoticeFile(bytes, name)).result;
  } catch (err) {
    if (isImportError(err)) return err.code;
    throw err;
  }
}

const MAGIC = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [...Buffer.from('%PDF-1.7\n')], [...Buffer.from('<html><table>')], [0xef, 0xbb, 0xbf], [0xff, 0xfe]];
const HTML_TOKENS = ['<table>', '</table>', '<tr>', '<td>', '<td colspan="2">', '<td rowspan=3>', '<th>', '</td>', '<p>', '<br>', '&nbsp;', '&#x4e00;', '<!--', '-->', '<script>', '序号', '重点工作', '牵头单位', '责任单位', '1', '2', '一、', '市政府办公室', '（', '）', '牵头，', '配合', '附件', '抄送：'];

describe('no input makes the importer throw anything but IMPORT_ errors', () => {
  it('random bytes behind every magic number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.txt', 'a.docx', 'a.doc', 'a.pdf', 'a.html'), async (magic, tail, name) => {
        const outcome = await importOrCode(new Uint8Array([...magic, ...tail]), name);
        if (typeof outcome === 'string') expect(outcome).toMatch(/^IMPORT_/);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('random HTML and text made of the pieces that matter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...HTML_TOKENS), fc.string({ maxLength: 4 }), fc.constantFrom('\t', '\n', '\n\n', ' | ')), { maxLength: 120 }), async (parts) => {
        const s = parts.join('');
        for (const bytes of [Buffer.from(`<html>${s}`), Buffer.from(s)]) {
          const outcome = await importOrCode(bytes, 'x.html');
          if (typeof outcome !== 'string') for (const t of outcome.tasks) expect(t.source.length).toBeGreaterThan(0);
        }
        try {
          parseNotice(s);
        } catch (err) {
          expect(isImportError(err)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('a .docx with damaged bytes', async () => {
    const good = await listToDocx({ docNumber: 'x', title: '关于印发清单的通知', issuer: '某办', date: '2021年3月1日', listTitle: '清单', tasks: [{ text: '做好甲工作。', lead: '市A局', responsible: null }] });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (flips) => {
        const bytes = Buffer.from(good);
        for (const [at, b] of flips) bytes[at] = b;
        await importOrCode(bytes, 'a.docx');
      }),
      { numRuns: 30, seed: 3 },
    );
  });
});
