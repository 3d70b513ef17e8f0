/**
 * Directory module: units, aliases, unit groups, phrase resolution, placeholder units, CSV.
 */
export {
  getUnit, listUnits, getUnitView, unitNames, createUnit, updateUnit, mergeUnit, registerUnitMergeHandler,
  listGroups, getGroupView, createGroup, updateGroup, loadResolver, createPlaceholderUnit, ensureGroup,
  importDirectoryCsv, exportDirectoryCsv, countUnits, canManageDirectory,
  type UnitView, type GroupView, type UnitMergeHandler,
} from './directory.service.ts';
export { UnitResolver, type ResolvedPhrase } from './resolver.ts';
export { nameKey, tidyName } from './names.ts';
export { directoryRoutes } from './directory.routes.ts';
export { seedJiaxingDirectory } from './directory.seed.ts';
