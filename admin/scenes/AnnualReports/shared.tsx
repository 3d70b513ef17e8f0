/**
 * Pieces shared by the 年度报告 screens: the state tag.
 */
import { t } from '../../i18n/index.ts';

const STYLE: Record<string, { color: string; background: string; borderColor: string }> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  published: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
};

export function ReportStateTag({ state }: { state: string }) {
  return <span className="gk-tag" data-state={state} style={STYLE[state] ?? STYLE.draft}>{t.annualReports.states[state] ?? state}</span>;
}
