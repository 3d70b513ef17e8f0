/**
 * One unit's breakdown: every indicator with its points out of the maximum, how they were reached,
 * and each reason points were lost with links to the records behind it.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../components/format.ts';
import { useLoad } from '../../components/useLoad.ts';
import { evaluations as api, type Breakdown, type IndicatorScore, type RecordRef } from './api.ts';
import { s } from './strings.ts';

/** A record behind a line: its label links to it (kind and id in the tooltip). */
function RefLink({ r }: { r: RecordRef }) {
  const kind = `${s.refKinds[r.kind] ?? r.kind}${r.id !== null ? ` #${r.id}` : ''}`;
  const text = r.kind === 'evidence' ? r.label : r.label || kind;
  return r.url
    ? <a href={r.url} title={kind} target={r.url.startsWith('/admin/') ? undefined : '_blank'} rel="noopener noreferrer">{text}</a>
    : <span title={kind}>{text}</span>;
}

/**
 * The explanation lines. A line about records ("21 份进度报告到期未报送：…") shows its head and then
 * each record as a link; a deduction's note is shown whole with its evidence links.
 */
function Lines({ item }: { item: IndicatorScore }) {
  if (!item.lines.length) return null;
  return (
    <ul className="gk-eval-lines" style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {item.lines.map((l, i) => {
        const records = l.refs.some((r) => r.kind !== 'evidence') && l.text.includes('：');
        return (
          <li key={i}>
            <span>{records ? `${l.text.slice(0, l.text.indexOf('：'))}：` : l.text}</span>
            {l.refs.length > 0 && (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 14px', fontSize: 13 }}>
                {l.refs.slice(0, 50).map((r, j) => <RefLink key={j} r={r} />)}
                {l.refs.length > 50 && <span>{s.moreRefs(l.refs.length - 50)}</span>}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function BreakdownTable({ data }: { data: Breakdown }) {
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={s.unit}>{data.unitName}</Descriptions.Item>
        <Descriptions.Item label={s.total}><strong>{data.total}</strong></Descriptions.Item>
        <Descriptions.Item label={s.rank}>{data.rankShown ? s.rankOf(data.rank, data.unitCount) : s.rankHidden}</Descriptions.Item>
      </Descriptions>
      {!data.published && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={s.liveNote(formatDateTime(data.computedAt))} />}
      <Table<IndicatorScore>
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={data.indicators}
        columns={[
          {
            title: s.indicator, key: 'name', width: 200, render: (_, r) => (
              <div style={{ paddingLeft: r.depth * 20 }}>
                {r.isGroup ? <strong>{r.name}</strong> : r.name}
              </div>
            ),
          },
          { title: s.maxPoints, dataIndex: 'maxPoints', width: 70, align: 'right' },
          {
            title: s.points, key: 'points', width: 80, align: 'right',
            render: (_, r) => (r.points < r.maxPoints ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{r.points}</Tag> : <span>{r.points}</span>),
          },
          { title: s.explanation, key: 'why', render: (_, r) => (r.isGroup ? <Typography.Text type="secondary">{r.summary}</Typography.Text> : <><div>{r.summary}</div><Lines item={r} /></>) },
        ]}
      />
    </>
  );
}

/** Loads and shows the breakdown of one unit. */
export function BreakdownView({ setId, unitId }: { setId: number; unitId: number }) {
  const b = useLoad(() => api.breakdown(setId, unitId), [setId, unitId]);
  if (b.error) return <Alert type="error" showIcon title={b.error} />;
  if (!b.data) return <Typography.Text>{s.loading}</Typography.Text>;
  return <BreakdownTable data={b.data} />;
}
