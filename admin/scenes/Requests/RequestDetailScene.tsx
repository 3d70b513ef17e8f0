/**
 * One disclosure request: applicant (masked or not, as the API decides), the request, the clock
 * (due date, the calculation line by line so a person can check it, violations), the event timeline,
 * the acts the server allows now, documents, appeals and the reply letter.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Result, Row, Select, Space, Spin, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { disclosureRequests, units as unitsApi } from '../../api/endpoints.ts';
import type { DisclosureRequestDetail, RequestAction, Unit } from '../../api/types.ts';
import { chinaDay, formatDate, formatDateTime } from '../../components/format.ts';
import { Centered } from '../../components/AppLayout.tsx';
import { useUser } from '../../components/session.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { t } from '../../i18n/index.ts';
import { ACTIONS, type ActionField } from './actions.ts';
import { outcomeGroups } from './outcomes.ts';
import { UrgencyTag, violationText } from './shared.tsx';

const r = t.requests;

export default function RequestDetailScene() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useUser();
  const detail = useLoad(Number.isInteger(id) && id > 0 ? () => disclosureRequests.get(id) : null, [id]);
  const [acting, setActing] = useState<RequestAction | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="404" subTitle={t.errors.notFound} />;
  if (detail.loading && !detail.data) return <Centered><Spin aria-label={t.common.loading} /></Centered>;
  if (detail.error && !detail.data) {
    return <Result status={detail.errorCode?.includes('NOT_FOUND') ? '404' : 'error'} title={detail.error} extra={<Link to="/requests">{r.back}</Link>} />;
  }
  const d = detail.data;
  if (!d) return null;

  const actions = d.allowedActions.filter((a) => a !== 'assign' || user.role === 'office');
  const ap = d.applicant;

  return (
    <>
      <div style={{ marginBottom: 8 }}><Link to="/requests">← {r.back}</Link></div>
      <Typography.Title level={2} className="gk-page-title">
        {d.regNumber} <UrgencyTag urgency={d.urgency} closed={d.state === 'replied' || d.state === 'archived'} />
      </Typography.Title>
      <div className="gk-page-intro">
        {d.stateLabel} · {d.handlingUnitName} · {d.channelLabel}
        {d.outcomeLabel && <> · {r.outcome}：{d.outcomeLabel}</>}
      </div>
      {detail.error && <Alert type="error" showIcon message={detail.error} style={{ marginBottom: 16 }} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={r.actionsTitle} style={{ marginBottom: 16 }}>
            {actions.length === 0 ? (
              <span className="gk-muted">{r.noActions}</span>
            ) : (
              <Space wrap>
                {actions.map((a) => (
                  <Button key={a} danger={ACTIONS[a]?.danger} type={a === 'draftReply' || a === 'approveReply' || a === 'deliverReply' || a === 'confirmReceipt' ? 'primary' : 'default'} onClick={() => setActing(a)}>
                    {r.actions[a] ?? a}
                  </Button>
                ))}
              </Space>
            )}
            {d.outcome && (
              <div style={{ marginTop: 12 }}>
                <Button icon={<DownloadOutlined />} href={disclosureRequests.replyLetterUrl(d.id)}>{r.replyLetter}</Button>
              </div>
            )}
          </Card>

          <Card size="small" title={r.applicant} style={{ marginBottom: 16 }}>
            {ap.masked && <Alert type="info" showIcon message={r.fields.masked} style={{ marginBottom: 12 }} />}
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={r.applicantKind}>{d.applicantKindLabel}</Descriptions.Item>
              <Descriptions.Item label={r.fields.applicantName}>{ap.name}</Descriptions.Item>
              {ap.idType && <Descriptions.Item label={r.fields.idType}>{r.idTypes[ap.idType] ?? ap.idType}</Descriptions.Item>}
              {ap.idNumber && <Descriptions.Item label={r.fields.idNumber}>{ap.idNumber}</Descriptions.Item>}
              {ap.creditCode && <Descriptions.Item label={r.fields.creditCode}>{ap.creditCode}</Descriptions.Item>}
              {ap.legalRepresentative && <Descriptions.Item label={r.fields.legalRepresentative}>{ap.legalRepresentative}</Descriptions.Item>}
              {ap.contactPerson && <Descriptions.Item label={r.fields.contactPerson}>{ap.contactPerson}</Descriptions.Item>}
              {ap.phone && <Descriptions.Item label={r.fields.phone}>{ap.phone}</Descriptions.Item>}
              {ap.email && <Descriptions.Item label={r.fields.email}>{ap.email}</Descriptions.Item>}
              {ap.address && <Descriptions.Item label={r.fields.address}>{ap.address}</Descriptions.Item>}
              <Descriptions.Item label={r.fields.formWanted}>{r.forms[d.formWanted] ?? d.formWanted}</Descriptions.Item>
              <Descriptions.Item label={r.fields.deliveryWanted}>{r.deliveries[d.deliveryWanted] ?? d.deliveryWanted}</Descriptions.Item>
              <Descriptions.Item label={r.arrivedOn}>{formatDate(d.arrivedOn)}</Descriptions.Item>
              <Descriptions.Item label={r.receivedOn}>{d.receivedOn ? formatDate(d.receivedOn) : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>

          <Card size="small" title={r.description} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.description}</Typography.Paragraph>
            {d.possibleDuplicates.length > 0 && (
              <div style={{ marginTop: 8, color: '#874d00' }}>
                {r.duplicates(d.possibleDuplicates.length)}：
                {d.possibleDuplicates.map((x) => <Link key={x} to={`/requests/${x}`} style={{ marginLeft: 8 }}>#{x}</Link>)}
              </div>
            )}
          </Card>

          {d.replyText && (
            <Card size="small" title={r.replyText} style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.replyText}</Typography.Paragraph>
              {d.replyMethod && <div className="gk-muted">{r.act.replyMethod}：{r.replyMethods[d.replyMethod] ?? d.replyMethod}{d.repliedOn && ` · ${formatDate(d.repliedOn)}`}</div>}
            </Card>
          )}

          <Card size="small" title={r.documents} style={{ marginBottom: 16 }}>
            {d.documents.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
              <List
                size="small"
                dataSource={d.documents}
                renderItem={(doc) => (
                  <List.Item>
                    <a href={disclosureRequests.documentUrl(d.id, doc.id)}>{doc.fileName}</a>
                    <span className="gk-muted">{Math.ceil(doc.size / 1024)} KB</span>
                  </List.Item>
                )}
              />
            )}
          </Card>

          <Card size="small" title={r.appeals} style={{ marginBottom: 16 }}>
            {d.appeals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
              <List
                size="small"
                dataSource={d.appeals}
                renderItem={(ap2) => (
                  <List.Item>
                    <div>
                      <strong>{ap2.kindLabel}</strong> · {formatDate(ap2.filedOn)}{ap2.body && ` · ${ap2.body}`}
                      <div className="gk-muted">{ap2.outcomeLabel}{ap2.decidedOn && ` · ${formatDate(ap2.decidedOn)}`}{ap2.note && ` · ${ap2.note}`}</div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>

        <Col xs={24} lg={10}>
          <ClockCard d={d} />
          <Card size="small" title={r.events}>
            <Timeline
              items={d.events.map((e) => ({
                key: e.id,
                content: (
                  <>
                    <strong>{e.label}</strong> <span className="gk-muted">{formatDate(e.onDate)}</span>
                    <div className="gk-muted" style={{ fontSize: 12 }}>{formatDateTime(e.createdAt)}</div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      {acting && (
        <ActionModal
          detail={d}
          action={acting}
          onClose={() => setActing(null)}
          onDone={(next) => {
            detail.setData(next);
            setActing(null);
          }}
        />
      )}
    </>
  );
}

function ClockCard({ d }: { d: DisclosureRequestDetail }) {
  const c = d.clock;
  const colour = d.urgency === 'red' ? '#a8071a' : d.urgency === 'amber' ? '#874d00' : undefined;
  return (
    <Card size="small" title={r.clock.title} style={{ marginBottom: 16 }} data-testid="request-clock">
      {c.error && <Alert type="error" showIcon message={c.error.message} style={{ marginBottom: 12 }} />}
      {c.dueOn ? (
        <div style={{ marginBottom: 8 }}>
          <div style={{ fontSize: 28, fontWeight: 600, color: colour }}>{formatDate(c.dueOn)}</div>
          {d.daysLeft !== null && !d.repliedOn && <div style={{ color: colour }}>{r.daysLeft(d.daysLeft)}</div>}
          {c.provisional && <div className="gk-muted">{r.clock.provisional}</div>}
        </div>
      ) : (
        <div className="gk-muted" style={{ marginBottom: 8 }}>{r.clock.none}</div>
      )}
      <Descriptions size="small" column={1}>
        {c.day1 && <Descriptions.Item label={r.clock.day1}>{formatDate(c.day1)}</Descriptions.Item>}
        {c.baseDueOn && <Descriptions.Item label={r.clock.baseDueOn}>{formatDate(c.baseDueOn)}{c.extensionDays > 0 && `（${r.clock.extension(c.extensionDays)}）`}</Descriptions.Item>}
        {c.correctionRequestDeadline && <Descriptions.Item label={r.clock.correctionDeadline}>{formatDate(c.correctionRequestDeadline)}</Descriptions.Item>}
        {c.feePaymentDueOn && <Descriptions.Item label={r.clock.feeDue}>{formatDate(c.feePaymentDueOn)}</Descriptions.Item>}
      </Descriptions>
      {c.violations.length > 0 && (
        <>
          <Typography.Title level={5} style={{ color: '#a8071a' }}>{r.clock.violations}</Typography.Title>
          <ul style={{ color: '#a8071a', paddingLeft: 20 }}>
            {c.violations.map((v, i) => <li key={i}>{violationText(v)}</li>)}
          </ul>
        </>
      )}
      {c.explanation.length > 0 && (
        <>
          <Typography.Title level={5}>{r.clock.explanation}</Typography.Title>
          <ol style={{ paddingLeft: 20, marginBottom: 0 }} aria-label={r.clock.explanation}>
            {c.explanation.map((line, i) => <li key={i} style={{ marginBottom: 4 }}>{line}</li>)}
          </ol>
        </>
      )}
    </Card>
  );
}

function ActionModal({ detail, action, onClose, onDone }: {
  detail: DisclosureRequestDetail;
  action: RequestAction;
  onClose: () => void;
  onDone: (next: DisclosureRequestDetail) => void;
}) {
  const spec = ACTIONS[action];
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unitList, setUnitList] = useState<Unit[]>([]);
  const needsUnits = spec.fields.some((f) => f.kind === 'unit');

  useEffect(() => {
    if (needsUnits) unitsApi.list().then((x) => setUnitList(x.items.filter((u) => !u.placeholder)), () => setUnitList([]));
  }, [needsUnits]);

  const initialValues: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.today) initialValues[f.name] = chinaDay();
    else if (f.initial !== undefined) initialValues[f.name] = f.initial;
  }
  if (action === 'assign') initialValues.unitId = detail.handlingUnitId;

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { ...(spec.fixed ?? {}) };
      for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') body[k] = typeof v === 'string' ? v.trim() : v;
      const next = await disclosureRequests.act(detail.id, spec.path, body);
      message.success(`${r.actions[action] ?? action}：${r.done}`);
      onDone(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${r.actions[action] ?? action} · ${detail.regNumber}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      okButtonProps={{ loading: saving, danger: spec.danger }}
      destroyOnHidden
      width={action === 'draftReply' ? 720 : 520}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {spec.fields.length === 0 && <p>{r.act.confirm}</p>}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {spec.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, ...(f.kind === 'text' || f.kind === 'textarea' ? { whitespace: true } : {}) }] : undefined}>
            {fieldInput(f, unitList)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function fieldInput(f: ActionField, unitList: Unit[]) {
  switch (f.kind) {
    case 'date':
      return <Input type="date" />;
    case 'textarea':
      return <Input.TextArea rows={f.name === 'text' && f.required ? 10 : 3} />;
    case 'number':
      return <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 160 }} />;
    case 'select':
      return <Select options={Object.entries(f.options ?? {}).map(([value, label]) => ({ value, label }))} />;
    case 'unit':
      return <Select showSearch optionFilterProp="label" options={unitList.map((u) => ({ value: u.id, label: u.name }))} />;
    case 'outcome':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          options={outcomeGroups().map((g) => ({
            label: g.group,
            title: g.group,
            options: g.items.map((o) => ({ value: o.code, label: o.label === g.group ? o.label : `${g.group.replace(/（区分处理的.*）$/, '')} · ${o.label}` })),
          }))}
        />
      );
    default:
      return <Input />;
  }
}
