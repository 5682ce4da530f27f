import { backupErrorDetail } from './backup-errors';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { repo } from '../../db';
import type { EntryRecord } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { diffConflict } from './conflict-diff';
import { fieldLabel } from '../../locales/field-label';
import { conflictReads, useLiveQuery } from '../../db/reads';

const otherLabels = {
  pages: 'backup.differencePages',
  region: 'backup.differenceRegion',
  status: 'backup.differenceStatus',
  acknowledgements: 'backup.differenceAcknowledgements',
} as const;

/** Entries changed on both PCs, side by side; the supervisor keeps one version per entry. */
export function ConflictsDialog({
  bookId,
  template,
  onClose,
}: {
  bookId: string;
  template: RegisterTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const rows = useLiveQuery(() => conflictReads.conflictsWithMine(bookId), [bookId]);

  const resolve = async (mine: EntryRecord, choice: 'mine' | 'theirs') => {
    try {
      await repo.resolveConflict(mine.id, choice);
      notify('info', t('backup.resolved', { so: mine.fields.so ?? '?' }));
    } catch (error) {
      notify('error', t('backup.resolveFailed', { detail: backupErrorDetail(error) }));
    }
  };

  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog conflicts-dialog"
      aria-labelledby="conflicts-title"
      onClose={onClose}
    >
      <h2 id="conflicts-title">{t('backup.conflictsHeading')}</h2>
      <p className="hint">{t('backup.conflictsIntro')}</p>
      {rows && rows.length === 0 && <p>{t('backup.conflictsNone')}</p>}
      {rows?.map(({ conflict, mine }) => {
        const diff = diffConflict(template, mine, conflict.theirs);
        const headingId = `conflict-${mine.id}`;
        const name =
          mine.fields[template.mainNameField] ||
          conflict.theirs.fields[template.mainNameField] ||
          '';
        return (
          <article key={mine.id} className="conflict" aria-labelledby={headingId}>
            <h3 id={headingId}>{t('backup.conflictEntry', { so: mine.fields.so ?? '?', name })}</h3>
            <p className="hint">
              {t('backup.conflictSource', {
                file: conflict.source,
                date: new Date(conflict.receivedAt).toLocaleString('vi-VN'),
              })}
            </p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('backup.field')}</th>
                  <th scope="col">{t('backup.mine')}</th>
                  <th scope="col">{t('backup.theirs')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.fields.map((field) => (
                  <tr key={field.key}>
                    <th scope="row">{fieldLabel(t, field)}</th>
                    <td>{field.mine}</td>
                    <td>{field.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {diff.other.length > 0 && (
              <p>
                {t('backup.otherDifferences', {
                  what: diff.other.map((part) => t(otherLabels[part])).join(', '),
                })}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" onClick={() => void resolve(mine, 'mine')}>
                {t('backup.keepMine')}
              </button>
              <button type="button" onClick={() => void resolve(mine, 'theirs')}>
                {t('backup.takeTheirs')}
              </button>
            </div>
          </article>
        );
      })}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
