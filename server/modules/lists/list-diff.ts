/**
 * What a revised notice changes in a stored list: tasks added, removed and changed, matched by 序号.
 * Pure: compares two task lists.
 */

/** The fields of a task that a notice states. */
export interface ComparableTask {
  seq: number;
  section: string | null;
  subsection: string | null;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  eachLeads: boolean;
  merged: boolean;
  dueDate: string | null;
  deadlineText: string | null;
  recurrence: string | null;
  target: string | null;
}

const FIELDS = ['section', 'subsection', 'text', 'leadUnits', 'responsibleUnits', 'eachLeads', 'merged', 'dueDate', 'deadlineText', 'recurrence', 'target'] as const;
export type TaskField = (typeof FIELDS)[number];

export interface TaskChange {
  seq: number;
  fields: { field: TaskField; before: unknown; after: unknown }[];
}

export interface ListDiff {
  added: ComparableTask[];
  removed: ComparableTask[];
  changed: TaskChange[];
  unchanged: number;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Compares the stored tasks with the revised notice's tasks. */
export function diffTasks(stored: ComparableTask[], revised: ComparableTask[]): ListDiff {
  const before = new Map(stored.map((t) => [t.seq, t]));
  const after = new Map(revised.map((t) => [t.seq, t]));
  const added = revised.filter((t) => !before.has(t.seq));
  const removed = stored.filter((t) => !after.has(t.seq));
  const changed: TaskChange[] = [];
  let unchanged = 0;
  for (const t of revised) {
    const old = before.get(t.seq);
    if (!old) continue;
    const fields = FIELDS.filter((f) => !same(old[f], t[f])).map((field) => ({ field, before: old[field], after: t[field] }));
    if (fields.length) changed.push({ seq: t.seq, fields });
    else unchanged++;
  }
  return { added, removed, changed, unchanged };
}
