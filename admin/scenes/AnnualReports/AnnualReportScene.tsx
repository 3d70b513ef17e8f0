/**
 * One annual report: the template's tables filled from the data (live while a draft; frozen once
 * published) — table 三 and 四's numbers open the requests or appeals they count — table 二's
 * entered rows (typed, or imported from the sample .xlsx; the normative row comes from the
 * register), sections 五 (with last year's 五 beside) and 六, the checks panel, publish, .docx.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Drawer, Input, InputNumber, Popconfirm, Result, Row, Space, Spin, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { annualReports as api } from '../../api/endpoints.ts';
import type { AnnualReportData, AnnualReportDetail, AnnualReportProblem, CountedDocument, CountedRecord, Table2Entries } from '../../api/types.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { ReportStateTag } from './shared.tsx';

const ar = t.annualReports;

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

type Cell = { table: 2 | 3 | 4; row?: string; column: number; label: string };

export default function AnnualReportScene() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const user = useUser();
  const { message } = App.useApp();
  const detail = useLoad(() => api.get(id), [id]);
  const preview = useLoad(() => api.preview(id), [id]);
  const [table2, setTable2] = useState<Table2Entries>({});
  const [section5, setSection5] = useState('');
  const [section6, setSection6] = useState('');
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [problems, setProblems] = useState<AnnualReportProblem[] | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);

  useEffect(() => {
    if (!detail.data) return;
    setTable2(detail.data.table2);
    setSection5(detail.data.section5);
    setSection6(detail.data.section6);
  }, [detail.data]);
  useEffect(() => setProblems(preview.data?.problems ?? null), [preview.data]);

  if (detail.error) return <Result status={detail.errorCode === 'ANNUAL_REPORT_NOT_FOUND' ? '404' : 'error'} title={detail.error} extra={<Link to="/annual-reports">{ar.back}</Link>} />;
  if (!detail.data || !preview.data) return <Centered><Spin /></Centered>;
  const d = detail.data;
  const data = preview.data.data;
  const editable = d.state === 'draft' && user.role !== 'observer';

  const refresh = async (next?: AnnualReportDetail) => {
    if (next) detail.setData(next);
    await preview.reload();
  };
  const save = async () => {
    setSaving(true);
    try {
      await refresh(await api.update(id, { table2, section5, section6 }));
      message.success(ar.saved);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const publish = async () => {
    setPublishing(true);
    try {
      await api.update(id, { table2, section5, section6 });
      await refresh(await api.publish(id));
      message.success(ar.published);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ANNUAL_REPORT_CHECKS_FAILED') {
        setProblems(((e.details as { problems?: AnnualReportProblem[] } | undefined)?.problems) ?? []);
        await preview.reload();
      }
      message.error(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  };
  const importFile = async (file: File) => {
    try {
      await refresh(await api.importTable2(id, file));
      message.success(ar.imported);
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };

  return (
    <div className="gk-annual-report">
      <p><Link to="/annual-reports">{ar.back}</Link></p>
      <Typography.Title level={2} className="gk-page-title">{d.title} <ReportStateTag state={d.state} /></Typography.Title>
      <p className="gk-muted">
        {d.scopeLabel} · {d.templateName} · {ar.deadline}：{d.deadline} · {d.state === 'published' ? ar.frozen(d.publishedOn ?? '') : ar.generatedOn(data.generatedOn)}
      </p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={api.docxUrl(id)}>{ar.docx}</Button>
        {d.url && <Button href={d.url} target="_blank">{ar.publicPage}</Button>}
        {editable && <Button onClick={save} loading={saving}>{ar.save}</Button>}
        {editable && (
          <Popconfirm title={ar.publishConfirm} onConfirm={publish} okText={ar.publish}>
            <Button type="primary" loading={publishing} data-action="publish">{ar.publish}</Button>
          </Popconfirm>
        )}
      </Space>

      <Card title={ar.checks} size="small" style={{ marginBottom: 16 }} data-panel="checks">
        {problems && problems.length === 0 && <Alert type="success" showIcon title={ar.checksOk} />}
        {problems && problems.length > 0 && (
          <Alert type="error" showIcon title={ar.checksProblems(problems.length)}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={i}><strong>{p.where}</strong>：{p.message}</li>)}</ul>} />
        )}
        {!preview.data.previousChecked && <p className="gk-muted" style={{ margin: '8px 0 0' }}>{ar.noPrevious}</p>}
      </Card>

      <Card title={ar.summary} size="small" style={{ marginBottom: 16 }}>
        {data.summary.paragraphs.map((p, i) => <p key={i} style={{ textIndent: '2em' }}>{p}</p>)}
      </Card>

      <Card title={ar.table2} size="small" style={{ marginBottom: 16 }}
        extra={editable && (
          <Space>
            <Button size="small" icon={<DownloadOutlined />} href={api.templateUrl({ reportId: id })}>{ar.downloadTemplate}</Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={importFile}><Button size="small" icon={<UploadOutlined />}>{ar.importXlsx}</Button></Upload>
          </Space>
        )}>
        <Table2Editor data={data} entries={table2} editable={editable} onChange={setTable2} onOpen={setCell} />
      </Card>

      <Card title={ar.table3} size="small" style={{ marginBottom: 16 }}>
        <p className="gk-muted">{ar.clickNumber}</p>
        <div style={{ overflowX: 'auto' }}><Table3 data={data} onOpen={setCell} /></div>
      </Card>

      <Card title={ar.table4} size="small" style={{ marginBottom: 16 }}>
        <div style={{ overflowX: 'auto' }}><Table4 data={data} onOpen={setCell} /></div>
      </Card>

      <Card title={ar.section5} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Input.TextArea aria-label={ar.section5} value={section5} onChange={(e) => setSection5(e.target.value)} autoSize={{ minRows: 6 }} readOnly={!editable} maxLength={20000} />
          </Col>
          <Col xs={24} lg={10}>
            <Typography.Text strong>{d.previous ? ar.lastYear(d.previous.year) : ar.noLastYear}</Typography.Text>
            <div className="gk-muted" style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-panel="last-year">{d.previous?.section5 || '—'}</div>
          </Col>
        </Row>
      </Card>

      <Card title={ar.section6} size="small" style={{ marginBottom: 16 }}>
        <Input.TextArea aria-label={ar.section6} value={section6} onChange={(e) => setSection6(e.target.value)} autoSize={{ minRows: 3 }} readOnly={!editable} maxLength={20000} />
      </Card>

      {cell && <RecordsDrawer id={id} cell={cell} onClose={() => setCell(null)} />}
    </div>
  );
}

const border = { border: '1px solid #8c8c8c', padding: '4px 6px', textAlign: 'center' as const };

function Table2Editor({ data, entries, editable, onChange, onOpen }: { data: AnnualReportData; entries: Table2Entries; editable: boolean; onChange: (e: Table2Entries) => void; onOpen: (c: Cell) => void }) {
  const spans = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? 4 - n : 1));
  return (
    <table className="gk-ar-grid" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <tbody>
        {data.table2.flatMap((sub) => {
          const sp = spans(sub.columns.length);
          return [
            <tr key={`${sub.item}-h`}><th colSpan={4} style={border}>{sub.item}</th></tr>,
            <tr key={`${sub.item}-c`}><th style={border}>信息内容</th>{sub.columns.map((c, i) => <th key={c} colSpan={sp[i]} style={border}>{c}</th>)}</tr>,
            ...sub.rows.map((r) => (
              <tr key={r.label} data-row={r.label}>
                <th style={{ ...border, textAlign: 'left' }}>{r.label}</th>
                {sub.columns.map((c, i) => (
                  <td key={c} colSpan={sp[i]} style={border}>
                    {r.source === 'register'
                      ? (r.cells[i] ?? 0) > 0
                        ? <Button type="link" size="small" title={ar.register} style={{ padding: 0, height: 'auto' }} onClick={() => onOpen({ table: 2, row: r.label, column: i, label: `${r.label} · ${c}` })}>{r.cells[i]}</Button>
                        : <span title={ar.register}>{r.cells[i] ?? ''}</span>
                      : !editable
                      ? <span>{entries[r.label]?.[i] ?? ''}</span>
                      : (
                        <InputNumber
                          aria-label={`${r.label}${c}`}
                          size="small"
                          style={{ width: '100%' }}
                          value={entries[r.label]?.[i] ?? null}
                          step={c.includes('金额') ? 0.01 : 1}
                          onChange={(v) => {
                            const cells = sub.columns.map((_c, k) => entries[r.label]?.[k] ?? null);
                            cells[i] = typeof v === 'number' ? v : null;
                            onChange({ ...entries, [r.label]: cells });
                          }}
                        />
                      )}
                  </td>
                ))}
              </tr>
            )),
          ];
        })}
      </tbody>
    </table>
  );
}

function NumberCell({ value, onOpen }: { value: number; onOpen: () => void }) {
  return (
    <td style={border}>
      {value > 0 ? <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onOpen}>{value}</Button> : value}
    </td>
  );
}

function Table3({ data, onOpen }: { data: AnnualReportData; onOpen: (c: Cell) => void }) {
  const seen = new Set<string>();
  const columns = ['自然人', ...ORGS, '总计'];
  return (
    <table className="gk-ar-grid" style={{ borderCollapse: 'collapse', minWidth: 900 }}>
      <thead>
        <tr><th colSpan={3} rowSpan={3} style={border}>{NOTE}</th><th colSpan={7} style={border}>申请人情况</th></tr>
        <tr><th rowSpan={2} style={border}>自然人</th><th colSpan={5} style={border}>法人或其他组织</th><th rowSpan={2} style={border}>总计</th></tr>
        <tr>{ORGS.map((o) => <th key={o} style={border}>{o}</th>)}</tr>
      </thead>
      <tbody>
        {data.table3.map((row) => {
          const groups = row.groups.filter((g) => !seen.has(g));
          groups.forEach((g) => seen.add(g));
          return (
            <tr key={row.key} data-row={row.key}>
              {groups.map((g) => <th key={g} rowSpan={data.table3.filter((r) => r.groups.includes(g)).length} style={border}>{g}</th>)}
              <th colSpan={3 - row.groups.length} style={{ ...border, textAlign: 'left' }}>{row.label}</th>
              {row.cells.map((v, c) => <NumberCell key={c} value={v} onOpen={() => onOpen({ table: 3, row: row.key, column: c, label: `${row.label} · ${columns[c]}` })} />)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Table4({ data, onOpen }: { data: AnnualReportData; onOpen: (c: Cell) => void }) {
  const groups = ['行政复议', '未经复议直接起诉', '复议后起诉'];
  return (
    <table className="gk-ar-grid" style={{ borderCollapse: 'collapse', minWidth: 900 }}>
      <thead>
        <tr><th colSpan={5} style={border}>行政复议</th><th colSpan={10} style={border}>行政诉讼</th></tr>
        <tr>{OUTCOMES.map((o) => <th key={o} rowSpan={2} style={border}>{o}</th>)}<th colSpan={5} style={border}>未经复议直接起诉</th><th colSpan={5} style={border}>复议后起诉</th></tr>
        <tr>{[...OUTCOMES, ...OUTCOMES].map((o, i) => <th key={i} style={border}>{o}</th>)}</tr>
      </thead>
      <tbody>
        <tr>{data.table4.cells.map((v, i) => <NumberCell key={i} value={v} onOpen={() => onOpen({ table: 4, column: i, label: `${groups[Math.floor(i / 5)]} · ${OUTCOMES[i % 5]}` })} />)}</tr>
      </tbody>
    </table>
  );
}

function RecordsDrawer({ id, cell, onClose }: { id: number; cell: Cell; onClose: () => void }) {
  const list = useLoad(() => api.records(id, { table: cell.table, row: cell.row, column: cell.column }), [id, cell.table, cell.row, cell.column]);
  return (
    <Drawer open title={`${ar.records}：${cell.label}`} onClose={onClose} size="large">
      {list.error && <Alert type="error" showIcon title={list.error} />}
      {cell.table === 2 ? (
        <Table<CountedDocument>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.documents ?? []}
          pagination={false}
          columns={[
            { title: ar.docRegNumber, key: 'reg', width: 170, render: (_, r) => <Link to={`/normative/${r.id}`}>{r.regNumber}</Link> },
            { title: ar.docTitle, dataIndex: 'title', key: 'title' },
            { title: ar.publishedOn, key: 'publishedOn', width: 110, render: (_, r) => r.publishedOn ?? '—' },
            { title: ar.validity, dataIndex: 'validityLabel', key: 'validity', width: 80 },
          ]}
        />
      ) : (
      <Table<CountedRecord>
        rowKey={(r) => `${r.kind}${r.id}`}
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: ar.regNumber, key: 'reg', render: (_, r) => <Link to={`/requests/${r.requestId}`}>{r.regNumber}</Link> },
          { title: ar.receivedOn, dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
          ...(cell.table === 3
            ? [{ title: ar.repliedOn, key: 'repliedOn', width: 110, render: (_: unknown, r: CountedRecord) => r.repliedOn ?? '—' }]
            : [
              { title: ar.appealKind, key: 'kind', width: 90, render: (_: unknown, r: CountedRecord) => (r.appealKind === 'reconsideration' ? '行政复议' : '行政诉讼') },
              { title: ar.filedOn, key: 'filedOn', width: 110, render: (_: unknown, r: CountedRecord) => r.filedOn ?? '' },
            ]),
        ]}
      />
      )}
    </Drawer>
  );
}
