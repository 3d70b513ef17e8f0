/**
 * The modules' access suites, walked by test/api/access.int.test.ts. Add a module's suite here.
 */
import type { ModuleAccess } from './access-kit.ts';
import { publicationsAccess } from './publications.access.ts';

export const MODULE_ACCESS: ModuleAccess[] = [
  publicationsAccess,
];
