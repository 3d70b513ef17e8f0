/**
 * The list and reporting period a screen looks at, kept in the URL (?list=…&period=…) so a reload
 * or a shared link shows the same view. Defaults: the latest published list, and the period that
 * contains today (before the first: the first; after the last: the last).
 */
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Space } from 'antd';
import { lists as listsApi } from '../api/endpoints.ts';
import type { ListSummary, Period } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { chinaDay } from './format.ts';
import { useLoad } from './useLoad.ts';

export function defaultPeriod(periods: Period[], today = chinaDay()): Period | undefined {
  const own = periods.filter((p) => p.taskId === null || p.taskId === undefined);
  const sorted = [...(own.length ? own : periods)].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (!sorted.length) return undefined;
  return sorted.find((p) => p.startsOn <= today && today <= p.endsOn) ?? (today < sorted[0]!.startsOn ? sorted[0] : sorted[sorted.length - 1]);
}

export interface ListPeriod {
  lists: ListSummary[];
  listsLoading: boolean;
  listId: number | undefined;
  list: ListSummary | undefined;
  setListId(id: number): void;
  periods: Period[];
  /** false when GET /lists/:id/periods is not available */
  periodsAvailable: boolean;
  periodId: number | undefined;
  period: Period | undefined;
  setPeriodId(id: number | undefined): void;
  reloadPeriods(): Promise<void>;
}

export function useListPeriod(options: { withPeriod?: boolean; state?: 'published' | 'draft' } = {}): ListPeriod {
  const [params, setParams] = useSearchParams();
  const listsLoad = useLoad(() => listsApi.list({ state: options.state ?? 'published' }), []);
  const lists = useMemo(() => [...(listsLoad.data?.items ?? [])].sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt) || b.id - a.id), [listsLoad.data]);
  const requested = Number(params.get('list')) || undefined;
  const listId = requested && lists.some((l) => l.id === requested) ? requested : lists[0]?.id;
  const withPeriod = options.withPeriod !== false;
  const periodsLoad = useLoad(listId && withPeriod ? () => listsApi.periods(listId) : null, [listId, withPeriod]);
  const periods = useMemo(() => (periodsLoad.data?.items ?? []).filter((p) => p.taskId === null || p.taskId === undefined), [periodsLoad.data]);
  const requestedPeriod = Number(params.get('period')) || undefined;
  const period = periods.find((p) => p.id === requestedPeriod) ?? defaultPeriod(periods);

  const update = (changes: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, { replace: true });
  };

  useEffect(() => {
    if (!requested && listId) update({ list: String(listId) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listId]);

  return {
    lists,
    listsLoading: listsLoad.loading,
    listId,
    list: lists.find((l) => l.id === listId),
    setListId: (id) => update({ list: String(id), period: undefined }),
    periods,
    periodsAvailable: !periodsLoad.error,
    periodId: period?.id,
    period,
    setPeriodId: (id) => update({ period: id === undefined ? undefined : String(id) }),
    reloadPeriods: periodsLoad.reload,
  };
}

export function ListPeriodPicker({ lp, showPeriod = true }: { lp: ListPeriod; showPeriod?: boolean }) {
  return (
    <Space wrap>
      <Select
        aria-label={t.common.list}
        style={{ minWidth: 320, maxWidth: 560 }}
        loading={lp.listsLoading}
        value={lp.listId}
        placeholder={t.common.noList}
        onChange={(v: number) => lp.setListId(v)}
        options={lp.lists.map((l) => ({ value: l.id, label: `${l.title}（${l.year}）` }))}
        popupMatchSelectWidth={false}
      />
      {showPeriod && lp.periods.length > 0 && (
        <Select
          aria-label={t.common.period}
          style={{ minWidth: 180 }}
          value={lp.periodId}
          onChange={(v: number) => lp.setPeriodId(v)}
          options={lp.periods.map((p) => ({ value: p.id, label: p.label }))}
        />
      )}
    </Space>
  );
}
