import { useTranslation } from 'react-i18next';
import { backupErrorDetail } from './backup-errors';
import { repo } from '../../db';
import type { FileData } from '../../db/backup-rows';
import { useUiStore } from '../../store/ui-store';

/** Merges checked file data and tells the officer what happened, conflicts first. */
export function useMergeFile() {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  return async (data: FileData, fileName: string): Promise<void> => {
    try {
      const summary = await repo.mergeFile(data, fileName);
      notify('info', t('backup.merged', { file: fileName, ...summary }));
      if (summary.approvalsWithheld > 0)
        notify('info', t('backup.mergedApprovalsWithheld', { n: summary.approvalsWithheld }));
      if (summary.inArchivedBooks > 0)
        notify('info', t('backup.mergedInArchivedBooks', { n: summary.inArchivedBooks }));
      if (summary.conflicts > 0)
        notify('error', t('backup.mergedConflicts', { n: summary.conflicts }));
    } catch (error) {
      notify('error', t('backup.applyFailed', { detail: backupErrorDetail(error) }));
    }
  };
}
