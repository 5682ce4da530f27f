import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { withExplainedError } from '../storage';
import { groupRefusals, importFiles, type Refusal } from './import-files';
import { normaliseImageOffThread } from './import-images';
import { inspectPdf } from './pdf';
import { holdPreparation } from '../prepare';

const ACCEPT = 'application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png';

/** Imports PDFs and phone photos, many at once; each refused file is named with its reason. */
export function ImportScanButton({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ current: number; total: number } | null>(null);
  const notify = useUiStore((state) => state.notify);
  const showPage = useUiStore((state) => state.showPage);

  const explain = (refusal: Refusal) => {
    // The messages quote one name as «{{file}}»; several become «a.jpg», «b.jpg».
    const file = refusal.fileNames.join('», «');
    return refusal.problem === 'failed'
      ? t('scans.importFailed', { file, detail: refusal.detail })
      : t(`scans.problems.${refusal.problem}`, { file });
  };

  const importPicked = async (files: File[]) => {
    setProgress({ current: 0, total: files.length });
    // Photos decode in workers during an import: preparing pages waits until it is over.
    const release = holdPreparation();
    try {
      const summary = await importFiles(
        files,
        {
          inspectPdf,
          normaliseImage: normaliseImageOffThread,
          addScan: (input) => repo.addScan(bookId, input).catch(withExplainedError(t)),
        },
        (current, total) => setProgress({ current, total }),
      );
      for (const refusal of groupRefusals(summary.outcomes)) notify('error', explain(refusal));
      if (summary.firstPageId) showPage(bookId, summary.firstPageId);
      const [only] = summary.outcomes;
      if (summary.outcomes.length === 1 && only?.ok) {
        notify('info', t('scans.imported', { file: only.fileName, n: only.pageCount }));
      } else if (summary.importedFiles > 0) {
        notify(
          'info',
          t('scans.importedMany', { files: summary.importedFiles, n: summary.importedPages }),
        );
      }
    } finally {
      release();
      setProgress(null);
    }
  };

  return (
    <>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page,
          where the book's shortcuts no longer reach the workspace. */}
      <button
        type="button"
        data-import-scans
        aria-disabled={progress !== null}
        onClick={() => {
          if (progress === null) inputRef.current?.click();
        }}
      >
        {progress === null
          ? t('scans.import')
          : progress.total > 1
            ? t('scans.importingProgress', progress)
            : t('scans.importing')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label={t('scans.import')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) {
            importPicked(files).catch((error: unknown) =>
              notify('error', t('scans.importFailed', { file: '', detail: String(error) })),
            );
          }
        }}
      />
    </>
  );
}
