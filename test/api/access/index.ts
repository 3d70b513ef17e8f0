/**
 * The modules' access suites, walked by test/api/access.int.test.ts. Add a module's suite here.
 */
import type { ModuleAccess } from './access-kit.ts';
import { publicationsAccess } from './publications.access.ts';
import { consultationsAccess } from './consultations.access.ts';
import { searchAccess } from './search.access.ts';
import { gazetteAccess } from './gazette.access.ts';
import { interpretationsAccess } from './interpretations.access.ts';
import { normativeAccess } from './normative.access.ts';
import { evaluationsAccess } from './evaluations.access.ts';
import { annualReportsAccess } from './annual-reports.access.ts';
import { inspectionsAccess } from './inspections.access.ts';

export const MODULE_ACCESS: ModuleAccess[] = [
  publicationsAccess,
  consultationsAccess,
  searchAccess,
  gazetteAccess,
  interpretationsAccess,
  normativeAccess,
  evaluationsAccess,
  annualReportsAccess,
  inspectionsAccess,
];
