/**
 * Lists module: notices imported into tracked lists — sections, tasks, assignments.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { moveAssignmentsToUnit } from './lists.repository.ts';

export { listLists, getListDetail, listTasks, updateList, publishList, deleteList, getTask, updateTask, registerListPublishedHandler, type ListPublishedHandler, type ListDetail } from './lists.service.ts';
export { findAssignmentFacts, findLeadUnits, setAssignmentFinalState, setReportingCycle, findListById, findTaskById, findSections, findTasks, type AssignmentFacts } from './lists.repository.ts';
export { canReadList, canManageLists } from './lists.policy.ts';
export { readNotice, previewImport, importNotice, previewReimport, applyReimport } from './list-import.service.ts';
export { exportListXlsx } from './list-export.ts';
export { countLists } from './lists.repository.ts';
export { listsRoutes } from './lists.routes.ts';
export { LIST_KINDS, type ListKind } from './list-kinds.ts';

// Assignments follow their unit when a placeholder unit is merged into the real one.
registerUnitMergeHandler(moveAssignmentsToUnit);
