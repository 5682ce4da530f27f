import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { SignerNotice } from './SignerNotice';
import type { ImportPhase } from './use-file-import';

export function templateName(version: string): string {
  try {
    return getTemplate(version).name;
  } catch {
    return version;
  }
}

/**
 * What a chosen file holds (books, entries, date), or why it was refused; the caller's actions
 * (restore, merge) come as children once the file passed every check.
 */
export function FileImportDialog({
  phase,
  title,
  onClose,
  onTrusted,
  isFirstRun = false,
  children,
}: {
  phase: ImportPhase;
  title: string;
  onClose: () => void;
  /** The officer trusted the file's signer from the preview. */
  onTrusted: () => void;
  /** On the first-run screen nobody can trust a PC: the fingerprint is only compared. */
  isFirstRun?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (phase.name === 'idle') return null;
  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog file-import-dialog"
      aria-labelledby="file-import-title"
      onClose={onClose}
    >
      <h2 id="file-import-title">{title}</h2>
      {phase.name === 'reading' && (
        <p role="status">
          {phase.percent === undefined
            ? t('backup.reading', { file: phase.fileName })
            : t('backup.readingPercent', { file: phase.fileName, percent: phase.percent })}
        </p>
      )}
      {phase.name === 'applying' && <p role="status">{t('backup.applying')}</p>}
      {phase.name === 'refused' && (
        <div role="alert">
          <p>{t(`backup.problems.${phase.problem}`, { file: phase.fileName })}</p>
          <details className="hint">
            <summary>{t('backup.technicalSummary')}</summary>
            <code>{phase.detail}</code>
          </details>
        </div>
      )}
      {phase.name === 'preview' && (
        <>
          <p>
            {t('backup.previewIntro', {
              file: phase.fileName,
              date: new Date(phase.preview.createdAt).toLocaleString('vi-VN'),
              version: phase.preview.appVersion,
            })}
          </p>
          <SignerNotice preview={phase.preview} onTrusted={onTrusted} isFirstRun={isFirstRun} />
          <ul>
            {phase.preview.books.map((book) => (
              <li key={book.id}>
                {t('backup.bookRow', {
                  name: templateName(book.templateVersion),
                  quyenSo: book.quyenSo,
                  year: book.year,
                  entries: book.entries,
                })}
              </li>
            ))}
          </ul>
          <p>
            {t('backup.previewTotals', {
              books: phase.preview.books.length,
              entries: phase.preview.entries,
              scans: phase.preview.scans,
            })}
          </p>
          {!phase.preview.withScans && <p className="hint">{t('backup.previewNoScans')}</p>}
          {phase.preview.officers.length > 0 && (
            <p>
              {t(
                phase.preview.kind === 'backup'
                  ? 'backup.previewOfficersBackup'
                  : 'backup.previewOfficersPackage',
                {
                  n: phase.preview.officers.length,
                  officers: phase.preview.officers
                    .map(({ name, role }) =>
                      t('backup.officerRow', { name, role: t(`officers.roles.${role}`) }),
                    )
                    .join(', '),
                },
              )}
            </p>
          )}
          {phase.preview.approved > 0 && (
            <p>{t('backup.previewApproved', { n: phase.preview.approved })}</p>
          )}
          {children}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={phase.name === 'applying'}>
          {phase.name === 'preview' ? t('common.cancel') : t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
