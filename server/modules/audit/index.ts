/**
 * Audit module: the append-only record of who changed what, written inside each change's transaction,
 * hash-chained so that an altered or deleted record is found (`verifyAuditChain`, `gongkai audit verify`).
 */
export { recordAudit, listAuditLog, canReadAuditLog, type AuditEvent, type AuditEntry } from './audit.service.ts';
export { verifyAuditChain, type ChainReport } from './audit.service.ts';
export type { ChainProblem } from './audit.chain.ts';
export { auditRoutes } from './audit.routes.ts';
