/**
 * Audit module: the append-only record of who changed what, written inside each change's transaction.
 */
export { recordAudit, listAuditLog, canReadAuditLog, type AuditEvent, type AuditEntry } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
