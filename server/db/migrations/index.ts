/**
 * The ordered registry of migrations. Append new files here; never edit or reorder old ones.
 */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-25T0900_foundation.ts';
import * as taskSource from './2026-11-25T1000_task_source.ts';
import * as workbench from './2026-11-25T1100_workbench.ts';
import * as disclosureRequests from './2026-11-25T1200_disclosure_requests.ts';
import * as progressRevision from './2026-11-25T1300_progress_revision.ts';
import * as disclosurePlatform from './2026-11-25T1400_disclosure_platform.ts';
import * as evaluations from './2026-11-25T1510_evaluations.ts';
import * as annualReports from './2026-11-25T1520_annual_reports.ts';
import * as inspections from './2026-11-25T1500_inspections.ts';
import * as auditChain from './2026-11-25T1530_audit_chain.ts';
import * as searchNodeIds from './2026-11-25T1540_search_node_ids.ts';
import * as loginHardening from './2026-11-25T1550_login_hardening.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-25T0900_foundation': foundation,
  '2026-11-25T1000_task_source': taskSource,
  '2026-11-25T1100_workbench': workbench,
  '2026-11-25T1200_disclosure_requests': disclosureRequests,
  '2026-11-25T1300_progress_revision': progressRevision,
  '2026-11-25T1400_disclosure_platform': disclosurePlatform,
  '2026-11-25T1500_inspections': inspections,
  '2026-11-25T1510_evaluations': evaluations,
  '2026-11-25T1520_annual_reports': annualReports,
  '2026-11-25T1530_audit_chain': auditChain,
  '2026-11-25T1540_search_node_ids': searchNodeIds,
  '2026-11-25T1550_login_hardening': loginHardening,
};
