// Every action the audit log records, declared once. The workflow's events (submit, approve,
// reject, withdraw, reopen, void, restore) come from its transition table; the rest are the
// other writes of the data layer.
import { entryEvents } from './workflow';

const otherActions = [
  // Entries
  'create',
  'edit',
  'comment',
  'acknowledge',
  'region',
  'page',
  // Books, scans and pages
  'settings',
  'template',
  'archive',
  'unarchive',
  'import',
  'pages',
  'move',
  'delete-page',
  'export',
  // Officers and this PC
  'sign-in',
  'pin',
  'update',
  'trust-pc',
  'revoke-pc',
  'rename-pc',
  // Files between PCs and backups
  'backup',
  'backup-schedule',
  'restore',
  'merge',
  'work-package',
  'conflict',
  'resolve-conflict',
  'add-from-file',
  'create-from-file',
  'edit-from-file',
  'take-from-file',
  'import-from-file',
  // Reconciliation against the Ministry's system
  'reconcile',
  // Blind double keying: a value of an entry's second keying, kept apart from the entry
  'keying',
] as const;

/** An action of the audit log. */
export type AuditAction = (typeof entryEvents)[number] | (typeof otherActions)[number];

export const auditActions: readonly AuditAction[] = [...new Set([...entryEvents, ...otherActions])];
