/**
 * The notice's own layout: tasks under their section (一、) and subsection (（一）) headings.
 */
import type { Section, Task } from '../api/types.ts';

export type LayoutRow<T> =
  | { kind: 'heading'; key: string; level: number; label: string }
  | { kind: 'item'; key: string; item: T };

export function headingLabel(s: Pick<Section, 'level' | 'numeral' | 'title'>): string {
  return s.level <= 1 ? `${s.numeral}、${s.title}` : `（${s.numeral}）${s.title}`;
}

/**
 * Interleaves heading rows with the items, in task order. `taskOf` gives an item's task id; items
 * whose task is unknown come last without a heading.
 */
export function withHeadings<T>(items: T[], taskOf: (item: T) => number, keyOf: (item: T) => string | number, detail: { sections: Section[]; tasks: Task[] } | undefined): LayoutRow<T>[] {
  if (!detail) return items.map((item) => ({ kind: 'item', key: String(keyOf(item)), item }));
  const taskById = new Map(detail.tasks.map((t) => [t.id, t]));
  const sectionById = new Map(detail.sections.map((s) => [s.id, s]));
  const sorted = [...items].sort((a, b) => (taskById.get(taskOf(a))?.seq ?? 1e9) - (taskById.get(taskOf(b))?.seq ?? 1e9));
  const rows: LayoutRow<T>[] = [];
  let lastSection: number | null | undefined;
  let lastSubsection: number | null | undefined;
  for (const item of sorted) {
    const task = taskById.get(taskOf(item));
    if (task) {
      if (task.sectionId !== lastSection) {
        lastSection = task.sectionId;
        lastSubsection = undefined;
        const s = task.sectionId !== null ? sectionById.get(task.sectionId) : undefined;
        if (s) rows.push({ kind: 'heading', key: `s${s.id}`, level: 1, label: headingLabel(s) });
      }
      if (task.subsectionId !== lastSubsection) {
        lastSubsection = task.subsectionId;
        const s = task.subsectionId !== null ? sectionById.get(task.subsectionId) : undefined;
        if (s) rows.push({ kind: 'heading', key: `s${s.id}`, level: 2, label: headingLabel(s) });
      }
    }
    rows.push({ kind: 'item', key: String(keyOf(item)), item });
  }
  return rows;
}

/** "2020年9月底前" as written, else the due date. */
export function deadlineOf(task: { deadlineText?: string | null; dueDate?: string | null }, formatDate: (d: string | null) => string): string {
  return task.deadlineText || formatDate(task.dueDate ?? null) || '—';
}
