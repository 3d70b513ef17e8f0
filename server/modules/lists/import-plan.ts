/**
 * Turns an importer result into a plan against the unit directory: every unit phrase resolved to
 * units (groups expanded, the notice's own annex defining its group), unknown names collected (they
 * become placeholder units, never dropped), and the assignments the list will hold — one per
 * task × unit × role, without duplicates. Pure: no I/O.
 */
import type { ImportResult, ImportWarning } from './import/import.types.ts';
import type { UnitResolver } from '../directory/index.ts';
import type { AssignmentRole } from './list-kinds.ts';

/** A unit reference in a plan: a directory unit id, or an unknown name that will become a placeholder. */
export type UnitRef = { unitId: number } | { unknownName: string };

export interface PlannedTask {
  seq: number;
  leadRefs: UnitRef[];
  responsibleRefs: UnitRef[];
}

export interface ImportPlan {
  /** The annex group resolved or to be created (null when the notice has no annex) */
  annexGroup: { name: string; groupId: number | null; members: UnitRef[] } | null;
  tasks: PlannedTask[];
  /** Distinct unknown names, in order of first appearance */
  unknownNames: string[];
  /** Resolution warnings (unknown names, empty cells), with the task's line */
  warnings: ImportWarning[];
  /** How many unit phrases resolved to units already in the directory */
  knownPhraseCount: number;
  assignmentCount: number;
}

function refKey(r: UnitRef): string {
  return 'unitId' in r ? `u${r.unitId}` : `n${r.unknownName}`;
}

function uniqueRefs(refs: UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(refKey(r)) ? false : (seen.add(refKey(r)), true)));
}

/** Builds the plan for an import result against a directory resolver. */
export function planImport(result: ImportResult, resolver: UnitResolver): ImportPlan {
  const warnings: ImportWarning[] = [];
  const unknown: string[] = [];
  let knownPhraseCount = 0;
  const noteUnknown = (name: string, line: number | null, where: string) => {
    if (!unknown.includes(name)) {
      unknown.push(name);
      warnings.push({ line, message: `${where}未知单位“${name}”：已创建待确认的占位单位，请在单位名录中确认或合并` });
    }
  };

  // The annex defines its group's members for this notice.
  let annexGroup: ImportPlan['annexGroup'] = null;
  const overrides = new Map<number, number[]>();
  let annexUnknown: string[] = [];
  if (result.annexGroup && result.annex.length) {
    const members: UnitRef[] = result.annex.map((name) => {
      const id = resolver.findUnit(name);
      if (id === undefined) {
        noteUnknown(name, null, '附件名单中的');
        return { unknownName: name };
      }
      knownPhraseCount++;
      return { unitId: id };
    });
    const groupId = resolver.findGroup(result.annexGroup) ?? null;
    annexGroup = { name: result.annexGroup, groupId, members: uniqueRefs(members) };
    annexUnknown = members.filter((m): m is { unknownName: string } => 'unknownName' in m).map((m) => m.unknownName);
    if (groupId !== null) overrides.set(groupId, members.filter((m): m is { unitId: number } => 'unitId' in m).map((m) => m.unitId));
  }

  const resolvePhrases = (phrases: string[], line: number): UnitRef[] => {
    const refs: UnitRef[] = [];
    for (const phrase of phrases) {
      if (annexGroup && annexGroup.groupId === null && resolver.findGroup(phrase) === undefined && sameName(phrase, annexGroup.name)) {
        // The annex's group is new to the directory: expand it from the annex itself.
        refs.push(...annexGroup.members);
        if (annexGroup.members.some((m) => 'unitId' in m)) knownPhraseCount++;
        continue;
      }
      const r = resolver.resolve(phrase, overrides);
      if (r.kind === 'unknown') {
        noteUnknown(phrase, line, '');
        refs.push({ unknownName: phrase });
        continue;
      }
      knownPhraseCount++;
      refs.push(...r.unitIds.map((unitId) => ({ unitId })));
      if (r.kind === 'group' && annexGroup && r.groupId === annexGroup.groupId) {
        refs.push(...annexUnknown.map((unknownName) => ({ unknownName })));
      }
    }
    return uniqueRefs(refs);
  };

  let assignmentCount = 0;
  const tasks: PlannedTask[] = result.tasks.map((t) => {
    const leadRefs = resolvePhrases(t.leadUnits, t.line);
    const responsibleRefs = t.merged ? leadRefs : resolvePhrases(t.responsibleUnits, t.line);
    if (!leadRefs.length && !responsibleRefs.length) warnings.push({ line: t.line, message: `第${t.seq}项任务没有任何单位` });
    assignmentCount += leadRefs.length + responsibleRefs.length;
    return { seq: t.seq, leadRefs, responsibleRefs };
  });

  return { annexGroup, tasks, unknownNames: unknown, warnings, knownPhraseCount, assignmentCount };
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\s/g, '').normalize('NFKC') === b.replace(/\s/g, '').normalize('NFKC');
}

/** The assignments of one planned task, as (unit, role) pairs, with unknown names mapped to ids. */
export function expandTask(task: PlannedTask, idOfUnknown: (name: string) => number): { unitId: number; role: AssignmentRole }[] {
  const id = (r: UnitRef) => ('unitId' in r ? r.unitId : idOfUnknown(r.unknownName));
  const out: { unitId: number; role: AssignmentRole }[] = [];
  const seen = new Set<string>();
  for (const [role, refs] of [['lead', task.leadRefs], ['responsible', task.responsibleRefs]] as const) {
    for (const r of refs) {
      const unitId = id(r);
      const key = `${unitId}:${role}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ unitId, role });
      }
    }
  }
  return out;
}

/** Which stored assignments of a task to delete and which to insert so that it holds exactly `wanted`. */
export function assignmentDelta(
  have: { id: number; unitId: number; role: string }[],
  wanted: { unitId: number; role: AssignmentRole }[],
): { deleteIds: number[]; insert: { unitId: number; role: AssignmentRole }[] } {
  const wantedKeys = new Set(wanted.map((w) => `${w.unitId}:${w.role}`));
  const haveKeys = new Set(have.map((h) => `${h.unitId}:${h.role}`));
  return {
    deleteIds: have.filter((h) => !wantedKeys.has(`${h.unitId}:${h.role}`)).map((h) => h.id),
    insert: wanted.filter((w) => !haveKeys.has(`${w.unitId}:${w.role}`)),
  };
}
