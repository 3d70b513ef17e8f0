/**
 * Pieces shared by the 政策解读 screens: the state tag and the policy search select (published
 * publications and normative documents, found through the public search).
 */
import { useEffect, useRef, useState } from 'react';
import { Empty, Select, Spin } from 'antd';
import { search as searchApi } from '../../api/endpoints.ts';
import { t } from '../../i18n/index.ts';

type TagStyle = { color: string; background: string; borderColor: string };
const STYLE: Record<string, TagStyle> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  published: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  withdrawn: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function InterpretationStateTag({ state, label }: { state: string; label?: string }) {
  return <span className="gk-tag" data-state={state} style={STYLE[state] ?? STYLE.draft}>{label ?? t.interpretations.states[state] ?? state}</span>;
}

export interface PolicyOption {
  value: number;
  label: string;
}

/**
 * Picks a published policy document: type a title or a 文号; the public search finds published
 * publications and normative documents. `initial` shows the current choice before any search.
 */
export function PolicySelect({ value, onChange, initial, disabled, allowClear = false }: {
  value?: number | null;
  onChange?: (v: number | undefined) => void;
  initial?: PolicyOption | null;
  disabled?: boolean;
  allowClear?: boolean;
}) {
  const [options, setOptions] = useState<PolicyOption[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const run = (q: string) => {
    window.clearTimeout(timer.current);
    const text = q.trim();
    if (!text) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const [a, b] = await Promise.all([
          searchApi.query({ q: text, kind: 'publication', pageSize: 15 }),
          searchApi.query({ q: text, kind: 'normative', pageSize: 15 }),
        ]);
        if (mine !== seq.current) return;
        const seen = new Set<number>();
        const found: PolicyOption[] = [];
        for (const h of [...b.items, ...a.items]) {
          if (seen.has(h.refId)) continue;
          seen.add(h.refId);
          found.push({ value: h.refId, label: `${h.title}${h.docNumber ? `（${h.docNumber}）` : ''}${h.publishedOn ? ` · ${h.publishedOn}` : ''}` });
        }
        const current = options.find((o) => o.value === value);
        setOptions(current && !seen.has(current.value) ? [current, ...found] : found);
      } catch {
        if (mine === seq.current) setOptions([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 250);
  };

  return (
    <Select
      aria-label={t.interpretations.policy}
      showSearch={{ filterOption: false, onSearch: run }}
      placeholder={t.interpretations.policyPlaceholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={loading}
      disabled={disabled}
      allowClear={allowClear}
      notFoundContent={loading ? <Spin size="small" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    />
  );
}
