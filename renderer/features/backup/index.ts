// What other screens use of backups and work packages; the rest of this folder is its own.
export { autoBackups } from './auto-backup';
export { BackupTools } from './BackupTools';
export { FirstRunRestore } from './FirstRunRestore';
export { WorkPackageTools } from './WorkPackageTools';
