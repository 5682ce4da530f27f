// What the officer reads while an export runs and when it ends: the progress, then the checked
// bundle and where it went, or what the re-read found different (nothing was saved then).
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import type { Book } from '../../db/types';
import type { Verification, WrittenBundle } from '../../workers/export-protocol';
import type { HeldBack } from './export-rule';
import { ExportHistory } from './ExportHistory';
import { HeldBackList } from './ExportScope';
import { PageSizeReport } from './PageSizeReport';

export function ExportDone({
  book,
  written,
  verification,
  folder,
  held,
  onClose,
}: {
  book: Book;
  written: WrittenBundle;
  verification: Verification;
  folder: string;
  held: HeldBack[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const template = getTemplate(book.templateVersion);
  return (
    <section className="export-problems" aria-labelledby="export-done-title">
      <h2 id="export-done-title">{t('exporter.doneTitle')}</h2>
      <p>
        {t('exporter.verified', {
          rows: verification.rows,
          pdfs: verification.pdfs,
          pages: verification.pages,
        })}
      </p>
      <p>{folder ? t('exporter.where', { folder }) : t('exporter.whereDownloads')}</p>
      <PageSizeReport stats={written.pageBytes} />
      {written.pageBytes.pagesRebuilt > 0 && (
        <p>{t('exporter.rebuilt', { n: written.pageBytes.pagesRebuilt })}</p>
      )}
      {held.length > 0 && (
        <>
          <p>{t('exportScope.heldTitle', { n: held.length })}</p>
          <HeldBackList
            bookId={book.id}
            held={held}
            template={template}
            exportSubmitted={book.exportSubmitted === true}
            label={t('exportScope.heldTitle', { n: held.length })}
          />
        </>
      )}
      <ExportHistory bookId={book.id} isOpen />
      <button type="button" autoFocus onClick={onClose}>
        {t('common.close')}
      </button>
    </section>
  );
}

export function ExportMismatch({
  verification,
  onClose,
}: {
  verification: Verification;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="export-problems" role="alert" aria-labelledby="export-mismatch-title">
      <h2 id="export-mismatch-title">{t('exporter.verifyFailedTitle')}</h2>
      <ul>
        {verification.problems.map((problem, index) => (
          <li key={`${problem.check}-${index}`}>
            {t(`exporter.verify.${problem.check}`, problem.params ?? {})}
          </li>
        ))}
      </ul>
      <p>{t('exporter.verifyFailed')}</p>
      <button type="button" autoFocus onClick={onClose}>
        {t('common.close')}
      </button>
    </section>
  );
}

/** Opening the destination (no `running` yet), then writing and re-reading, with Cancel. */
export function ExportProgress({
  running,
  onCancel,
}: {
  running?: { step: 'write' | 'verify'; done: number; total: number };
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="export-progress" role="status">
      <label>
        {running
          ? t(running.step === 'write' ? 'exporter.writing' : 'exporter.verifying', {
              done: running.done,
              total: running.total,
            })
          : t('exporter.opening')}
        {running && <progress max={running.total} value={running.done} />}
      </label>
      <p>{t('exporter.cancelHint')}</p>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
