/**
 * 主动公开 over HTTP on each database: a unit drafts a publication filed under its catalogue, names a
 * reviewer, the reviewer returns then approves it (索引号, search), the Art. 26 clock flags late
 * ones, attachments are accepted by content and their text is searchable, the publication is
 * tagged as evidence of the unit's assignment and shows in the progress view, withdrawal keeps the
 * record but takes it off the search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, multipart, type Session, type TestApp } from '../support/test-app.ts';
import { TINY_PNG, tinyPdf } from '../support/files.ts';
import { setClock } from '../../server/platform/clock.ts';
import { systemActor } from '../../server/platform/actor.ts';
import { seedDefaultCatalogues } from '../../server/modules/publications/index.ts';

async function docxWith(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

async function xlsxWith(text: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('预算表').addRow(['项目', text]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDialects())('publications on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let staff: Session; // 市生态环境局
  let admin: Session; // its unit administrator, the reviewer
  let other: Session; // 市教育局
  let unitId: number;
  let nodeId: number;
  let parentNodeId: number;

  const create = async (s: Session, body: Record<string, unknown>) => t.as(s, { method: 'POST', url: '/api/v1/publications', payload: { platformColumn: 'statutory', kind: 'general', ...body } });

  beforeAll(async () => {
    setClock('2020-07-01T02:00:00Z');
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    await seedDefaultCatalogues(t.tdb.db, systemActor('test'));
    unitId = await t.unitId('市生态环境局');
    office = await t.loginAs('office', '市政府办公室');
    staff = await t.loginAs('unitStaff', unitId);
    admin = await t.loginAs('unitAdmin', unitId);
    other = await t.loginAs('unitStaff', '市教育局');
    const tree = (await t.app.inject({ method: 'GET', url: `/api/v1/catalogue?unitId=${unitId}` })).json().items as { id: number; name: string; children: { id: number; name: string }[] }[];
    const policy = tree.find((n) => n.name === '政策文件')!;
    parentNodeId = policy.id;
    nodeId = policy.children.find((c) => c.name === '其他文件')!.id;
  });
  afterAll(async () => {
    setClock(null);
    await t?.close();
  });

  it('seeds the catalogue trees: the government basic tree, the 26 pilot areas, one tree per unit', async () => {
    const gov = (await t.app.inject({ method: 'GET', url: '/api/v1/catalogue' })).json().items as { name: string; children: unknown[] }[];
    expect(gov.map((n) => n.name)).toContain('重点领域');
    const standard = (await t.app.inject({ method: 'GET', url: '/api/v1/catalogue?kind=standard' })).json().items as { name: string; pilotArea: string }[];
    expect(standard).toHaveLength(26);
    expect(standard.map((n) => n.name)).toContain('义务教育');
    const other = (await t.app.inject({ method: 'GET', url: `/api/v1/catalogue?unitId=${await t.unitId('市教育局')}` })).json().items as { id: number }[];
    expect(other.length).toBeGreaterThan(3);
    expect(other.map((n) => n.id)).not.toContain(parentNodeId);
  });

  it('runs draft → 保密审查 → returned → approved, assigns the 索引号 and makes it searchable', async () => {
    const draft = await create(staff, {
      title: '嘉兴市2020年上半年生态环境质量状况公报', docNumber: '嘉环发[2020]21号', topic: '生态环境', writtenOn: '2020-06-28', madeOn: '2020-06-28',
      body: '<p>上半年全市PM2.5平均浓度同比下降，空气质量优良率达到88.5%。</p><script>alert(1)</script><p onclick="steal()">水环境质量持续改善。</p>', nodeIds: [nodeId],
    });
    expect(draft.statusCode).toBe(201);
    const p = draft.json();
    expect(p.state).toBe('draft');
    expect(p.docNumber).toBe('嘉环发〔2020〕21号');
    expect(p.publisher).toBe('嘉兴市生态环境局');
    expect(p.bodyHtml).not.toContain('script');
    expect(p.bodyHtml).not.toContain('onclick');
    expect(p.bodyHtml).toContain('水环境质量持续改善');
    // 20 working days after 2020-06-28 (the 端午 调休 Sunday; the day itself is not counted):
    // 6-29, 6-30, 7-1…7-3, 7-6…7-10, 7-13…7-17, 7-20…7-24 → 2020-07-24
    expect(p.publishDueOn).toBe('2020-07-24');
    expect(p.timeliness).toBe('due');

    const candidates = (await t.as(staff, { method: 'GET', url: `/api/v1/publications/${p.id}/reviewer-candidates` })).json().items as { id: number; role: string }[];
    expect(candidates.map((c) => c.id)).toContain(admin.userId);
    expect(candidates.map((c) => c.id)).not.toContain(staff.userId);
    const self = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: staff.userId } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('PUBLICATION_REVIEWER_NOT_ALLOWED');
    const otherReviewer = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: other.userId } });
    expect(otherReviewer.json().error.code).toBe('PUBLICATION_REVIEWER_NOT_ALLOWED');

    expect((await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: admin.userId } })).json().state).toBe('inReview');
    const locked = await t.as(staff, { method: 'PATCH', url: `/api/v1/publications/${p.id}`, payload: { title: '改标题' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('PUBLICATION_NOT_EDITABLE');
    const notMine = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'approve' } });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('PUBLICATION_NOT_REVIEWER');
    const noReason = await t.as(admin, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'return' } });
    expect(noReason.json().error.code).toBe('PUBLICATION_RETURN_NOTE_REQUIRED');
    const returned = (await t.as(admin, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'return', note: '请删去未经核实的数据' } })).json();
    expect(returned.state).toBe('draft');
    expect(returned.reviewNote).toBe('请删去未经核实的数据');
    // not yet public, not yet searchable
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/publications/${p.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('生态环境质量')}` })).json().total).toBe(0);

    await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: admin.userId } });
    setClock('2020-07-03T02:00:00Z');
    const published = (await t.as(admin, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'approve' } })).json();
    expect(published.state).toBe('published');
    expect(published.publishedOn).toBe('2020-07-03');
    expect(published.indexNumber).toMatch(new RegExp(`^${String(unitId).padStart(6, '0')}/2020-00001$`));
    expect(published.timeliness).toBe('onTime');

    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/publications/${p.id}` });
    expect(pub.statusCode).toBe(200);
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('生态环境质量')}` })).json();
    expect(found.items.map((i: { refId: number }) => i.refId)).toEqual([p.id]);
    expect(found.items[0].url).toBe(`/portal/publications/${p.id}`);
    const byParentNode = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('优良率')}&nodeId=${parentNodeId}` })).json();
    expect(byParentNode.total).toBe(1);
    const byDocNumber = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('嘉环发（2020）21号')}` })).json();
    expect(byDocNumber.items[0].refId).toBe(p.id);
    const audit = (await t.as(office, { method: 'GET', url: '/api/v1/audit-log?resourceType=publication' })).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create_publication', 'request_publication_review', 'return_publication', 'publish_publication']));
  });

  it('numbers 索引号 without gaps per unit and year', async () => {
    const ids: string[] = [];
    for (const title of ['关于开展2020年环境执法“双随机、一公开”抽查的通知', '嘉兴市生态环境局2020年部门预算']) {
      const p = (await create(staff, { title, body: `<p>${title}</p>` })).json();
      await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: admin.userId } });
      ids.push((await t.as(office, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'approve' } })).json().indexNumber);
    }
    expect(ids.map((i) => i.slice(-5))).toEqual(['00002', '00003']);
  });

  it('flags publications published after the 20 working days, and drafts past them', async () => {
    setClock('2020-07-03T02:00:00Z');
    const late = (await create(staff, { title: '2020年第一季度排污许可证核发情况', madeOn: '2020-04-01', body: '<p>第一季度共核发排污许可证126张。</p>' })).json();
    // after 2020-04-01: 4-2, 4-3, (清明 4-4…4-6 off) 4-7…4-10, 4-13…4-17, 4-20…4-24, 4-26 (调休 Sunday), 4-27…4-29
    expect(late.publishDueOn).toBe('2020-04-29');
    expect(late.timeliness).toBe('overdue');
    const onlyLate = (await t.as(staff, { method: 'GET', url: '/api/v1/publications?late=true' })).json();
    expect(onlyLate.items.map((i: { id: number }) => i.id)).toEqual([late.id]);
    await t.as(staff, { method: 'POST', url: `/api/v1/publications/${late.id}/review-requests`, payload: { reviewerId: admin.userId } });
    const done = (await t.as(admin, { method: 'POST', url: `/api/v1/publications/${late.id}/reviews`, payload: { decision: 'approve' } })).json();
    expect(done.timeliness).toBe('late');
    expect((await t.as(office, { method: 'GET', url: `/api/v1/publications?late=true&unitId=${unitId}` })).json().total).toBe(1);
  });

  it('accepts attachments by their content and searches their text (.docx, .xlsx, .pdf)', async () => {
    const p = (await create(staff, { title: '嘉兴市2020年环境监测方案', body: '<p>见附件。</p>' })).json();
    const docx = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/attachments`, ...multipart('监测方案.docx', await docxWith('地表水断面监测频次为每月一次，饮用水水源地每周一次。')) });
    expect(docx.statusCode).toBe(201);
    await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/attachments`, ...multipart('经费.xlsx', await xlsxWith('大气自动站运维经费')) });
    const pdf = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/attachments`, ...multipart('scheme.pdf', tinyPdf('Monitoring scheme QX7 stations')) });
    expect(pdf.json().attachments).toHaveLength(3);
    const liar = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/attachments`, ...multipart('报告.pdf', TINY_PNG) });
    expect(liar.statusCode).toBe(400);
    expect(liar.json().error.code).toBe('PUBLICATION_ATTACHMENT_TYPE');
    expect(liar.json().error.message).toContain('报告.pdf');
    await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: admin.userId } });
    await t.as(admin, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'approve' } });
    for (const q of ['饮用水水源地', '运维经费', 'qx7']) {
      const r = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json();
      expect(r.items.map((i: { refId: number }) => i.refId), q).toEqual([p.id]);
    }
    const a = pdf.json().attachments.find((x: { fileName: string }) => x.fileName === 'scheme.pdf');
    const file = await t.app.inject({ method: 'GET', url: a.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('tags a publication as evidence of its own unit’s assignment; it shows in the progress view', async () => {
    const listId = await t.importSeed(true);
    const mine = (await t.as(staff, { method: 'GET', url: `/api/v1/assignments?listId=${listId}` })).json().items[0];
    const others = (await t.as(other, { method: 'GET', url: `/api/v1/assignments?listId=${listId}` })).json().items[0];
    const p = (await create(staff, { title: '关于环境信息公开工作的情况说明', body: '<p>已按要求公开。</p>' })).json();
    const wrong = await t.as(staff, { method: 'PUT', url: `/api/v1/publications/${p.id}/evidence`, payload: { assignmentIds: [others.id] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('PUBLICATION_EVIDENCE_OTHER_UNIT');
    const ok = await t.as(staff, { method: 'PUT', url: `/api/v1/publications/${p.id}/evidence`, payload: { assignmentIds: [mine.id] } });
    expect(ok.json().evidenceAssignmentIds).toEqual([mine.id]);
    const detail = (await t.as(staff, { method: 'GET', url: `/api/v1/assignments/${mine.id}` })).json();
    expect(detail.publications.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect((await t.as(office, { method: 'GET', url: `/api/v1/publications?assignmentId=${mine.id}` })).json().total).toBe(1);
  });

  it('keeps units apart: unit A neither reads B’s drafts nor edits B’s publications', async () => {
    const p = (await create(staff, { title: '内部草稿', body: '<p>草稿</p>' })).json();
    expect((await t.as(other, { method: 'GET', url: `/api/v1/publications/${p.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: 'PATCH', url: `/api/v1/publications/${p.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
    const list = await t.as(other, { method: 'GET', url: `/api/v1/publications?unitId=${unitId}` });
    expect(list.statusCode).toBe(403);
    const own = (await t.as(other, { method: 'GET', url: '/api/v1/publications' })).json();
    expect(own.items.every((i: { unitId: number }) => i.unitId === other.unitId)).toBe(true);
    const forB = await create(other, { unitId, title: '代发' });
    expect(forB.statusCode).toBe(403);
  });

  it('refuses bad input with coded errors and keeps what was saved', async () => {
    const badNumber = await create(staff, { title: '文号错误', docNumber: '嘉环发2020第21号' });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.code).toBe('PUBLICATION_DOC_NUMBER_INVALID');
    expect(badNumber.json().error.message).toContain('嘉环发2020第21号');
    const badDate = await create(staff, { title: '日期错误', writtenOn: '2020-02-30' });
    expect(badDate.json().error.code).toBe('PUBLICATION_DATE_INVALID');
    const foreignNode = await create(other, { title: '挂错目录', nodeIds: [nodeId] });
    expect(foreignNode.json().error.code).toBe('PUBLICATION_CATALOGUE_NODE_OTHER_UNIT');
    const empty = (await create(staff, { title: '空白稿' })).json();
    const submit = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${empty.id}/review-requests`, payload: { reviewerId: admin.userId } });
    expect(submit.json().error.code).toBe('PUBLICATION_EMPTY');
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/publications/${empty.id}` })).json().state).toBe('draft');
  });

  it('withdraws with a reason: off the platform and the search, the record stays; never deleted once published', async () => {
    const p = (await create(staff, { title: '嘉兴市重点排污单位名录（2020年）', body: '<p>重点排污单位共计412家。</p>' })).json();
    await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/review-requests`, payload: { reviewerId: admin.userId } });
    await t.as(admin, { method: 'POST', url: `/api/v1/publications/${p.id}/reviews`, payload: { decision: 'approve' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('重点排污单位')}` })).json().total).toBe(1);
    const noReason = await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/withdrawal`, payload: { reason: ' ' } });
    expect(noReason.json().error.code).toBe('PUBLICATION_WITHDRAW_REASON_REQUIRED');
    const w = (await t.as(staff, { method: 'POST', url: `/api/v1/publications/${p.id}/withdrawal`, payload: { reason: '名录已更新，以新版为准' } })).json();
    expect(w.state).toBe('withdrawn');
    expect(w.indexNumber).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/publications/${p.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('重点排污单位')}` })).json().total).toBe(0);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/publications/${p.id}` })).json().withdrawnReason).toBe('名录已更新，以新版为准');
    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/publications/${p.id}` })).json().error.code).toBe('PUBLICATION_NOT_DELETABLE');
  });

  it('moves a placeholder unit’s publications to the real unit when the office merges them', async () => {
    const placeholder = (await t.as(office, { method: 'POST', url: '/api/v1/units', payload: { name: '市环保局（旧称）', kind: 'unknown' } })).json();
    const p = (await create(office, { unitId: placeholder.id, title: '旧称单位发布的噪声监测报告', body: '<p>区域环境噪声昼间平均等效声级54.2分贝。</p>' })).json();
    const merged = await t.as(office, { method: 'POST', url: `/api/v1/units/${placeholder.id}/merges`, payload: { intoUnitId: unitId } });
    expect(merged.statusCode).toBe(200);
    const after = (await t.as(staff, { method: 'GET', url: `/api/v1/publications/${p.id}` })).json();
    expect(after.unitId).toBe(unitId);
  });

  it('lets only the office edit the catalogue; a node with publications cannot be deleted', async () => {
    const denied = await t.as(staff, { method: 'POST', url: '/api/v1/catalogue-nodes', payload: { unitId, kind: 'basic', parentId: parentNodeId, name: '环评审批' } });
    expect(denied.statusCode).toBe(403);
    const made = await t.as(office, { method: 'POST', url: '/api/v1/catalogue-nodes', payload: { unitId, kind: 'basic', parentId: parentNodeId, name: '环评审批' } });
    expect(made.statusCode).toBe(201);
    const wrongTree = await t.as(office, { method: 'POST', url: '/api/v1/catalogue-nodes', payload: { unitId: null, kind: 'basic', parentId: parentNodeId, name: '错挂' } });
    expect(wrongTree.json().error.code).toBe('CATALOGUE_PARENT_OTHER_TREE');
    const inUse = await t.as(office, { method: 'DELETE', url: `/api/v1/catalogue-nodes/${parentNodeId}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('CATALOGUE_NODE_IN_USE');
    expect((await t.as(office, { method: 'DELETE', url: `/api/v1/catalogue-nodes/${made.json().id}` })).statusCode).toBe(204);
  });
});
